#include "snapshot/open_spans.h"

#include <algorithm>
#include <climits>

namespace beacon {

void OpenSpans::add(Date start, OptDate end, uint32_t record) {
  spans_.push_back({start.serial(), end ? end->serial() : INT32_MAX, record});
}

void OpenSpans::finish() {
  std::sort(spans_.begin(), spans_.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
}

std::vector<uint32_t> OpenSpans::open_at(Date d) const {
  const int32_t day = d.serial();
  // Only spans begun by d can be open; those are a prefix.
  auto begun = std::upper_bound(spans_.begin(), spans_.end(), day,
                                [](int32_t x, const Span& s) { return x < s.start; });
  std::vector<uint32_t> out;
  for (auto it = spans_.begin(); it != begun; ++it)
    if (it->end > day) out.push_back(it->record);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace beacon
