// The natural keys of a table's records, packed into one buffer so that a
// million records cost one allocation, not a million: each key is its kKey
// fields' texts, each followed by '\x1f' (natural_key_without_ordinal()), and
// records order by that text, then by ordinal. The merge groups records by
// sorting on it; the diff joins two sorted histories on it.
#ifndef BEACON_HISTORY_RECORD_KEYS_H_
#define BEACON_HISTORY_RECORD_KEYS_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/field_text.h"

namespace beacon {

template <class R>
class RecordKeys {
 public:
  explicit RecordKeys(const std::vector<R>& records) : records_(records) {
    starts_.reserve(records.size() + 1);
    for (const auto& r : records) {
      starts_.push_back(text_.size());
      R::visit(r, [this](const char*, const auto& value, FieldRole role) {
        if (role != FieldRole::kKey) return;
        text_ += field_text(value);
        text_.push_back('\x1f');
      });
    }
    starts_.push_back(text_.size());
  }

  // The key fields' text of record i (without the ordinal).
  std::string_view key(size_t i) const {
    return std::string_view(text_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }
  // natural_key() of record i.
  std::string natural_key(size_t i) const {
    return std::string(key(i)) + std::to_string(records_[i].ordinal);
  }
  // <0, 0, >0 as record i orders before, with, or after record j of `other`.
  int compare(size_t i, const RecordKeys& other, size_t j) const {
    if (int c = key(i).compare(other.key(j)); c != 0) return c;
    return records_[i].ordinal - other.records_[j].ordinal;
  }
  int compare(size_t i, size_t j) const { return compare(i, *this, j); }

  // Record indices in key order (ties in input order).
  std::vector<uint32_t> sorted() const;

 private:
  const std::vector<R>& records_;
  std::string text_;
  std::vector<size_t> starts_;
};

template <class R>
std::vector<uint32_t> RecordKeys<R>::sorted() const {
  std::vector<uint32_t> order(records_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  auto before = [this](uint32_t a, uint32_t b) {
    int c = compare(a, b);
    return c != 0 ? c < 0 : a < b;
  };
  if (!std::is_sorted(order.begin(), order.end(), before))
    std::sort(order.begin(), order.end(), before);
  return order;
}

}  // namespace beacon

#endif  // BEACON_HISTORY_RECORD_KEYS_H_
