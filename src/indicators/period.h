// Reporting periods (indicators.md "Period" and "Series").
#ifndef BEACON_INDICATORS_PERIOD_H_
#define BEACON_INDICATORS_PERIOD_H_

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace beacon {

enum class PeriodKind {
  kRollingMonths,      // the N months ending on `to` (from = to − N months + 1 day)
  kMonth,              // the calendar month containing `to`
  kFinancialYearToDate,  // 1 April to `to`
  kExplicit,           // any other range: its length in days is kept for series
};

struct Period {
  Date from;
  Date to;
  PeriodKind kind = PeriodKind::kRollingMonths;
  int months = 12;  // for kRollingMonths

  static Period rolling_months(Date to, int months = 12);
  static Period month_of(Date to);
  static Period financial_year_to_date(Date to);
  // The period a user asked for: without `from`, the 12 months ending on
  // `to`; with it, the kind is recognised from the dates (a whole number of
  // months ending on `to`, a calendar month, a financial year to date), else
  // an explicit range.
  static Period from_range(std::optional<Date> from, Date to);

  // The period of the same kind and length ending on `end` (series points).
  Period ending(Date end) const;
  bool contains(Date d) const { return from <= d && d <= to; }
  // "12 months to 31 Mar 2025", "March 2025", "April 2024 to 31 Mar 2025"…
  std::string describe() const;
};

// The month ends for a series of n points: the last month end on or before
// `to`, then each month end before it; returned oldest first.
std::vector<Date> series_month_ends(Date to, int n);

}  // namespace beacon

#endif  // BEACON_INDICATORS_PERIOD_H_
