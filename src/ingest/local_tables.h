// Beacon's own local tables (docs/local-tables.md): their columns, and
// recognising a table from a CSV header.
//
// A table is recognised when the header holds all its required columns
// (case-insensitively, in any order) and at least as many of its columns as
// columns it does not know; among several, the one matching the most columns
// wins, then the one the file is named after. Unknown columns are reported
// (a misspelt optional column would otherwise be lost without a word).
#ifndef BEACON_INGEST_LOCAL_TABLES_H_
#define BEACON_INGEST_LOCAL_TABLES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beacon {

struct LocalTableSpec {
  std::string_view name;
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;

  bool knows(std::string_view column) const;  // column given lower-case
};

const std::vector<LocalTableSpec>& local_tables();
const LocalTableSpec* find_local_table(std::string_view name);

struct LocalHeaderMatch {
  const LocalTableSpec* table = nullptr;
  std::vector<std::string> missing;  // required columns the header lacks
  std::vector<std::string> unknown;  // header columns the table does not have, as written
};

// The table the header holds (missing is then empty), or nullopt.
std::optional<LocalHeaderMatch> match_local_header(const std::vector<std::string>& header,
                                                   const std::string& file_name);
// For a header no table matches: the table the file is named after, else the
// one sharing most columns with it (at least one required column), with what
// it lacks; nullopt when none comes close.
std::optional<LocalHeaderMatch> nearest_local_table(const std::vector<std::string>& header,
                                                    const std::string& file_name);

}  // namespace beacon

#endif  // BEACON_INGEST_LOCAL_TABLES_H_
