// The synthetic extract in testdata/ssd, read from disk as `beacon load`
// reads it: every table Beacon maps, one it does not, and a header-only file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "ingest/readers.h"
#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::IsEmpty;

Batch read_testdata_extract() {
  std::vector<DetectedFile> files;
  auto dir = std::filesystem::path(BEACON_SOURCE_DIR) / "src/ingest/testdata/ssd";
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    files.push_back(
        {{entry.path().string(), entry.path().filename().string()}, Format::kSsdCsv, ""});
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.file.name < b.file.name; });
  return read_ssd_extract(files, {});
}

TEST(SsdTestdata, TheSyntheticExtractLoadsWhole) {
  Batch b = read_testdata_extract();
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), IsEmpty());
  EXPECT_EQ(b.contributions.size(), 23u);
  for (const auto& c : b.contributions) EXPECT_EQ(c.as_of.iso(), "2024-04-22") << c.table;
  const auto& r = b.records;
  EXPECT_EQ(r.org_units.size(), 4u);
  EXPECT_EQ(r.workers.size(), 2u);
  EXPECT_EQ(r.children.size(), 3u + 1 + 1);  // people, a disability, a UASC status
  EXPECT_EQ(r.contacts.size(), 2u);
  EXPECT_EQ(r.cin_episodes.size(), 2u);
  EXPECT_EQ(r.assessments.size(), 2u);  // the assessment, and its factors
  EXPECT_EQ(r.section47s.size(), 2u);   // the enquiry, and its conference
  EXPECT_EQ(r.cp_plans.size(), 1u);
  EXPECT_EQ(r.cp_reviews.size(), 1u);
  EXPECT_EQ(r.visits.size(), 2u);
  EXPECT_EQ(r.la_episodes.size(), 1u);
  EXPECT_EQ(r.la_reviews.size(), 1u);
  EXPECT_EQ(r.missing_episodes.size(), 1u);
  EXPECT_EQ(r.allocations.size(), 2u);
  EXPECT_EQ(r.la_episodes[0].place, "U6");
  EXPECT_EQ(r.la_episodes[0].legal_status, "V2");
  EXPECT_TRUE(has_note(b, "ssd_address: 1 rows not used by Beacon"));
  EXPECT_TRUE(has_note(b, "ssd_cin_plans.csv: header only; nothing to load"));
  int64_t read = 0;
  for (const auto& [table, counts] : b.counts) {
    read += counts.read;
    EXPECT_EQ(counts.rejected, 0) << table;
  }
  EXPECT_EQ(read, 31);
}

}  // namespace
}  // namespace beacon
