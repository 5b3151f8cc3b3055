#include "history/merge.h"
#include "history/record_fields.h"
#include "history/record_keys.h"

namespace beacon {
namespace {

// Joins the two tables on natural key, both in key order (as merge output
// already is, so the sort is a check).
template <class R>
TableDiff diff_table(const std::vector<R>& then, const std::vector<R>& now) {
  const FieldMask data = FieldList<R>::get().all & ~FieldList<R>::get().keys;
  RecordKeys<R> old_keys(then), new_keys(now);
  const auto old_order = old_keys.sorted(), new_order = new_keys.sorted();
  TableDiff d;
  size_t i = 0, j = 0;
  while (i < old_order.size() || j < new_order.size()) {
    int c = i == old_order.size()   ? 1
            : j == new_order.size() ? -1
                                    : old_keys.compare(old_order[i], new_keys, new_order[j]);
    if (c < 0) {
      ++d.removed;
      ++i;
    } else if (c > 0) {
      ++d.added;
      ++j;
    } else {
      if (!same_fields(then[old_order[i]], now[new_order[j]], data)) ++d.changed;
      ++i;
      ++j;
    }
  }
  return d;
}

}  // namespace

std::map<std::string, TableDiff> diff_histories(const CaseHistory& before,
                                                const CaseHistory& after) {
  std::map<std::string, TableDiff> out;
  after.for_each_table([&](const auto& now) {
    using R = typename std::decay_t<decltype(now)>::value_type;
    const auto& then = before.template table<R>();
    if (!then.empty() || !now.empty()) out[R::kTable] = diff_table(then, now);
  });
  return out;
}

}  // namespace beacon
