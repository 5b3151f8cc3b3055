#include "ingest/ssda903_year.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

TEST(Ssda903Year, FinancialYearWrittenInText) {
  EXPECT_EQ(financial_year_in("903_2024_25"), 2024);
  EXPECT_EQ(financial_year_in("episodes 2023-24.csv"), 2023);
  EXPECT_EQ(financial_year_in("return_2019-2020"), 2019);
  EXPECT_EQ(financial_year_in("1999_00"), 1999);
  EXPECT_EQ(financial_year_in("2024-05-01"), std::nullopt);  // a date, not a year
  EXPECT_EQ(financial_year_in("2024-26"), std::nullopt);     // not consecutive
  EXPECT_EQ(financial_year_in("12024-25"), std::nullopt);    // digits run on
  EXPECT_EQ(financial_year_in("2024-251"), std::nullopt);
  EXPECT_EQ(financial_year_in("episodes.csv"), std::nullopt);
  EXPECT_EQ(financial_year_in("2024"), std::nullopt);
  EXPECT_EQ(financial_year_label(2024), "2024-25");
  EXPECT_EQ(financial_year_label(1999), "1999-00");
  EXPECT_EQ(collection_year_end(2024).iso(), "2025-03-31");
}

TEST(Ssda903Year, FileNameBeforeFolderNearestFolderFirst) {
  auto y = financial_year_from_names({"/data/903_2022_23/2024-25/episodes_2023-24.csv", "e.csv"});
  ASSERT_TRUE(y);
  EXPECT_EQ(y->year, 2023);
  EXPECT_EQ(y->how, "the file name episodes_2023-24.csv");

  y = financial_year_from_names({"/data/903_2022_23/returns 2024-25/episodes.csv", "episodes.csv"});
  ASSERT_TRUE(y);
  EXPECT_EQ(y->year, 2024);
  EXPECT_EQ(y->how, "the folder name returns 2024-25");

  // The name the user gave counts even when the path is a temporary upload.
  y = financial_year_from_names({"/tmp/upload-81723", "903_2021_22/Header.csv"});
  ASSERT_TRUE(y);
  EXPECT_EQ(y->year, 2021);
  EXPECT_EQ(financial_year_from_names({"/data/903/episodes.csv", "episodes.csv"}), std::nullopt);
}

TEST(Ssda903Year, LatestReturnDateKeepsOnlyTheDatedColumns) {
  LatestReturnDate latest;
  EXPECT_FALSE(latest.found());
  latest.offer("DOB", "01/01/2030", "a.csv line 2");  // not a return date
  latest.offer("DECOM", "01/04/2024", "a.csv line 2");
  latest.offer("DEC", "14/03/2025", "a.csv line 3");
  latest.offer("REVIEW", "31/02/2025", "b.csv line 2");  // unreadable: ignored here
  latest.offer("MIS_START", "2025-01-01", "c.csv line 9");
  ASSERT_TRUE(latest.found());
  EXPECT_EQ(latest.year(), 2024);
  EXPECT_EQ(latest.how(),
            "inferred from the latest date in the files, DEC 14/03/2025 (a.csv line 3)");
  latest.offer("DATE_MATCH", "01/04/2025", "d.csv line 2");
  EXPECT_EQ(latest.year(), 2025);
}

}  // namespace
}  // namespace beacon
