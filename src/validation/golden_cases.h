// Golden case files (test support; golden_support_test.cc). Format:
//
//   # comment lines and blank lines are ignored
//   rule 8640                  the code under test (one rule per file)
//   collection cin-census      or ssda903; cin-census by default
//   case <title>               starts a case
//   year 2024-25               the case's collection year
//   reference 2025-02-30       CIN only: the ReferenceDate text ("-" leaves it out)
//   input                      CIN only: the children, indented two spaces a level:
//   Child                        an element with deeper lines is a group;
//     LAchildID C1               "Name value" is a leaf; "Name" alone is a blank leaf
//   table Episodes             903 only: the next lines up to a keyword are that CSV
//   previous Episodes          903 only: a table of last year's return
//   expect                     then one line per finding: child,table,field,value,line
//                              (no lines: the case passes)
#ifndef BEACON_VALIDATION_GOLDEN_CASES_H_
#define BEACON_VALIDATION_GOLDEN_CASES_H_

#include <string>
#include <vector>

#include "core/result.h"
#include "validation/validate.h"

namespace beacon::validation {

struct GoldenCase {
  std::string title;
  int line = 0;
  int year = 0;
  std::string reference;    // CIN
  std::string xml;          // CIN: the return, its lines matching the golden file's
  std::map<std::string, std::string> tables;    // 903: table name → CSV text (lines kept)
  std::map<std::string, std::string> previous;  // 903: last year's tables
  std::vector<std::string> expected;            // child,table,field,value,line
};

struct GoldenFile {
  std::string name;
  std::string rule;
  Collection collection = Collection::kCinCensus;
  std::vector<GoldenCase> cases;
};

Result<GoldenFile> parse_golden_file(const std::string& text, const std::string& name);
// Reads the case's input as a return and runs the file's rule on it.
Result<Report> run_golden_case(const GoldenFile& file, const GoldenCase& c);

}  // namespace beacon::validation

#endif  // BEACON_VALIDATION_GOLDEN_CASES_H_
