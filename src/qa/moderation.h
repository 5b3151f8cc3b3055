// Moderation: a panel re-grades a sample of submitted evaluations without
// seeing the evaluator's grades, and the agreement between the two is
// reported per pillar and overall, with the confusion between grades, for a
// cycle or an evaluator.
#ifndef BEACON_QA_MODERATION_H_
#define BEACON_QA_MODERATION_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "qa/evaluation.h"
#include "qa/grades.h"

namespace beacon::qa {

struct Moderation {
  int64_t id = 0;
  int64_t evaluation_id = 0;
  int64_t cycle_id = 0;
  std::string evaluator_id;  // whose evaluation was moderated
  std::string moderator;     // the panel member who re-graded
  std::string at;
  std::map<std::string, Grade> grades;  // pillar id or "overall" → the panel's grade
  std::string note;
};

// The panel's grades from a form: every pillar and the overall grade are
// needed; the refusal names what is missing.
Result<std::map<std::string, Grade>> moderation_grades(const Answers& given);

// grade_index(original) × grade_index(moderated).
using Confusion = std::array<std::array<int, 5>, 5>;

struct Agreement {
  int compared = 0;
  int agreed = 0;
  std::optional<double> rate() const {
    return compared ? std::optional<double>(static_cast<double>(agreed) / compared) : std::nullopt;
  }
  Confusion confusion{};
};

struct AgreementReport {
  std::map<std::string, Agreement> by_pillar;  // pillar ids and "overall"
};

// Compares each moderation with the evaluation it re-graded (matched by id;
// moderations without a submitted evaluation are skipped).
AgreementReport agreement(const std::vector<Evaluation>& evaluations,
                          const std::vector<Moderation>& moderations);

// Picks `count` submitted evaluations not yet moderated, at random with `seed`.
std::vector<int64_t> choose_for_moderation(const std::vector<Evaluation>& evaluations,
                                           const std::vector<Moderation>& done, int count,
                                           uint64_t seed);

}  // namespace beacon::qa

#endif  // BEACON_QA_MODERATION_H_
