// Local tables read from disk: the shipped templates, and hand-made files in
// testdata/local written the way spreadsheets write them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ingest/local_tables.h"
#include "ingest/local_test_support.h"
#include "ingest/readers.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::IsEmpty;

std::vector<DetectedFile> files_in(const std::string& folder) {
  std::vector<DetectedFile> files;
  auto dir = std::filesystem::path(BEACON_SOURCE_DIR) / folder;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    // The QA tables (qa_*.csv) are read by the QA load, not as case records.
    if (entry.path().filename().string().rfind("qa_", 0) == 0) continue;
    files.push_back(
        {{entry.path().string(), entry.path().filename().string()}, Format::kLocalCsv, ""});
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.file.name < b.file.name; });
  return files;
}

TEST(LocalTemplates, EveryTemplateIsRecognisedAndLoadsCleanly) {
  // The templates name a child and a visit Beacon would already hold.
  CaseHistory stored;
  stored.children.emplace_back();
  stored.children.back().id = "C0001";
  stored.visits.emplace_back();
  stored.visits.back().kind = "cin";
  stored.visits.back().visit_id = "V0001";
  auto files = files_in("templates");
  for (auto& f : files) {
    std::ifstream in(f.file.path);
    std::string header;
    std::getline(in, header);
    std::vector<std::string> columns;
    for (size_t at = 0; at != std::string::npos;) {
      auto comma = header.find(',', at);
      columns.push_back(header.substr(at, comma - at));
      at = comma == std::string::npos ? comma : comma + 1;
    }
    auto table = local_table_for_header(columns, f.file.name);
    ASSERT_TRUE(table) << f.file.name;
    EXPECT_EQ(*table + ".csv", f.file.name);
    // Every column the contract lists is in the template.
    const auto* spec = find_local_table(*table);
    EXPECT_EQ(columns.size(), spec->required.size() + spec->optional.size()) << f.file.name;
  }
  auto b = read_local_tables(files, stored, load_day());
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), IsEmpty());
  EXPECT_EQ(b.contributions.size(), local_tables().size());
  for (const auto& [table, counts] : b.counts) EXPECT_GT(counts.read, 0) << table;
}

TEST(LocalTestdata, SpreadsheetStyleFilesLoadFromDisk) {
  auto b = read_local_tables(files_in("src/ingest/testdata/local"), {}, load_day());
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.org_units.size(), 3u);
  EXPECT_EQ(b.records.org_units[0].name, "Example Trust, Children's Services");
  EXPECT_EQ(b.records.org_units[1].name, "Team A");
  ASSERT_EQ(b.records.workers.size(), 2u);
  EXPECT_EQ(b.records.workers[0].name, "Doe, Jo");
  EXPECT_EQ(b.records.workers[0].role, "social_worker");
  EXPECT_EQ(b.records.workers[0].agency, true);
  EXPECT_EQ(b.records.workers[0].fte, 1.0);
  EXPECT_EQ(b.records.workers[0].in_post_from->iso(), "2021-09-01");
  EXPECT_EQ(b.records.established_posts.size(), 2u);
  ASSERT_EQ(b.records.supervisions.size(), 2u);
  EXPECT_EQ(b.records.supervisions[1].ordinal, 2);
  EXPECT_EQ(findings(b).size(), 1u);  // the second supervision on one day
}

}  // namespace
}  // namespace beacon
