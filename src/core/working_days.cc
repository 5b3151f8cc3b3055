#include "core/working_days.h"

#include <algorithm>
#include <string>

namespace beacon {
namespace embedded {
extern const std::string_view bank_holidays_csv;
}

namespace {
// The prefix table spans these years; outside them days are counted one by one.
constexpr int kFirstYear = 1990;
constexpr int kLastYear = 2100;
}  // namespace

std::vector<BankHoliday> shipped_bank_holidays() {
  std::vector<BankHoliday> out;
  std::string_view text = embedded::bank_holidays_csv;
  bool header = true;
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (header) {
      header = false;
      continue;
    }
    if (line.empty()) continue;
    auto comma = line.find(',');
    auto date = parse_date(line.substr(0, comma));
    if (!date) continue;  // the shipped file is checked by a test
    std::string note = comma == std::string_view::npos ? "" : std::string(line.substr(comma + 1));
    out.push_back({*date, note});
  }
  return out;
}

WorkingDayCalendar::WorkingDayCalendar(const std::vector<Date>& holidays) : holidays_(holidays) {
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
  Date first = *Date::from_ymd(kFirstYear, 1, 1);
  Date last = *Date::from_ymd(kLastYear, 12, 31);
  first_ = first.serial();
  prefix_.resize(static_cast<size_t>(last.serial() - first_ + 1));
  int running = 0;
  auto h = std::lower_bound(holidays_.begin(), holidays_.end(), first);
  for (int32_t s = first_; s <= last.serial(); ++s) {
    Date d = Date::from_serial(s);
    bool holiday = false;
    while (h != holidays_.end() && *h < d) ++h;
    if (h != holidays_.end() && *h == d) holiday = true;
    if (!d.is_weekend() && !holiday) ++running;
    prefix_[static_cast<size_t>(s - first_)] = running;
  }
}

const WorkingDayCalendar& WorkingDayCalendar::england_and_wales() {
  static const WorkingDayCalendar calendar = [] {
    std::vector<Date> dates;
    for (const auto& h : shipped_bank_holidays()) dates.push_back(h.date);
    return WorkingDayCalendar(dates);
  }();
  return calendar;
}

bool WorkingDayCalendar::is_working_day(Date d) const {
  return !d.is_weekend() && !std::binary_search(holidays_.begin(), holidays_.end(), d);
}

int WorkingDayCalendar::count_through(Date d) const {
  int32_t i = d.serial() - first_;
  if (i >= 0 && i < static_cast<int32_t>(prefix_.size())) return prefix_[static_cast<size_t>(i)];
  // Outside the table: count day by day from the nearest edge.
  if (i < 0) {
    int n = 0;
    for (Date x = d.add_days(1); x.serial() < first_; x = x.add_days(1))
      if (is_working_day(x)) ++n;
    return -n;
  }
  int n = prefix_.back();
  for (Date x = Date::from_serial(first_ + static_cast<int32_t>(prefix_.size())); x <= d;
       x = x.add_days(1))
    if (is_working_day(x)) ++n;
  return n;
}

int WorkingDayCalendar::working_days(Date a, Date b) const {
  return count_through(b) - count_through(a);
}

Date WorkingDayCalendar::add_working_days(Date a, int n) const {
  Date d = a;
  while (n > 0) {
    d = d.add_days(1);
    if (is_working_day(d)) --n;
  }
  return d;
}

}  // namespace beacon
