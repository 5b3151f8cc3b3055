// SSDA903 entry points beyond those in readers.h: in-memory CSV (uploads,
// fuzzing) and EXPSSDA903 XML with an explicit --year.
#ifndef BEACON_INGEST_SSDA903_READER_H_
#define BEACON_INGEST_SSDA903_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/batch.h"
#include "ingest/input_file.h"

namespace beacon {

// One CSV held in memory. `name` is what problems call it; a year written in
// it ("903_2024_25/Episodes.csv") counts as for a file on disk.
struct CsvInMemory {
  std::string name;
  std::string data;
};

// As read_ssda903_csv, for files held in memory. The table of each is
// recognised from its header.
Batch read_ssda903_csv_from_memory(const std::vector<CsvInMemory>& files,
                                   std::optional<int> year_option);

// As read_ssda903_xml, with --year. The collection year comes from a year
// element in the file when it has one (ReferenceDate, CollectionYear), else
// --year, else a year in the file or folder name, else the latest DECOM, DEC,
// REVIEW, MIS_START or DATE_MATCH in it.
Batch read_ssda903_xml(const InputFile& file, std::optional<int> year_option);
Batch read_ssda903_xml_from_memory(std::string_view data, const std::string& name,
                                   std::optional<int> year_option);

}  // namespace beacon

#endif  // BEACON_INGEST_SSDA903_READER_H_
