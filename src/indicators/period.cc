#include "indicators/period.h"

namespace beacon {
namespace {

std::string short_date(Date d) { return d.text(); }

}  // namespace

Period Period::rolling_months(Date to, int months) {
  return {to.add_months(-months).add_days(1), to, PeriodKind::kRollingMonths, months};
}

Period Period::month_of(Date to) { return {to.month_start(), to, PeriodKind::kMonth, 1}; }

Period Period::financial_year_to_date(Date to) {
  return {*Date::from_ymd(to.financial_year(), 4, 1), to, PeriodKind::kFinancialYearToDate, 0};
}

Period Period::from_range(std::optional<Date> from, Date to) {
  if (!from) return rolling_months(to);
  if (*from == to.month_start() && to == to.month_end()) return month_of(to);
  for (int n = 1; n <= 120; ++n)
    if (to.add_months(-n).add_days(1) == *from) return rolling_months(to, n);
  if (*from == financial_year_to_date(to).from) return financial_year_to_date(to);
  if (*from == to.month_start()) return month_of(to);
  return {*from, to, PeriodKind::kExplicit, 0};
}

Period Period::ending(Date end) const {
  switch (kind) {
    case PeriodKind::kRollingMonths: return rolling_months(end, months);
    case PeriodKind::kMonth: return month_of(end);
    case PeriodKind::kFinancialYearToDate: return financial_year_to_date(end);
    case PeriodKind::kExplicit: return {end.add_days(-from.days_until(to)), end, kind, 0};
  }
  return *this;
}

std::string Period::describe() const {
  switch (kind) {
    case PeriodKind::kRollingMonths:
      return std::to_string(months) + (months == 1 ? " month" : " months") + " to " +
             short_date(to);
    case PeriodKind::kMonth:
      return to.month_text() +
             (to == to.month_end() ? "" : " to " + short_date(to));
    case PeriodKind::kFinancialYearToDate:
      return "Financial year to date (" + short_date(from) + " to " + short_date(to) + ")";
    case PeriodKind::kExplicit: return short_date(from) + " to " + short_date(to);
  }
  return {};
}

std::vector<Date> series_month_ends(Date to, int n) {
  Date last = to == to.month_end() ? to : to.month_start().add_days(-1);
  std::vector<Date> out;
  for (int k = n - 1; k >= 0; --k) out.push_back(last.month_start().add_months(-k).month_end());
  return out;
}

}  // namespace beacon
