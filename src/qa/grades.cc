#include "qa/grades.h"

namespace beacon::qa {

std::string_view grade_name(Grade g) {
  switch (g) {
    case Grade::kOutstanding:
      return "outstanding";
    case Grade::kGoodWithOutstanding:
      return "good-with-outstanding";
    case Grade::kGood:
      return "good";
    case Grade::kRequiresImprovement:
      return "requires-improvement";
    case Grade::kInadequate:
      return "inadequate";
  }
  return "";
}

std::string_view grade_label(Grade g) {
  switch (g) {
    case Grade::kOutstanding:
      return "Outstanding";
    case Grade::kGoodWithOutstanding:
      return "Good with elements of outstanding";
    case Grade::kGood:
      return "Good";
    case Grade::kRequiresImprovement:
      return "Requires improvement";
    case Grade::kInadequate:
      return "Inadequate";
  }
  return "";
}

std::optional<Grade> parse_grade(std::string_view name) {
  for (Grade g : kAllGrades)
    if (grade_name(g) == name) return g;
  return std::nullopt;
}

int grade_index(Grade g) { return static_cast<int>(g); }

bool is_good_or_better(Grade g) { return grade_index(g) <= grade_index(Grade::kGood); }

std::string_view pillar_label(std::string_view id) {
  for (const Pillar& p : kPillars)
    if (p.id == id) return p.label;
  return id;
}

}  // namespace beacon::qa
