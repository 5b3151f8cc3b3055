// `beacon generate` writes a QA history that `beacon load` reads into the QA
// store, the same for the same seed; a broken QA table refuses the QA load
// with its file, line and column.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "store/qa_sqlite.h"
#include "cli/run_beacon.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::Run;
using testing::run_beacon;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CliQa, GeneratedHistoryLoadsWithThreeCyclesAndRisingGrades) {
  testing::TempDir dir;
  auto gen = run_beacon("generate --out " + dir.file("org") + " --scale 0.05 --seed 3");
  ASSERT_EQ(gen.exit_code, 0) << gen.output;
  auto again = run_beacon("generate --out " + dir.file("org2") + " --scale 0.05 --seed 3");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(read(dir.file("org/qa/qa_evaluations.csv")),
            read(dir.file("org2/qa/qa_evaluations.csv")));
  EXPECT_EQ(read(dir.file("org/qa/qa_complaints.csv")),
            read(dir.file("org2/qa/qa_complaints.csv")));

  auto load = run_beacon("load --db " + dir.file("b.db") + " " + dir.file("org"));
  ASSERT_EQ(load.exit_code, 0) << load.output;
  EXPECT_NE(load.output.find("QA history: 3 cycles"), std::string::npos) << load.output;

  auto qa = open_sqlite_qa_store(dir.file("b.db"));
  ASSERT_TRUE(qa.is_ok());
  auto cycles = (*qa)->cycles();
  ASSERT_EQ(cycles->size(), 3u);
  EXPECT_FALSE((*qa)->complaints(qa::UnitScope::all())->empty());
  EXPECT_FALSE((*qa)->actions(0, qa::UnitScope::all())->empty());
  int revisits = 0;
  auto evaluations = (*qa)->evaluations({}, qa::UnitScope::all());
  ASSERT_TRUE(evaluations);
  for (const auto& e : *evaluations) revisits += e.revisit;
  EXPECT_GT(revisits, 0);
}

TEST(CliQa, ABrokenQaTableIsRefusedNamingFileLineAndColumn) {
  testing::TempDir dir;
  std::string qa_dir = dir.file("qa");
  dir.write("qa/qa_cycles.csv", "cycle_id,name,start,end\n1,Q1,2024-04-01,2024-06-30\n");
  dir.write("qa/qa_evaluations.csv", "evaluation_id,cycle_id,status\nx,1,draft\n");
  auto load = run_beacon("load --db " + dir.file("b.db") + " " + qa_dir);
  EXPECT_EQ(load.exit_code, 1) << load.output;
  EXPECT_NE(load.output.find("qa_evaluations.csv:2: evaluation_id"), std::string::npos)
      << load.output;
}

}  // namespace
}  // namespace beacon
