#include "export/validation_output.h"

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/csv_writer.h"
#include "export/xlsx_book.h"

namespace beacon {

std::string validation_year_label(int year) {
  const int next = (year + 1) % 100;
  return std::to_string(year) + "-" + (next < 10 ? "0" : "") + std::to_string(next);
}

std::string validation_csv(const validation::Report& report) {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.row({"rule", "kind", "child_id", "table", "field", "value", "file", "line", "message"});
  for (const auto& f : report.findings)
    csv.row({f.rule, f.kind, f.child_id, f.table, f.field, f.value, f.file,
             std::to_string(f.line), f.message});
  return out.str();
}

std::string validation_json(const validation::Report& report) {
  nlohmann::ordered_json j;
  j["collection"] = validation::collection_name(report.collection);
  j["year"] = validation_year_label(report.year);
  j["rules_run"] = report.rules_run;
  j["rules_not_run"] = nlohmann::ordered_json::array();
  for (const auto& n : report.rules_not_run) j["rules_not_run"].push_back({{"rule", n.rule}, {"why", n.why}});
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& f : report.findings)
    j["findings"].push_back({{"rule", f.rule},
                             {"kind", f.kind},
                             {"child_id", f.child_id},
                             {"table", f.table},
                             {"field", f.field},
                             {"value", f.value},
                             {"file", f.file},
                             {"line", f.line},
                             {"message", f.message}});
  // Invalid UTF-8 in a value is replaced rather than refused.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Status write_validation_xlsx(const validation::Report& report, const std::string& path) {
  XlsxBook book(path, *Date::from_ymd(report.year + 1, 3, 31));
  std::map<std::string, size_t> counts;
  for (const auto& f : report.findings) ++counts[f.rule];

  lxw_worksheet* summary = book.sheet("Summary");
  if (!summary) return Status::io_error("cannot write " + path);
  book.text(summary, 0, 0,
            std::string(validation::collection_name(report.collection)) + " " +
                validation_year_label(report.year) + ": " + std::to_string(report.findings.size()) +
                " findings from " + std::to_string(report.rules_run.size()) + " rules run, " +
                std::to_string(report.rules_not_run.size()) + " not run");
  const char* summary_head[] = {"rule", "kind", "message", "count"};
  for (int c = 0; c < 4; ++c) book.header(summary, 2, c, summary_head[c]);
  worksheet_set_column(summary, 2, 2, 70, nullptr);
  int row = 3;
  const auto collection = report.collection;
  for (const auto& code : report.rules_run) {
    const auto* info = validation::rule_in_year(collection, code, report.year);
    book.text(summary, row, 0, code);
    book.text(summary, row, 1, info ? info->kind : "");
    book.text(summary, row, 2, info ? info->message : "");
    book.number(summary, row, 3, static_cast<double>(counts[code]), false);
    ++row;
  }

  lxw_worksheet* not_run = book.sheet("Not run");
  book.header(not_run, 0, 0, "rule");
  book.header(not_run, 0, 1, "why");
  worksheet_set_column(not_run, 1, 1, 80, nullptr);
  row = 1;
  for (const auto& n : report.rules_not_run) {
    book.text(not_run, row, 0, n.rule);
    book.text(not_run, row, 1, n.why);
    ++row;
  }

  lxw_worksheet* findings = book.sheet("Findings");
  const char* head[] = {"rule", "kind", "child_id", "table", "field", "value", "file", "line", "message"};
  for (int c = 0; c < 9; ++c) book.header(findings, 0, c, head[c]);
  worksheet_freeze_panes(findings, 1, 0);
  row = 1;
  for (const auto& f : report.findings) {
    book.text(findings, row, 0, f.rule);
    book.text(findings, row, 1, f.kind);
    book.text(findings, row, 2, f.child_id);
    book.text(findings, row, 3, f.table);
    book.text(findings, row, 4, f.field);
    book.text(findings, row, 5, f.value);
    book.text(findings, row, 6, f.file);
    book.number(findings, row, 7, static_cast<double>(f.line), false);
    book.text(findings, row, 8, f.message);
    ++row;
  }
  return book.close();
}

}  // namespace beacon
