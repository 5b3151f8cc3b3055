#include "validation/validate.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "validation/rule_support.h"

namespace beacon::validation {
namespace {

std::string year_label(int year) {
  const int next = (year + 1) % 100;
  return std::to_string(year) + "-" + (next < 10 ? "0" : "") + std::to_string(next);
}

Status check_year_covered(Collection c, int year) {
  const auto years = catalogue_years(c);
  if (std::find(years.begin(), years.end(), year) != years.end()) return Status::ok();
  return Status::invalid_input("Beacon has the DfE's " + std::string(collection_name(c)) +
                               " rules for " + year_label(years.front()) + " to " +
                               year_label(years.back()) + ", not for " + year_label(year));
}

bool wanted(const Options& o, const std::string& code) {
  return o.only.empty() || std::find(o.only.begin(), o.only.end(), code) != o.only.end();
}

// The distinct codes in force in `year`, in catalogue order.
std::vector<const RuleInfo*> rules_of_year(Collection c, int year, const Options& o) {
  std::vector<const RuleInfo*> out;
  std::set<std::string> seen;
  for (const auto& r : catalogue(c))
    if (r.applies_in(year) && wanted(o, r.code) && seen.insert(r.code).second) out.push_back(&r);
  return out;
}

std::optional<int> cin_year(const RawCinCensus& census) {
  // <Year> names the year the census ends in (2025 for 2024-25).
  const std::string_view y = text_of(census.header, "Year");
  if (y.size() == 4 && std::all_of(y.begin(), y.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return std::stoi(std::string(y)) - 1;
  if (const OptDate d = date_of(census.header, "ReferenceDate")) return d->financial_year();
  return std::nullopt;
}

}  // namespace

void sort_findings(std::vector<Finding>& findings) {
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.rule, a.child_id, a.line, a.file, a.table, a.field, a.value) <
           std::tie(b.rule, b.child_id, b.line, b.file, b.table, b.field, b.value);
  });
}

Result<Report> validate_cin_census(const RawCinCensus& census, const Options& options) {
  const std::optional<int> year = options.year ? options.year : cin_year(census);
  if (!year)
    return Status::invalid_input(census.file +
                                 ": the census gives no readable <Year> or <ReferenceDate>, so its "
                                 "collection year is unknown; give --year, e.g. --year 2024-25");
  if (Status s = check_year_covered(Collection::kCinCensus, *year); !s)
    return Status::invalid_input(census.file + ": " + s.message());
  const Date march = *Date::from_ymd(*year + 1, 3, 31);
  const Date reference = date_of(census.header, "ReferenceDate").value_or(march);
  const CinRun run{census, *year, reference, reference.add_years(-1).add_days(1),
                   WorkingDayCalendar::england_and_wales()};

  Report report;
  report.collection = Collection::kCinCensus;
  report.year = *year;
  for (const RuleInfo* info : rules_of_year(Collection::kCinCensus, *year, options)) {
    const auto& impl = cin_rules();
    auto it = std::find_if(impl.begin(), impl.end(),
                           [&](const CinRule& r) { return info->code == r.code; });
    if (it == impl.end()) {
      report.rules_not_run.push_back({info->code, "not yet implemented in Beacon"});
      continue;
    }
    Out out(*info, report.findings);
    out.set_file(census.file);
    it->check(run, out);
    report.rules_run.push_back(info->code);
  }
  sort_findings(report.findings);
  return report;
}

Result<Report> validate_ssda903(const Ssda903Tables& tables, const Ssda903Tables* previous,
                                int year, const Options& options) {
  if (Status s = check_year_covered(Collection::kSsda903, year); !s) return s;
  const Ssda903Run run{tables, previous, year, *Date::from_ymd(year, 4, 1),
                       *Date::from_ymd(year + 1, 3, 31)};
  Report report;
  report.collection = Collection::kSsda903;
  report.year = year;
  const auto& needs = ssda903_reference_data_rules();
  for (const RuleInfo* info : rules_of_year(Collection::kSsda903, year, options)) {
    auto need = std::find_if(needs.begin(), needs.end(),
                             [&](const RuleNotRun& n) { return n.rule == info->code; });
    if (need != needs.end()) {
      report.rules_not_run.push_back(*need);
      continue;
    }
    const auto& impl = ssda903_rules();
    auto it = std::find_if(impl.begin(), impl.end(),
                           [&](const Ssda903Rule& r) { return info->code == r.code; });
    const bool reads_last_year = std::any_of(info->tables.begin(), info->tables.end(), [](const std::string& t) {
      return t.size() > 5 && t.compare(t.size() - 5, 5, "_last") == 0;
    });
    if (it != impl.end() && reads_last_year && !previous) {
      report.rules_not_run.push_back({info->code, "not run: needs last year's return (give --previous)"});
      continue;
    }
    if (it == impl.end()) {
      report.rules_not_run.push_back({info->code, "not yet implemented in Beacon"});
      continue;
    }
    Out out(*info, report.findings);
    it->check(run, out);
    report.rules_run.push_back(info->code);
  }
  sort_findings(report.findings);
  return report;
}

std::vector<std::string> implemented_rules(Collection c) {
  std::vector<std::string> out;
  if (c == Collection::kCinCensus)
    for (const auto& r : cin_rules()) out.push_back(r.code);
  else
    for (const auto& r : ssda903_rules()) out.push_back(r.code);
  return out;
}

}  // namespace beacon::validation
