// Which records are open at a date, from compact (start, end) spans kept in
// start order. A snapshot figure asks on 24 dates, and reading every record
// (CIN episodes, plans, assessments: hundreds of bytes each) to test two
// dates cost more than its rules; the spans are twelve bytes each.
#ifndef BEACON_SNAPSHOT_OPEN_SPANS_H_
#define BEACON_SNAPSHOT_OPEN_SPANS_H_

#include <cstdint>
#include <vector>

#include "core/date.h"

namespace beacon {

class OpenSpans {
 public:
  // Record number `record` is open from `start` until the end of the day
  // before `end` (start <= d < end); without `end`, open still.
  void add(Date start, OptDate end, uint32_t record);
  // Call once, after the last add().
  void finish();

  // The numbers of the records open at the end of day d, ascending (the
  // table's own order).
  std::vector<uint32_t> open_at(Date d) const;

 private:
  struct Span {
    int32_t start;
    int32_t end;  // INT32_MAX while open
    uint32_t record;
  };
  std::vector<Span> spans_;
};

}  // namespace beacon

#endif  // BEACON_SNAPSHOT_OPEN_SPANS_H_
