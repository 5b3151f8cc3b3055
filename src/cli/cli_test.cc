// The `beacon` binary as a user runs it: exit codes, what it prints, what it
// leaves on disk.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "store/test_support.h"

namespace beacon {
namespace {

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Arguments are test-made paths and words: no shell quoting needed.
Run beacon(const std::string& args) {
  Run run;
  std::string command = std::string(BEACON_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

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

}  // namespace
}  // namespace beacon
