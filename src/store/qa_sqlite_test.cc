#include "store/qa_sqlite.h"

#include <gtest/gtest.h>

#include <variant>

#include "store/store.h"
#include "store/test_support.h"

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

qa::Cycle quarter() {
  qa::Cycle c = qa::quarterly_cycle_for(D(2025, 1, 15));
  c.rules.seed = 18446744073709551557ULL;  // survives as text
  c.rules.teams = {"T1"};
  return c;
}

qa::Evaluation assigned(int64_t cycle, std::string child, std::string team) {
  qa::Evaluation e;
  e.cycle_id = cycle;
  e.child_id = std::move(child);
  e.team_id = std::move(team);
  e.practitioner_id = "W1";
  e.evaluator_id = "M2";
  return e;
}

TEST(QaSqliteTest, CyclesAndEvaluationsRoundTripAndScopeFilters) {
  auto s = open_sqlite_qa_store(":memory:");
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  auto& qa = **s;
  auto id = qa.add_cycle(quarter());
  ASSERT_TRUE(id.is_ok()) << id.status().message();
  auto back = qa.cycle(*id);
  ASSERT_TRUE(back.is_ok() && back->has_value());
  EXPECT_EQ((*back)->name, "2024-25 Q4");
  EXPECT_EQ((*back)->rules.seed, 18446744073709551557ULL);
  EXPECT_EQ((*back)->rules.teams, (std::set<std::string>{"T1"}));

  auto ids = qa.add_evaluations({assigned(*id, "C1", "T1"), assigned(*id, "C2", "T2")});
  ASSERT_TRUE(ids.is_ok());
  ASSERT_EQ(ids->size(), 2u);
  auto all = qa.evaluations({*id, "", ""}, qa::UnitScope::all());
  ASSERT_TRUE(all.is_ok());
  EXPECT_EQ(all->size(), 2u);
  auto t2 = qa.evaluations({}, qa::UnitScope::only({"T2"}));
  ASSERT_EQ(t2->size(), 1u);
  EXPECT_EQ(t2->front().child_id, "C2");
  EXPECT_EQ(t2->front().id, (*ids)[1]);
  EXPECT_EQ(qa.evaluations({0, "", "C1"}, qa::UnitScope::all())->size(), 1u);
}

TEST(QaSqliteTest, SavingRefusesAStaleCopyAndKeepsVersions) {
  auto s = open_sqlite_qa_store(":memory:");
  ASSERT_TRUE(s.is_ok());
  auto& qa = **s;
  int64_t cycle = *qa.add_cycle(quarter());
  int64_t id = (*qa.add_evaluations({assigned(cycle, "C1", "T1")}))[0];
  qa::Evaluation read = **qa.evaluation(id);
  qa::Evaluation draft = read;
  draft.status = qa::EvaluationStatus::kDraft;
  draft.answers = {{"voice.grade", "good"}};
  ASSERT_TRUE(qa.save_evaluation(draft, read, nullptr).is_ok());
  // A second tab still holding the assigned copy cannot overwrite the draft.
  auto stale = qa.save_evaluation(read, read, nullptr);
  EXPECT_EQ(stale.code(), StatusCode::kConflict);

  qa::Evaluation submitted = draft;
  submitted.status = qa::EvaluationStatus::kSubmitted;
  submitted.version = 1;
  qa::EvaluationVersion v1{1, "2025-01-20", "m2", "submitted", submitted.answers};
  ASSERT_TRUE(qa.save_evaluation(submitted, draft, &v1).is_ok());
  qa::Evaluation v2e = submitted;
  v2e.version = 2;
  v2e.answers["voice.grade"] = "outstanding";
  qa::EvaluationVersion v2{2, "2025-01-21", "m2", "moderation", v2e.answers};
  ASSERT_TRUE(qa.save_evaluation(v2e, submitted, &v2).is_ok());
  auto versions = qa.versions(id);
  ASSERT_TRUE(versions.is_ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].answers.at("voice.grade"), "good");
  EXPECT_EQ((*versions)[1].reason, "moderation");
  EXPECT_EQ((**qa.evaluation(id)).answers.at("voice.grade"), "outstanding");
}

TEST(QaSqliteTest, OneModerationPerEvaluationAndRecordsOfEveryKind) {
  auto s = open_sqlite_qa_store(":memory:");
  ASSERT_TRUE(s.is_ok());
  auto& qa = **s;
  int64_t cycle = *qa.add_cycle(quarter());
  int64_t eval = (*qa.add_evaluations({assigned(cycle, "C1", "T1")}))[0];
  qa::Moderation m;
  m.evaluation_id = eval;
  m.cycle_id = cycle;
  m.grades = {{"overall", qa::Grade::kGood}};
  ASSERT_TRUE(qa.add_moderation(m).is_ok());
  EXPECT_EQ(qa.add_moderation(m).status().code(), StatusCode::kConflict);
  EXPECT_EQ(qa.moderations(cycle)->front().grades.at("overall"), qa::Grade::kGood);

  qa::Recommendation r;
  r.cycle_id = cycle;
  r.child_id = "C1";
  r.team_id = "T1";
  r.text = "Chronology";
  r.owner_id = "W1";
  r.made = D(2025, 1, 20);
  r.due = D(2025, 2, 20);
  int64_t rid = *qa.add_recommendation(r);
  r.id = rid;
  r = *qa::close(r, D(2025, 2, 1), "Updated");
  ASSERT_TRUE(qa.update_recommendation(r).is_ok());
  EXPECT_EQ((**qa.recommendation(rid)).done_on, D(2025, 2, 1));
  r.id = 999;
  EXPECT_EQ(qa.update_recommendation(r).code(), StatusCode::kNotFound);

  qa::Complaint c;
  c.received = D(2025, 1, 6);
  c.due = qa::complaint_due(c.received, 1);
  c.theme = "no-reply";
  c.team_id = "T2";
  ASSERT_TRUE(qa.add_complaint(c).is_ok());
  EXPECT_EQ(qa.complaints(qa::UnitScope::only({"T1"}))->size(), 0u);
  EXPECT_EQ(qa.complaints(qa::UnitScope::all())->front().due, D(2025, 1, 20));

  qa::ImprovementPlan p;
  p.name = "Development plan 2025";
  p.start = D(2025, 1, 1);
  p.priorities = {{"1", "Hear the child", "Director of children's social care"}};
  int64_t pid = *qa.add_plan(p);
  for (std::string n : {"1.10", "1.2"}) {
    qa::PlanAction a;
    a.plan_id = pid;
    a.number = n;
    a.title = "Action " + n;
    a.start = D(2025, 1, 1);
    a.due = D(2025, 6, 30);
    a.indicator_ids = {"KPI3"};
    ASSERT_TRUE(qa.add_action(a).is_ok());
  }
  auto actions = qa.actions(pid, qa::UnitScope::only({"T1"}));  // organisation-wide: seen by all
  ASSERT_EQ(actions->size(), 2u);
  EXPECT_EQ(actions->front().number, "1.2");
  EXPECT_EQ(actions->front().indicator_ids, (std::vector<std::string>{"KPI3"}));
  EXPECT_EQ(qa.plans()->front().priorities.front().sponsor, "Director of children's social care");
}

TEST(QaSqliteTest, ReplaceAllSwapsTheWholeHistoryAndSharesTheStoreFile) {
  testing::TempDir dir;
  std::string path = dir.file("beacon.db");
  {
    auto s = open_sqlite_qa_store(path);
    ASSERT_TRUE(s.is_ok()) << s.status().message();
    qa::QaHistory h;
    h.cycles.push_back(quarter());
    h.cycles[0].id = 7;
    auto e = assigned(7, "C1", "T1");
    e.id = 70;
    e.status = qa::EvaluationStatus::kSubmitted;
    e.version = 1;
    h.evaluations.push_back(e);
    ASSERT_TRUE((*s)->replace_all(h).is_ok());
    ASSERT_TRUE((*s)->replace_all(h).is_ok());  // again: replaces, no duplicate ids
  }
  auto store = open_sqlite_store(path);  // the same file is still a Beacon store
  ASSERT_TRUE(store.is_ok()) << store.status().message();
  auto s = open_sqlite_qa_store(path);
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ((*s)->cycles()->front().id, 7);
  EXPECT_EQ((*s)->versions(70)->size(), 1u);
}

// Two connections to one store file: what one writes, the other must see.
struct TwoConnections {
  testing::TempDir dir;
  std::unique_ptr<qa::QaStore> a, b;
  TwoConnections() {
    auto first = open_sqlite_qa_store(dir.file("beacon.db"));
    auto second = open_sqlite_qa_store(dir.file("beacon.db"));
    if (first.is_ok() && second.is_ok()) {
      a = std::move(*first);
      b = std::move(*second);
    }
  }
};

TEST(QaSqliteTest, KeptRecommendationsFollowWritesFromThisAndOtherConnections) {
  TwoConnections s;
  ASSERT_TRUE(s.a && s.b);
  qa::Recommendation r;
  r.child_id = "C1";
  r.team_id = "T1";
  r.text = "Update the chronology";
  r.owner_id = "W1";
  r.made = D(2025, 1, 10);
  r.due = D(2025, 2, 10);
  auto id = s.a->add_recommendation(r);
  ASSERT_TRUE(id.is_ok());
  ASSERT_EQ(s.a->recommendations(qa::UnitScope::all())->size(), 1u);  // now kept
  EXPECT_EQ(s.a->recommendations(qa::UnitScope::only({"T2"}))->size(), 0u);

  // Changed through this connection: seen at once.
  r.id = *id;
  r.text = "Update the chronology and the genogram";
  ASSERT_TRUE(s.a->update_recommendation(r).is_ok());
  EXPECT_EQ(s.a->recommendations(qa::UnitScope::all())->front().text, r.text);

  // Changed through another connection to the same file: seen too.
  r.status = qa::RecommendationStatus::kDone;
  r.done_on = D(2025, 2, 1);
  ASSERT_TRUE(s.b->update_recommendation(r).is_ok());
  r.id = 0;
  r.child_id = "C2";
  ASSERT_TRUE(s.b->add_recommendation(r).is_ok());
  auto seen = s.a->recommendations(qa::UnitScope::all());
  ASSERT_EQ(seen->size(), 2u);
  EXPECT_EQ(seen->front().status, qa::RecommendationStatus::kDone);
  EXPECT_EQ(seen->back().child_id, "C2");
}

TEST(QaSqliteTest, KeptEvaluationsAndFeedbackFollowWritesFromAnotherConnection) {
  TwoConnections s;
  ASSERT_TRUE(s.a && s.b);
  auto cycle = s.a->add_cycle(quarter());
  ASSERT_TRUE(cycle.is_ok());
  ASSERT_TRUE(s.a->add_evaluations({assigned(*cycle, "C1", "T1")}).is_ok());
  EXPECT_EQ(s.a->evaluations({}, qa::UnitScope::all())->size(), 1u);  // now kept
  ASSERT_TRUE(s.b->add_evaluations({assigned(*cycle, "C2", "T2")}).is_ok());
  auto seen = s.a->evaluations({}, qa::UnitScope::all());
  ASSERT_EQ(seen->size(), 2u);
  EXPECT_EQ(seen->back().child_id, "C2");
  EXPECT_EQ(s.a->evaluations({0, "", "C2"}, qa::UnitScope::only({"T1"}))->size(), 0u);
  EXPECT_EQ(s.a->evaluations({0, "", "C2"}, qa::UnitScope::only({"T2"}))->size(), 1u);

  qa::Compliment c;
  c.team_id = "T1";
  c.received = D(2025, 1, 20);
  c.from = "parent";
  c.summary = "Thank you";
  EXPECT_EQ(s.a->compliments(qa::UnitScope::all())->size(), 0u);
  ASSERT_TRUE(s.b->add_compliment(c).is_ok());
  EXPECT_EQ(s.a->compliments(qa::UnitScope::all())->size(), 1u);
  EXPECT_EQ(s.a->compliments(qa::UnitScope::only({"T2"}))->size(), 0u);
}

}  // namespace
}  // namespace beacon
