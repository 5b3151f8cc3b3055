// Date helpers shared by the world model and the writers.
#ifndef BEACON_SYNTH_DATES_H_
#define BEACON_SYNTH_DATES_H_

#include <string>

#include "core/date.h"
#include "core/working_days.h"

namespace beacon::synth {

const WorkingDayCalendar& calendar();

inline Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }
inline Date min_date(Date a, Date b) { return a < b ? a : b; }
inline Date max_date(Date a, Date b) { return a < b ? b : a; }

// The next working day on or after d.
Date working_day_on_or_after(Date d);
// n working days after d (n = 0: d itself).
inline Date add_wd(Date d, int n) { return calendar().add_working_days(d, n); }
// DOB + n years by the indicators.md rule (29 February → 28 February).
inline Date birthday(Date dob, int n) { return dob.add_years(n); }
// Completed years at d.
int age_at(Date dob, Date d);

// [start, end] (end empty = open) overlaps [from, to].
inline bool overlaps(Date start, const OptDate& end, Date from, Date to) {
  return start <= to && (!end || *end >= from);
}
// The value when on or before `cut`, else empty: a return shows only what was
// known at its reference date.
inline OptDate known_by(const OptDate& d, Date cut) {
  return d && *d <= cut ? d : OptDate();
}

// Text forms: ISO "YYYY-MM-DD", SSDA903 "DD/MM/YYYY", and "YYYY-MM-DD HH:MM".
std::string iso(Date d);
std::string iso(const OptDate& d);
std::string dmy(Date d);
std::string dmy(const OptDate& d);
std::string iso_minutes(const DateTime& t);
std::string iso_minutes(const OptDateTime& t);
// "2024-25" for collection year 2024.
std::string year_label(int year);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_DATES_H_
