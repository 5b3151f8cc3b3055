// Pages that never mislead (issue 14 §1), against a real server on the
// sample organisation: a summary never counts a hidden figure, counts are
// whole, an empty figure says why, benchmarks are shown only where loaded,
// workforce figures list workers within the reader's area, and the header
// says the date the data runs to.
#include <gtest/gtest.h>

#include <regex>

#include "web/test_support.h"

namespace beacon::web {
namespace {

using testing::TestServer;

int count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t i = haystack.find(needle); i != std::string::npos; i = haystack.find(needle, i + 1))
    ++n;
  return n;
}

// The numbers in "Of the 16 contract indicators, 0 are green, 1 amber and 0
// red; 12 not shown (…) and 3 have no value." added up.
int summary_total(const std::string& summary) {
  int total = 0;
  std::smatch m;
  for (const char* pattern :
       {R"((\d+) (is|are) green)", R"((\d+) amber)", R"((\d+) red)", R"((\d+) not rated)",
        R"((\d+) not shown)", R"((\d+) (has|have) no value)"}) {
    if (std::regex_search(summary, m, std::regex(pattern))) total += std::stoi(m[1]);
  }
  return total;
}

TEST(FiguresReadTrue, AScrutinySummaryNeverCountsAHiddenFigureAsAColour) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "scrutiny", {access::Role::kScrutiny});
  auto c = s.signed_in("scrutiny");
  auto page = c.get("/scorecard?to=2025-03-31");
  ASSERT_EQ(page.status, 200);
  std::string summary = TestServer::between(page.body, "id=\"scorecard-summary\">", "</p>");
  // Every sample figure counts fewer than 5 records: all hidden, none a colour.
  EXPECT_NE(summary.find("not shown (fewer than 5 children or records)"), std::string::npos)
      << summary;
  EXPECT_NE(summary.find("0 are green, 0 amber and 0 red"), std::string::npos) << summary;
  EXPECT_EQ(summary_total(summary), 16) << summary;
  std::string contract = TestServer::between(page.body, "id=\"contract-kpis\"", "</table>");
  EXPECT_GT(count(contract, "Not shown (small numbers)"), 0);
  // No hidden figure carries a colour.
  EXPECT_EQ(count(contract, "govuk-tag--green"), 0);
  EXPECT_EQ(count(contract, "govuk-tag--red"), 0);
}

TEST(FiguresReadTrue, TheAnalystsSummaryAddsUpToEveryContractIndicator) {
  TestServer s;
  auto c = s.signed_in();
  auto page = c.get("/scorecard?to=2025-03-31");
  std::string summary = TestServer::between(page.body, "id=\"scorecard-summary\">", "</p>");
  EXPECT_EQ(summary_total(summary), 16) << summary;
  EXPECT_EQ(summary.find("not shown"), std::string::npos) << summary;
}

TEST(FiguresReadTrue, CountsAreWholeNumbersAndAnEmptyFigureSaysWhy) {
  TestServer s;
  auto c = s.signed_in();
  auto kpi3 = c.get("/indicators/KPI3?to=2025-03-31");
  ASSERT_EQ(kpi3.status, 200);
  // C1 and C4 in time, C2 late: "2 of 3 assessments", never "2.0 of 3.0".
  EXPECT_NE(kpi3.body.find(">2 of 3 assessments<"), std::string::npos)
      << TestServer::between(kpi3.body, "beacon-figure", "</dl>");
  EXPECT_FALSE(std::regex_search(kpi3.body, std::regex(R"(\d\.0 of \d)")));
  EXPECT_NE(kpi3.body.find("66.7% (2 of 3 assessments) for 12 months to 31 March 2025; red "
                           "against a target of 85.0%."),
            std::string::npos);
  EXPECT_NE(kpi3.body.find(">80.0% to 90.0%<"), std::string::npos) << "the band names its unit";
  // No care leavers' records are loaded: KPI9 says so, on the scorecard and its page.
  auto card = c.get("/scorecard?to=2025-03-31");
  std::string row = TestServer::between(card.body, "data-indicator=\"KPI9\"", "</tr>");
  EXPECT_NE(row.find("Not loaded: no care leavers"), std::string::npos) << row;
  auto kpi9 = c.get("/indicators/KPI9?to=2025-03-31");
  EXPECT_NE(kpi9.body.find("Not loaded: no care leavers&#39; records (SSDA903 OC3) in the data"),
            std::string::npos);
  EXPECT_EQ(kpi9.body.find(">no value<"), std::string::npos);
}

TEST(FiguresReadTrue, BenchmarksAreShownOnlyWhereLoaded) {
  TestServer s;
  auto c = s.signed_in();
  auto page = c.get("/scorecard?to=2025-03-31");
  std::string contract = TestServer::between(page.body, "id=\"contract-kpis\"", "</table>");
  // None loaded for the contract KPIs: no column of dashes, one sentence instead.
  EXPECT_EQ(contract.find(">England<"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"no-benchmarks\""), std::string::npos);
  EXPECT_EQ(count(page.body, "No benchmarks are loaded"), 1);
  // The children-looked-after rate has published benchmarks: its table shows them.
  std::string other = TestServer::between(page.body, "id=\"other-indicators\"", "</table>");
  EXPECT_NE(other.find(">England<"), std::string::npos);
}

TEST(FiguresReadTrue, AWorkforceFigureListsTheManagersWorkersNotChildren) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "manager", {access::Role::kTeamManager}, "T1");
  auto c = s.signed_in("manager");
  auto page = c.get("/indicators/KPI14?to=2025-03-31&unit=T1");
  ASSERT_EQ(page.status, 200);
  std::string drill = TestServer::between(page.body, "id=\"drill-table\"", "</table>");
  EXPECT_NE(drill.find("Worker or team"), std::string::npos);
  EXPECT_NE(drill.find("Alex Able"), std::string::npos) << drill;
  EXPECT_EQ(drill.find(">W1<"), std::string::npos) << "a worker id in the first column";
  EXPECT_EQ(drill.find("Casey Cole"), std::string::npos) << "a worker outside the team";
  EXPECT_EQ(page.body.find("their children were not allocated within your area"),
            std::string::npos);
}

TEST(FiguresReadTrue, TheHeaderSaysTheDateTheDataRunsTo) {
  TestServer s;
  auto c = s.signed_in();
  auto page = c.get("/scorecard");
  // The sample's latest record is C3's referral and assessment start, 3 February 2025.
  EXPECT_NE(page.body.find("id=\"data-date\">Data to 3 February 2025<"), std::string::npos);
}

TEST(FiguresReadTrue, RefusedInputStaysOnAPageTheReaderCanFixItFrom) {
  TestServer s;
  auto c = s.signed_in();
  // A date that is not one: the picker again, with what was typed and why.
  auto bad = c.get("/scorecard?to=31/13/2025&period=12m");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("govuk-error-summary"), std::string::npos);
  EXPECT_NE(bad.body.find("href=\"#picker-to\""), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"picker-to-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"31/13/2025\""), std::string::npos);
  EXPECT_NE(bad.body.find("action=\"/scorecard\""), std::string::npos);
  // A custom period without its start: the problem is beside the start date.
  auto no_start = c.get("/indicators/KPI3?to=2025-03-31&period=custom&from=soon");
  EXPECT_EQ(no_start.status, 400);
  EXPECT_NE(no_start.body.find("id=\"picker-from-error\""), std::string::npos);
  EXPECT_NE(no_start.body.find("value=\"soon\""), std::string::npos);
  // An upload with no file: the Data page and its form again, the problem beside the box.
  auto page = c.get("/data");
  std::string csrf = TestServer::between(page.body, "name=\"csrf\" value=\"", "\"");
  auto empty = c.post_multipart("/data/uploads", {{"csrf", csrf}}, {});
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("id=\"files-error\""), std::string::npos) << empty.body;
  EXPECT_NE(empty.body.find("action=\"/data/uploads\""), std::string::npos);
}

}  // namespace
}  // namespace beacon::web
