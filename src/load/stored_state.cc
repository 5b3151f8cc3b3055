#include "load/stored_state.h"

#include <algorithm>
#include <unordered_set>

#include "history/open_records.h"

namespace beacon {

Result<StoredState> read_stored_state(Store& store, const std::set<std::string>* tables) {
  auto contributions = store.contributions();
  if (!contributions) return contributions.status();
  auto records = store.read_records(tables);
  if (!records) return records.status();
  return StoredState{std::move(*contributions), std::move(*records)};
}

std::set<std::string> tables_touched(const std::vector<Contribution>& stored, const Batch& batch) {
  std::set<std::string> tables;
  std::set<std::string> keys;
  for (const auto& c : batch.contributions) {
    keys.insert(c.key());
    for (const auto& [table, _] : c.carried) tables.insert(table);
  }
  batch.records.for_each_table([&tables](const auto& t) {
    using R = typename std::decay_t<decltype(t)>::value_type;
    if (!t.empty()) tables.insert(R::kTable);
  });
  bool replaced_unknown = false;  // a replaced contribution that never said what it carries
  for (const auto& c : stored) {
    if (!keys.count(c.key())) continue;
    replaced_unknown |= c.carried.empty();
    for (const auto& [table, _] : c.carried) tables.insert(table);
  }
  // Withdrawing a record withdraws the records that belong to it. Tables come
  // parents first, so grandchildren follow too.
  const CaseHistory all;
  all.for_each_table([&](const auto& t) {
    using R = typename std::decay_t<decltype(t)>::value_type;
    auto parent = parent_of(R{});
    if (replaced_unknown || (parent && tables.count(parent->table))) tables.insert(R::kTable);
  });
  return tables;
}

void apply_batch(StoredState& state, const Batch& batch) {
  std::set<std::string> keys;
  for (const auto& c : batch.contributions) keys.insert(c.key());
  int32_t top = 0;
  std::unordered_set<int32_t> replaced;
  for (const auto& c : state.contributions) {
    top = std::max(top, c.id);
    if (keys.count(c.key())) replaced.insert(c.id);
  }
  std::erase_if(state.contributions,
                [&replaced](const Contribution& c) { return replaced.count(c.id) > 0; });
  for (size_t i = 0; i < batch.contributions.size(); ++i) {
    state.contributions.push_back(batch.contributions[i]);
    state.contributions.back().id = top + 1 + static_cast<int32_t>(i);
  }
  state.records.for_each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table)>::value_type;
    if (!replaced.empty())
      std::erase_if(table, [&replaced](const R& r) { return replaced.count(r.contribution) > 0; });
    for (const auto& r : batch.records.template table<R>()) {
      table.push_back(r);
      table.back().contribution = top + 1 + r.contribution;
    }
  });
}

}  // namespace beacon
