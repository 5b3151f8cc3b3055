#include <unordered_map>

#include "history/merge.h"
#include "model/field_text.h"

namespace beacon {
namespace {

// The record's data fields as one string; each text is length-prefixed so no
// value can imitate a separator.
template <class R>
std::string data_text(const R& r) {
  std::string out;
  R::visit(r, [&out](const char*, const auto& v, FieldRole role) {
    if (role != FieldRole::kData) return;
    auto t = field_text(v);
    out += std::to_string(t.size());
    out.push_back(':');
    out += t;
  });
  return out;
}

}  // namespace

std::map<std::string, TableDiff> diff_histories(const CaseHistory& before,
                                                const CaseHistory& after) {
  std::map<std::string, TableDiff> out;
  after.for_each_table([&](const auto& now) {
    using R = typename std::decay_t<decltype(now)>::value_type;
    const auto& then = before.template table<R>();
    if (then.empty() && now.empty()) return;
    std::unordered_map<std::string, std::string> old_text;
    old_text.reserve(then.size());
    for (const auto& r : then) old_text.emplace(natural_key(r), data_text(r));
    TableDiff d;
    int64_t kept = 0;
    for (const auto& r : now) {
      auto it = old_text.find(natural_key(r));
      if (it == old_text.end()) {
        ++d.added;
        continue;
      }
      ++kept;
      if (it->second != data_text(r)) ++d.changed;
    }
    d.removed = static_cast<int64_t>(old_text.size()) - kept;
    out[R::kTable] = d;
  });
  return out;
}

}  // namespace beacon
