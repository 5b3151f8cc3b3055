// The Standard Safeguarding Dataset's tables and columns, as Beacon knows
// them (SSD data specification: 48 tables), and recognising a table from a
// CSV header.
//
// A table is recognised by its columns, compared case-insensitively and in
// any order; extra columns are tolerated. A header holding a table's key
// column and at least half of its columns is recognised too, so that the
// reader can refuse it with a message naming the columns it lacks rather than
// leave the user guessing what the file is.
#ifndef BEACON_INGEST_SSD_TABLES_H_
#define BEACON_INGEST_SSD_TABLES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beacon {

struct SsdTableSpec {
  std::string_view name;  // "ssd_person"
  std::string_view key;   // the column identifying a row ("pers_person_id")
  bool used = false;      // Beacon maps the table into its case history
  std::vector<std::string_view> columns;
};

// Every SSD table, by name.
const std::vector<SsdTableSpec>& ssd_tables();
const SsdTableSpec* find_ssd_table(std::string_view name);

// How well a header matches one table.
struct SsdHeaderMatch {
  const SsdTableSpec* table = nullptr;
  std::vector<std::string> missing;  // the table's columns the header lacks
};

// The table a header belongs to (complete or near-complete; see above), or
// nullopt. Among complete matches the largest table wins; `file_name`
// ("ssd_person.csv") breaks ties.
std::optional<SsdHeaderMatch> match_ssd_header(const std::vector<std::string>& header,
                                               const std::string& file_name);

}  // namespace beacon

#endif  // BEACON_INGEST_SSD_TABLES_H_
