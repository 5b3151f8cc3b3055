#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace beacon {
namespace {

namespace chr = std::chrono;

chr::year_month_day ymd_of(int32_t days) {
  return chr::year_month_day(chr::sys_days(chr::days(days)));
}

int32_t serial_of(chr::year_month_day ymd) {
  return static_cast<int32_t>(chr::sys_days(ymd).time_since_epoch().count());
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses "HH:MM", "HH:MM:SS", "HH:MM:SS.fff", optionally followed by "Z".
std::optional<int32_t> parse_time(std::string_view t) {
  if (!t.empty() && (t.back() == 'Z' || t.back() == 'z')) t.remove_suffix(1);
  if (auto dot = t.find('.'); dot != std::string_view::npos) {
    if (!all_digits(t.substr(dot + 1))) return std::nullopt;
    t = t.substr(0, dot);
  }
  if (t.size() != 5 && t.size() != 8) return std::nullopt;
  if (t[2] != ':' || (t.size() == 8 && t[5] != ':')) return std::nullopt;
  auto hh = t.substr(0, 2), mm = t.substr(3, 2);
  auto ss = t.size() == 8 ? t.substr(6, 2) : std::string_view("00");
  if (!all_digits(hh) || !all_digits(mm) || !all_digits(ss)) return std::nullopt;
  int h = to_int(hh), m = to_int(mm), s = to_int(ss);
  if (h > 23 || m > 59 || s > 59) return std::nullopt;
  return h * 3600 + m * 60 + s;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  chr::year_month_day ymd{chr::year(year), chr::month(static_cast<unsigned>(month)),
                          chr::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return Date(serial_of(ymd));
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day())); }

int Date::iso_weekday() const {
  return static_cast<int>(chr::weekday(chr::sys_days(chr::days(days_))).iso_encoding());
}

Date Date::add_months(int n) const {
  auto ymd = ymd_of(days_);
  auto ym = chr::year_month(ymd.year(), ymd.month()) + chr::months(n);
  auto last = chr::year_month_day_last(ym.year(), chr::month_day_last(ym.month())).day();
  auto d = ymd.day() > last ? last : ymd.day();
  return Date(serial_of(chr::year_month_day(ym.year(), ym.month(), d)));
}

Date Date::month_end() const {
  auto ymd = ymd_of(days_);
  return Date(serial_of(chr::year_month_day(chr::year_month_day_last(
      ymd.year(), chr::month_day_last(ymd.month())))));
}

Date Date::month_start() const { return add_days(1 - day()); }

std::string Date::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

namespace {
const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November",
                                   "December"};
}  // namespace

std::string Date::text() const {
  return std::to_string(day()) + " " + kMonthNames[month() - 1] + " " + std::to_string(year());
}

std::string Date::month_text() const {
  return std::string(kMonthNames[month() - 1]) + " " + std::to_string(year());
}

int Date::financial_year() const { return month() >= 4 ? year() : year() - 1; }

std::string DateTime::iso() const {
  if (!has_time) return date.iso();
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60);
  return date.iso() + buf;
}

const char* describe(DateError e) {
  switch (e) {
    case DateError::kEmpty: return "no date given";
    case DateError::kFormat: return "not a date in YYYY-MM-DD or DD/MM/YYYY form";
    case DateError::kTwoDigitYear: return "two-digit year: write the year in full";
    case DateError::kImpossible: return "no such date";
  }
  return "invalid date";
}

ParsedDate parse_date_time(std::string_view text) {
  ParsedDate out;
  text = trim(text);
  if (text.empty()) {
    out.error = DateError::kEmpty;
    return out;
  }
  std::string_view date_part = text, time_part;
  if (auto sep = text.find_first_of(" T"); sep != std::string_view::npos) {
    date_part = text.substr(0, sep);
    time_part = trim(text.substr(sep + 1));
  }
  int y = 0, m = 0, d = 0;
  if (date_part.size() == 10 && date_part[4] == '-' && date_part[7] == '-') {
    auto ys = date_part.substr(0, 4), ms = date_part.substr(5, 2), ds = date_part.substr(8, 2);
    if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return out;
    y = to_int(ys), m = to_int(ms), d = to_int(ds);
  } else if (auto s1 = date_part.find('/'); s1 != std::string_view::npos) {
    auto s2 = date_part.find('/', s1 + 1);
    if (s2 == std::string_view::npos) return out;
    auto ds = date_part.substr(0, s1), ms = date_part.substr(s1 + 1, s2 - s1 - 1),
         ys = date_part.substr(s2 + 1);
    if (!all_digits(ds) || !all_digits(ms) || !all_digits(ys) || ds.size() > 2 || ms.size() > 2)
      return out;
    if (ys.size() == 2) {
      out.error = DateError::kTwoDigitYear;
      return out;
    }
    if (ys.size() != 4) return out;
    y = to_int(ys), m = to_int(ms), d = to_int(ds);
  } else {
    return out;
  }
  auto date = Date::from_ymd(y, m, d);
  if (!date) {
    out.error = DateError::kImpossible;
    return out;
  }
  DateTime dt{*date, 0, false};
  if (!time_part.empty()) {
    auto secs = parse_time(time_part);
    if (!secs) return out;
    dt.seconds = *secs;
    dt.has_time = true;
  }
  out.value = dt;
  return out;
}

std::optional<Date> parse_date(std::string_view text, DateError* error) {
  auto parsed = parse_date_time(text);
  if (!parsed.value) {
    if (error) *error = parsed.error;
    return std::nullopt;
  }
  return parsed.value->date;
}

Date YearMonth::first_day() const { return *Date::from_ymd(year, month, 1); }
Date YearMonth::last_day() const { return first_day().month_end(); }
YearMonth YearMonth::plus(int months) const {
  int index = year * 12 + (month - 1) + months;
  return {index / 12, index % 12 + 1};
}

}  // namespace beacon
