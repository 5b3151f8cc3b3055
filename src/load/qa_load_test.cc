// A load that carries QA tables commits the case records and the QA records
// in one transaction: a failure writing the QA part, after the records were
// written, leaves the store exactly as it was.
#include <gtest/gtest.h>

#include "load/load.h"
#include "store/qa_sqlite.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::TempDir;

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// One year's CIN census with one referral per child.
Batch cin_census(int year, const std::vector<std::string>& children) {
  Batch b;
  Contribution c;
  c.source = Source::kCinCensus;
  c.table = "*";
  c.collection_year = year;
  c.as_of = D(year + 1, 3, 31);
  c.carried["cin_episodes"] = {"child_id", "referral_date", "primary_need"};
  c.files = "cin_" + std::to_string(year) + ".xml";
  b.contributions.push_back(c);
  int line = 10;
  for (const auto& child : children) {
    CinEpisode e;
    e.child_id = child;
    e.referral_date = D(year, 6, 1);
    e.primary_need = "N1";
    e.line = line++;
    b.records.cin_episodes.push_back(e);
  }
  b.counts["CINdetails"] = {static_cast<int64_t>(children.size()), 0};
  return b;
}

qa::QaHistory history(std::vector<int64_t> cycle_ids, const std::string& compliment) {
  qa::QaHistory h;
  for (int64_t id : cycle_ids) {
    qa::Cycle c;
    c.id = id;
    c.name = "Cycle " + std::to_string(id);
    c.start = D(2024, 10, 1);
    c.end = D(2024, 12, 31);
    h.cycles.push_back(c);
  }
  qa::Compliment c;
  c.id = 1;
  c.received = D(2024, 11, 5);
  c.team_id = "T1";
  c.summary = compliment;
  h.compliments.push_back(c);
  return h;
}

// Everything a load can change, as text to compare.
std::string state_of(Store& store, const std::string& path) {
  std::string out;
  auto contributions = store.contributions().value();
  for (const auto& c : contributions) out += "contribution " + c.key() + "\n";
  auto loads = store.loads().value();
  for (const auto& l : loads) out += "load " + std::to_string(l.id) + " " + l.files + "\n";
  auto records = store.read_records().value();
  for (const auto& e : records.cin_episodes) out += "episode " + e.child_id + "\n";
  auto qa = open_sqlite_qa_store(path);
  EXPECT_TRUE(qa) << qa.status().message();
  auto cycles = (*qa)->cycles().value();
  for (const auto& c : cycles) out += "cycle " + c.name + "\n";
  auto compliments = (*qa)->compliments(qa::UnitScope::all()).value();
  for (const auto& c : compliments) out += "compliment " + c.summary + "\n";
  return out;
}

LoadOptions options(const qa::QaHistory* h) {
  LoadOptions o;
  o.user = "tester";
  o.today = D(2025, 6, 1);
  o.qa_history = h;
  return o;
}

TEST(LoadWithQaTables, CaseRecordsAndQaRecordsCommitTogether) {
  TempDir dir;
  std::string path = dir.file("beacon.db");
  auto store = std::move(open_sqlite_store(path).value());
  qa::QaHistory first = history({1}, "Thank you");
  auto report =
      load_batch(*store, cin_census(2023, {"C1", "C2"}), {"cin_2023.xml"}, options(&first));
  ASSERT_TRUE(report.ok) << report.refused;
  EXPECT_EQ(state_of(*store, path),
            "contribution cin-census/*/2023\nload 1 cin_2023.xml\nepisode C1\nepisode C2\n"
            "cycle Cycle 1\ncompliment Thank you\n");
}

TEST(LoadWithQaTables, AFailureInTheQaPartLeavesTheStoreExactlyAsBefore) {
  TempDir dir;
  std::string path = dir.file("beacon.db");
  auto store = std::move(open_sqlite_store(path).value());
  qa::QaHistory first = history({1}, "Thank you");
  ASSERT_TRUE(
      load_batch(*store, cin_census(2023, {"C1", "C2"}), {"cin_2023.xml"}, options(&first)).ok);
  const std::string before = state_of(*store, path);

  // Two cycles with one id pass the reader's checks here (the history is made
  // by hand) but fail in the store, after the new year's records and the QA
  // deletions were written in the same transaction.
  qa::QaHistory broken = history({5, 5}, "Lost");
  auto refused = load_batch(*store, cin_census(2024, {"C3"}), {"cin_2024.xml"}, options(&broken));
  EXPECT_FALSE(refused.ok);
  EXPECT_NE(refused.refused.find("the store was not changed"), std::string::npos)
      << refused.refused;
  EXPECT_EQ(state_of(*store, path), before);

  // The same load with good QA tables then goes in whole.
  qa::QaHistory second = history({2}, "Thanks again");
  ASSERT_TRUE(load_batch(*store, cin_census(2024, {"C3"}), {"cin_2024.xml"}, options(&second)).ok);
  std::string after = state_of(*store, path);
  EXPECT_NE(after.find("episode C3"), std::string::npos);
  EXPECT_NE(after.find("cycle Cycle 2\ncompliment Thanks again"), std::string::npos);
  EXPECT_EQ(after.find("Cycle 1"), std::string::npos);
}

}  // namespace
}  // namespace beacon
