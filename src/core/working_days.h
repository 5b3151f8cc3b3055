// The working-day calendar: Monday–Friday, less England and Wales bank holidays.
//
// WD(a, b) counts the days d with a < d ≤ b that are working days, so an
// event on its start day takes 0 working days (indicators.md, Conventions).
// The shipped table (data/bank-holidays-england-and-wales.csv, compiled in) is
// extended by holidays users load, without a rebuild.
#ifndef BEACON_CORE_WORKING_DAYS_H_
#define BEACON_CORE_WORKING_DAYS_H_

#include <string_view>
#include <vector>

#include "core/date.h"

namespace beacon {

struct BankHoliday {
  Date date;
  std::string name;
};

class WorkingDayCalendar {
 public:
  // A calendar with the given holidays (order and duplicates do not matter).
  explicit WorkingDayCalendar(const std::vector<Date>& holidays);

  // The shipped England and Wales table only.
  static const WorkingDayCalendar& england_and_wales();

  bool is_working_day(Date d) const;
  // Working days d with a < d ≤ b; negative when b < a.
  int working_days(Date a, Date b) const;
  // The n-th working day after a (n ≥ 1), or a itself for n = 0.
  Date add_working_days(Date a, int n) const;

  const std::vector<Date>& holidays() const { return holidays_; }

 private:
  // Working days on or before d, counted from kFirst; O(1) inside the table.
  int count_through(Date d) const;

  std::vector<Date> holidays_;
  std::vector<int> prefix_;  // prefix_[i] = working days in [kFirst, kFirst + i]
  int32_t first_ = 0;
};

// The shipped table, parsed: date,note rows.
std::vector<BankHoliday> shipped_bank_holidays();

}  // namespace beacon

#endif  // BEACON_CORE_WORKING_DAYS_H_
