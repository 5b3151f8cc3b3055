// The `beacon` binary as a user runs it: exit codes, what it prints, what it
// leaves on disk.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/store.h"
#include "cli/run_beacon.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::Run;
Run beacon(const std::string& args) { return testing::run_beacon(args); }

TEST(CliStatus, MissingStoreIsAnErrorAndIsNotCreated) {
  testing::TempDir dir;
  auto run = beacon("status --db " + dir.file("none.db"));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("there is no store at"), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir.file("none.db")));
}

TEST(CliStatus, UsageErrorsExitWithTwo) {
  EXPECT_EQ(beacon("status").exit_code, 2);
  EXPECT_EQ(beacon("status --db x.db --format yaml").exit_code, 2);
}

TEST(CliStatus, ShowsWhatIsLoadedAsTextOrJson) {
  testing::TempDir dir;
  const auto db = dir.file("beacon.db");
  {
    auto store = std::move(open_sqlite_store(db)).value();
    Batch b;
    Contribution c;
    c.source = Source::kLocal;
    c.table = "workers";
    c.as_of = *Date::from_ymd(2025, 6, 1);
    c.files = "workers.csv";
    b.contributions.push_back(c);
    Worker w;
    w.id = "W1";
    w.in_post_from = Date::from_ymd(2019, 9, 1);
    b.records.workers.push_back(w);
    ASSERT_TRUE(store->commit_load(b, {0, "", "ann", "workers.csv", "added 1", "{}"}));
  }
  auto text = beacon("status --db " + db);
  EXPECT_EQ(text.exit_code, 0) << text.output;
  EXPECT_NE(text.output.find("workers                            1  in_post_from    2019-09-01"),
            std::string::npos)
      << text.output;
  auto json = beacon("status --db " + db + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.output;
  auto j = nlohmann::json::parse(json.output);
  EXPECT_EQ(j["contributions"][0]["key"], "local/workers/0");
  EXPECT_EQ(j["loads"][0]["user"], "ann");
}

const std::string kCorpus = std::string(BEACON_SOURCE_DIR) + "/fuzz/corpus/cin_census/";

TEST(CliLoad, LoadsAReturnAndStatusShowsIt) {
  testing::TempDir dir;
  const auto db = dir.file("beacon.db");
  auto run = beacon("load --db " + db + " " + kCorpus + "02_layout_2024.xml");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("Loaded (load 1): added"), std::string::npos) << run.output;
  auto status = beacon("status --db " + db);
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.output.find("cin-census  *"), std::string::npos) << status.output;
}

TEST(CliLoad, ARefusedLoadExitsWithOneAndLeavesNoStoreBehind) {
  testing::TempDir dir;
  const auto db = dir.file("beacon.db");
  auto run = beacon("load --db " + db + " " + kCorpus + "05_bad_values.xml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("Nothing was loaded"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("05_bad_values.xml:12: "), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(CliLoad, ADryRunAgainstNoStoreCreatesNone) {
  testing::TempDir dir;
  const auto db = dir.file("beacon.db");
  auto run = beacon("load --db " + db + " --dry-run " + kCorpus + "02_layout_2024.xml");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("Dry run: nothing was written"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(CliLoad, UsageErrorsExitWithTwo) {
  testing::TempDir dir;
  const auto db = dir.file("beacon.db");
  auto year = beacon("load --db " + db + " --year 2024 " + kCorpus + "02_layout_2024.xml");
  EXPECT_EQ(year.exit_code, 2);
  EXPECT_NE(year.output.find("--year 2024 is not a financial year written like 2024-25"),
            std::string::npos);
  EXPECT_EQ(beacon("load --db " + db).exit_code, 2);  // nothing to load named
  EXPECT_EQ(beacon("load " + kCorpus + "02_layout_2024.xml").exit_code, 2);  // no --db
  EXPECT_FALSE(std::filesystem::exists(db));
}

}  // namespace
}  // namespace beacon
