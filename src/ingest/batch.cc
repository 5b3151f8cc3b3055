#include "ingest/batch.h"

#include <type_traits>

namespace beacon {

void Batch::append(Batch&& other) {
  const auto base = static_cast<int32_t>(contributions.size());
  for (auto& c : other.contributions) contributions.push_back(std::move(c));
  other.records.for_each_table([&](auto& theirs) {
    using R = typename std::decay_t<decltype(theirs)>::value_type;
    auto& ours = records.table<R>();
    for (auto& r : theirs) {
      r.contribution += base;
      ours.push_back(std::move(r));
    }
  });
  for (auto& p : other.problems) problems.push_back(std::move(p));
  for (auto& [table, c] : other.counts) {
    counts[table].read += c.read;
    counts[table].rejected += c.rejected;
  }
  for (auto& n : other.notes) notes.push_back(std::move(n));
}

}  // namespace beacon
