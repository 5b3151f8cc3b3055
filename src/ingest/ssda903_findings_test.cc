// Data-quality findings keep the row as given; only a child listed twice in
// a return's child list is refused.
#include <gtest/gtest.h>

#include "ingest/ssda903_reader.h"
#include "ingest/ssda903_test_util.h"

namespace beacon {
namespace {

using test::all_problems;
using test::with_code;

const std::string kEpisodes =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n";
const std::string kHeader = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";

Batch episodes(const std::string& rows, int year) {
  return read_ssda903_csv_from_memory({{"Episodes.csv", kEpisodes + rows}}, year);
}

TEST(Ssda903Findings, DuplicateEpisodeKeysAreKeptAndNumbered) {
  auto b = episodes(
      "C1,01/04/2024,S,C1,N1,U6,PR1,01/05/2024,X1,,,,\n"
      "C2,01/04/2024,S,C1,N1,U6,PR1,,,,,,\n"
      "C1,01/04/2024,S,C2,N1,U4,PR1,,,,,,\n",
      2024);
  ASSERT_EQ(b.records.la_episodes.size(), 3u);
  EXPECT_EQ(b.records.la_episodes[0].ordinal, 1);
  EXPECT_EQ(b.records.la_episodes[1].ordinal, 1);
  EXPECT_EQ(b.records.la_episodes[2].ordinal, 2);
  EXPECT_EQ(b.records.la_episodes[2].place, "U4");
  auto dups = with_code(b, "dq.duplicate-key");
  ASSERT_EQ(dups.size(), 1u) << all_problems(b);
  EXPECT_EQ(dups[0].severity, Severity::kFinding);
  EXPECT_EQ(dups[0].line, 4);
  EXPECT_EQ(dups[0].message,
            "Episodes record with the same key (child_id C1, start 2024-04-01 (#2)) as the one at "
            "line 2; both are kept, told apart by position");
  EXPECT_FALSE(has_errors(b.problems));
}

TEST(Ssda903Findings, AChildListedTwiceInHeaderIsAnErrorNamingBothLines) {
  auto b = read_ssda903_csv_from_memory(
      {{"Header.csv", kHeader + "C1,F,01/01/2010,WBRI,,,\nC2,M,01/01/2011,WBRI,,,\n"
                                "C1,F,01/01/2010,WOTH,,,\n"}},
      2024);
  auto errors = with_code(b, "child.duplicate");
  ASSERT_EQ(errors.size(), 1u) << all_problems(b);
  EXPECT_EQ(errors[0].severity, Severity::kError);
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_EQ(errors[0].field, "CHILD");
  EXPECT_EQ(errors[0].message,
            "child C1 is listed twice in Header, at line 2 and line 4; a child may be listed only "
            "once");
  ASSERT_EQ(b.records.children.size(), 2u);
  EXPECT_EQ(b.records.children[0].ethnicity, "WBRI");
  EXPECT_EQ(b.counts["Header"].rejected, 1);
}

TEST(Ssda903Findings, UnknownCodesAreKeptWithAFinding) {
  auto b = episodes("C1,01/04/2024,Q,C1,N9,K9,PR1,,,,,,\n", 2024);
  ASSERT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.records.la_episodes[0].rne, "Q");
  EXPECT_EQ(b.records.la_episodes[0].need, "N9");
  EXPECT_EQ(b.records.la_episodes[0].place, "K9");
  auto findings = with_code(b, "dq.code-unknown");
  ASSERT_EQ(findings.size(), 3u) << all_problems(b);
  EXPECT_EQ(findings[0].field, "RNE");
  EXPECT_EQ(findings[1].field, "CIN");
  EXPECT_EQ(findings[2].field, "PLACE");
  EXPECT_EQ(findings[2].to_string(),
            "finding: Episodes.csv:2: PLACE: 'K9' is not a PLACE code in 2024-25; kept as given");
  EXPECT_FALSE(has_errors(b.problems));
}

// Whether `place` draws a finding in `year`.
bool place_flagged(const std::string& place, int year) {
  auto b = episodes("C1,01/04/2024,S,C1,N1," + place + ",,,,,,,\n", year);
  return !with_code(b, "dq.code-unknown").empty();
}

TEST(Ssda903Findings, PlacementCodesFollowTheYear) {
  EXPECT_TRUE(place_flagged("K3", 2023));
  EXPECT_FALSE(place_flagged("K3", 2024));
  EXPECT_FALSE(place_flagged("H5", 2024));
  EXPECT_TRUE(place_flagged("H5", 2025));
  EXPECT_FALSE(place_flagged("P2", 2024));
  EXPECT_TRUE(place_flagged("P2", 2025));
  EXPECT_FALSE(place_flagged("Z1", 2024));
  EXPECT_TRUE(place_flagged("Z1", 2025));
  EXPECT_TRUE(place_flagged("Z11", 2024));
  EXPECT_FALSE(place_flagged("Z14", 2025));
  // Legacy codes load quietly in the old returns that used them.
  EXPECT_FALSE(place_flagged("Q1", 2013));
  EXPECT_TRUE(place_flagged("Q1", 2024));
  EXPECT_FALSE(place_flagged("u6", 2024));
}

TEST(Ssda903Findings, OtherListsAreCheckedToo) {
  auto b = read_ssda903_csv_from_memory(
      {{"Header.csv", kHeader + "C1,F,01/01/2010,XXXX,,,\n"},
       {"OC3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,01/01/2006,MAYBE,F3,S1\n"},
       {"Reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2010,01/05/2024,PN9\n"},
       {"SWEpisodes.csv",
        "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,,SW1,01/05/2024,,BORED\n"}},
      2024);
  std::vector<std::string> fields;
  for (const auto& p : with_code(b, "dq.code-unknown")) fields.push_back(p.file + ":" + p.field);
  EXPECT_EQ(fields, (std::vector<std::string>{
                        "Header.csv:ETHNIC", "OC3.csv:IN_TOUCH", "OC3.csv:ACTIV", "OC3.csv:ACCOM",
                        "Reviews.csv:REVIEW_CODE", "SWEpisodes.csv:SW_REASON"}))
      << all_problems(b);
  EXPECT_FALSE(has_errors(b.problems));
  EXPECT_EQ(b.records.total_records(), 4u);
  // F3 was a valid activity in older returns.
  b = read_ssda903_csv_from_memory(
      {{"OC3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,01/01/2000,YES,F3,U1\n"}}, 2017);
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
}

TEST(Ssda903Findings, UnreadableFlagsAndNumbersAreLeftBlankWithAFinding) {
  auto b = read_ssda903_csv_from_memory(
      {{"AD1.csv",
        "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
        "C1,01/01/2020,01/02/2023,01/06/2023,maybe,two,MF,L11\n"}},
      2024);
  ASSERT_EQ(b.problems.size(), 2u) << all_problems(b);
  EXPECT_EQ(b.problems[0].field, "FOSTER_CARE");
  EXPECT_EQ(b.problems[0].code, "dq.value-unreadable");
  EXPECT_EQ(b.problems[0].severity, Severity::kFinding);
  EXPECT_EQ(b.problems[1].field, "NB_ADOPTR");
  EXPECT_EQ(b.problems[1].to_string(),
            "finding: AD1.csv:2: NB_ADOPTR: 'two' is not a whole number of 0 or more; left blank");
  ASSERT_EQ(b.records.adoptions.size(), 1u);
  EXPECT_EQ(b.records.adoptions[0].by_foster_carer, std::nullopt);
  EXPECT_EQ(b.records.adoptions[0].number_of_adopters, std::nullopt);
  EXPECT_EQ(b.records.adoptions[0].adopters_sex, "MF");
}

}  // namespace
}  // namespace beacon
