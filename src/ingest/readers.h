// The readers: one per input format. Each turns files into a Batch of model
// records plus every problem found (file, line or element path, field). None
// touches the store; all stream their input (memory linear in its size).
//
// Errors exclude the row (or, for a structural fault, the file) from the
// batch and count it as rejected; data-quality findings (a code missing from
// that year's list, duplicate natural keys) keep the row as given.
#ifndef BEACON_INGEST_READERS_H_
#define BEACON_INGEST_READERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/batch.h"
#include "ingest/detect.h"

namespace beacon {

// CIN census XML, any layout 2017–2026. One contribution, table "*", with the
// collection year and as-of date from the header ReferenceDate.
Batch read_cin_census(const InputFile& file);

// SSDA903 as EXPSSDA903 XML. One contribution, table "*".
Batch read_ssda903_xml(const InputFile& file);

// How the collection year of SSDA903 CSVs is chosen (../shared/README.md).
struct YearChoice {
  std::optional<int> year;  // financial-year start, e.g. 2024 for 2024-25
  std::string how;          // for the load report
};

// SSDA903 CSV tables, all those given in one load together (the collection
// year may be inferred across them). `year_option` is --year when given.
// One contribution per file, named by its 903 table.
Batch read_ssda903_csv(const std::vector<DetectedFile>& files, std::optional<int> year_option);

// An SSD extract: any subset of its tables, read together so references
// between them resolve. `existing` is the effective case history already in
// the store, for references the extract does not itself hold. One contribution
// per table; as-of = the latest date in the extract.
Batch read_ssd_extract(const std::vector<DetectedFile>& files, const CaseHistory& existing);

// Beacon's local tables (docs/local-tables.md). One contribution per file.
// `existing` resolves references (workers, teams, visits, contacts).
Batch read_local_tables(const std::vector<DetectedFile>& files, const CaseHistory& existing,
                        Date load_date);

// In-memory variants (uploads, fuzzing): `data` is the whole file.
Batch read_cin_census_from_memory(std::string_view data, const std::string& name);
Batch read_ssda903_xml_from_memory(std::string_view data, const std::string& name);

// Recognisers used by detect_format(): the source table a CSV header belongs
// to, or nullopt. Column names compare case-insensitively and in any order.
// SSDA903: "Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1",
// "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes", "DoLo".
std::optional<std::string> ssda903_table_for_header(const std::vector<std::string>& header);
// SSD: the table whose columns (ssd-fields.csv) the header holds, e.g.
// "ssd_person"; `file_name` breaks ties between tables with equal columns.
std::optional<std::string> ssd_table_for_header(const std::vector<std::string>& header,
                                                const std::string& file_name);
// Local tables (docs/local-tables.md), e.g. "workers", "contact_decisions".
std::optional<std::string> local_table_for_header(const std::vector<std::string>& header,
                                                  const std::string& file_name);

}  // namespace beacon

#endif  // BEACON_INGEST_READERS_H_
