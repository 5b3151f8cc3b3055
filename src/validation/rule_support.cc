#include "validation/rule_support.h"

namespace beacon::validation {

std::string_view text_of(const RawGroup& g, std::string_view field) {
  const RawField* f = g.find(field);
  return f ? std::string_view(f->text) : std::string_view();
}

bool has(const RawGroup& g, std::string_view field) { return !text_of(g, field).empty(); }

OptDate date_of(const RawGroup& g, std::string_view field) {
  const std::string_view t = text_of(g, field);
  if (t.empty()) return std::nullopt;
  return parse_date(t);
}

bool is_true(const RawGroup& g, std::string_view field) {
  const std::string_view t = text_of(g, field);
  return t == "true" || t == "1";
}

bool is_false(const RawGroup& g, std::string_view field) {
  const std::string_view t = text_of(g, field);
  return t == "false" || t == "0";
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> codes) {
  for (auto c : codes)
    if (value == c) return true;
  return false;
}

bool in_span(Date d, Date from, Date to) { return from <= d && d <= to; }

Date CinRun::working_days_before(Date d, int n) const {
  Date at = d;
  int counted = 0;
  while (counted < n) {
    at = at.add_days(-1);
    if (calendar.is_working_day(at)) ++counted;
  }
  return at;
}

std::string child_id(const RawCinChild& c) { return std::string(text_of(c.child, "LAchildID")); }

void Out::flag(const RawCinChild& child, std::string_view table, const RawGroup& g,
               std::string_view field) {
  const RawField* f = g.find(field);
  findings_.push_back({rule_.code, rule_.kind, child_id(child), std::string(table),
                       std::string(field), f ? f->text : std::string(), file_,
                       f ? f->line : g.line, rule_.message});
}

void Out::flag_field(const RawCinChild& child, std::string_view table, const RawField& f) {
  findings_.push_back({rule_.code, rule_.kind, child_id(child), std::string(table), f.name, f.text,
                       file_, f.line, rule_.message});
}

void Out::flag_return(std::string_view table, std::string_view field, std::string value, int line) {
  findings_.push_back({rule_.code, rule_.kind, "", std::string(table), std::string(field),
                       std::move(value), file_, line, rule_.message});
}

void Out::flag_cell(const RawTable& t, const RawRow& row, std::string_view column) {
  findings_.push_back({rule_.code, rule_.kind, std::string(cell(t, row, "CHILD")), t.name,
                       std::string(column), std::string(cell(t, row, column)), t.file, row.line,
                       rule_.message});
}

const RawTable* Ssda903Run::table(std::string_view name) const {
  auto it = tables.find(std::string(name));
  return it == tables.end() ? nullptr : &it->second;
}

std::string_view cell(const RawTable& t, const RawRow& row, std::string_view column) {
  const int i = t.column(column);
  if (i < 0 || static_cast<size_t>(i) >= row.cells.size()) return {};
  return row.cells[static_cast<size_t>(i)];
}

OptDate cell_date(const RawTable& t, const RawRow& row, std::string_view column) {
  const std::string_view v = cell(t, row, column);
  if (v.empty()) return std::nullopt;
  return parse_date(v);
}

}  // namespace beacon::validation
