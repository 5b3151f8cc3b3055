#include "validation/catalogue.h"

#include <algorithm>
#include <set>

namespace beacon::embedded {
extern const std::string_view cin_census_rules_csv;
extern const std::string_view ssda903_rules_csv;
}  // namespace beacon::embedded

namespace beacon::validation {
namespace {

// Splits one CSV record (RFC 4180 quoting, no line breaks inside fields, which
// the shipped tables never have).
std::vector<std::string> split_record(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = std::min(s.find(';', start), s.size());
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<RuleInfo> parse(std::string_view csv) {
  std::vector<RuleInfo> rules;
  bool header = true;
  size_t start = 0;
  while (start < csv.size()) {
    size_t end = csv.find('\n', start);
    if (end == std::string_view::npos) end = csv.size();
    const std::string_view line = csv.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    auto cells = split_record(line);
    if (cells.size() < 6) continue;  // the shipped tables always have six
    RuleInfo r;
    r.code = cells[0];
    r.kind = cells[1];
    for (const auto& y : split_list(cells[2]))
      if (y.size() >= 4) r.years.push_back(std::stoi(y.substr(0, 4)));
    r.tables = split_list(cells[3]);
    r.fields = split_list(cells[4]);
    r.message = cells[5];
    rules.push_back(std::move(r));
  }
  return rules;
}

}  // namespace

const char* collection_name(Collection c) {
  return c == Collection::kCinCensus ? "cin-census" : "ssda903";
}

bool RuleInfo::applies_in(int year) const {
  return std::find(years.begin(), years.end(), year) != years.end();
}

const std::vector<RuleInfo>& catalogue(Collection c) {
  static const std::vector<RuleInfo> cin = parse(embedded::cin_census_rules_csv);
  static const std::vector<RuleInfo> ssda903 = parse(embedded::ssda903_rules_csv);
  return c == Collection::kCinCensus ? cin : ssda903;
}

const RuleInfo* rule_in_year(Collection c, std::string_view code, int year) {
  for (const auto& r : catalogue(c))
    if (r.code == code && r.applies_in(year)) return &r;
  return nullptr;
}

std::vector<int> catalogue_years(Collection c) {
  std::set<int> years;
  for (const auto& r : catalogue(c)) years.insert(r.years.begin(), r.years.end());
  return {years.begin(), years.end()};
}

}  // namespace beacon::validation
