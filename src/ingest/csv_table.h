// A CSV file read whole, for the readers whose rows refer to each other
// across files (the SSD extract, the local tables): the header, every row,
// and a case-insensitive index of the columns.
#ifndef BEACON_INGEST_CSV_TABLE_H_
#define BEACON_INGEST_CSV_TABLE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"
#include "ingest/csv_reader.h"

namespace beacon {

// A CSV file held in memory (uploads, fuzzing, tests).
struct MemoryCsv {
  std::string name;  // the file name to show in problems
  std::string data;  // the whole file
};

// Where a CSV comes from: a file on disk, or bytes in memory.
struct CsvSource {
  std::string name;                   // display name
  std::string path;                   // read from disk when `data` is null
  const std::string* data = nullptr;  // read from memory when set
  std::string table;                  // the table detect_format() recognised, or empty
};

struct CsvTable {
  std::string file;   // display name
  std::string table;  // the table it holds, once recognised
  int header_line = 1;
  std::vector<std::string> header;  // as written, trimmed, BOM removed
  std::vector<CsvRow> rows;

  // Index of a column by case-insensitive name, or -1.
  int column(std::string_view name) const;
  // Builds the column index; call after setting `header`.
  void index_columns();

 private:
  std::map<std::string, int, std::less<>> index_;
};

// Reads the whole file. A file that cannot be read as CSV (missing, empty,
// not UTF-8 in its header, a column named twice) gives nullopt and an error in
// `problems`; problems with single rows are left to the caller.
std::optional<CsvTable> read_csv_table(const CsvSource& source, Problems& problems);

// The columns of `wanted` the table lacks, in the order given.
std::vector<std::string> missing_columns(const CsvTable& table,
                                         const std::vector<std::string_view>& wanted);

// Sorts problems into the order of the files given, then by line, keeping
// the order of problems on one line.
void order_problems_by_file(Problems& problems, const std::vector<CsvSource>& sources);

// "a, b and c".
std::string join_names(const std::vector<std::string>& names);

// The file name without folders and extension, lower-cased: "x/SSD_Person.csv" → "ssd_person".
std::string file_stem(std::string_view name);

}  // namespace beacon

#endif  // BEACON_INGEST_CSV_TABLE_H_
