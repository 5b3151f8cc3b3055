#include "qa/moderation.h"

#include <gtest/gtest.h>

namespace beacon::qa {
namespace {

Evaluation submitted(int64_t id, const std::string& voice, const std::string& overall) {
  Evaluation e;
  e.id = id;
  e.status = EvaluationStatus::kSubmitted;
  for (const Pillar& p : kPillars) e.answers[std::string(p.id) + ".grade"] = "good";
  e.answers["voice.grade"] = voice;
  e.answers["overall.grade"] = overall;
  return e;
}

Moderation regrade(int64_t id, Grade voice, Grade overall) {
  Moderation m;
  m.evaluation_id = id;
  for (const Pillar& p : kPillars) m.grades[std::string(p.id)] = Grade::kGood;
  m.grades["voice"] = voice;
  m.grades["overall"] = overall;
  return m;
}

TEST(ModerationTest, AgreementPerPillarAndOverallWithConfusion) {
  std::vector<Evaluation> evals = {submitted(1, "good", "good"), submitted(2, "good", "good"),
                                   submitted(3, "outstanding", "good-with-outstanding"),
                                   submitted(4, "inadequate", "inadequate")};
  evals[3].status = EvaluationStatus::kDraft;  // not submitted: not compared
  std::vector<Moderation> mods = {
      regrade(1, Grade::kGood, Grade::kGood),
      regrade(2, Grade::kRequiresImprovement, Grade::kRequiresImprovement),
      regrade(3, Grade::kGood, Grade::kGoodWithOutstanding),
      regrade(4, Grade::kInadequate, Grade::kInadequate)};
  auto r = agreement(evals, mods);
  EXPECT_EQ(r.by_pillar["voice"].compared, 3);
  EXPECT_EQ(r.by_pillar["voice"].agreed, 1);
  EXPECT_EQ(r.by_pillar["overall"].agreed, 2);
  EXPECT_DOUBLE_EQ(*r.by_pillar["overall"].rate(), 2.0 / 3);
  EXPECT_EQ(r.by_pillar["planning"].agreed, 3);
  const auto& c = r.by_pillar["voice"].confusion;
  EXPECT_EQ(c[grade_index(Grade::kGood)][grade_index(Grade::kRequiresImprovement)], 1);
  EXPECT_EQ(c[grade_index(Grade::kOutstanding)][grade_index(Grade::kGood)], 1);
  EXPECT_EQ(c[grade_index(Grade::kGood)][grade_index(Grade::kGood)], 1);
}

TEST(ModerationTest, PanelMustGradeEveryPillarAndOverall) {
  auto r =
      moderation_grades({{"voice.grade", "good"}, {"assessment.grade", "good-with-outstanding"}});
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("Assessment"), std::string::npos);
  EXPECT_NE(r.status().message().find("Overall grade"), std::string::npos);
  EXPECT_EQ(r.status().message().find("child's voice"), std::string::npos);
}

TEST(ModerationTest, ChoosesOnlySubmittedUnmoderatedEvaluationsRepeatably) {
  std::vector<Evaluation> evals;
  for (int i = 1; i <= 10; ++i) evals.push_back(submitted(i, "good", "good"));
  evals[0].status = EvaluationStatus::kDraft;
  auto a = choose_for_moderation(evals, {regrade(2, Grade::kGood, Grade::kGood)}, 3, 9);
  EXPECT_EQ(a.size(), 3u);
  for (int64_t id : a) {
    EXPECT_NE(id, 1);
    EXPECT_NE(id, 2);
  }
  EXPECT_EQ(a, choose_for_moderation(evals, {regrade(2, Grade::kGood, Grade::kGood)}, 3, 9));
}

}  // namespace
}  // namespace beacon::qa
