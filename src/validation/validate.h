// Validating a statutory return against the DfE's rules: the findings a data
// officer must clear before submitting. Pure: the return comes in as read
// (ingest/raw_return.h), findings come out; nothing is read or written here.
#ifndef BEACON_VALIDATION_VALIDATE_H_
#define BEACON_VALIDATION_VALIDATE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ingest/raw_return.h"
#include "validation/catalogue.h"

namespace beacon::validation {

// One failing field of one record (a rule failing on three fields of a record
// gives three findings).
struct Finding {
  std::string rule;
  std::string kind;      // "error" or "query"
  std::string child_id;  // "" for a finding about the return as a whole
  std::string table;
  std::string field;
  std::string value;  // as written; "" when blank or absent
  std::string file;
  int line = 0;
  std::string message;
};

struct RuleNotRun {
  std::string rule;
  std::string why;  // "needs postcode reference data", "not yet implemented in Beacon"
};

struct Report {
  Collection collection = Collection::kCinCensus;
  int year = 0;  // 2024 is 2024-25
  std::vector<std::string> rules_run;
  std::vector<RuleNotRun> rules_not_run;
  std::vector<Finding> findings;  // sorted by rule, child, line
};

struct Options {
  std::optional<int> year;  // overrides the year the return gives
  // Run only these codes (golden tests); empty runs every rule of the year.
  std::vector<std::string> only;
};

// Fails when the collection year cannot be told or Beacon has no rules for it.
Result<Report> validate_cin_census(const RawCinCensus& census, const Options& options);

// An SSDA903 return: its tables by name (Header, Episodes, …).
using Ssda903Tables = std::map<std::string, RawTable>;
// `year` is the collection year (the CSVs carry none); `previous` is last
// year's return when given (rules reading the _last tables need it).
Result<Report> validate_ssda903(const Ssda903Tables& tables, const Ssda903Tables* previous,
                                int year, const Options& options);

// Findings in the published order: rule, child, line, then field and value.
void sort_findings(std::vector<Finding>& findings);

// The codes Beacon checks, and the ones it cannot yet (with why), per
// collection; tests prove every catalogued code is in exactly one of them.
std::vector<std::string> implemented_rules(Collection c);
const std::vector<RuleNotRun>& rules_not_implemented(Collection c);

}  // namespace beacon::validation

#endif  // BEACON_VALIDATION_VALIDATE_H_
