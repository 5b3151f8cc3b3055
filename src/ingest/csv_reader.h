// Streaming CSV reading for every CSV format Beacon loads (SSD, SSDA903,
// local tables), on top of libcsv: quoted fields, embedded commas and line
// breaks, CRLF, a UTF-8 byte-order mark and surrounding spaces are handled;
// each row knows the line it started on, so problems can name it.
#ifndef BEACON_INGEST_CSV_READER_H_
#define BEACON_INGEST_CSV_READER_H_

#include <deque>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/result.h"

namespace beacon {

struct CsvRow {
  int line = 0;  // 1-based physical line where the row starts
  std::vector<std::string> fields;
  // Index of a field refused as unreadable (invalid UTF-8, too long), or -1.
  int bad_field = -1;
  std::string bad_reason;
};

class CsvReader {
 public:
  // Longest field accepted; longer ones are refused with the row.
  static constexpr size_t kMaxFieldBytes = 1 << 20;

  // Opens `path` and reads its header row. `display_name` names the file in
  // problems. Fails for a missing, unreadable or empty file.
  static Result<std::unique_ptr<CsvReader>> open(const std::string& path,
                                                  std::string display_name);
  // Reads from memory (tests, fuzzing, uploads).
  static Result<std::unique_ptr<CsvReader>> from_string(std::string data,
                                                         std::string display_name);
  ~CsvReader();

  const std::string& name() const { return name_; }
  // Header cells as written, trimmed, BOM removed.
  const std::vector<std::string>& header() const { return header_; }
  int header_line() const { return header_line_; }
  // Index of a column by case-insensitive name, or -1.
  int column(std::string_view name) const;

  // The next data row; false at the end of the input. Blank lines are skipped.
  bool next(CsvRow& row);
  // A problem with the file as a whole (e.g. an unterminated quote at the end).
  const Problems& problems() const { return problems_; }

 private:
  CsvReader() = default;
  Status start();
  bool fill();  // parses more input; false at end of input

  struct Parser;
  std::unique_ptr<Parser> parser_;
  std::unique_ptr<std::istream> in_;
  std::string name_;
  std::vector<std::string> header_;
  int header_line_ = 0;
  bool at_end_ = false;
  Problems problems_;
};

// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view s);
// Strips spaces, tabs and a trailing carriage return.
std::string_view trim_view(std::string_view s);
// True when s is valid UTF-8 without NUL bytes.
bool valid_utf8(std::string_view s);

}  // namespace beacon

#endif  // BEACON_INGEST_CSV_READER_H_
