// One child's evaluation in a cycle: who evaluates whose work, the answers
// as they stand, and the rules for submitting it. A submitted evaluation must
// be complete and its learning must address what it found (domain.md §5:
// inspectors criticised half-blank evaluations and learning that ignored the
// findings); edits after submission make a new version.
#ifndef BEACON_QA_EVALUATION_H_
#define BEACON_QA_EVALUATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/result.h"
#include "qa/grades.h"
#include "qa/question_set.h"

namespace beacon::qa {

enum class EvaluationStatus { kAssigned, kDraft, kSubmitted };
std::string_view evaluation_status_name(EvaluationStatus s);  // assigned | draft | submitted
std::optional<EvaluationStatus> parse_evaluation_status(std::string_view name);

struct Evaluation {
  int64_t id = 0;
  int64_t cycle_id = 0;
  std::string question_set_id = "practice-evaluation";
  std::string child_id;
  std::string child_name;
  std::string practitioner_id;  // the child's allocated worker
  std::string team_id;          // the practitioner's team: scoping and reports
  std::string evaluator_id;
  bool revisit = false;  // the child was in the previous cycle's sample
  EvaluationStatus status = EvaluationStatus::kAssigned;
  Answers answers;
  int version = 0;           // 0 until submitted; each later edit adds one
  std::string submitted_at;  // ISO date of the first submission
  std::string updated_at;
};

// One reason an evaluation cannot be submitted, tied to its question.
struct Missing {
  std::string question_id;
  std::string message;  // "The child's voice: Evidence for the grade is blank"
};

// What stops these answers being submitted under `set`: every required
// question left blank, every answer that is not one of its allowed values, and
// every pillar graded below good that the learning does not address. Empty
// when the answers may be submitted.
std::vector<Missing> check_complete(const QuestionSet& set, const Answers& answers);

// Answers kept to the questions the set asks, trimmed, blanks dropped: what a
// draft saves (a draft may be incomplete but holds nothing foreign).
Answers clean_answers(const QuestionSet& set, const Answers& given);

// A pillar's grade in the answers, if given and valid.
std::optional<Grade> pillar_grade(const Answers& answers, std::string_view pillar);
std::optional<Grade> overall_grade(const Answers& answers);
// The tags of a kTags answer ("a, b" → {"a","b"}).
std::vector<std::string> split_tags(const std::string& answer);

// A snapshot kept each time a submitted evaluation changes.
struct EvaluationVersion {
  int version = 0;
  std::string at;
  std::string user;
  std::string reason;  // why a submitted evaluation was changed; "submitted" for the first
  Answers answers;
};

// Saving a draft: refused once submitted (edit it instead).
Result<Evaluation> save_draft(const Evaluation& e, const QuestionSet& set, const Answers& given,
                              const std::string& at);
// Submitting: refused, listing everything missing, unless complete. The
// first submission is version 1.
struct SubmitRefusal {
  std::vector<Missing> missing;
};
std::variant<Evaluation, SubmitRefusal> submit(const Evaluation& e, const QuestionSet& set,
                                               const Answers& given, const std::string& at);
// Changing a submitted evaluation: needs a reason and must stay complete;
// the version goes up by one.
Result<Evaluation> edit_submitted(const Evaluation& e, const QuestionSet& set, const Answers& given,
                                  const std::string& reason, const std::string& at);

}  // namespace beacon::qa

#endif  // BEACON_QA_EVALUATION_H_
