// The rules Beacon does not check yet, explicitly: the coverage test
// (coverage_test.cc) fails when a catalogued rule is neither implemented with
// a golden case nor listed here, and when a listed rule is implemented, so
// this list can only shrink. docs/validation.md says which are left and why.
#include "validation/rule_support.h"

namespace beacon::validation {

const std::vector<RuleNotRun>& ssda903_reference_data_rules() {
  static const std::vector<RuleNotRun> rules = [] {
    std::vector<RuleNotRun> out;
    for (const char* code : {"164", "218", "230", "392a", "392c", "406", "420", "453", "454",
                             "503G"})
      out.push_back({code, "not run: needs postcode reference data (postcode to grid reference)"});
    for (const char* code : {"169", "179", "411", "452", "503H", "503J", "1015"})
      out.push_back({code, "not run: needs postcode and local-authority reference data and the "
                           "submitting authority's code"});
    for (const char* code : {"219", "221", "224", "227", "228", "1008"})
      out.push_back({code, "not run: needs the Ofsted provider lists (URN lookup)"});
    out.push_back({"229", "not run: needs the Ofsted provider lists and postcode reference data"});
    return out;
  }();
  return rules;
}

const std::vector<RuleNotRun>& rules_not_implemented(Collection c) {
  // Every CIN census rule is implemented. Every SSDA903 rule is implemented
  // except those needing reference data Beacon does not ship, which report
  // "not run: needs …". A rule added to a catalogue and not yet written is
  // listed here with {code, "not yet implemented in Beacon"}.
  static const std::vector<RuleNotRun> cin;
  static const std::vector<RuleNotRun> ssda903 = ssda903_reference_data_rules();
  return c == Collection::kCinCensus ? cin : ssda903;
}

}  // namespace beacon::validation
