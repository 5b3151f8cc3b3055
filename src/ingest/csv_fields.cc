#include "ingest/csv_fields.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/code_lists.h"
#include "ingest/problem_text.h"

namespace beacon {
namespace {

std::string quoted(std::string_view text) { return quoted_value(text, 60); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits with thousands separators ("12,345") → "12345"; otherwise unchanged.
std::string without_grouping(std::string_view text) {
  if (text.find(',') == std::string_view::npos) return std::string(text);
  std::string_view v = text;
  std::string out;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    out.push_back(v[0]);
    v.remove_prefix(1);
  }
  auto point = v.find('.');
  auto whole = v.substr(0, point);
  // One to three digits, then groups of a comma and three digits.
  size_t first = whole.find(',');
  if (first == 0 || first > 3) return std::string(text);
  for (size_t i = 0; i < first; ++i)
    if (!is_digit(whole[i])) return std::string(text);
  for (size_t i = first; i < whole.size(); i += 4) {
    if (whole[i] != ',' || whole.size() - i < 4) return std::string(text);
    for (size_t k = 1; k <= 3; ++k)
      if (!is_digit(whole[i + k])) return std::string(text);
  }
  for (char c : whole)
    if (c != ',') out.push_back(c);
  if (point != std::string_view::npos) out += v.substr(point);
  return out;
}

}  // namespace

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::optional<bool> parse_yes_no(std::string_view text) {
  auto t = ascii_lower(trim_view(text));
  if (t == "y" || t == "yes" || t == "true" || t == "1") return true;
  if (t == "n" || t == "no" || t == "false" || t == "0") return false;
  return std::nullopt;
}

std::optional<double> parse_number(std::string_view text) {
  std::string t = without_grouping(trim_view(text));
  std::string_view v = t;
  if (!v.empty() && v[0] == '+') v.remove_prefix(1);
  if (v.empty()) return std::nullopt;
  double out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(out)) return std::nullopt;
  return out;
}

std::optional<int64_t> parse_grouped_whole_number(std::string_view text) {
  auto number = parse_number(text);
  // Beyond 2^53 a double no longer holds every whole number exactly.
  if (!number || std::trunc(*number) != *number || std::fabs(*number) > 9007199254740992.0)
    return std::nullopt;
  return static_cast<int64_t>(*number);
}

RowFields::RowFields(const CsvTable& table, size_t row, Problems& problems, OptDate* latest)
    : table_(table), row_(table.rows[row]), problems_(problems), latest_(latest) {
  if (row_.bad_field >= 0) {
    bad_field_ = row_.bad_field;
    std::string column = static_cast<size_t>(bad_field_) < table_.header.size()
                             ? table_.header[bad_field_]
                             : "column " + std::to_string(bad_field_ + 1);
    error(column, row_.bad_reason, "csv.bad-field");
  }
  size_t want = table_.header.size(), got = row_.fields.size();
  bool extra_blank = got > want;
  for (size_t i = want; i < got; ++i)
    if (!row_.fields[i].empty()) extra_blank = false;
  if (got != want && !extra_blank) {
    error("",
          "the row has " + std::to_string(got) + " fields but the header has " +
              std::to_string(want) +
              " (a field holding a comma or line break may be missing its quotes)",
          "csv.field-count");
  }
}

std::string RowFields::written(std::string_view column) const {
  int i = table_.column(column);
  return i >= 0 ? table_.header[i] : std::string(column);
}

std::string RowFields::text(std::string_view column) const {
  int i = table_.column(column);
  if (i < 0 || i == bad_field_ || static_cast<size_t>(i) >= row_.fields.size()) return {};
  return row_.fields[i];
}

void RowFields::error(std::string_view column, std::string message, std::string code) {
  ++errors_;
  problems_.push_back({Severity::kError, table_.file, row_.line, "", written(column),
                       std::move(message), std::move(code)});
}

void RowFields::finding(std::string_view column, std::string message, std::string code) {
  problems_.push_back({Severity::kFinding, table_.file, row_.line, "", written(column),
                       std::move(message), std::move(code)});
}

std::string RowFields::id(std::string_view column) {
  auto value = text(column);
  if (value.empty() && table_.column(column) != bad_field_)
    error(column, "is blank; every row needs one", "value.blank-id");
  return value;
}

void RowFields::saw(Date d, DateUse use) {
  if (latest_ && use == DateUse::kEvent && (!*latest_ || **latest_ < d)) *latest_ = d;
}

OptDate RowFields::date(std::string_view column, DateUse use) {
  auto value = text(column);
  if (value.empty()) return std::nullopt;
  auto parsed = parse_date_time(value);
  if (!parsed.value) {
    error(column, quoted(value) + ": " + describe(parsed.error), problem_code(parsed.error));
    return std::nullopt;
  }
  saw(parsed.value->date, use);
  return parsed.value->date;
}

Date RowFields::required_date(std::string_view column, DateUse use) {
  if (text(column).empty()) {
    if (table_.column(column) != bad_field_)
      error(column, "is blank; a date is required", "date.empty");
    return Date();
  }
  return date(column, use).value_or(Date());
}

OptDateTime RowFields::date_time(std::string_view column) {
  auto value = text(column);
  if (value.empty()) return std::nullopt;
  auto parsed = parse_date_time(value);
  if (!parsed.value) {
    error(column, quoted(value) + ": " + describe(parsed.error), problem_code(parsed.error));
    return std::nullopt;
  }
  saw(parsed.value->date, DateUse::kEvent);
  return parsed.value;
}

DateTime RowFields::required_date_time(std::string_view column) {
  if (text(column).empty()) {
    if (table_.column(column) != bad_field_)
      error(column, "is blank; a date is required", "date.empty");
    return DateTime();
  }
  return date_time(column).value_or(DateTime());
}

std::optional<bool> RowFields::flag(std::string_view column) {
  auto value = text(column);
  if (value.empty()) return std::nullopt;
  auto parsed = parse_yes_no(value);
  if (!parsed)
    error(column, quoted(value) + " is not a yes/no value (write Y or N, Yes or No, 1 or 0)",
          "value.flag");
  return parsed;
}

std::optional<int64_t> RowFields::whole_number(std::string_view column, int64_t min, int64_t max) {
  auto value = text(column);
  if (value.empty()) return std::nullopt;
  auto parsed = parse_grouped_whole_number(value);
  if (!parsed) {
    error(column, quoted(value) + " is not a whole number", "value.number");
    return std::nullopt;
  }
  if (*parsed < min || *parsed > max) {
    error(column, quoted(value) + " is outside " + std::to_string(min) + "–" + std::to_string(max),
          "value.range");
    return std::nullopt;
  }
  return parsed;
}

std::optional<double> RowFields::number(std::string_view column, double min, double max) {
  auto value = text(column);
  if (value.empty()) return std::nullopt;
  auto parsed = parse_number(value);
  if (!parsed) {
    error(column, quoted(value) + " is not a number", "value.number");
    return std::nullopt;
  }
  if (*parsed < min || *parsed > max) {
    char range[64];
    std::snprintf(range, sizeof range, "%g–%g", min, max);
    error(column, quoted(value) + " is outside " + range, "value.range");
    return std::nullopt;
  }
  return parsed;
}

std::string RowFields::code(std::string_view column, std::string_view list, std::string_view what) {
  auto value = ascii_upper(text(column));
  check_code(column, value, list, what);
  return value;
}

void RowFields::check_code(std::string_view column, const std::string& code, std::string_view list,
                           std::string_view what) {
  if (code.empty() || CodeLists::shipped().valid(list, code)) return;
  finding(column, quoted(code) + " is not a known " + std::string(what) + " code; kept as given",
          "dq.code-unknown");
}

}  // namespace beacon
