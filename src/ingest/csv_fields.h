// Typed values from one CSV row, each problem located by file, line and
// column: dates, date-times, yes/no flags, numbers, identifiers and codes,
// read the forgiving way users' spreadsheets write them (any case, `10.0` for
// a whole number, surrounding spaces) and refused, in plain English, when they
// cannot be read.
#ifndef BEACON_INGEST_CSV_FIELDS_H_
#define BEACON_INGEST_CSV_FIELDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/problem.h"
#include "ingest/csv_table.h"

namespace beacon {

// Parsers shared by RowFields and tests. Each takes trimmed text and returns
// nullopt when it is not a value of that kind.
// Y/N, Yes/No, true/false, 1/0 (any case).
std::optional<bool> parse_yes_no(std::string_view text);
// A finite decimal number; a thousands-grouped "12,345" is accepted.
std::optional<double> parse_number(std::string_view text);
// A whole number, also written with a zero fraction ("10.0").
std::optional<int64_t> parse_grouped_whole_number(std::string_view text);
// Upper-cases ASCII letters.
std::string ascii_upper(std::string_view s);

// Whether a date is an event that happened (counted towards an extract's
// as-of date) or a planned one (a due date, an expected birth).
enum class DateUse { kEvent, kPlanned };

class RowFields {
 public:
  // Checks the row as a whole (unreadable fields, a field count that does not
  // match the header). `latest`, when given, is raised to every event date read.
  RowFields(const CsvTable& table, size_t row, Problems& problems, OptDate* latest = nullptr);

  const std::string& file() const { return table_.file; }
  int line() const { return row_.line; }
  // False once any error was found in the row.
  bool ok() const { return errors_ == 0; }

  // True when the file has the column.
  bool has(std::string_view column) const { return table_.column(column) >= 0; }
  // The cell, trimmed; empty when blank or when the file lacks the column.
  std::string text(std::string_view column) const;
  // An identifier that must be present.
  std::string id(std::string_view column);
  OptDate date(std::string_view column, DateUse use = DateUse::kEvent);
  // A date that must be present (1970-01-01 with an error when it is not).
  Date required_date(std::string_view column, DateUse use = DateUse::kEvent);
  OptDateTime date_time(std::string_view column);
  DateTime required_date_time(std::string_view column);
  std::optional<bool> flag(std::string_view column);
  std::optional<int64_t> whole_number(std::string_view column, int64_t min, int64_t max);
  std::optional<double> number(std::string_view column, double min, double max);
  // A code, upper-cased. One missing from the shipped list `list` is kept as
  // given and reported as a finding; `what` names the list for people
  // ("primary need").
  std::string code(std::string_view column, std::string_view list, std::string_view what);
  // Checks a code already normalised elsewhere against `list`, as code() does.
  void check_code(std::string_view column, const std::string& code, std::string_view list,
                  std::string_view what);

  void error(std::string_view column, std::string message, std::string code);
  void finding(std::string_view column, std::string message, std::string code);

 private:
  // The column as the file writes it, for problems.
  std::string written(std::string_view column) const;
  void saw(Date d, DateUse use);

  const CsvTable& table_;
  const CsvRow& row_;
  Problems& problems_;
  OptDate* latest_;
  int errors_ = 0;
  int bad_field_ = -1;  // the unreadable field, reported once and then read as blank
};

}  // namespace beacon

#endif  // BEACON_INGEST_CSV_FIELDS_H_
