// How a load of SSDA903 CSVs settles its collection year, and says so.
#include <gtest/gtest.h>

#include "ingest/readers.h"
#include "ingest/ssda903_reader.h"
#include "ingest/ssda903_test_util.h"

namespace beacon {
namespace {

using test::all_problems;
using test::ssda903_testdata;
using test::with_code;

const std::string kHeader = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2010,WBRI,,,\n";
const std::string kEpisodes =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n"
    "C1,01/06/2023,S,C1,N1,U6,PR1,14/03/2025,E8,,,,\n"
    "C1,01/04/2022,S,C1,N1,U6,PR1,01/05/2022,E8,,,,\n";
const std::string kOc3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,01/01/2006,YES,F1,U1\n";

TEST(Ssda903CsvYear, YearOptionWinsOverNames) {
  auto b = read_ssda903_csv_from_memory({{"903_2022_23/OC3.csv", kOc3}}, 2023);
  ASSERT_EQ(b.contributions.size(), 1u);
  EXPECT_EQ(b.contributions[0].collection_year, 2023);
  ASSERT_EQ(b.records.care_leaver_returns.size(), 1u);
  EXPECT_EQ(b.records.care_leaver_returns[0].collection_year, 2023);
  EXPECT_EQ(b.notes,
            (std::vector<std::string>{
                "SSDA903 collection year 2023-24, given with --year [903_2022_23/OC3.csv]"}));
}

TEST(Ssda903CsvYear, FromTheFileName) {
  auto b = read_ssda903_csv_from_memory({{"oc3_2021-22.csv", kOc3}}, std::nullopt);
  ASSERT_EQ(b.contributions.size(), 1u);
  EXPECT_EQ(b.contributions[0].collection_year, 2021);
  EXPECT_EQ(b.contributions[0].as_of, *Date::from_ymd(2022, 3, 31));
  EXPECT_EQ(b.notes[0],
            "SSDA903 collection year 2021-22, taken from the file name oc3_2021-22.csv "
            "[oc3_2021-22.csv]");
}

TEST(Ssda903CsvYear, FromTheFolderNameOnDisk) {
  // The user named only the file; its folder on disk holds the year.
  auto path = ssda903_testdata("903_2024_25/OC3.csv");
  auto b = read_ssda903_csv({{{path, "OC3.csv"}, Format::kSsda903Csv, "OC3"}}, std::nullopt);
  ASSERT_EQ(b.contributions.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.contributions[0].collection_year, 2024);
  EXPECT_EQ(b.notes[0],
            "SSDA903 collection year 2024-25, taken from the folder name 903_2024_25 [OC3.csv]");
}

TEST(Ssda903CsvYear, FilesWithoutAYearShareTheOthersYear) {
  auto b = read_ssda903_csv_from_memory(
      {{"Header.csv", kHeader}, {"903_2020_21/Episodes.csv", kEpisodes}}, std::nullopt);
  ASSERT_EQ(b.contributions.size(), 2u) << all_problems(b);
  EXPECT_EQ(b.contributions[0].collection_year, 2020);
  EXPECT_EQ(b.contributions[1].collection_year, 2020);
  ASSERT_EQ(b.notes.size(), 2u);
  EXPECT_EQ(b.notes[0],
            "SSDA903 collection year 2020-21, taken from the folder name 903_2020_21 "
            "(903_2020_21/Episodes.csv, loaded with it) [Header.csv]");
}

TEST(Ssda903CsvYear, FilesNamingDifferentYearsEachKeepTheirOwn) {
  auto b = read_ssda903_csv_from_memory(
      {{"903_2022_23/OC3.csv", kOc3}, {"903_2023_24/OC3.csv", kOc3}}, std::nullopt);
  ASSERT_EQ(b.contributions.size(), 2u) << all_problems(b);
  EXPECT_EQ(b.contributions[0].collection_year, 2022);
  EXPECT_EQ(b.contributions[1].collection_year, 2023);
  ASSERT_EQ(b.records.care_leaver_returns.size(), 2u);
  EXPECT_EQ(b.records.care_leaver_returns[0].collection_year, 2022);
  EXPECT_EQ(b.records.care_leaver_returns[1].collection_year, 2023);
  // Same child and year in each contribution: no duplicate across contributions.
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
}

TEST(Ssda903CsvYear, InferredFromTheLatestReturnDateAcrossTheFiles) {
  auto b = read_ssda903_csv_from_memory(
      {{"Header.csv", kHeader}, {"Episodes.csv", kEpisodes}, {"OC3.csv", kOc3}}, std::nullopt);
  EXPECT_FALSE(has_errors(b.problems)) << all_problems(b);
  ASSERT_EQ(b.contributions.size(), 3u);
  for (const auto& c : b.contributions) EXPECT_EQ(c.collection_year, 2024);
  EXPECT_EQ(b.records.care_leaver_returns[0].collection_year, 2024);
  EXPECT_EQ(b.notes, (std::vector<std::string>{
                         "SSDA903 collection year 2024-25, inferred from the latest date in the "
                         "files, DEC 14/03/2025 (Episodes.csv line 2) [Header.csv, Episodes.csv, "
                         "OC3.csv]"}));
}

TEST(Ssda903CsvYear, RefusesWhenThereIsNothingToTellTheYearBy) {
  auto b = read_ssda903_csv_from_memory({{"Header.csv", kHeader}, {"OC3.csv", kOc3}}, std::nullopt);
  auto errors = with_code(b, "ssda903.year-unknown");
  ASSERT_EQ(errors.size(), 2u) << all_problems(b);
  EXPECT_EQ(errors[0].file, "Header.csv");
  EXPECT_EQ(errors[1].file, "OC3.csv");
  EXPECT_NE(errors[0].message.find("--year"), std::string::npos);
  EXPECT_TRUE(b.contributions.empty());
  EXPECT_EQ(b.records.total_records(), 0u);
}

TEST(Ssda903CsvYear, UnnamedFilesAmongDifferingYearsAreInferredFromTheirOwnDates) {
  auto b = read_ssda903_csv_from_memory(
      {{"903_2022_23/OC3.csv", kOc3}, {"903_2023_24/OC3.csv", kOc3}, {"Episodes.csv", kEpisodes}},
      std::nullopt);
  ASSERT_EQ(b.contributions.size(), 3u) << all_problems(b);
  EXPECT_EQ(b.contributions[2].table, "Episodes");
  EXPECT_EQ(b.contributions[2].collection_year, 2024);
}

TEST(Ssda903CsvYear, TwoFilesOfOneTableAndYearMakeOneContribution) {
  auto b = read_ssda903_csv_from_memory({{"a.csv", kEpisodes},
                                         {"b.csv",
                                          "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
                                          "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                                          "C9,01/06/2024,S,C1,N1,U6,PR1,,,,,,\n"}},
                                        2024);
  ASSERT_EQ(b.contributions.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.contributions[0].files, "a.csv, b.csv");
  ASSERT_EQ(b.records.la_episodes.size(), 3u);
  for (const auto& e : b.records.la_episodes) EXPECT_EQ(e.contribution, 0);
}

}  // namespace
}  // namespace beacon
