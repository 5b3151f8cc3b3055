#include "synth/dates.h"

#include <cstdio>

namespace beacon::synth {

const WorkingDayCalendar& calendar() { return WorkingDayCalendar::england_and_wales(); }

Date working_day_on_or_after(Date d) {
  while (!calendar().is_working_day(d)) d = d.add_days(1);
  return d;
}

int age_at(Date dob, Date d) {
  if (d < dob) return -1;
  int years = d.year() - dob.year();
  if (birthday(dob, years) > d) --years;
  return years;
}

std::string iso(Date d) { return d.iso(); }
std::string iso(const OptDate& d) { return d ? d->iso() : std::string(); }

std::string dmy(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
  return buf;
}
std::string dmy(const OptDate& d) { return d ? dmy(*d) : std::string(); }

std::string iso_minutes(const DateTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d", t.date.iso().c_str(), t.seconds / 3600,
                t.seconds / 60 % 60);
  return buf;
}
std::string iso_minutes(const OptDateTime& t) { return t ? iso_minutes(*t) : std::string(); }

std::string year_label(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, (year + 1) % 100);
  return buf;
}

}  // namespace beacon::synth
