#include "model/case_history.h"

namespace beacon {

size_t CaseHistory::total_records() const {
  size_t n = 0;
  for_each_table([&n](const auto& table) { n += table.size(); });
  return n;
}

}  // namespace beacon
