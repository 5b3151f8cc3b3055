#include "ingest/ssd_tables.h"

#include <gtest/gtest.h>

#include "ingest/readers.h"

namespace beacon {
namespace {

std::vector<std::string> columns_of(std::string_view table) {
  std::vector<std::string> out;
  for (auto c : find_ssd_table(table)->columns) out.emplace_back(c);
  return out;
}

TEST(SsdTables, KnowsAll48TablesAndWhichBeaconUses) {
  EXPECT_EQ(ssd_tables().size(), 48u);
  ASSERT_NE(find_ssd_table("ssd_person"), nullptr);
  EXPECT_EQ(find_ssd_table("ssd_person")->key, "pers_person_id");
  EXPECT_TRUE(find_ssd_table("ssd_cla_placement")->used);
  EXPECT_FALSE(find_ssd_table("ssd_address")->used);
  EXPECT_EQ(find_ssd_table("ssd_nothing"), nullptr);
}

TEST(SsdTables, RecognisesColumnsInAnyOrderAndCaseWithExtras) {
  auto header = columns_of("ssd_cin_episodes");
  std::reverse(header.begin(), header.end());
  header[0] = "CINE_REFERRAL_WORKER_ID";
  header.push_back("some_local_extra");
  EXPECT_EQ(ssd_table_for_header(header, "anything.csv"), "ssd_cin_episodes");
  auto match = match_ssd_header(header, "x.csv");
  ASSERT_TRUE(match);
  EXPECT_TRUE(match->missing.empty());
}

TEST(SsdTables, NearMatchNamesTheMissingColumns) {
  auto header = columns_of("ssd_person");
  header.erase(std::remove(header.begin(), header.end(), "pers_dob"), header.end());
  header.erase(std::remove(header.begin(), header.end(), "pers_sex"), header.end());
  auto match = match_ssd_header(header, "people.csv");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->table->name, "ssd_person");
  EXPECT_EQ(match->missing, (std::vector<std::string>{"pers_sex", "pers_dob"}));
  // Without the key column, or with too few columns, it is not recognised.
  EXPECT_FALSE(match_ssd_header({"pers_forename", "pers_surname", "pers_sex"}, "x.csv"));
  EXPECT_FALSE(match_ssd_header({"pers_person_id", "pers_sex"}, "x.csv"));
  EXPECT_FALSE(match_ssd_header({"CHILD", "SEX", "DOB"}, "ssd_person.csv"));
}

TEST(SsdTables, TheLargestCompleteTableWins) {
  auto header = columns_of("ssd_person");
  for (auto& c : columns_of("ssd_disability")) header.push_back(c);
  EXPECT_EQ(ssd_table_for_header(header, "x.csv"), "ssd_person");
}

}  // namespace
}  // namespace beacon
