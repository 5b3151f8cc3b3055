// What the rule functions share: reading raw values without ever throwing
// (blank, absent and malformed values are ordinary input), and recording a
// finding for a failing field.
#ifndef BEACON_VALIDATION_RULE_SUPPORT_H_
#define BEACON_VALIDATION_RULE_SUPPORT_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/working_days.h"
#include "ingest/raw_return.h"
#include "validation/validate.h"

namespace beacon::validation {

// ---- CIN census values ----

// The element's text, "" when absent.
std::string_view text_of(const RawGroup& g, std::string_view field);
// Present with a non-blank value.
bool has(const RawGroup& g, std::string_view field);
// The element as a date; nullopt when absent, blank or not a date.
OptDate date_of(const RawGroup& g, std::string_view field);
// ReferralNFA, ICPCnotRequired: "true" or "1"; "false" or "0".
bool is_true(const RawGroup& g, std::string_view field);
bool is_false(const RawGroup& g, std::string_view field);
bool one_of(std::string_view value, std::initializer_list<std::string_view> codes);
bool in_span(Date d, Date from, Date to);  // from ≤ d ≤ to

// The run of one CIN census rule.
struct CinRun {
  const RawCinCensus& census;
  int year;         // 2024 for 2024-25
  Date reference;   // the ReferenceDate, or 31 March ending the year when unreadable
  Date year_start;  // 1 April starting the year ([Start_Of_Census_Year])
  const WorkingDayCalendar& calendar;

  bool in_census_period(Date d) const { return in_span(d, year_start, reference); }
  // `n` working days before `d` (England and Wales).
  Date working_days_before(Date d, int n) const;
};

// Collects one rule's findings.
class Out {
 public:
  Out(const RuleInfo& rule, std::vector<Finding>& findings) : rule_(rule), findings_(findings) {}

  // The field of a CIN record group fails; `table` is the DfE module name.
  void flag(const RawCinChild& child, std::string_view table, const RawGroup& g,
            std::string_view field);
  // That very element fails (one of several repeated ones, say).
  void flag_field(const RawCinChild& child, std::string_view table, const RawField& f);
  // A finding about the return as a whole (child "" ).
  void flag_return(std::string_view table, std::string_view field, std::string value, int line);
  // An SSDA903 cell fails.
  void flag_cell(const RawTable& t, const RawRow& row, std::string_view column);

  const std::string& file() const { return file_; }
  void set_file(std::string f) { file_ = std::move(f); }

 private:
  const RuleInfo& rule_;
  std::vector<Finding>& findings_;
  std::string file_;
};

std::string child_id(const RawCinChild& c);

// Every (child, episode) of the census.
template <typename F>
void each_episode(const CinRun& r, F&& f) {
  for (const auto& c : r.census.children)
    for (const auto& e : c.episodes) f(c, e);
}

using CinCheck = void (*)(const CinRun&, Out&);
struct CinRule {
  const char* code;
  CinCheck check;
};
const std::vector<CinRule>& cin_rules();

// ---- SSDA903 values ----

struct Ssda903Run {
  const Ssda903Tables& tables;
  const Ssda903Tables* previous;  // nullptr when last year's return was not given
  int year;
  Date collection_start;  // 1 April
  Date collection_end;    // 31 March

  const RawTable* table(std::string_view name) const;
};
// The cell's text, "" when the column is absent.
std::string_view cell(const RawTable& t, const RawRow& row, std::string_view column);
OptDate cell_date(const RawTable& t, const RawRow& row, std::string_view column);

using Ssda903Check = void (*)(const Ssda903Run&, Out&);
struct Ssda903Rule {
  const char* code;
  Ssda903Check check;
};
const std::vector<Ssda903Rule>& ssda903_rules();
// SSDA903 rules that need reference data Beacon does not hold, with why.
const std::vector<RuleNotRun>& ssda903_reference_data_rules();

}  // namespace beacon::validation

#endif  // BEACON_VALIDATION_RULE_SUPPORT_H_
