#include "load/store_status.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

Batch census(int year, std::vector<std::pair<std::string, Date>> open_referrals) {
  Batch b;
  Contribution c;
  c.source = Source::kCinCensus;
  c.table = "*";
  c.collection_year = year;
  c.as_of = D(year + 1, 3, 31);
  c.files = "cin_" + std::to_string(year) + ".xml";
  b.contributions.push_back(c);
  for (const auto& [child, referral] : open_referrals) {
    CinEpisode e;
    e.child_id = child;
    e.referral_date = referral;
    b.records.cin_episodes.push_back(e);
    Child ch;
    ch.id = child;
    b.records.children.push_back(ch);
  }
  return b;
}

TEST(StoreStatus, CountsTheEffectiveHistoryAndListsContributionsAndLoads) {
  auto store = std::move(open_sqlite_store(":memory:")).value();
  ASSERT_TRUE(
      store->commit_load(census(2023, {{"C1", D(2023, 5, 2)}, {"C2", D(2023, 9, 30)}}),
                         {0, "2026-01-01T00:00:00Z", "ann", "cin_2023.xml", "first", "{}"}));
  // 2024 omits C2's open referral: withdrawn, not counted.
  ASSERT_TRUE(
      store->commit_load(census(2024, {{"C1", D(2023, 5, 2)}, {"C3", D(2024, 4, 3)}}),
                         {0, "2026-02-01T00:00:00Z", "bob", "cin_2024.xml", "second", "{}"}));
  auto status = store_status(*store);
  ASSERT_TRUE(status) << status.status().message();
  ASSERT_EQ(status->tables.size(), 2u);
  EXPECT_EQ(status->tables[0].table, "children");  // CaseHistory order
  EXPECT_EQ(status->tables[0].records, 3);
  EXPECT_EQ(status->tables[0].earliest, "");  // no birth dates given
  const auto& episodes = status->tables[1];
  EXPECT_EQ(episodes.table, "cin_episodes");
  EXPECT_EQ(episodes.records, 2);
  EXPECT_EQ(episodes.date_field, "referral_date");
  EXPECT_EQ(episodes.earliest, "2023-05-02");
  EXPECT_EQ(episodes.latest, "2024-04-03");
  EXPECT_EQ(status->withdrawn, 1);
  ASSERT_EQ(status->contributions.size(), 2u);
  ASSERT_EQ(status->loads.size(), 2u);
  EXPECT_EQ(status->loads[0].user, "bob");

  auto text = status->to_text();
  EXPECT_NE(text.find("  cin_episodes                       2  referral_date   2023-05-02  "
                      "2024-04-03\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("cin-census  *                         2024-25  2025-03-31  cin_2024.xml"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2026-02-01T00:00:00Z  bob         cin_2024.xml: second"), std::string::npos)
      << text;

  auto json = nlohmann::json::parse(status->to_json());
  EXPECT_EQ(json["tables"][1]["records"], 2);
  EXPECT_EQ(json["tables"][0]["earliest"], nullptr);
  EXPECT_EQ(json["contributions"][1]["collection_year"], "2024-25");
  EXPECT_EQ(json["loads"][0]["summary"], "second");
  EXPECT_EQ(json["withdrawn"], 1);
}

TEST(StoreStatus, ALoadOfManyFilesIsListedInBriefAsTextAndInFullAsJson) {
  auto store = std::move(open_sqlite_store(":memory:")).value();
  ASSERT_TRUE(store->commit_load(census(2023, {{"C1", D(2023, 5, 2)}}),
                                 {0, "2026-01-01T00:00:00Z", "ann", "a.xml, b.csv, c.csv, d.csv",
                                  "added 2", "{}"}));
  auto status = store_status(*store);
  ASSERT_TRUE(status) << status.status().message();
  auto text = status->to_text();
  EXPECT_NE(text.find("ann         a.xml, b.csv and 2 more files: added 2\n"), std::string::npos)
      << text;
  EXPECT_EQ(nlohmann::json::parse(status->to_json())["loads"][0]["files"], "a.xml, b.csv, c.csv, d.csv");
}

TEST(StoreStatus, AnEmptyStoreSaysSo) {
  auto store = std::move(open_sqlite_store(":memory:")).value();
  auto status = store_status(*store);
  ASSERT_TRUE(status);
  EXPECT_EQ(status->to_text(), "The store is empty: nothing has been loaded yet.\n");
  EXPECT_EQ(nlohmann::json::parse(status->to_json())["tables"].size(), 0u);
}

TEST(StoreStatus, EveryMainDateFieldIsAFieldOfItsTable) {
  CaseHistory h;
  h.for_each_table([](auto& t) {
    using R = typename std::decay_t<decltype(t)>::value_type;
    std::string field = main_date_field(R::kTable);
    if (field.empty()) return;
    bool found = false;
    const R r{};
    R::visit(r, [&](const char* name, const auto&, FieldRole) { found |= field == name; });
    EXPECT_TRUE(found) << R::kTable << "." << field;
  });
}

}  // namespace
}  // namespace beacon
