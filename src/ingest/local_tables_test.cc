#include "ingest/local_tables.h"

#include <gtest/gtest.h>

#include "ingest/local_reader.h"
#include "ingest/readers.h"

namespace beacon {
namespace {

TEST(LocalTables, RecognisesEachTableByItsColumns) {
  EXPECT_EQ(local_table_for_header({"unit_id", "unit_name", "unit_kind"}, "x.csv"), "org_units");
  EXPECT_EQ(local_table_for_header({"Name", "WORKER_ID", "fte"}, "x.csv"), "workers");
  EXPECT_EQ(local_table_for_header({"child_id", "worker_id", "start_date"}, "x"), "allocations");
  EXPECT_EQ(local_table_for_header({"contact_id", "decided_at"}, "x"), "contact_decisions");
  EXPECT_EQ(local_table_for_header({"contact_id", "child_id", "received_at", "decided_at"}, "x"),
            "contacts");
  EXPECT_EQ(local_table_for_header({"visit_id", "visit_type", "status"}, "x"), "visit_status");
  EXPECT_EQ(local_table_for_header({"worker_id", "supervision_date"}, "x"), "supervisions");
  EXPECT_EQ(local_table_for_header({"unit_id", "from_date", "fte", "to_date"}, "x"),
            "established_posts");
  EXPECT_EQ(local_table_for_header({"person_id", "disposal_date", "disposal_type"}, "x"),
            "youth_justice");
  EXPECT_EQ(local_table_for_header({"year", "children_0_17"}, "x"), "population_estimates");
  EXPECT_EQ(local_table_for_header({"indicator_id", "financial_year", "target"}, "x"),
            "indicator_targets");
  EXPECT_EQ(local_table_for_header({"date", "name"}, "x"), "bank_holidays");
}

TEST(LocalTables, ToleratesAFewUnknownColumnsButNotAForeignFile) {
  auto match = match_local_header({"worker_id", "name", "employement"}, "x.csv");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->table->name, "workers");
  EXPECT_EQ(match->unknown, std::vector<std::string>{"employement"});
  EXPECT_FALSE(local_table_for_header({"date", "CHILD", "DOB", "SEX"}, "x.csv"));
  EXPECT_FALSE(local_table_for_header({"worker_id"}, "x.csv"));
}

TEST(LocalTables, NearestTableNamesWhatIsMissing) {
  auto near = nearest_local_table({"worker_id", "fte", "role"}, "staff.csv");
  ASSERT_TRUE(near);
  EXPECT_EQ(near->table->name, "workers");
  EXPECT_EQ(near->missing, std::vector<std::string>{"name"});
  auto named = nearest_local_table({"a", "b"}, "supervisions.csv");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->table->name, "supervisions");
  EXPECT_FALSE(nearest_local_table({"a", "b"}, "x.csv"));
}

TEST(ParseFinancialYear, AcceptsTheUsualWritings) {
  EXPECT_EQ(parse_financial_year("2024-25"), 2024);
  EXPECT_EQ(parse_financial_year("2024/25"), 2024);
  EXPECT_EQ(parse_financial_year("2024-2025"), 2024);
  EXPECT_EQ(parse_financial_year(" 2024 "), 2024);
  EXPECT_EQ(parse_financial_year("1999-00"), 1999);
  EXPECT_EQ(parse_financial_year("2024-26"), std::nullopt);
  EXPECT_EQ(parse_financial_year("24-25"), std::nullopt);
  EXPECT_EQ(parse_financial_year("FY24"), std::nullopt);
  EXPECT_EQ(parse_financial_year(""), std::nullopt);
}

}  // namespace
}  // namespace beacon
