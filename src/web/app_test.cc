// The web application against a real server on a loopback port.
#include "web/app.h"

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

// A concrete path for a route template.
std::string example_path(std::string t) {
  for (auto [from, to] :
       {std::pair<std::string, std::string>{"/indicators/{id}", "/indicators/KPI3"},
        {"/portraits/{cohort}", "/portraits/cin"},
        {"/children/{id}", "/children/C1"},
        {"/loads/{id}", "/loads/1"},
        {"/uploads/{job}", "/uploads/x"}}) {
    size_t at = t.find(from);
    if (at != std::string::npos) t.replace(at, from.size(), to);
  }
  return t;
}

TEST(WebAppTest, NothingButSignInAndTheApiDescriptionWithoutASession) {
  TestServer s;
  auto c = s.client();
  for (const Route& r : s.app->routes()) {
    std::string path = example_path(r.path);
    auto res = r.method == "GET" ? c.get(path) : c.post_form(path, {});
    if (r.access == Access::kPublic) continue;
    bool api = path.rfind("/api/", 0) == 0;
    EXPECT_EQ(res.status, api ? 401 : 303) << r.method << " " << path;
    if (!api) {
      EXPECT_EQ(res.header("location").rfind("/sign-in?next=", 0), 0u) << path;
    }
    EXPECT_EQ(res.body.find("Ada"), std::string::npos) << path;
    EXPECT_EQ(res.body.find("Example"), std::string::npos) << path;
  }
}

TEST(WebAppTest, SignInSetsAStrictHttpOnlyCookieAndSignOutEndsTheSession) {
  TestServer s;
  auto c = s.client();
  auto form = c.get("/sign-in");
  std::string token = TestServer::between(form.body, "name=\"sign_in_token\" value=\"", "\"");
  auto wrong =
      c.post_form("/sign-in", {{"sign_in_token", token}, {"user", "admin"}, {"password", "nope"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("The user name or password is not right"), std::string::npos);
  EXPECT_EQ(c.cookies().count(WebApp::kSessionCookie), 0u);

  token = TestServer::between(wrong.body, "name=\"sign_in_token\" value=\"", "\"");
  auto ok = c.post_form("/sign-in", {{"sign_in_token", token},
                                     {"user", "admin"},
                                     {"password", TestServer::kPassword},
                                     {"next", "/worklists"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("location"), "/worklists");
  std::string cookie;
  auto range = ok.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it)
    if (it->second.rfind("beacon_session=", 0) == 0) cookie = it->second;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(c.get("/api/session").status, 200);

  std::string csrf = nlohmann::json::parse(c.get("/api/session").body)["csrf_token"];
  EXPECT_EQ(c.post_form("/sign-out", {{"csrf", csrf}}).status, 303);
  EXPECT_EQ(c.get("/api/session").status, 401);
}

TEST(WebAppTest, SignInRefusesAFormWithoutItsToken) {
  TestServer s;
  auto c = s.client();
  auto r = c.post_form("/sign-in", {{"user", "admin"}, {"password", TestServer::kPassword}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(c.cookies().count(WebApp::kSessionCookie), 0u);
}

TEST(WebAppTest, OnlyLocalRedirectsAfterSignIn) {
  TestServer s;
  auto c = s.client();
  auto form = c.get("/sign-in");
  std::string token = TestServer::between(form.body, "name=\"sign_in_token\" value=\"", "\"");
  auto r = c.post_form("/sign-in", {{"sign_in_token", token},
                                    {"user", "admin"},
                                    {"password", TestServer::kPassword},
                                    {"next", "//evil.example/"}});
  EXPECT_EQ(r.header("location"), "/");
}

TEST(WebAppTest, ScorecardShowsEveryContractKpi) {
  TestServer s;
  auto c = s.signed_in();
  auto page = c.get("/scorecard?to=2025-03-31");
  ASSERT_EQ(page.status, 200);
  std::string contract = TestServer::between(page.body, "id=\"contract-kpis\"", "</table>");
  EXPECT_EQ(count(contract, "data-indicator="), 16);
  for (int i = 1; i <= 15; ++i)
    EXPECT_NE(contract.find("data-indicator=\"KPI" + std::to_string(i) + "\""), std::string::npos)
        << i;
  EXPECT_NE(contract.find("data-indicator=\"KPI6E\""), std::string::npos);
  EXPECT_NE(contract.find("<svg class=\"beacon-sparkline\""), std::string::npos);
  EXPECT_NE(page.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page.header("cache-control"), "no-store");
}

TEST(WebAppTest, ApiFiguresMatchTheDefinitions) {
  TestServer s;
  auto c = s.signed_in();
  auto j = nlohmann::json::parse(c.get("/api/scorecard?to=2025-03-31").body);
  ASSERT_EQ(j["indicators"].size(), 16u);
  auto kpi3 = nlohmann::json::parse(c.get("/api/indicators/KPI3?to=2025-03-31").body);
  // C1 (20 working days) and C4 (10) within 45; C2 (Sep 2 → Dec 20) is not.
  EXPECT_EQ(kpi3["numerator"], 2);
  EXPECT_EQ(kpi3["denominator"], 3);
  auto east = nlohmann::json::parse(c.get("/api/indicators/KPI3?to=2025-03-31&unit=EAST").body);
  EXPECT_EQ(east["denominator"], 2);
  EXPECT_EQ(c.get("/api/indicators/NOPE").status, 404);
  EXPECT_EQ(c.get("/api/scorecard?to=31-03-2025").status, 400);
  EXPECT_EQ(c.get("/api/scorecard?unit=NOWHERE").status, 404);
}

TEST(WebAppTest, BreakdownDrillsOrganisationToLocalityToTeamToWorker) {
  TestServer s;
  auto c = s.signed_in();
  auto org = c.get("/indicators/KPI3?to=2025-03-31");
  ASSERT_EQ(org.status, 200);
  EXPECT_NE(org.body.find("unit=EAST#breakdown\">East</a>"), std::string::npos);
  auto east = c.get("/indicators/KPI3?to=2025-03-31&period=12m&unit=EAST");
  EXPECT_NE(east.body.find(">Assessment team 1</a>"), std::string::npos);
  auto team = c.get("/indicators/KPI3?to=2025-03-31&period=12m&unit=T1");
  EXPECT_NE(team.body.find(">Alex Able</a>"), std::string::npos);
  EXPECT_NE(team.body.find(">Blake Baker</a>"), std::string::npos);
  auto worker = c.get("/indicators/KPI3?to=2025-03-31&period=12m&unit=W1");
  std::string crumbs = TestServer::between(worker.body, "govuk-breadcrumbs__list", "</ol>");
  EXPECT_NE(crumbs.find(">East</a>"), std::string::npos);
  EXPECT_NE(crumbs.find(">Assessment team 1</a>"), std::string::npos);
  EXPECT_NE(crumbs.find("aria-current=\"page\">Alex Able"), std::string::npos);
  auto b = nlohmann::json::parse(c.get("/api/indicators/KPI3/breakdown?to=2025-03-31").body);
  ASSERT_EQ(b["rows"].size(), 2u);
}

TEST(WebAppTest, DrillDownloadHoldsTheRowsOnThePage) {
  TestServer s;
  auto c = s.signed_in();
  auto page = c.get("/indicators/KPI3?to=2025-03-31&in=no");
  std::string table = TestServer::between(page.body, "id=\"drill-table\"", "</table>");
  EXPECT_EQ(count(table, "href=\"/children/"), 1);
  EXPECT_NE(table.find(">C2</a>"), std::string::npos);
  std::string href = TestServer::between(page.body, "id=\"drill-csv\" href=\"", "\"");
  std::string amp = "&amp;";
  for (size_t i = href.find(amp); i != std::string::npos; i = href.find(amp))
    href.replace(i, amp.size(), "&");
  auto csv = c.get(href);
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_NE(csv.body.find("C2"), std::string::npos);
  EXPECT_EQ(csv.body.find("C1"), std::string::npos);
  auto xlsx = c.get("/indicators/KPI3/drill.xlsx?to=2025-03-31");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST(WebAppTest, DrillApiGivesTheListAPageAtATime) {
  TestServer s;
  auto c = s.signed_in();
  auto all = nlohmann::json::parse(c.get("/api/indicators/KPI3/drill?to=2025-03-31").body);
  const size_t total = all["total"];
  ASSERT_GE(total, 2u);
  EXPECT_EQ(all["rows"].size(), total);  // one page of 100 holds them all
  EXPECT_EQ(all["pages"], 1);
  auto second = nlohmann::json::parse(
      c.get("/api/indicators/KPI3/drill?to=2025-03-31&per_page=1&page=2").body);
  EXPECT_EQ(second["total"], total);
  EXPECT_EQ(second["pages"], total);
  EXPECT_EQ(second["page"], 2);
  ASSERT_EQ(second["rows"].size(), 1u);
  EXPECT_EQ(second["rows"][0], all["rows"][1]);
  // Past the last page: the last page.
  auto past = nlohmann::json::parse(
      c.get("/api/indicators/KPI3/drill?to=2025-03-31&per_page=1&page=999").body);
  EXPECT_EQ(past["page"], total);
  EXPECT_EQ(past["rows"][0], all["rows"][total - 1]);
  for (const char* bad : {"per_page=0", "per_page=1001", "page=x", "per_page=5%20"}) {
    auto r = c.get(std::string("/api/indicators/KPI3/drill?to=2025-03-31&") + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_NE(r.body.find(std::string(bad).substr(0, std::string(bad).find('='))),
              std::string::npos)
        << bad;
  }
}

TEST(WebAppTest, WorklistFlagsAnAssessmentDueWithinFiveWorkingDays) {
  TestServer s;
  auto c = s.signed_in();
  auto page = c.get("/worklists?to=2025-03-31&unit=W1");
  ASSERT_EQ(page.status, 200);
  std::string table = TestServer::between(page.body, "id=\"worklist-table\"", "</table>");
  EXPECT_NE(table.find("data-kind=\"assessment\" data-status=\"due-soon\""), std::string::npos);
  EXPECT_NE(table.find("href=\"/children/C3?to=2025-03-31\""), std::string::npos);
  EXPECT_NE(table.find("5 working days left"), std::string::npos);
  auto api = nlohmann::json::parse(c.get("/api/worklists?to=2025-03-31&unit=W1").body);
  ASSERT_EQ(api["items"].size(), 2u);  // and C1's plan not started since its assessment
  EXPECT_EQ(api["items"][1]["child"], "C3");
  EXPECT_EQ(api["items"][1]["status"], "due-soon");
  EXPECT_EQ(api["total"], 2);
  EXPECT_EQ(api["pages"], 1);
}

TEST(WebAppTest, WorklistApiGivesAPageAtATimeAndTheSameFiltersAsThePage) {
  TestServer s;
  auto c = s.signed_in();
  auto get = [&](const std::string& q) {
    return nlohmann::json::parse(c.get("/api/worklists?to=2025-03-31&unit=W1" + q).body);
  };
  auto first = get("&per_page=1");
  ASSERT_EQ(first["items"].size(), 1u);
  EXPECT_EQ(first["total"], 2);
  EXPECT_EQ(first["pages"], 2);
  auto second = get("&per_page=1&page=2");
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["page"], 2);
  EXPECT_EQ(second["items"][0]["child"], "C3");
  EXPECT_EQ(get("&per_page=1&page=9")["page"], 2);  // past the end: the last page
  auto assessments = get("&kind=assessment");
  ASSERT_EQ(assessments["items"].size(), 1u);
  EXPECT_EQ(assessments["items"][0]["child"], "C3");
  auto overdue = get("&status=overdue");
  ASSERT_EQ(overdue["total"], 1);
  EXPECT_EQ(overdue["items"][0]["kind"], "plan-not-started");
  auto bad = c.get("/api/worklists?to=2025-03-31&per_page=5000");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("per_page"), std::string::npos);
}

TEST(WebAppTest, ChildPageShowsTheTimeline) {
  TestServer s;
  auto c = s.signed_in();
  auto page = c.get("/children/C1?to=2025-03-31");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Ada Example"), std::string::npos);
  EXPECT_NE(page.body.find("Assessment authorised"), std::string::npos);
  EXPECT_EQ(c.get("/children/NOPE").status, 404);
  auto api = nlohmann::json::parse(c.get("/api/children/C1?to=2025-03-31").body);
  EXPECT_EQ(api["allocated_worker"], "W1");
}

TEST(WebAppTest, PortraitsAndScorecardDownloads) {
  TestServer s;
  auto c = s.signed_in();
  EXPECT_EQ(c.get("/portraits/cin?to=2025-03-31").status, 200);
  EXPECT_EQ(c.get("/portraits/nope").status, 404);
  auto pdf = c.get("/portraits/cin.pdf?to=2025-03-31");
  EXPECT_EQ(pdf.body.substr(0, 4), "%PDF");
  auto png = c.get("/portraits/cin.png?to=2025-03-31");
  EXPECT_EQ(png.body.substr(1, 3), "PNG");
  EXPECT_EQ(c.get("/scorecard.pdf?to=2025-03-31").body.substr(0, 4), "%PDF");
  EXPECT_EQ(c.get("/scorecard.xlsx?to=2025-03-31").body.substr(0, 2), "PK");
  auto api = nlohmann::json::parse(c.get("/api/portraits/cin?to=2025-03-31").body);
  EXPECT_TRUE(api.is_object());
}

TEST(WebAppTest, UploadsNeedTheCsrfTokenAndReportErrorsWithTheirLine) {
  TestServer s;
  auto c = s.signed_in();
  http::UploadedFile bad{"files", "../../etc/referrals.csv", "text/csv",
                         "id,referral_date\nC1,2024-01-01\nC2,bad\n"};
  EXPECT_EQ(c.post_multipart("/data/uploads", {}, {bad}).status, 403);
  std::string csrf = nlohmann::json::parse(c.get("/api/session").body)["csrf_token"];
  auto r = c.post_multipart("/data/uploads", {{"csrf", csrf}}, {bad});
  ASSERT_EQ(r.status, 303);
  std::string job = r.header("location").substr(std::string("/data/uploads/").size());
  s.app->uploads().wait(job);
  auto page = c.get(r.header("location"));
  std::string errors = TestServer::between(page.body, "id=\"load-errors\"", "</table>");
  EXPECT_NE(errors.find("referrals.csv"), std::string::npos);
  EXPECT_EQ(errors.find(s.uploads_dir.string()), std::string::npos);
  EXPECT_NE(errors.find(">3</td>"), std::string::npos);
  EXPECT_NE(errors.find("referral_date"), std::string::npos);
  // Saved inside the uploads folder only.
  int saved = 0;
  for (auto& e : std::filesystem::recursive_directory_iterator(s.uploads_dir))
    if (e.is_regular_file()) {
      ++saved;
      EXPECT_EQ(e.path().parent_path().parent_path(), s.uploads_dir);
      EXPECT_EQ(e.path().filename(), "referrals.csv");
    }
  EXPECT_EQ(saved, 1);

  http::UploadedFile good{"files", "ok.csv", "text/csv", "a\nb\nc\n"};
  auto api = c.post_multipart("/api/uploads", {{"csrf", csrf}}, {good});
  ASSERT_EQ(api.status, 202);
  std::string id = nlohmann::json::parse(api.body)["job"];
  s.app->uploads().wait(id);
  auto status = nlohmann::json::parse(c.get("/api/uploads/" + id).body);
  EXPECT_EQ(status["state"], "done");
  EXPECT_EQ(status["outcome"]["ok"], true);
  auto loads = nlohmann::json::parse(c.get("/api/loads").body);
  EXPECT_EQ(loads["loads"].size(), 1u);
  EXPECT_NE(c.get("/data").body.find("Load 1"), std::string::npos);
}

TEST(WebAppTest, CrossSitePostsAreRefused) {
  TestServer s;
  auto c = s.signed_in();
  auto form = c.get("/sign-in?next=/data");
  (void)form;
  std::string csrf = nlohmann::json::parse(c.get("/api/session").body)["csrf_token"];
  EXPECT_EQ(c.post_form("/sign-out", {{"csrf", "wrong"}}).status, 403);
  EXPECT_EQ(c.get("/api/session").status, 200);
}

TEST(WebAppTest, OpenApiDocumentsEveryApiRouteAndNoOther) {
  TestServer s;
  auto c = s.client();
  auto doc = nlohmann::json::parse(c.get("/openapi.json").body);
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::string> routes, documented;
  for (const Route& r : s.app->routes())
    if (r.path.rfind("/api/", 0) == 0 || r.path == "/openapi.json" || r.path == "/healthz") {
      std::string method = r.method == "GET" ? "get" : "post";
      routes.insert(method + " " + r.path);
    }
  for (auto& [path, ops] : doc["paths"].items())
    for (auto& [method, op] : ops.items()) documented.insert(method + " " + path);
  EXPECT_EQ(routes, documented);
}

TEST(WebAppTest, UnknownPagesGetAFriendlyPage) {
  TestServer s;
  auto c = s.signed_in();
  auto r = c.get("/nowhere");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Page not found"), std::string::npos);
}

TEST(RoutePatternTest, TemplatesBecomeAnchoredPatterns) {
  EXPECT_EQ(route_pattern("/indicators/{id}/drill.csv"), "/indicators/([^/]+)/drill\\.csv");
  EXPECT_TRUE(
      std::regex_match("/portraits/cin.pdf", std::regex(route_pattern("/portraits/{cohort}.pdf"))));
}

}  // namespace
}  // namespace beacon::web
