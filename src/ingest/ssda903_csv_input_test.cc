// What real files look like: the SSDA903 CSV reader must load spreadsheet
// exports as they come, and refuse what it cannot read, naming file, line and
// field for every problem.
#include <gtest/gtest.h>

#include "ingest/readers.h"
#include "ingest/ssda903_reader.h"
#include "ingest/ssda903_test_util.h"

namespace beacon {
namespace {

using test::all_problems;
using test::ssda903_testdata;
using test::with_code;

const std::string kEpisodes =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n";

Batch one(const std::string& name, const std::string& data, std::optional<int> year = 2024) {
  return read_ssda903_csv_from_memory({{name, data}}, year);
}

Date d(int y, int m, int day) { return *Date::from_ymd(y, m, day); }

TEST(Ssda903CsvInput, LoadsASpreadsheetExportAsItComes) {
  // BOM, CRLF, columns in another order and case, spaces around names and
  // values, quoted fields with commas and quotes, an added LA column,
  // lower-case codes, an ISO date among DD/MM/YYYY ones.
  auto path = ssda903_testdata("episodes_messy.csv");
  auto b =
      read_ssda903_csv({{{path, "episodes_messy.csv"}, Format::kSsda903Csv, "Episodes"}}, 2024);
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  ASSERT_EQ(b.records.la_episodes.size(), 2u);
  const auto& e = b.records.la_episodes[0];
  EXPECT_EQ(e.child_id, "C2001");
  EXPECT_EQ(e.start, d(2024, 4, 1));
  EXPECT_EQ(e.rne, "S");
  EXPECT_EQ(e.legal_status, "C1");
  EXPECT_EQ(e.need, "N1");
  EXPECT_EQ(e.place, "U6");
  EXPECT_EQ(e.provider, "PR1");
  EXPECT_EQ(e.end, d(2024, 6, 30));
  EXPECT_EQ(e.reason_ceased, "X1");
  EXPECT_EQ(e.home_postcode, "AB1 2CD");
  EXPECT_EQ(e.urn, "SC000009");
  EXPECT_EQ(e.line, 2);
  const auto& e2 = b.records.la_episodes[1];
  EXPECT_EQ(e2.reason_place_change, "CARPL");
  EXPECT_EQ(e2.placement_postcode, "XY9 8ZZ");
  EXPECT_EQ(e2.line, 3);
}

TEST(Ssda903CsvInput, WholeNumbersWrittenWithDecimalsAndBooleansInAnyCase) {
  auto path = ssda903_testdata("oc2_messy.csv");
  auto b = read_ssda903_csv({{{path, "oc2_messy.csv"}, Format::kSsda903Csv, "OC2"}}, 2024);
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  ASSERT_EQ(b.records.oc2_outcomes.size(), 1u);
  const auto& o = b.records.oc2_outcomes[0];
  EXPECT_EQ(o.sdq_score, 10);
  EXPECT_EQ(o.sdq_reason, "SDQ4");
  EXPECT_EQ(o.convicted, false);
  EXPECT_EQ(o.health_check, true);
  EXPECT_EQ(o.immunisations, true);
  EXPECT_EQ(o.teeth_check, false);
  EXPECT_EQ(o.health_assessment, true);
  EXPECT_EQ(o.substance_misuse, false);
  EXPECT_EQ(o.intervention_received, true);
  EXPECT_EQ(o.intervention_offered, false);
}

TEST(Ssda903CsvInput, HeaderOnlyFileHasNothingToLoad) {
  auto b = one("Episodes.csv", kEpisodes);
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  EXPECT_TRUE(b.contributions.empty());
  EXPECT_EQ(b.records.total_records(), 0u);
  ASSERT_FALSE(b.notes.empty());
  EXPECT_EQ(b.notes.back(), "Episodes.csv holds only a header row: nothing to load");
  // Without any year to go on it is still only a note, not a refusal.
  b = one("Episodes.csv", kEpisodes, std::nullopt);
  EXPECT_FALSE(has_errors(b.problems)) << all_problems(b);
  EXPECT_EQ(b.notes.back(), "Episodes.csv holds only a header row: nothing to load");
}

TEST(Ssda903CsvInput, ReportsEveryBadValueWithFileLineAndField) {
  auto path = ssda903_testdata("episodes_bad.csv");
  auto b = read_ssda903_csv({{{path, "episodes_bad.csv"}, Format::kSsda903Csv, "Episodes"}}, 2024);
  struct Want {
    int line;
    std::string field, code;
  };
  const std::vector<Want> want = {
      {2, "DECOM", "date.impossible"},      // 31/02/2024
      {3, "DECOM", "date.two-digit-year"},  // 01/04/24
      {3, "DEC", "date.format"},            // next week
      {4, "CHILD", "child.missing"},       {6, "DECOM", "date.missing"},
  };
  ASSERT_EQ(b.problems.size(), want.size()) << all_problems(b);
  for (size_t i = 0; i < want.size(); ++i) {
    const auto& p = b.problems[i];
    EXPECT_EQ(p.severity, Severity::kError);
    EXPECT_EQ(p.file, "episodes_bad.csv");
    EXPECT_EQ(p.line, want[i].line);
    EXPECT_EQ(p.field, want[i].field);
    EXPECT_EQ(p.code, want[i].code);
  }
  EXPECT_EQ(b.problems[0].to_string(),
            "episodes_bad.csv:2: DECOM: '31/02/2024' is not a date: no such date");
  // Only the good row is loaded; the others are counted as rejected.
  ASSERT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.records.la_episodes[0].child_id, "C3002");
  EXPECT_EQ(b.counts["Episodes"].read, 5);
  EXPECT_EQ(b.counts["Episodes"].rejected, 4);
}

TEST(Ssda903CsvInput, RefusesAPartialColumnSetNamingWhatIsMissing) {
  auto b = one("eps.csv",
               "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
               "URN\nC1,01/04/2024,S,C1,N1,U6,PR1,,,,\n");
  ASSERT_EQ(b.problems.size(), 1u);
  EXPECT_EQ(b.problems[0].code, "file.columns");
  EXPECT_EQ(b.problems[0].line, 1);
  EXPECT_EQ(b.problems[0].to_string(),
            "eps.csv:1: the columns are not a complete SSDA903 table: it looks like SSDA903 "
            "Episodes but lacks the columns DEC, REC");
  EXPECT_EQ(b.records.total_records(), 0u);

  b = one("other.csv", "a,b,c\n1,2,3\n");
  ASSERT_EQ(b.problems.size(), 1u);
  EXPECT_EQ(b.problems[0].message, "the columns are not those of any SSDA903 table");
}

TEST(Ssda903CsvInput, RefusesAnEmptyFile) {
  for (const std::string data : {"", "\n\n", "\xEF\xBB\xBF"}) {
    auto b = one("Header.csv", data);
    ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
    EXPECT_EQ(b.problems[0].code, "file.empty");
    EXPECT_EQ(b.problems[0].file, "Header.csv");
    EXPECT_TRUE(b.contributions.empty());
  }
}

TEST(Ssda903CsvInput, RefusesAHugeFieldAndCarriesOn) {
  std::string data = kEpisodes + "C1,01/04/2024,S,C1,N1,U6,PR1,,,,,," + std::string(10 << 20, 'x') +
                     "\nC2,01/04/2024,S,C1,N1,U6,PR1,,,,,,\n";
  auto b = one("Episodes.csv", data);
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].code, "csv.bad-field");
  EXPECT_EQ(b.problems[0].line, 2);
  EXPECT_EQ(b.problems[0].field, "URN");
  ASSERT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.records.la_episodes[0].child_id, "C2");
  EXPECT_EQ(b.counts["Episodes"].rejected, 1);
}

TEST(Ssda903CsvInput, RefusesBytesThatAreNotUtf8) {
  auto b = one("Episodes.csv", kEpisodes + "C1,01/04/2024,S,C1,N1,U6,PR1,,,,\xE9l\xE9,,\n");
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].code, "csv.bad-field");
  EXPECT_EQ(b.problems[0].line, 2);
  EXPECT_EQ(b.problems[0].field, "HOME_POST");
  EXPECT_NE(b.problems[0].message.find("UTF-8"), std::string::npos);
  EXPECT_TRUE(b.records.la_episodes.empty());
}

TEST(Ssda903CsvInput, RefusesARowWithMoreFieldsThanTheHeader) {
  auto b = one("Episodes.csv",
               kEpisodes +
                   "C1,01/04/2024,S,C1,N1,U6,PR1,,,,AB1 2CD,AB3, 4EF,SC1\n"
                   "C2,01/04/2024,S,C1,N1,U6,PR1,,,,,,,,\n");  // trailing commas are fine
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].code, "csv.extra-fields");
  EXPECT_EQ(b.problems[0].line, 2);
  ASSERT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.records.la_episodes[0].child_id, "C2");
}

TEST(Ssda903CsvInput, ShortRowsReadMissingCellsAsBlank) {
  auto b = one("Episodes.csv", kEpisodes + "C1,01/04/2024,S,C1,N1,U6,PR1\n");
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  ASSERT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.records.la_episodes[0].urn, "");
}

TEST(Ssda903CsvInput, RefusesAFileEndingInsideAQuote) {
  auto b = one("Episodes.csv", kEpisodes +
                                   "C0,01/04/2024,S,C1,N1,U6,PR1,,,,,,\n"
                                   "C1,01/04/2024,S,C1,N1,U6,PR1,,,,\"AB1\n");
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].code, "csv.unterminated-quote");
  EXPECT_EQ(b.problems[0].severity, Severity::kError);
  EXPECT_EQ(b.problems[0].line, 3);
  // Perhaps cut short: none of the file is loaded.
  EXPECT_TRUE(b.records.la_episodes.empty());
  EXPECT_TRUE(b.contributions.empty());
  EXPECT_EQ(b.counts["Episodes"].read, 1);
  EXPECT_EQ(b.counts["Episodes"].rejected, 1);
}

TEST(Ssda903CsvInput, AClosedQuoteAtTheVeryEndLoads) {
  auto b = one("Episodes.csv", kEpisodes + "C1,01/04/2024,S,C1,N1,U6,PR1,,,,\"AB1 2CD\",,\"SC1\"");
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  ASSERT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.records.la_episodes[0].urn, "SC1");
}

TEST(Ssda903CsvInput, DetectedFileReadsFromDisk) {
  auto path = ssda903_testdata("903_2024_25/Reviews.csv");
  auto b =
      read_ssda903_csv({{{path, "Reviews.csv"}, Format::kSsda903Csv, "Reviews"}}, std::nullopt);
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  EXPECT_EQ(b.records.la_reviews.size(), 3u);
  // A missing file is a problem, not a crash.
  b = read_ssda903_csv(
      {{{ssda903_testdata("nope.csv"), "nope.csv"}, Format::kSsda903Csv, "Reviews"}}, 2024);
  ASSERT_EQ(b.problems.size(), 1u);
  EXPECT_EQ(b.problems[0].code, "file.unreadable");
  EXPECT_EQ(b.problems[0].to_string(), "nope.csv: cannot open the file");
}

}  // namespace
}  // namespace beacon
