// The twelve SSDA903 tables and their column sets (specs.md §2.2), and how a
// CSV header is recognised as one of them.
#ifndef BEACON_INGEST_SSDA903_TABLES_H_
#define BEACON_INGEST_SSDA903_TABLES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace beacon {

enum class Ssda903Table {
  kHeader,
  kEpisodes,
  kReviews,
  kUasc,
  kOc2,
  kOc3,
  kAd1,
  kPlacedAdoption,
  kPrevPerm,
  kMissing,
  kSwEpisodes,
  kDoLo,
};

struct Ssda903TableSpec {
  Ssda903Table table;
  const char* name;  // "Episodes"
  // Columns a file must have to be read as this table.
  std::vector<const char*> required;
  // Columns the return carries but Beacon does not need (the DOB and SEX
  // repeated from Header): read when present, never demanded.
  std::vector<const char*> optional;
};

// Every table, in the order of specs.md §2.2.
const std::vector<Ssda903TableSpec>& ssda903_tables();
const Ssda903TableSpec& ssda903_spec(Ssda903Table table);
// By name, case-insensitively; nullptr when no table has that name.
const Ssda903TableSpec* ssda903_spec_named(std::string_view name);

// The table whose required columns the header holds (extra columns are
// allowed). When several match, the one with the most required columns wins,
// so a Header file with an added DUC column is still Header.
std::optional<Ssda903Table> ssda903_table_of(const std::vector<std::string>& header);

// For a header that is no 903 table: the table it most resembles and the
// columns it lacks, so the user can be told what to fix.
struct Ssda903NearMiss {
  Ssda903Table table;
  std::vector<std::string> missing;  // in the table's column order
  // "looks like SSDA903 Episodes but lacks the columns DEC, REC"
  std::string message() const;
};
// Nullopt when the header matches a table exactly or resembles none (fewer
// than half of any table's required columns, or only CHILD and DOB).
std::optional<Ssda903NearMiss> ssda903_near_miss(const std::vector<std::string>& header);

}  // namespace beacon

#endif  // BEACON_INGEST_SSDA903_TABLES_H_
