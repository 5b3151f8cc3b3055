#include "qa/evaluation.h"

#include <gtest/gtest.h>

#include <variant>

namespace beacon::qa {
namespace {

// Every required answer of the standard template, all pillars good.
Answers complete_answers() {
  Answers a;
  for (const Pillar& p : kPillars) {
    a[std::string(p.id) + ".grade"] = "good";
    a[std::string(p.id) + ".evidence"] = "Seen in the record and discussed.";
  }
  a["overall.grade"] = "good";
  a["overall.experience-progress"] = "Yes";
  a["overall.record-reflects-work"] = "Yes";
  a["overall.child-safe"] = "Yes";
  a["overall.summary"] = "Consistent, child-centred work.";
  a["feedback.child"] = "Likes their worker.";
  a["feedback.parents"] = "Mother feels listened to.";
  a["feedback.partners"] = "School reports good contact.";
  a["learning.summary"] = "Keep the chronology current.";
  return a;
}

std::vector<std::string> ids(const std::vector<Missing>& m) {
  std::vector<std::string> out;
  for (const auto& x : m) out.push_back(x.question_id);
  return out;
}

TEST(CompletenessTest, CompleteAnswersMaySubmit) {
  EXPECT_TRUE(check_complete(practice_evaluation_template(), complete_answers()).empty());
}

TEST(CompletenessTest, ListsEveryBlankRequiredAnswer) {
  Answers a = complete_answers();
  a.erase("planning.evidence");
  a["feedback.child"] = "   ";
  auto m = check_complete(practice_evaluation_template(), a);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"planning.evidence", "feedback.child"}));
  EXPECT_EQ(m[0].message, "Planning: Evidence for the grade is not answered");
}

TEST(CompletenessTest, LearningMustAddressEachPillarBelowGood) {
  Answers a = complete_answers();
  a["assessment.grade"] = "requires-improvement";
  a["oversight.grade"] = "inadequate";
  a["overall.grade"] = "requires-improvement";
  auto m = check_complete(practice_evaluation_template(), a);
  ASSERT_EQ(ids(m), (std::vector<std::string>{"learning.assessment", "learning.oversight"}));
  EXPECT_NE(m[0].message.find("Assessment is graded Requires improvement"), std::string::npos);
  a["learning.assessment"] = "Use the chronology to analyse risk.";
  a["learning.oversight"] = "Record supervision decisions on the file.";
  EXPECT_TRUE(check_complete(practice_evaluation_template(), a).empty());
}

TEST(CompletenessTest, RefusesValuesOutsideTheAllowedAnswers) {
  Answers a = complete_answers();
  a["voice.grade"] = "good-with-outstanding";  // overall only
  a["overall.child-safe"] = "Probably";
  a["learning.themes"] = "Chronology, Made up theme";
  auto m = check_complete(practice_evaluation_template(), a);
  EXPECT_EQ(ids(m),
            (std::vector<std::string>{"voice.grade", "overall.child-safe", "learning.themes"}));
  a = complete_answers();
  a["overall.grade"] = "good-with-outstanding";
  a["learning.themes"] = "Chronology, SMART plans";
  EXPECT_TRUE(check_complete(practice_evaluation_template(), a).empty());
}

TEST(EvaluationTest, DraftKeepsOnlyTheSetsQuestions) {
  Evaluation e;
  auto d = save_draft(e, practice_evaluation_template(),
                      {{"voice.grade", " good "}, {"evil", "x"}, {"planning.evidence", ""}},
                      "2025-01-02");
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->status, EvaluationStatus::kDraft);
  EXPECT_EQ(d->answers, (Answers{{"voice.grade", "good"}}));
  EXPECT_EQ(d->version, 0);
}

TEST(EvaluationTest, SubmitRefusesIncompleteThenAcceptsAndVersionsLaterEdits) {
  Evaluation e;
  Answers a = complete_answers();
  a.erase("overall.summary");
  auto r = submit(e, practice_evaluation_template(), a, "2025-01-02");
  ASSERT_TRUE(std::holds_alternative<SubmitRefusal>(r));
  EXPECT_EQ(ids(std::get<SubmitRefusal>(r).missing), (std::vector<std::string>{"overall.summary"}));

  auto ok = submit(e, practice_evaluation_template(), complete_answers(), "2025-01-03");
  ASSERT_TRUE(std::holds_alternative<Evaluation>(ok));
  Evaluation s = std::get<Evaluation>(ok);
  EXPECT_EQ(s.status, EvaluationStatus::kSubmitted);
  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(s.submitted_at, "2025-01-03");
  EXPECT_FALSE(save_draft(s, practice_evaluation_template(), a, "2025-01-04").is_ok());

  Answers changed = complete_answers();
  changed["planning.grade"] = "outstanding";
  EXPECT_FALSE(
      edit_submitted(s, practice_evaluation_template(), changed, "", "2025-01-05").is_ok());
  auto v2 = edit_submitted(s, practice_evaluation_template(), changed, "moderation feedback",
                           "2025-01-05");
  ASSERT_TRUE(v2.is_ok());
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->submitted_at, "2025-01-03");
  changed["planning.grade"] = "inadequate";  // now the learning misses planning
  EXPECT_FALSE(edit_submitted(*v2, practice_evaluation_template(), changed, "regrade", "2025-01-06")
                   .is_ok());
}

TEST(QuestionSetTest, TemplateHasTheFourPillarsGradedWithEvidence) {
  const auto& set = practice_evaluation_template();
  for (const Pillar& p : kPillars) {
    const Question* g = set.find(std::string(p.id) + ".grade");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->type, AnswerType::kPillarGrade);
    EXPECT_TRUE(g->required);
    EXPECT_NE(set.find(std::string(p.id) + ".evidence"), nullptr);
  }
  EXPECT_EQ(set.find("overall.grade")->type, AnswerType::kOverallGrade);
  EXPECT_NE(find_question_set("joint-visit-dip-sample"), nullptr);
  EXPECT_EQ(find_question_set("nope"), nullptr);
}

}  // namespace
}  // namespace beacon::qa
