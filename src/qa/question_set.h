// A question set as data: sections of questions, each with its answer type,
// whether it must be answered, and guidance for the evaluator. The standard
// practice-evaluation template ships as the default; thematic dip samples
// bring their own sets.
#ifndef BEACON_QA_QUESTION_SET_H_
#define BEACON_QA_QUESTION_SET_H_

#include <map>
#include <string>
#include <vector>

namespace beacon::qa {

enum class AnswerType {
  kPillarGrade,   // outstanding | good | requires-improvement | inadequate
  kOverallGrade,  // as a pillar grade, or good-with-outstanding
  kText,
  kChoice,  // one of `choices`
  kTags,    // none or more of `choices`, comma separated
};

struct Question {
  std::string id;  // "assessment.grade": unique within the set
  std::string text;
  AnswerType type = AnswerType::kText;
  bool required = false;
  std::vector<std::string> choices;  // kChoice, kTags
  std::string guidance;
  // Set on a pillar's grade question: the pillar it grades.
  std::string grades_pillar;
  // Set on a learning question: required when that pillar is graded below good.
  std::string learning_for_pillar;
};

struct Section {
  std::string id;
  std::string title;
  std::string guidance;
  std::vector<Question> questions;
};

struct QuestionSet {
  std::string id;  // "practice-evaluation"
  std::string title;
  int version = 1;
  std::vector<Section> sections;

  const Question* find(const std::string& question_id) const;
  // The section holding a question, or null.
  const Section* section_of(const std::string& question_id) const;
};

// Answers by question id; an absent or blank answer is unanswered.
using Answers = std::map<std::string, std::string>;

// The standard practice evaluation (domain.md §5): the four pillars graded
// with evidence, the overall grade, experience and progress, whether the
// written record reflects the work, whether the child is safe, feedback from
// the child, parents or carers and partners, and learning.
const QuestionSet& practice_evaluation_template();
// A thematic dip sample's set, e.g. "children where a joint visit was decided".
const QuestionSet& joint_visit_dip_sample_template();
// A shipped question set by id, or null.
const QuestionSet* find_question_set(const std::string& id);

// The themes findings are tagged with, for the learning briefing's recurring themes.
const std::vector<std::string>& finding_themes();

}  // namespace beacon::qa

#endif  // BEACON_QA_QUESTION_SET_H_
