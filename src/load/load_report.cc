#include "load/load_report.h"

#include <nlohmann/json.hpp>

namespace beacon {
namespace {

using Json = nlohmann::ordered_json;

Json problem_json(const Problem& p) {
  Json j;
  j["file"] = p.file;
  if (p.line > 0) j["line"] = p.line;
  if (!p.element.empty()) j["element"] = p.element;
  if (!p.field.empty()) j["field"] = p.field;
  j["message"] = p.message;
  if (!p.code.empty()) j["code"] = p.code;
  return j;
}

}  // namespace

std::string cell(const std::string& s, size_t width, bool right_align) {
  if (s.size() >= width) return right_align ? " " + s : s + " ";
  std::string fill(width - s.size(), ' ');
  return right_align ? fill + s : s + fill;
}

std::string with_thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

int64_t LoadReport::total_added() const {
  int64_t n = 0;
  for (const auto& [_, d] : changes) n += d.added;
  return n;
}
int64_t LoadReport::total_changed() const {
  int64_t n = 0;
  for (const auto& [_, d] : changes) n += d.changed;
  return n;
}
int64_t LoadReport::total_withdrawn() const {
  int64_t n = 0;
  for (const auto& [_, d] : changes) n += d.removed;
  return n;
}
int64_t LoadReport::total_rejected() const {
  int64_t n = 0;
  for (const auto& [_, c] : read) n += c.rejected;
  return n;
}

std::string LoadReport::summary() const {
  return "added " + with_thousands(total_added()) + ", changed " + with_thousands(total_changed()) +
         ", withdrawn " + with_thousands(total_withdrawn()) + ", rejected " +
         with_thousands(total_rejected());
}

void add_problems(LoadReport& report, const Problems& problems, size_t examples) {
  std::map<std::string, size_t> by_code;
  for (const auto& p : problems) {
    if (p.severity == Severity::kError) {
      report.errors.push_back(p);
      continue;
    }
    const std::string code = p.code.empty() ? "finding" : p.code;
    auto [it, fresh] = by_code.emplace(code, report.findings.size());
    if (fresh) report.findings.push_back({code, 0, {}});
    auto& summary = report.findings[it->second];
    ++summary.count;
    if (summary.examples.size() < examples) summary.examples.push_back(p);
  }
}

std::string LoadReport::to_json() const {
  Json j;
  j["ok"] = ok;
  j["dry_run"] = dry_run;
  if (!refused.empty()) j["refused"] = refused;
  j["summary"] = summary();
  j["files"] = files;
  j["contributions"] = Json::array();
  for (const auto& c : contributions)
    j["contributions"].push_back({{"key", c.key}, {"files", c.files}, {"replaces", c.replaces}});
  j["notes"] = notes;
  j["read"] = Json::object();
  for (const auto& [table, c] : read)
    j["read"][table] = {{"read", c.read}, {"rejected", c.rejected}};
  j["changes"] = Json::object();
  for (const auto& [table, d] : changes)
    j["changes"][table] = {{"added", d.added}, {"changed", d.changed}, {"withdrawn", d.removed}};
  j["withdrawn"] = Json::array();
  for (const auto& w : withdrawn)
    j["withdrawn"].push_back({{"table", w.table},
                              {"record", w.key},
                              {"listed_by", w.listed_by},
                              {"missing_from", w.missing_from}});
  j["findings"] = Json::array();
  for (const auto& f : findings) {
    Json e = {{"code", f.code}, {"count", f.count}, {"examples", Json::array()}};
    for (const auto& p : f.examples) e["examples"].push_back(problem_json(p));
    j["findings"].push_back(std::move(e));
  }
  j["errors"] = Json::array();
  for (const auto& p : errors) j["errors"].push_back(problem_json(p));
  // Replacement keeps a hostile file's invalid UTF-8 from breaking the report.
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string LoadReport::to_text() const {
  std::string out;
  if (ok) {
    out += dry_run ? "Dry run: nothing was written. The load would make these changes.\n"
                   : "Loaded (load " + std::to_string(load_id) + "): " + summary() + ".\n";
  } else {
    out += "Nothing was loaded: " + refused + "\n";
  }
  if (!contributions.empty()) {
    out += "\nContributions:\n";
    for (const auto& c : contributions)
      out += "  " + c.key + " from " + c.files + (c.replaces ? " (replaces the stored one)" : "") +
             "\n";
  }
  for (const auto& n : notes) out += "\nNote: " + n + "\n";
  if (!read.empty()) {
    out += "\nRows read per source table:\n";
    out += "  " + cell("table", 28) + cell("read", 12, true) + cell("rejected", 12, true) + "\n";
    for (const auto& [table, c] : read)
      out += "  " + cell(table, 28) + cell(with_thousands(c.read), 12, true) +
             cell(with_thousands(c.rejected), 12, true) + "\n";
  }
  if (!changes.empty()) {
    out += "\nChanges to the case history:\n";
    out += "  " + cell("table", 28) + cell("added", 12, true) + cell("changed", 12, true) +
           cell("withdrawn", 12, true) + "\n";
    for (const auto& [table, d] : changes)
      out += "  " + cell(table, 28) + cell(with_thousands(d.added), 12, true) +
             cell(with_thousands(d.changed), 12, true) + cell(with_thousands(d.removed), 12, true) +
             "\n";
  }
  if (!withdrawn.empty()) {
    out += "\nWithdrawn: open at a return's 31 March, missing from the next year's return:\n";
    for (const auto& w : withdrawn)
      out += "  " + w.table + ": " + w.key + " (listed by " + w.listed_by + ", missing from " +
             w.missing_from + ")\n";
  }
  if (!findings.empty()) {
    out += "\nData-quality findings (loaded as given):\n";
    for (const auto& f : findings) {
      out += "  " + f.code + ": " + with_thousands(f.count) + "\n";
      for (const auto& p : f.examples) out += "    " + p.to_string() + "\n";
    }
  }
  if (!errors.empty()) {
    out += ok ? "\nRows set aside (not loaded):\n" : "\nProblems:\n";
    for (const auto& p : errors) out += "  " + p.to_string() + "\n";
  }
  return out;
}

}  // namespace beacon
