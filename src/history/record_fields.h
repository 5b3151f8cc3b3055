// Field-by-field access to records, generic over every table through the
// record's visit(): the field list, and copying chosen fields between two
// records of the same type. The merge builds each effective record this way.
#ifndef BEACON_HISTORY_RECORD_FIELDS_H_
#define BEACON_HISTORY_RECORD_FIELDS_H_

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "model/field_text.h"
#include "model/record.h"

namespace beacon {

// A set of a record's fields, by position in visit() order. No record type has
// anywhere near 64 fields; FieldList refuses one that does.
using FieldMask = uint64_t;

template <class R>
struct FieldList {
  std::vector<std::string> names;  // in visit() order
  FieldMask keys = 0;              // the natural-key fields
  FieldMask all = 0;

  static const FieldList& get() {
    static const FieldList list;
    return list;
  }

  // The mask of the named fields; names not in the list are ignored.
  template <class Names>
  FieldMask mask_of(const Names& wanted) const {
    FieldMask m = 0;
    for (size_t i = 0; i < names.size(); ++i)
      if (wanted.count(names[i])) m |= FieldMask{1} << i;
    return m;
  }

 private:
  FieldList() {
    const R r{};
    R::visit(r, [this](const char* name, const auto&, FieldRole role) {
      if (names.size() == 64) std::abort();  // a broken invariant, not an input problem
      if (role == FieldRole::kKey) keys |= FieldMask{1} << names.size();
      names.emplace_back(name);
    });
    all = names.size() == 64 ? ~FieldMask{0} : (FieldMask{1} << names.size()) - 1;
  }
};

// Copies the fields in `which` from `src` to `dst`.
template <class R>
void copy_fields(R& dst, const R& src, FieldMask which) {
  const void* from[64];
  int n = 0;
  R::visit(src, [&](const char*, const auto& v, FieldRole) { from[n++] = &v; });
  int i = 0;
  R::visit(dst, [&](const char*, auto& v, FieldRole) {
    if (which >> i & 1) v = *static_cast<const std::decay_t<decltype(v)>*>(from[i]);
    ++i;
  });
}

// Equal as field_text() would show them, without building the text: a
// date-time's text also says whether it has a time, and a double's text
// tells -0 from 0, so those compare as text.
template <class T>
bool same_value(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, DateTime> || std::is_same_v<T, OptDateTime> ||
                std::is_same_v<T, double> || std::is_same_v<T, std::optional<double>>)
    return field_text(a) == field_text(b);
  else
    return a == b;
}

// True when every field in `which` reads the same (field_text()) in both.
template <class R>
bool same_fields(const R& a, const R& b, FieldMask which) {
  const void* theirs[64];
  int n = 0;
  R::visit(b, [&](const char*, const auto& v, FieldRole) { theirs[n++] = &v; });
  bool same = true;
  int i = 0;
  R::visit(a, [&](const char*, const auto& v, FieldRole) {
    if (same && (which >> i & 1))
      same = same_value(v, *static_cast<const std::decay_t<decltype(v)>*>(theirs[i]));
    ++i;
  });
  return same;
}

}  // namespace beacon

#endif  // BEACON_HISTORY_RECORD_FIELDS_H_
