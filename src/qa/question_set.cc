#include "qa/question_set.h"

#include "qa/grades.h"

namespace beacon::qa {

const Question* QuestionSet::find(const std::string& question_id) const {
  for (const Section& s : sections)
    for (const Question& q : s.questions)
      if (q.id == question_id) return &q;
  return nullptr;
}

const Section* QuestionSet::section_of(const std::string& question_id) const {
  for (const Section& s : sections)
    for (const Question& q : s.questions)
      if (q.id == question_id) return &s;
  return nullptr;
}

const std::vector<std::string>& finding_themes() {
  static const std::vector<std::string> themes = {
      "Child's lived experience", "Direct work with the child", "Chronology",
      "Analysis of risk",         "Fathers and wider family",   "SMART plans",
      "Multi-agency working",     "Supervision recorded",       "Management oversight",
      "Timeliness of visits",     "Identity and diversity",     "Recording up to date",
  };
  return themes;
}

namespace {

QuestionSet build_practice_evaluation() {
  QuestionSet set;
  set.id = "practice-evaluation";
  set.title = "Practice evaluation";
  set.version = 1;
  const char* pillar_guidance[] = {
      "Is the child seen, heard and understood? Is their lived experience recorded in their words?",
      "Is the assessment analytical, timely and informed by history, family and partners?",
      "Is the plan specific, outcome focused and reviewed, and does it address the assessed needs?",
      "Is there regular, reflective supervision and management direction that shapes the work?",
  };
  int i = 0;
  for (const Pillar& p : kPillars) {
    Section s;
    s.id = std::string(p.id);
    s.title = std::string(p.label);
    s.guidance = pillar_guidance[i++];
    Question grade{s.id + ".grade",
                   "Grade for " + std::string(p.label),
                   AnswerType::kPillarGrade,
                   true,
                   {},
                   "",
                   s.id,
                   ""};
    Question evidence{s.id + ".evidence",
                      "Evidence for the grade",
                      AnswerType::kText,
                      true,
                      {},
                      "What in the record and the conversation supports the grade?",
                      "",
                      ""};
    s.questions = {grade, evidence};
    set.sections.push_back(std::move(s));
  }
  Section overall{"overall", "Overall judgement", "", {}};
  overall.questions = {
      {"overall.grade", "Overall grade", AnswerType::kOverallGrade, true, {}, "", "", ""},
      {"overall.experience-progress",
       "Is the intervention appropriate to the child's circumstances (experience and progress)?",
       AnswerType::kChoice,
       true,
       {"Yes", "Partly", "No"},
       "",
       "",
       ""},
      {"overall.record-reflects-work",
       "Does the written record reflect the quality of the work?",
       AnswerType::kChoice,
       true,
       {"Yes", "Partly", "No"},
       "",
       "",
       ""},
      {"overall.child-safe",
       "Is the child safe?",
       AnswerType::kChoice,
       true,
       {"Yes", "No - action taken today"},
       "If the child is not safe, act now and tell the team manager the same day.",
       "",
       ""},
      {"overall.summary", "Summary of the evaluation", AnswerType::kText, true, {}, "", "", ""},
  };
  set.sections.push_back(std::move(overall));
  Section feedback{
      "feedback", "Feedback", "Record what was said, or why it could not be sought.", {}};
  feedback.questions = {
      {"feedback.child", "Feedback from the child", AnswerType::kText, true, {}, "", "", ""},
      {"feedback.parents",
       "Feedback from parents or carers",
       AnswerType::kText,
       true,
       {},
       "",
       "",
       ""},
      {"feedback.partners",
       "Feedback from partner professionals",
       AnswerType::kText,
       true,
       {},
       "",
       "",
       ""},
  };
  set.sections.push_back(std::move(feedback));
  Section learning{
      "learning", "Learning", "Learning must address every pillar graded below good.", {}};
  learning.questions.push_back(
      {"learning.summary", "What has been learnt", AnswerType::kText, true, {}, "", "", ""});
  for (const Pillar& p : kPillars)
    learning.questions.push_back({"learning." + std::string(p.id),
                                  "Learning about " + std::string(p.label),
                                  AnswerType::kText,
                                  false,
                                  {},
                                  "Required when this pillar is graded below good.",
                                  "",
                                  std::string(p.id)});
  learning.questions.push_back({"learning.themes", "Themes of the findings", AnswerType::kTags,
                                false, finding_themes(), "", "", ""});
  set.sections.push_back(std::move(learning));
  return set;
}

QuestionSet build_joint_visit_dip_sample() {
  QuestionSet set;
  set.id = "joint-visit-dip-sample";
  set.title = "Dip sample: children where a joint visit was decided";
  set.version = 1;
  Section s{"joint-visit", "Joint visit", "", {}};
  s.questions = {
      {"joint-visit.decision-recorded",
       "Is the decision for a joint visit recorded with reasons?",
       AnswerType::kChoice,
       true,
       {"Yes", "Partly", "No"},
       "",
       "",
       ""},
      {"joint-visit.happened",
       "Did the joint visit happen within the timescale agreed?",
       AnswerType::kChoice,
       true,
       {"Yes", "No", "Not applicable"},
       "",
       "",
       ""},
      {"joint-visit.grade",
       "Quality of the joint working",
       AnswerType::kPillarGrade,
       true,
       {},
       "",
       "",
       ""},
      {"joint-visit.evidence", "Evidence", AnswerType::kText, true, {}, "", "", ""},
      {"joint-visit.learning", "Learning", AnswerType::kText, true, {}, "", "", ""},
  };
  set.sections.push_back(std::move(s));
  return set;
}

}  // namespace

const QuestionSet& practice_evaluation_template() {
  static const QuestionSet set = build_practice_evaluation();
  return set;
}

const QuestionSet& joint_visit_dip_sample_template() {
  static const QuestionSet set = build_joint_visit_dip_sample();
  return set;
}

const QuestionSet* find_question_set(const std::string& id) {
  for (const QuestionSet* s : {&practice_evaluation_template(), &joint_visit_dip_sample_template()})
    if (s->id == id) return s;
  return nullptr;
}

}  // namespace beacon::qa
