#include "ingest/ssda903_row.h"

#include "core/code_lists.h"
#include "ingest/problem_text.h"
#include "ingest/cin_census_values.h"
#include "ingest/csv_reader.h"
#include "ingest/ssda903_year.h"

namespace beacon {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// The value in quotes for a message, shortened when long.
std::string quoted(std::string_view s) { return quoted_value(s, 40); }

const char* date_error_code(DateError e) {
  switch (e) {
    case DateError::kEmpty:
      return "date.missing";
    case DateError::kTwoDigitYear:
      return "date.two-digit-year";
    case DateError::kImpossible:
      return "date.impossible";
    case DateError::kFormat:
      break;
  }
  return "date.format";
}

}  // namespace

const Ssda903Cell* Ssda903Row::find(std::string_view column) const {
  auto it = cells.find(column);
  return it == cells.end() ? nullptr : &it->second;
}

std::string drop_zero_fraction(std::string_view s) {
  auto dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= s.size()) return std::string(s);
  for (size_t i = 0; i < dot; ++i)
    if (s[i] < '0' || s[i] > '9') return std::string(s);
  for (size_t i = dot + 1; i < s.size(); ++i)
    if (s[i] != '0') return std::string(s);
  return std::string(s.substr(0, dot));
}

Ssda903Cells::Ssda903Cells(const Ssda903Row& row, const std::string& file, int year,
                           Problems& problems)
    : row_(row), file_(file), year_(year), problems_(problems) {
  for (const auto& [column, cell] : row_.cells)
    if (!cell.bad.empty()) report(Severity::kError, column, cell.bad, "value.unreadable");
}

void Ssda903Cells::report(Severity severity, std::string_view column, std::string message,
                          std::string code) {
  Problem p;
  p.severity = severity;
  p.file = file_;
  p.line = row_.line;
  p.element = row_.element;
  p.field = std::string(column);
  if (const auto* cell = column.empty() ? nullptr : row_.find(column)) {
    if (cell->line > 0) p.line = cell->line;
    if (!cell->element.empty()) p.element = cell->element;
    if (!cell->name.empty()) p.field = cell->name;
  }
  p.message = std::move(message);
  p.code = std::move(code);
  if (severity == Severity::kError) ++errors_;
  problems_.push_back(std::move(p));
}

std::string Ssda903Cells::text(std::string_view column) {
  const auto* cell = row_.find(column);
  return cell ? cell->value : std::string();
}

std::string Ssda903Cells::code(std::string_view column, std::string_view list) {
  auto value = upper(drop_zero_fraction(text(column)));
  if (!value.empty() && !CodeLists::shipped().valid(list, value, year_))
    report(Severity::kFinding, column,
           quoted(value) + " is not a " + std::string(column) + " code in " +
               financial_year_label(year_) + "; kept as given",
           "dq.code-unknown");
  return value;
}

std::string Ssda903Cells::child() {
  auto id = text("CHILD");
  if (id.empty())
    report(Severity::kError, "CHILD", "no child identifier: CHILD is blank", "child.missing");
  return id;
}

OptDate Ssda903Cells::date(std::string_view column) {
  auto value = text(column);
  if (value.empty()) return std::nullopt;
  DateError error = DateError::kFormat;
  auto d = parse_date(value, &error);
  if (!d)
    report(Severity::kError, column, quoted(value) + " is not a date: " + describe(error),
           date_error_code(error));
  return d;
}

std::optional<Date> Ssda903Cells::key_date(std::string_view column) {
  if (text(column).empty()) {
    report(Severity::kError, column,
           "no date given; " + std::string(column) + " is needed to identify the record",
           "date.missing");
    return std::nullopt;
  }
  return date(column);
}

std::optional<bool> Ssda903Cells::flag(std::string_view column) {
  auto value = text(column);
  if (value.empty()) return std::nullopt;
  auto b = parse_flag(drop_zero_fraction(value));
  if (!b)
    report(Severity::kFinding, column, quoted(value) + " is not 1/0 or yes/no; left blank",
           "dq.value-unreadable");
  return b;
}

std::optional<int> Ssda903Cells::number(std::string_view column) {
  auto value = text(column);
  if (value.empty()) return std::nullopt;
  auto n = parse_whole_number(value);
  if (!n)
    report(Severity::kFinding, column,
           quoted(value) + " is not a whole number of 0 or more; left blank",
           "dq.value-unreadable");
  return n;
}

}  // namespace beacon
