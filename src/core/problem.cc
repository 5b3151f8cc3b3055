#include "core/problem.h"

#include <algorithm>

namespace beacon {

std::string Problem::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (!element.empty()) out += (out.empty() ? "" : ": ") + element;
  if (!field.empty()) out += (out.empty() ? "" : ": ") + field;
  out += (out.empty() ? "" : ": ") + message;
  if (severity == Severity::kFinding) out = "finding: " + out;
  return out;
}

bool has_errors(const Problems& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.severity == Severity::kError; });
}

}  // namespace beacon
