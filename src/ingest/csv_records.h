// Building records from CSV rows, shared by the SSD and local-table readers:
// numbering records that share a natural key, and declaring the fields a
// contribution carries.
#ifndef BEACON_INGEST_CSV_RECORDS_H_
#define BEACON_INGEST_CSV_RECORDS_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/problem.h"
#include "model/contribution.h"
#include "model/field_text.h"

namespace beacon {

// The natural key readably ("child_id C1, start 2024-01-02"), without ordinals.
template <class R>
std::string readable_key(const R& r) {
  std::string out;
  R::visit(r, [&out](const char* name, const auto& value, auto role) {
    if (role != decltype(role)::kKey || std::string_view(name).ends_with("ordinal")) return;
    if (!out.empty()) out += ", ";
    out += std::string(name) + " " + field_text(value);
  });
  return out;
}

// Numbers records[first..] that share a natural key by their position
// (ordinal 1, 2, …) and reports each duplicate as a finding against `file`:
// two assessments starting on one day are both kept.
template <class R>
void number_duplicates(std::vector<R>& records, size_t first, const std::string& file,
                       Problems& problems) {
  std::unordered_map<std::string, std::pair<int, int>> seen;  // key → (count, first line)
  for (size_t i = first; i < records.size(); ++i) {
    std::string key;
    R::visit(records[i], [&key](const char*, const auto& value, auto role) {
      if (role == decltype(role)::kKey) key += field_text(value) + '\x1f';
    });
    auto& [count, line] = seen[key];
    if (count == 0) line = records[i].line;
    records[i].ordinal = ++count;
    if (count > 1)
      problems.push_back({Severity::kFinding, file, records[i].line, "", "",
                          "shares its natural key (" + readable_key(records[i]) +
                              ") with the row at line " + std::to_string(line) +
                              "; both are kept, told apart by their order in the file",
                          "dq.duplicate-key"});
  }
}

// Declares that `c` carries R's natural key and `fields` (names as in R::visit).
template <class R, class Fields>
void carry(Contribution& c, const Fields& fields) {
  auto& set = c.carried[R::kTable];
  const R proto{};
  R::visit(proto, [&set](const char* name, const auto&, auto role) {
    if (role == decltype(role)::kKey) set.insert(name);
  });
  for (const auto& name : fields) set.insert(std::string(name));
}

}  // namespace beacon

#endif  // BEACON_INGEST_CSV_RECORDS_H_
