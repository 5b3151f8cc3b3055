#include "export/drill_export.h"

#include <sstream>

#include "export/csv_writer.h"
#include "export/kpi_output.h"
#include "export/xlsx_book.h"

namespace beacon {
namespace {

// The widest set of date labels any row carries, in first-seen order.
std::vector<std::string> date_labels(const std::vector<DrillRow>& rows) {
  std::vector<std::string> labels;
  for (const auto& r : rows)
    for (const auto& [label, d] : r.dates)
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  return labels;
}

OptDate date_of(const DrillRow& r, const std::string& label) {
  for (const auto& [l, d] : r.dates)
    if (l == label) return d;
  return std::nullopt;
}

std::string measure_heading(const std::vector<DrillRow>& rows) {
  for (const auto& r : rows)
    if (!r.measure_label.empty()) return r.measure_label;
  return "measure";
}

}  // namespace

std::string drill_csv(const IndicatorDef& def, const std::vector<DrillRow>& rows) {
  std::ostringstream out;
  CsvWriter csv(out);
  auto labels = date_labels(rows);
  csv.text("child_id").text("record").text("in_numerator").text("numerator").text("denominator");
  for (const auto& l : labels) csv.text(l);
  csv.text(measure_heading(rows)).text("reason").text("worker_id").text("team_id");
  csv.end_row();
  for (const auto& r : rows) {
    csv.text(r.child_id).text(r.record).text(r.in_numerator ? "yes" : "no");
    csv.number(r.numerator).number(r.denominator);
    for (const auto& l : labels) {
      auto d = date_of(r, l);
      if (d) csv.text(d->iso());
      else csv.empty();
    }
    if (r.measure) csv.number(*r.measure);
    else csv.empty();
    csv.text(r.reason).text(r.worker_id).text(r.team_id);
    csv.end_row();
  }
  return out.str();
}

nlohmann::json drill_json(const IndicatorDef& def, const Period& period, const std::string& unit,
                          const std::vector<DrillRow>& rows) {
  nlohmann::json j;
  j["indicator"] = def.id;
  j["name"] = def.name;
  j["from"] = period.from.iso();
  j["to"] = period.to.iso();
  j["unit"] = unit;
  j["rows"] = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json row;
    row["child_id"] = r.child_id;
    row["record"] = r.record;
    row["in_numerator"] = r.in_numerator;
    row["numerator"] = json_number(r.numerator);
    row["denominator"] = json_number(r.denominator);
    nlohmann::json dates = nlohmann::json::object();
    for (const auto& [label, d] : r.dates) dates[label] = d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
    row["dates"] = dates;
    row["measure"] = json_optional(r.measure);
    row["measure_label"] = r.measure_label;
    row["reason"] = r.reason;
    row["worker_id"] = r.worker_id;
    row["team_id"] = r.team_id;
    j["rows"].push_back(row);
  }
  return j;
}

Status write_drill_xlsx(const std::string& path, const IndicatorDef& def, const Period& period,
                        const std::vector<DrillRow>& rows) {
  XlsxBook book(path, period.to);
  lxw_worksheet* ws = book.sheet(def.id);
  book.text(ws, 0, 0, std::string(def.id) + " " + def.name + " — records behind the figure");
  auto labels = date_labels(rows);
  int col = 0;
  for (const char* h : {"Child", "Record", "In numerator", "Numerator", "Denominator"})
    book.header(ws, 2, col++, h);
  for (const auto& l : labels) book.header(ws, 2, col++, l);
  for (const std::string& h : {measure_heading(rows), std::string("Reason"), std::string("Worker"),
                               std::string("Team")})
    book.header(ws, 2, col++, h);
  worksheet_freeze_panes(ws, 3, 1);
  int row = 3;
  for (const auto& r : rows) {
    int c = 0;
    book.text(ws, row, c++, r.child_id);
    book.text(ws, row, c++, r.record);
    book.text(ws, row, c++, r.in_numerator ? "Yes" : "No");
    book.number(ws, row, c++, r.numerator, false);
    book.number(ws, row, c++, r.denominator, false);
    for (const auto& l : labels) book.date(ws, row, c++, date_of(r, l));
    book.number(ws, row, c++, r.measure, false);
    book.text(ws, row, c++, r.reason);
    book.text(ws, row, c++, r.worker_id);
    book.text(ws, row, c++, r.team_id);
    ++row;
  }
  return book.close();
}

}  // namespace beacon
