// A problem found in an input, located precisely enough for a data officer to
// fix it: file, line (CSV) or element path (XML), field, and what is wrong.
#ifndef BEACON_CORE_PROBLEM_H_
#define BEACON_CORE_PROBLEM_H_

#include <string>
#include <vector>

namespace beacon {

enum class Severity {
  kError,    // the row (or file) cannot be loaded as it stands
  kFinding,  // loaded as given; reported as a data-quality finding
};

struct Problem {
  Severity severity = Severity::kError;
  std::string file;     // the file's name as the user gave it
  int line = 0;         // 1-based line of the row or element; 0 when not tied to one
  std::string element;  // XML element path, e.g. Message/Children/Child[12]/CINdetails[2]
  std::string field;    // column or element name
  std::string message;  // plain English
  std::string code;     // stable identifier, e.g. "date.impossible", "dq.code-unknown"

  // "file:line: field: message" (element path when given).
  std::string to_string() const;
};

using Problems = std::vector<Problem>;

bool has_errors(const Problems& problems);

}  // namespace beacon

#endif  // BEACON_CORE_PROBLEM_H_
