// Calendar dates and clock times as Beacon counts them.
//
// Date is a day number (days since 1970-01-01), so comparisons and day
// differences are integer operations; month and year arithmetic follows
// indicators.md ("same day-of-month n months later, clamped to the month's
// last day"). DateTime adds a time of day for the front door's clock-time
// measures (KPI1).
#ifndef BEACON_CORE_DATE_H_
#define BEACON_CORE_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace beacon {

class Date {
 public:
  // The default date is 1970-01-01; use std::optional<Date> for "no date".
  constexpr Date() = default;
  static constexpr Date from_serial(int32_t days) { return Date(days); }
  // Returns nullopt for an impossible date (31/02/2024) or a year outside 1900–2199.
  static std::optional<Date> from_ymd(int year, int month, int day);

  constexpr int32_t serial() const { return days_; }
  int year() const;
  int month() const;  // 1–12
  int day() const;    // 1–31
  // ISO weekday: 1 = Monday … 7 = Sunday.
  int iso_weekday() const;
  bool is_weekend() const { return iso_weekday() >= 6; }

  Date add_days(int n) const { return Date(days_ + n); }
  // Same day-of-month n months later (n may be negative), clamped to the last
  // day of the target month: 31 Jan + 1 month = 28/29 Feb.
  Date add_months(int n) const;
  Date add_years(int n) const { return add_months(12 * n); }
  // Last day of this date's month.
  Date month_end() const;
  Date month_start() const;

  // Days from *this to other (other − this).
  int days_until(Date other) const { return other.days_ - days_; }

  // YYYY-MM-DD.
  std::string iso() const;
  // As people read it, the GOV.UK way: "31 March 2026".
  std::string text() const;
  // "March 2026".
  std::string month_text() const;

  // The financial year (1 April – 31 March) holding this date, named by its
  // starting calendar year: 2024-06-01 → 2024 (i.e. "2024-25").
  int financial_year() const;

  constexpr auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

using OptDate = std::optional<Date>;

// A date with a time of day, to the second.
struct DateTime {
  Date date;
  int32_t seconds = 0;  // since midnight, 0–86399
  bool has_time = false;  // false: the source gave a date only (counts from 00:00)

  int64_t epoch_seconds() const { return int64_t{date.serial()} * 86400 + seconds; }
  std::string iso() const;  // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"
  auto operator<=>(const DateTime& o) const { return epoch_seconds() <=> o.epoch_seconds(); }
  bool operator==(const DateTime& o) const { return epoch_seconds() == o.epoch_seconds(); }
};

using OptDateTime = std::optional<DateTime>;

// Why a date string was refused, for the load report.
enum class DateError { kEmpty, kFormat, kTwoDigitYear, kImpossible };
const char* describe(DateError e);

// Parses the formats Beacon's inputs use: YYYY-MM-DD, DD/MM/YYYY, and either
// followed by a time (" HH:MM", " HH:MM:SS", "THH:MM:SS", optional fraction or
// "Z"). Surrounding spaces are ignored. Two-digit years are refused, never
// guessed.
struct ParsedDate {
  std::optional<DateTime> value;
  DateError error = DateError::kFormat;
};
ParsedDate parse_date_time(std::string_view text);
// As parse_date_time, keeping only the date.
std::optional<Date> parse_date(std::string_view text, DateError* error = nullptr);

// A calendar month, e.g. for monthly series and supervision (KPI15).
struct YearMonth {
  int year = 1970;
  int month = 1;
  static YearMonth of(Date d) { return {d.year(), d.month()}; }
  Date first_day() const;
  Date last_day() const;
  YearMonth plus(int months) const;
  auto operator<=>(const YearMonth&) const = default;
};

}  // namespace beacon

#endif  // BEACON_CORE_DATE_H_
