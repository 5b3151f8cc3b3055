#include "qa/qa_tables.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "qa/qa_json.h"

namespace beacon::qa {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

QaHistory history() {
  QaHistory h;
  Cycle c = quarterly_cycle_for(D(2025, 1, 10));
  c.id = 3;
  c.rules.seed = 99;
  c.rules.mode = SampleMode::kStratified;
  h.cycles.push_back(c);
  Evaluation e;
  e.id = 30;
  e.cycle_id = 3;
  e.child_id = "C1";
  e.team_id = "T1";
  e.status = EvaluationStatus::kSubmitted;
  e.version = 1;
  e.revisit = true;
  e.answers = {{"voice.grade", "good"},
               {"overall.summary", "Said \"well done\", then, a comma\nand a line"}};
  h.evaluations.push_back(e);
  Moderation m;
  m.id = 1;
  m.evaluation_id = 30;
  m.cycle_id = 3;
  m.grades = {{"overall", Grade::kGood}, {"voice", Grade::kInadequate}};
  h.moderations.push_back(m);
  ImprovementPlan p;
  p.id = 1;
  p.name = "Development plan";
  p.start = D(2024, 4, 1);
  p.priorities = {{"1", "Hear children", "Director"}};
  h.plans.push_back(p);
  PlanAction a;
  a.id = 5;
  a.plan_id = 1;
  a.number = "1.1";
  a.title = "Seen alone";
  a.start = D(2024, 4, 1);
  a.due = D(2025, 3, 31);
  a.indicator_ids = {"KPI5", "KPI7"};
  a.updates = {{{2024, 5}, "green", "Started", "", "Lead"}};
  h.actions.push_back(a);
  return h;
}

TEST(QaTablesTest, WhatIsWrittenReadsBackTheSame) {
  QaHistory h = history();
  Problems problems;
  QaHistory back = read_qa_tables(write_qa_tables(h), problems);
  EXPECT_TRUE(problems.empty()) << problems.front().to_string();
  ASSERT_EQ(back.cycles.size(), 1u);
  EXPECT_EQ(to_json(back.cycles[0]), to_json(h.cycles[0]));
  ASSERT_EQ(back.evaluations.size(), 1u);
  EXPECT_EQ(to_json(back.evaluations[0]), to_json(h.evaluations[0]));
  EXPECT_EQ(to_json(back.moderations.at(0)), to_json(h.moderations[0]));
  EXPECT_EQ(to_json(back.plans.at(0)), to_json(h.plans[0]));
  EXPECT_EQ(to_json(back.actions.at(0)), to_json(h.actions[0]));
}

TEST(QaTablesTest, ProblemsNameFileLineAndColumn) {
  Problems problems;
  auto h = read_qa_tables({{"qa_cycles.csv",
                            "cycle_id,name,start,end,colour\nx,Q1,2024-04-01,2024-06-30,red\n"
                            "2,Q2,2024-07-01,31/02/2024,\n"},
                           {"qa_evaluations.csv", "evaluation_id,cycle_id,status\n1,77,draft\n"}},
                          problems);
  EXPECT_TRUE(h.cycles.empty());
  EXPECT_TRUE(h.evaluations.empty());
  ASSERT_GE(problems.size(), 4u);
  EXPECT_EQ(problems[0].field, "colour");
  EXPECT_EQ(problems[0].severity, Severity::kFinding);
  EXPECT_EQ(problems[1].line, 2);
  EXPECT_EQ(problems[1].field, "cycle_id");
  EXPECT_EQ(problems[2].line, 3);
  EXPECT_EQ(problems[3].field, "cycle_id");
  EXPECT_EQ(problems[3].file, "qa_evaluations.csv");
}

TEST(QaTablesTest, TheTemplatesHaveEveryColumnAndReadCleanly) {
  std::map<std::string, std::string> files;
  for (const auto& f : qa_table_files()) {
    std::ifstream in(std::string(BEACON_SOURCE_DIR) + "/templates/" + f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    files[f] = ss.str();
    std::string header = files[f].substr(0, files[f].find('\n'));
    std::string expected;
    for (const auto& c : qa_table_columns(f)) expected += (expected.empty() ? "" : ",") + c;
    EXPECT_EQ(header, expected) << f;
  }
  Problems problems;
  QaHistory h = read_qa_tables(files, problems);
  EXPECT_TRUE(problems.empty()) << problems.front().to_string();
  EXPECT_EQ(h.cycles.size(), 1u);
  EXPECT_EQ(h.evaluations.size(), 1u);
  EXPECT_EQ(h.moderations.size(), 1u);
  EXPECT_EQ(h.recommendations.size(), 1u);
  EXPECT_EQ(h.complaints.size(), 1u);
  ASSERT_EQ(h.plans.size(), 1u);
  EXPECT_EQ(h.plans[0].priorities.size(), 1u);
  ASSERT_EQ(h.actions.size(), 1u);
  EXPECT_EQ(h.actions[0].updates.size(), 1u);
  EXPECT_EQ(h.evaluations[0].answers.at("learning.assessment"), "Use the chronology to analyse risk.");
}

}  // namespace
}  // namespace beacon::qa
