// `beacon kpi`, `drill`, `portrait` and `report` as a user runs them against a
// store loaded from golden cases (src/indicators/golden): the JSON contract of
// docs/cli.md, figures that match the hand-worked ones, exit codes, files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/run_beacon.h"
#include "store/test_support.h"

namespace beacon {
namespace {

namespace fs = std::filesystem;
using testing::Run;

// Standard output only, so that it holds just what the command writes.
Run beacon(const std::string& args) { return testing::run_beacon(args, testing::Stderr::kDropped); }

const std::string kGolden = std::string(BEACON_SOURCE_DIR) + "/src/indicators/golden/";

std::string first_bytes(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

std::vector<std::string> keys(const nlohmann::json& o) {
  std::vector<std::string> out;
  for (const auto& [k, v] : o.items()) out.push_back(k);
  return out;
}

const nlohmann::json* find_indicator(const nlohmann::json& j, const std::string& id) {
  for (const auto& f : j["indicators"])
    if (f["id"] == id) return &f;
  return nullptr;
}

// One store for the whole suite: assessments (CIN census), workforce (local
// tables) and looked-after children (EXPSSDA903 XML) loaded in one call.
class CliFigures : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    db_ = dir_->file("beacon.db");
    auto run = beacon("load --db " + db_ + " " + kGolden + "assessment/bank_holidays " + kGolden +
                      "workforce/posts_supervision_turnover " + kGolden +
                      "looked_after/short_term_stability_xml");
    load_exit_ = run.exit_code;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { ASSERT_EQ(load_exit_, 0) << "the golden cases did not load"; }

  static testing::TempDir* dir_;
  static std::string db_;
  static int load_exit_;
};

testing::TempDir* CliFigures::dir_ = nullptr;
std::string CliFigures::db_;
int CliFigures::load_exit_ = -1;

TEST_F(CliFigures, KpiJsonHasExactlyTheContractShape) {
  auto run = beacon("kpi --db " + db_ + " --to 2025-03-31 --series 3");
  ASSERT_EQ(run.exit_code, 0);
  auto j = nlohmann::json::parse(run.output);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"from", "indicators", "to", "unit"}));
  EXPECT_EQ(j["from"], "2024-04-01");
  EXPECT_EQ(j["to"], "2025-03-31");
  EXPECT_EQ(j["unit"], "ORG");
  EXPECT_EQ(j["indicators"].size(), 45u);  // KPI1-KPI15, KPI6E and 29 catalogue indicators
  for (const auto& f : j["indicators"]) {
    EXPECT_EQ(keys(f),
              (std::vector<std::string>{"benchmarks", "denominator", "id", "kind", "measure",
                                        "name", "narrative", "numerator", "polarity", "rag",
                                        "series", "target", "tolerance", "trend", "value"}))
        << f["id"];
    EXPECT_EQ(keys(f["benchmarks"]),
              (std::vector<std::string>{"england", "region", "statistical_neighbours"}));
    EXPECT_EQ(f["tolerance"].size(), 2u) << f["id"];
    ASSERT_EQ(f["series"].size(), 3u) << f["id"];
    EXPECT_EQ(keys(f["series"][0]), (std::vector<std::string>{"to", "value"}));
    EXPECT_EQ(f["series"][2]["to"], "2025-03-31");
    EXPECT_EQ(f["series"][0]["to"], "2025-01-31");
  }
}

TEST_F(CliFigures, KpiFiguresMatchTheHandWorkedOnes) {
  auto run = beacon("kpi --db " + db_ + " --to 2025-03-31");
  ASSERT_EQ(run.exit_code, 0);
  auto j = nlohmann::json::parse(run.output);
  const auto* kpi3 = find_indicator(j, "KPI3");
  ASSERT_NE(kpi3, nullptr);
  EXPECT_EQ((*kpi3)["numerator"], 3);
  EXPECT_EQ((*kpi3)["denominator"], 4);
  EXPECT_DOUBLE_EQ((*kpi3)["value"].get<double>(), 75.0);
  EXPECT_EQ((*kpi3)["kind"], "flow");
  EXPECT_EQ((*kpi3)["polarity"], "high");
  EXPECT_EQ((*kpi3)["measure"], "%");
  // An empty denominator gives null, never 0.
  const auto* kpi1 = find_indicator(j, "KPI1");
  ASSERT_NE(kpi1, nullptr);
  EXPECT_TRUE((*kpi1)["value"].is_null());
  EXPECT_EQ((*kpi1)["denominator"], 0);
  // Decimal FTE sums stay decimals.
  const auto* kpi12 = find_indicator(j, "KPI12");
  ASSERT_NE(kpi12, nullptr);
  EXPECT_DOUBLE_EQ((*kpi12)["numerator"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ((*kpi12)["denominator"].get<double>(), 8.5);
  const auto* kpi14 = find_indicator(j, "KPI14");
  ASSERT_NE(kpi14, nullptr);
  EXPECT_DOUBLE_EQ((*kpi14)["value"].get<double>(), 15.0);
  EXPECT_EQ((*kpi14)["measure"], "children per FTE");
}

// Series point k = the same kind of period ending on the k-th month end back
// from the last month end on or before --to (snapshots: at that month end).
TEST_F(CliFigures, SeriesTrendAndRagFollowTheDefinitions) {
  auto j = nlohmann::json::parse(beacon("kpi --db " + db_ + " --to 2025-03-31 --series 4").output);
  const auto* kpi3 = find_indicator(j, "KPI3");
  ASSERT_NE(kpi3, nullptr);
  const auto& s3 = (*kpi3)["series"];
  ASSERT_EQ(s3.size(), 4u);
  // 12 months to 31 Dec 2024: G4, G5 both in time; to 31 Jan 2025: G1, G2 join (G2 late).
  EXPECT_EQ(s3[0]["to"], "2024-12-31");
  EXPECT_DOUBLE_EQ(s3[0]["value"].get<double>(), 100.0);
  EXPECT_EQ(s3[1]["to"], "2025-01-31");
  EXPECT_DOUBLE_EQ(s3[1]["value"].get<double>(), 75.0);
  // 75% is below the 80% tolerance floor; the last three months (75) against the three
  // before (100): declining.
  EXPECT_EQ((*kpi3)["rag"], "red");
  EXPECT_EQ((*kpi3)["trend"], "declining");

  // KPI12 is a snapshot: 31 Dec 2024 0.5 of 7.0 FTE; 31 Jan 2025 1.5 of 8.5.
  const auto* kpi12 = find_indicator(j, "KPI12");
  ASSERT_NE(kpi12, nullptr);
  EXPECT_NEAR((*kpi12)["series"][0]["value"].get<double>(), 50.0 / 7, 1e-9);
  EXPECT_NEAR((*kpi12)["series"][1]["value"].get<double>(), 150.0 / 8.5, 1e-9);
  // Good = low: 17.6% is above the 15% tolerance ceiling, and rising.
  EXPECT_EQ((*kpi12)["rag"], "red");
  EXPECT_EQ((*kpi12)["trend"], "declining");

  // Mid-month --to: the series ends at the month end before it.
  auto mid = nlohmann::json::parse(beacon("kpi --db " + db_ + " --to 2025-03-15 --series 2").output);
  const auto* m3 = find_indicator(mid, "KPI3");
  ASSERT_NE(m3, nullptr);
  EXPECT_EQ(mid["from"], "2024-03-16");
  EXPECT_EQ((*m3)["series"][0]["to"], "2025-01-31");
  EXPECT_EQ((*m3)["series"][1]["to"], "2025-02-28");
}

// Same store, same request: byte-identical output.
TEST_F(CliFigures, OutputIsDeterministic) {
  const std::string kpi = "kpi --db " + db_ + " --to 2025-03-31 --series 2";
  EXPECT_EQ(beacon(kpi).output, beacon(kpi).output);
  const std::string drill = "drill --db " + db_ + " --indicator KPI15 --to 2025-03-31";
  EXPECT_EQ(beacon(drill).output, beacon(drill).output);
}

TEST_F(CliFigures, KpiForAUnitAndAPeriod) {
  auto run = beacon("kpi --db " + db_ + " --to 2025-03-31 --from 2025-03-01 --unit TB --series 0");
  ASSERT_EQ(run.exit_code, 0);
  auto j = nlohmann::json::parse(run.output);
  EXPECT_EQ(j["from"], "2025-03-01");
  EXPECT_EQ(j["unit"], "TB");
  const auto* kpi15 = find_indicator(j, "KPI15");
  ASSERT_NE(kpi15, nullptr);
  EXPECT_EQ((*kpi15)["numerator"], 1);
  EXPECT_EQ((*kpi15)["denominator"], 1);
  EXPECT_TRUE((*kpi15)["series"].empty());
}

TEST_F(CliFigures, KpiRefusesBadRequests) {
  EXPECT_EQ(beacon("kpi --db " + db_ + " --to 2025-02-30").exit_code, 1);
  EXPECT_EQ(beacon("kpi --db " + db_ + " --to 2025-03-31 --from 2025-04-01").exit_code, 1);
  EXPECT_EQ(beacon("kpi --db " + db_ + " --to 2025-03-31 --unit NOPE").exit_code, 1);
  EXPECT_EQ(beacon("kpi --db " + db_ + " --to 2025-03-31 --series 121").exit_code, 1);
  EXPECT_EQ(beacon("kpi --db " + db_ + " --to 2025-03-31 --format yaml").exit_code, 2);
  EXPECT_EQ(beacon("kpi --db " + db_).exit_code, 2);  // --to is required
}

// Reading figures never creates a store.
TEST_F(CliFigures, NoStoreIsAnErrorAndIsNotCreated) {
  const auto none = dir_->file("none.db");
  EXPECT_EQ(beacon("kpi --db " + none + " --to 2025-03-31").exit_code, 1);
  EXPECT_EQ(beacon("drill --db " + none + " --indicator KPI3 --to 2025-03-31").exit_code, 1);
  EXPECT_EQ(beacon("portrait --db " + none + " --cohort cin --at 2025-03-31").exit_code, 1);
  EXPECT_EQ(beacon("worklist --db " + none + " --at 2025-03-31").exit_code, 1);
  EXPECT_EQ(beacon("report --db " + none + " --to 2025-03-31 --format pdf --out " +
                   dir_->file("none.pdf"))
                .exit_code,
            1);
  EXPECT_FALSE(fs::exists(none));
  EXPECT_FALSE(fs::exists(dir_->file("none.pdf")));
}

TEST_F(CliFigures, KpiCsvHasOneRowPerIndicator) {
  auto run = beacon("kpi --db " + db_ + " --to 2025-03-31 --format csv");
  ASSERT_EQ(run.exit_code, 0);
  std::istringstream lines(run.output);
  std::string line;
  int n = 0;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("id,name,kind,measure,from,to,value,numerator,denominator", 0), 0u) << line;
  while (std::getline(lines, line)) n += line.rfind("KPI", 0) == 0 ? 1 : 0;
  EXPECT_EQ(n, 16);
}

TEST_F(CliFigures, DrillListsTheDenominatorsRecords) {
  auto json = beacon("drill --db " + db_ + " --indicator KPI3 --to 2025-03-31 --format json");
  ASSERT_EQ(json.exit_code, 0);
  auto j = nlohmann::json::parse(json.output);
  EXPECT_EQ(j["indicator"], "KPI3");
  ASSERT_EQ(j["rows"].size(), 4u);  // G1, G2, G4, G5
  int in = 0;
  for (const auto& r : j["rows"]) in += r["in_numerator"].get<bool>() ? 1 : 0;
  EXPECT_EQ(in, 3);

  auto csv = beacon("drill --db " + db_ + " --indicator KPI3 --to 2025-03-31");
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.output.rfind("child_id,record,in_numerator,numerator,denominator", 0), 0u);
  EXPECT_EQ(std::count(csv.output.begin(), csv.output.end(), '\n'), 5);  // header + 4 records

  const auto xlsx = dir_->file("drill.xlsx");
  EXPECT_EQ(
      beacon("drill --db " + db_ + " --indicator KPI3 --to 2025-03-31 --format xlsx --out " + xlsx)
          .exit_code,
      0);
  EXPECT_EQ(first_bytes(xlsx, 2), "PK");
  EXPECT_EQ(beacon("drill --db " + db_ + " --indicator KPI99 --to 2025-03-31").exit_code, 1);
}

TEST_F(CliFigures, PortraitForEveryCohortAndFormat) {
  for (const char* cohort : {"cin", "cin-plan", "cp", "cla", "care-leavers"}) {
    auto run = beacon("portrait --db " + db_ + " --cohort " + cohort + " --at 2025-03-31");
    ASSERT_EQ(run.exit_code, 0) << cohort;
    auto j = nlohmann::json::parse(run.output);
    EXPECT_EQ(j["cohort"], cohort);
    EXPECT_EQ(j["at"], "2025-03-31");
  }
  auto cla =
      nlohmann::json::parse(beacon("portrait --db " + db_ + " --cohort cla --at 2025-03-31").output);
  EXPECT_EQ(cla["count"], 5);  // S1, S2, S3, S4, S7 (S5's short breaks are not care)
  const auto pdf = dir_->file("cla.pdf");
  const auto png = dir_->file("cla.png");
  EXPECT_EQ(
      beacon("portrait --db " + db_ + " --cohort cla --at 2025-03-31 --format pdf --out " + pdf)
          .exit_code,
      0);
  EXPECT_EQ(first_bytes(pdf, 4), "%PDF");
  EXPECT_EQ(
      beacon("portrait --db " + db_ + " --cohort cla --at 2025-03-31 --format png --out " + png)
          .exit_code,
      0);
  EXPECT_EQ(first_bytes(png, 4), "\x89PNG");
  EXPECT_EQ(beacon("portrait --db " + db_ + " --cohort cla --at 2025-03-31 --format pdf").exit_code,
            1);  // needs --out
  EXPECT_EQ(beacon("portrait --db " + db_ + " --cohort everyone --at 2025-03-31").exit_code, 1);
}

TEST_F(CliFigures, ReportWritesXlsxAndPdf) {
  const auto xlsx = dir_->file("report.xlsx");
  const auto pdf = dir_->file("report.pdf");
  EXPECT_EQ(beacon("report --db " + db_ + " --to 2025-03-31 --format xlsx --out " + xlsx).exit_code,
            0);
  EXPECT_EQ(first_bytes(xlsx, 2), "PK");
  EXPECT_EQ(beacon("report --db " + db_ + " --to 2025-03-31 --format pdf --out " + pdf).exit_code,
            0);
  EXPECT_EQ(first_bytes(pdf, 4), "%PDF");
  EXPECT_EQ(beacon("report --db " + db_ + " --to 2025-03-31 --format xlsx").exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_->file("none.xlsx")));
}

}  // namespace
}  // namespace beacon
