// Every route as every role: allowed or forbidden as access/policy.h says,
// and no child outside the role's scope in any response.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "web/test_support.h"

namespace beacon::web {
namespace {

using access::Role;
using testing::TestServer;

struct Persona {
  std::string user;
  std::vector<Role> roles;
  std::string scope;
  std::set<std::string> children;  // the sample's children this persona may see
};

// The sample organisation: C1, C3 with W1 and C2 with W2 (team T1, East);
// C4 with W3 (team T2, South).
const std::vector<Persona>& personas() {
  static const std::vector<Persona> all = {
      {"admin", {Role::kPerformanceAnalyst, Role::kPracticeHub, Role::kAdministrator}, "", {"C1", "C2", "C3", "C4"}},
      {"social-worker", {Role::kSocialWorker}, "W1", {"C1", "C3"}},
      {"team-manager", {Role::kTeamManager}, "T1", {"C1", "C2", "C3"}},
      {"head-of-service", {Role::kHeadOfService}, "SOUTH", {"C4"}},
      {"assistant-director", {Role::kAssistantDirector}, "EAST", {"C1", "C2", "C3"}},
      {"executive", {Role::kExecutive}, "", {"C1", "C2", "C3", "C4"}},
      {"analyst", {Role::kPerformanceAnalyst}, "", {"C1", "C2", "C3", "C4"}},
      {"practice-hub", {Role::kPracticeHub}, "", {"C1", "C2", "C3", "C4"}},
      {"scrutiny", {Role::kScrutiny}, "", {}},
      {"administrator-only", {Role::kAdministrator}, "", {}},
  };
  return all;
}

struct Sample {
  const char* id;
  const char* name;
};
constexpr Sample kChildren[] = {{"C1", "Ada Example"}, {"C2", "Bo Example"}, {"C3", "Cy Example"}, {"C4", "Di Example"}};

// Text by which a child would show in a page, JSON or CSV.
std::vector<std::string> traces_of(const Sample& c) {
  std::string id = c.id;
  return {"/children/" + id, "\"" + id + "\"", ">" + id + "<", "\n" + id + ",", "\r\n" + id + ",", c.name,
          "(" + id + ")"};
}

// A concrete request for a route template. {id} of a user is the persona
// "target" (so resetting its password harms no one); the child is one the
// persona may see (C1 when they may see none).
std::string example_path(std::string t, int64_t target_user, const std::string& child) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"/indicators/{id}", "/indicators/KPI3"},
                          {"/portraits/{cohort}", "/portraits/cin"}, {"/children/{id}", "/children/" + child},
                          {"/loads/{id}", "/loads/1"}, {"/uploads/{job}", "/uploads/x"},
                          {"/users/{id}", "/users/" + std::to_string(target_user)}}) {
    size_t at = t.find(from);
    if (at != std::string::npos) t.replace(at, from.size(), to);
  }
  return t;
}

// The words of a page a person reads: tags, scripts and attribute values gone.
std::string visible_text(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    if (!in_tag && html.compare(i, 7, "<script") == 0) {
      size_t end = html.find("</script>", i);
      if (end == std::string::npos) break;
      i = end + 8;
      continue;
    }
    if (html[i] == '<') in_tag = true;
    else if (html[i] == '>') {
      in_tag = false;
      out += ' ';
    } else if (!in_tag) out += html[i];
  }
  return out;
}

// What a reader should never be shown: command-line flags, repository
// paths, ISO time stamps, internal names, counts printed as decimals.
std::vector<std::string> developer_words(const std::string& text) {
  std::vector<std::string> found;
  for (const auto& [what, pattern] : std::vector<std::pair<std::string, std::string>>{
           {"a command-line flag", R"((^|\s)--[a-z][a-z-]+)"},
           {"a repository path", R"(\b(docs|src)/[a-z])"},
           {"an ISO time stamp", R"(\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2})"},
           {"an internal name", R"(ssd-fields|not-upheld|partly-upheld|\bseed \d|\bper-team\b|\bper-cohort\b)"},
           {"a count with .0", R"(\b\d[\d,]*\.0 of \d[\d,]*(\.\d)? (?!FTE))"},
       }) {
    std::smatch m;
    if (std::regex_search(text, m, std::regex(pattern))) found.push_back(what + ": " + m.str());
  }
  return found;
}

TEST(AccessMatrixTest, TheDeveloperWordsCheckCatchesWhatItLooksFor) {
  for (const char* bad : {"load them with --set-aside-bad-rows.", "see docs/local-tables.md",
                          "at 2026-12-07T22:33:00Z", "sampled with seed 1003", "outcome not-upheld",
                          "9187.0 of 9966.0 contacts"})
    EXPECT_FALSE(developer_words(visible_text(std::string("<p>") + bad + "</p>")).empty()) << bad;
  for (const char* fine : {"0.5 of 7.0 FTE", "31 March 2026 at 09:05", "Not upheld",
                           "9,187 of 9,966 contacts", "<a href=\"/docs/x\" class=\"govuk--m\">Help</a>"})
    EXPECT_TRUE(developer_words(visible_text(fine)).empty()) << fine;
}

bool expected_allowed(const Route& r, const access::Principal& p) {
  return r.access == Access::kPublic || allows(r.need, p).allowed;
}

TEST(AccessMatrixTest, EveryRouteAsEveryRole) {
  TestServer s;
  for (const auto& p : personas())
    if (p.user != "admin") testing::add_test_user(s.backend.users(), p.user, p.roles, p.scope);
  testing::add_test_user(s.backend.users(), "target", {Role::kExecutive});
  int64_t target = (*s.backend.users().find("target"))->id;

  for (const auto& persona : personas()) {
    SCOPED_TRACE(persona.user);
    auto c = s.signed_in(persona.user);
    auto session = c.get("/api/session");
    ASSERT_EQ(session.status, 200);
    std::string csrf = nlohmann::json::parse(session.body)["csrf_token"];
    access::Principal principal{persona.user, persona.roles, persona.scope};
    for (const Route& r : s.app->routes()) {
      if (r.path == "/sign-out" || r.path == "/sign-in") continue;  // would end the session under test
      std::string path =
          example_path(r.path, target, persona.children.empty() ? "C1" : *persona.children.begin());
      std::string target_path = path + (r.method == "GET" ? "?to=2025-03-31" : "");
      auto res = r.method == "GET" ? c.get(target_path) : c.post_form(target_path, {{"csrf", csrf}});
      SCOPED_TRACE(r.method + " " + target_path + " → " + std::to_string(res.status));
      bool small_cohort = access::suppress_below(principal) > 0 && r.path.rfind("/portraits/{cohort}.", 0) == 0;
      if (small_cohort) {
        // Every sample cohort has fewer than 5 children: scrutiny gets no file.
        EXPECT_EQ(res.status, 403);
        EXPECT_NE(res.body.find("fewer than 5 children"), std::string::npos);
      } else if (expected_allowed(r, principal)) {
        EXPECT_NE(res.status, 403) << res.body.substr(0, 300);
        EXPECT_NE(res.status, 401);
        EXPECT_LT(res.status, 500) << res.body.substr(0, 300);
        // Every page a role can reach speaks plainly (issue 14 §4).
        if (r.method == "GET" && res.header("content-type").find("text/html") != std::string::npos) {
          EXPECT_EQ(developer_words(visible_text(res.body)), std::vector<std::string>{});
        }
      } else {
        EXPECT_EQ(res.status, 403);
      }
      // The audit trail names the children others looked at: administrators
      // review it by design.
      if (r.need == Need::kAudit) continue;
      for (const Sample& child : kChildren) {
        if (persona.children.count(child.id)) continue;
        for (const std::string& trace : traces_of(child))
          EXPECT_EQ(res.body.find(trace), std::string::npos) << child.id << " shows as " << trace;
      }
    }
  }
}

TEST(AccessMatrixTest, UnitsOutsideTheScopeAreRefusedEverywhere) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  testing::add_test_user(s.backend.users(), "tm", {Role::kTeamManager}, "T1");
  const std::vector<std::pair<std::string, std::vector<std::string>>> refused = {
      {"sw", {"W2", "T1", "EAST", "ORG"}}, {"tm", {"W3", "T2", "EAST", "SOUTH", "ORG"}}};
  for (const auto& [user, units] : refused) {
    auto c = s.signed_in(user);
    for (const std::string& unit : units)
      for (const char* path : {"/scorecard", "/scorecard.pdf", "/indicators/KPI3", "/indicators/KPI3/drill.csv",
                               "/portraits/cin", "/portraits/cin.png", "/worklists", "/api/scorecard",
                               "/api/indicators/KPI3", "/api/indicators/KPI3/breakdown", "/api/indicators/KPI3/drill",
                               "/api/portraits/cin", "/api/worklists"})
        EXPECT_EQ(c.get(std::string(path) + "?to=2025-03-31&unit=" + unit).status, 403) << user << " " << path << " " << unit;
  }
}

TEST(AccessMatrixTest, PagesOpenOnTheUsersOwnUnitAndPickersOfferOnlyTheirs) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  testing::add_test_user(s.backend.users(), "tm", {Role::kTeamManager}, "T1");
  auto sw = s.signed_in("sw");
  auto worklist = nlohmann::json::parse(sw.get("/api/worklists?to=2025-03-31").body);
  EXPECT_EQ(worklist["unit"], "W1");
  auto units = nlohmann::json::parse(sw.get("/api/units").body);
  EXPECT_EQ(units["root"], "W1");
  EXPECT_TRUE(units["units"].empty());
  ASSERT_EQ(units["workers"].size(), 1u);
  EXPECT_EQ(units["workers"][0]["id"], "W1");
  auto tm = s.signed_in("tm");
  auto page = tm.get("/scorecard?to=2025-03-31");
  ASSERT_EQ(page.status, 200);
  std::string picker = TestServer::between(page.body, "id=\"picker-unit\"", "</select>");
  EXPECT_NE(picker.find("value=\"T1\""), std::string::npos);
  EXPECT_EQ(picker.find("value=\"EAST\""), std::string::npos);
  EXPECT_EQ(picker.find("value=\"T2\""), std::string::npos);
  EXPECT_EQ(picker.find("value=\"ORG\""), std::string::npos);
  // The breadcrumbs above the team are not links.
  auto indicator = tm.get("/indicators/KPI3?to=2025-03-31&unit=W1");
  std::string crumbs = TestServer::between(indicator.body, "govuk-breadcrumbs__list", "</ol>");
  EXPECT_EQ(crumbs.find("unit=EAST"), std::string::npos);
  EXPECT_NE(crumbs.find("unit=T1"), std::string::npos);
}

TEST(AccessMatrixTest, ScrutinySeesFiguresWithSmallCountsSuppressed) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "scrutiny", {Role::kScrutiny});
  auto c = s.signed_in("scrutiny");
  // KPI3 for the whole sample is 2 of 3: both counts below 5.
  auto kpi3 = nlohmann::json::parse(c.get("/api/indicators/KPI3?to=2025-03-31").body);
  EXPECT_TRUE(kpi3["numerator"].is_null());
  EXPECT_TRUE(kpi3["denominator"].is_null());
  EXPECT_TRUE(kpi3["value"].is_null());
  auto page = c.get("/indicators/KPI3?to=2025-03-31");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("2.0 of 3.0"), std::string::npos);
  EXPECT_NE(page.body.find("Your role shows figures only"), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"drill-table\""), std::string::npos);
  auto portrait = nlohmann::json::parse(c.get("/api/portraits/cin?to=2025-03-31").body);
  EXPECT_TRUE(portrait["count"].is_null());
  EXPECT_EQ(c.get("/portraits/cin.pdf?to=2025-03-31").status, 403);
  // Not suppressed for others.
  auto admin = s.signed_in();
  EXPECT_EQ(nlohmann::json::parse(admin.get("/api/indicators/KPI3?to=2025-03-31").body)["denominator"], 3);
}

TEST(AccessMatrixTest, ASocialWorkerSeesAChildAllocatedToThemInThePeriodViewed) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "sw3", {Role::kSocialWorker}, "W3");
  auto c = s.signed_in("sw3");
  // C4 was allocated to W3 from 2024-10-01.
  EXPECT_EQ(c.get("/children/C4?to=2025-03-31").status, 200);
  EXPECT_EQ(c.get("/children/C1?to=2025-03-31").status, 403);
  EXPECT_EQ(c.get("/api/children/C2").status, 403);
  EXPECT_EQ(c.get("/children/NOBODY").status, 403);  // does not tell who exists
  auto drill = nlohmann::json::parse(c.get("/api/indicators/KPI3/drill?to=2025-03-31").body);
  ASSERT_EQ(drill["rows"].size(), 1u);
  EXPECT_EQ(drill["rows"][0]["child_id"], "C4");
}

// Issue 13, item 3: every QA view that takes a unit passes the scorecard's
// unit check, with every kind of unit.
TEST(AccessMatrixTest, QaViewsRefuseUnitsOutsideTheScope) {
  TestServer s;
  testing::seed_qa(s);
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  testing::add_test_user(s.backend.users(), "tm", {Role::kTeamManager}, "T1");
  const std::vector<std::tuple<std::string, std::vector<std::string>, std::vector<std::string>>> cases = {
      {"sw", {"W2", "W3", "T1", "T2", "EAST", "SOUTH", "ORG"}, {"W1"}},
      {"tm", {"W3", "T2", "EAST", "SOUTH", "ORG"}, {"T1", "W1", "W2"}}};
  for (const auto& [user, refused, allowed] : cases) {
    auto c = s.signed_in(user);
    for (const char* path : {"/api/qa/triangulation", "/qa/triangulation", "/api/qa/feedback", "/qa/feedback"}) {
      for (const std::string& unit : refused) {
        auto r = c.get(std::string(path) + "?to=2025-03-31&unit=" + unit);
        EXPECT_EQ(r.status, 403) << user << " " << path << " " << unit;
        EXPECT_EQ(r.body.find("\"kpis\""), std::string::npos) << user << " " << path << " " << unit;
        // The scorecard says the same.
        EXPECT_EQ(c.get("/api/scorecard?to=2025-03-31&unit=" + unit).status, 403) << unit;
      }
      for (const std::string& unit : allowed)
        EXPECT_EQ(c.get(std::string(path) + "?to=2025-03-31&unit=" + unit).status, 200) << user << " " << path << " " << unit;
    }
    // Without a unit: their own.
    auto own = nlohmann::json::parse(c.get("/api/qa/triangulation?to=2025-03-31").body);
    EXPECT_EQ(own["unit"], user == "sw" ? "W1" : "T1");
    // The page offers only units they may open.
    auto page = c.get("/qa/triangulation?to=2025-03-31");
    for (const std::string& unit : refused)
      EXPECT_EQ(page.body.find("value=\"" + unit + "\""), std::string::npos) << user << " " << unit;
  }
}

// Issue 13, item 4: a social worker reads a child's QA records exactly when
// they may see the child: C1 (theirs), not C2 (a team-mate's) nor C4.
TEST(AccessMatrixTest, QaRecordsOfAChildFollowTheChildRule) {
  TestServer s;
  auto qa = testing::seed_qa(s);
  ASSERT_GT(qa.cycle, 0);
  ASSERT_EQ(qa.evaluation.size(), 3u);
  ASSERT_EQ(qa.recommendation.size(), 3u);
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  testing::add_test_user(s.backend.users(), "tm", {Role::kTeamManager}, "T1");
  // The children each may see (C3 was not sampled).
  const std::map<std::string, std::set<std::string>> sees = {{"sw", {"C1", "C3"}}, {"tm", {"C1", "C2", "C3"}},
                                                            {"admin", {"C1", "C2", "C3", "C4"}}};
  for (const auto& [user, children] : sees) {
    auto c = s.signed_in(user);
    for (const auto& [child, id] : qa.evaluation) {
      bool may = children.count(child) > 0;
      // The child's own pages and their QA records agree.
      EXPECT_EQ(c.get("/api/children/" + child + "?to=2025-03-31").status, may ? 200 : 403) << user << " " << child;
      EXPECT_EQ(c.get("/api/qa/evaluations/" + std::to_string(id)).status, may ? 200 : 404) << user << " " << child;
      EXPECT_EQ(c.get("/qa/evaluations/" + std::to_string(id)).status, may ? 200 : 404) << user << " " << child;
    }
    std::vector<std::string> lists = {"/api/qa/cycles/" + std::to_string(qa.cycle), "/qa/cycles/" + std::to_string(qa.cycle),
                                      "/api/qa/cycles/" + std::to_string(qa.cycle) + "/briefing",
                                      "/qa/cycles/" + std::to_string(qa.cycle) + "/briefing",
                                      "/api/qa/recommendations", "/qa/recommendations", "/api/qa/feedback?from=2025-01-01&to=2025-03-31",
                                      "/qa/feedback?from=2025-01-01&to=2025-03-31", "/api/qa/triangulation?to=2025-03-31",
                                      "/worklists?to=2025-03-31", "/api/worklists?to=2025-03-31"};
    for (const std::string& path : lists) {
      auto r = c.get(path);
      EXPECT_EQ(r.status, 200) << user << " " << path;
      for (const Sample& child : kChildren) {
        if (children.count(child.id) || user == "admin") continue;
        for (const std::string& trace : traces_of(child))
          EXPECT_EQ(r.body.find(trace), std::string::npos) << user << " " << path << ": " << child.id << " shows as " << trace;
      }
    }
  }
}

}  // namespace
}  // namespace beacon::web
