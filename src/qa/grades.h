// The practice hub's four-point grade (outstanding, good, requires
// improvement, inadequate) and the overall grade's extra step, "good with
// elements of outstanding" (domain.md §5).
#ifndef BEACON_QA_GRADES_H_
#define BEACON_QA_GRADES_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace beacon::qa {

// Best first; the order is the confusion matrix's row and column order.
enum class Grade {
  kOutstanding,
  kGoodWithOutstanding,  // overall grade only
  kGood,
  kRequiresImprovement,
  kInadequate,
};

inline constexpr std::array<Grade, 5> kAllGrades = {
    Grade::kOutstanding, Grade::kGoodWithOutstanding, Grade::kGood, Grade::kRequiresImprovement,
    Grade::kInadequate};
// The four grades a pillar may take.
inline constexpr std::array<Grade, 4> kPillarGrades = {
    Grade::kOutstanding, Grade::kGood, Grade::kRequiresImprovement, Grade::kInadequate};

// Stable value for storage, forms and the API: "outstanding",
// "good-with-outstanding", "good", "requires-improvement", "inadequate".
std::string_view grade_name(Grade g);
// For people: "Good with elements of outstanding".
std::string_view grade_label(Grade g);
std::optional<Grade> parse_grade(std::string_view name);
int grade_index(Grade g);  // 0 (outstanding) … 4 (inadequate)

// Good or better ("good with elements of outstanding" counts as good).
bool is_good_or_better(Grade g);

// The four pillars every practice evaluation grades.
struct Pillar {
  std::string_view id;     // voice | assessment | planning | oversight
  std::string_view label;  // "The child's voice", …
};
inline constexpr std::array<Pillar, 4> kPillars = {{
    {"voice", "The child's voice"},
    {"assessment", "Assessment"},
    {"planning", "Planning"},
    {"oversight", "Management oversight and supervision"},
}};
std::string_view pillar_label(std::string_view id);

}  // namespace beacon::qa

#endif  // BEACON_QA_GRADES_H_
