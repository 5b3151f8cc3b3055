// User administration and your own account, through the pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "web/test_support.h"

namespace beacon::web {
namespace {

using access::Role;
using testing::TestServer;

std::string csrf_of(http::Client& c) { return nlohmann::json::parse(c.get("/api/session").body)["csrf_token"]; }

http::ClientResponse sign_in(TestServer& s, http::Client& c, const std::string& user, const std::string& password) {
  auto form = c.get("/sign-in");
  std::string token = TestServer::between(form.body, "name=\"sign_in_token\" value=\"", "\"");
  return c.post_form("/sign-in", {{"sign_in_token", token}, {"user", user}, {"password", password}});
}

TEST(AdminTest, CreateAUserWhoSignsInWithTheGeneratedPassword) {
  TestServer s;
  auto admin = s.signed_in();
  std::string csrf = csrf_of(admin);
  auto created = admin.post_form("/admin/users", {{"csrf", csrf}, {"name", "sam.tm"}, {"display_name", "Sam <Manager>"},
                                                  {"roles", "team-manager"}, {"scope", "T1"}});
  ASSERT_EQ(created.status, 200) << created.body;
  std::string password = TestServer::between(created.body, "id=\"new-password\">", "</strong>");
  EXPECT_EQ(password.size(), 20u);
  EXPECT_NE(created.body.find("Sam &lt;Manager&gt;"), std::string::npos);
  auto list = admin.get("/admin/users");
  EXPECT_NE(list.body.find(">sam.tm</a>"), std::string::npos);
  EXPECT_NE(list.body.find("Team manager"), std::string::npos);

  auto sam = s.client();
  EXPECT_EQ(sign_in(s, sam, "sam.tm", password).status, 303);
  auto session = nlohmann::json::parse(sam.get("/api/session").body);
  EXPECT_EQ(session["roles"], nlohmann::json::array({"team-manager"}));
  EXPECT_EQ(session["scope"], "T1");
  EXPECT_EQ(sam.get("/admin/users").status, 403);

  auto audit = s.backend.audit_lines();
  bool recorded = false;
  for (const auto& e : audit) recorded |= e.action == "user-add" && e.object == "user sam.tm" && e.user == "admin";
  EXPECT_TRUE(recorded);
}

TEST(AdminTest, RefusesBadAccountsWithTheirField) {
  TestServer s;
  auto admin = s.signed_in();
  std::string csrf = csrf_of(admin);
  auto r = admin.post_form("/admin/users", {{"csrf", csrf}, {"name", "bad name!"}, {"display_name", ""},
                                            {"roles", "team-manager"}, {"scope", "EAST"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("href=\"#name\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#display_name\""), std::string::npos);
  EXPECT_NE(r.body.find("A team manager&#39;s scope must be a team"), std::string::npos);
  auto taken = admin.post_form("/admin/users", {{"csrf", csrf}, {"name", "admin"}, {"display_name", "X"},
                                                {"roles", "executive"}});
  EXPECT_EQ(taken.status, 400);
  EXPECT_NE(taken.body.find("That user name is taken"), std::string::npos);
}

TEST(AdminTest, ChangingRolesDisablingAndResettingEndTheUsersSessions) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  int64_t id = (*s.backend.users().find("sw"))->id;
  auto sw = s.signed_in("sw");
  ASSERT_EQ(sw.get("/api/session").status, 200);
  auto admin = s.signed_in();
  std::string csrf = csrf_of(admin);
  std::string page = "/admin/users/" + std::to_string(id);
  EXPECT_EQ(admin.get(page).status, 200);
  auto saved = admin.post_form(page, {{"csrf", csrf}, {"display_name", "Sam"}, {"roles", "executive"}, {"scope", ""}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(sw.get("/api/session").status, 401);  // signed out: new rights apply at the next sign-in
  sw = s.signed_in("sw");
  EXPECT_EQ(sw.get("/api/scorecard?unit=ORG").status, 200);

  admin.post_form(page, {{"csrf", csrf}, {"display_name", "Sam"}, {"roles", "executive"}, {"disabled", "yes"}});
  EXPECT_EQ(sw.get("/api/session").status, 401);
  auto again = s.client();
  EXPECT_EQ(sign_in(s, again, "sw", TestServer::kPassword).status, 401);

  auto reset = admin.post_form(page + "/password", {{"csrf", csrf}});
  ASSERT_EQ(reset.status, 200);
  std::string password = TestServer::between(reset.body, "id=\"new-password\">", "</strong>");
  admin.post_form(page, {{"csrf", csrf}, {"display_name", "Sam"}, {"roles", "executive"}});
  EXPECT_EQ(sign_in(s, again, "sw", TestServer::kPassword).status, 401);
  EXPECT_EQ(sign_in(s, again, "sw", password).status, 303);
}

TEST(AdminTest, TheLastAdministratorStays) {
  TestServer s;
  auto admin = s.signed_in();
  std::string csrf = csrf_of(admin);
  auto r = admin.post_form("/admin/users/1", {{"csrf", csrf}, {"display_name", "Admin"}, {"roles", "executive"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Keep at least one active administrator"), std::string::npos);
  EXPECT_TRUE((*s.backend.users().find("admin"))->principal().has(Role::kAdministrator));
}

TEST(AdminTest, AnAdministratorAloneManagesUsersButSeesNoChildren) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "it", {Role::kAdministrator});
  auto it = s.client();
  EXPECT_EQ(sign_in(s, it, "it", TestServer::kPassword).header("location"), "/");
  auto home = it.get("/");
  EXPECT_EQ(home.header("location"), "/admin/users");
  EXPECT_EQ(it.get("/admin/users").status, 200);
  EXPECT_EQ(it.get("/admin/audit").status, 200);
  for (const char* path : {"/scorecard", "/worklists", "/children/C1", "/api/indicators/KPI3/drill", "/data"})
    EXPECT_EQ(it.get(path).status, 403) << path;
  auto nav = it.get("/account").body;
  EXPECT_EQ(nav.find("href=\"/scorecard\""), std::string::npos);
  EXPECT_NE(nav.find("href=\"/admin/users\""), std::string::npos);
}

TEST(AdminTest, ChangeYourOwnPassword) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  auto sw = s.signed_in("sw");
  std::string csrf = csrf_of(sw);
  auto wrong = sw.post_form("/account/password", {{"csrf", csrf}, {"current", "nope"}, {"new_password", "a new long password"},
                                                  {"confirm", "a new long password"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("Your current password is not right"), std::string::npos);
  auto shortish = sw.post_form("/account/password", {{"csrf", csrf}, {"current", TestServer::kPassword},
                                                     {"new_password", "short"}, {"confirm", "short"}});
  EXPECT_EQ(shortish.status, 400);
  auto ok = sw.post_form("/account/password", {{"csrf", csrf}, {"current", TestServer::kPassword},
                                               {"new_password", "a new long password"}, {"confirm", "a new long password"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(sw.get("/api/session").status, 200);  // a fresh session here
  auto other = s.client();
  EXPECT_EQ(sign_in(s, other, "sw", TestServer::kPassword).status, 401);
  EXPECT_EQ(sign_in(s, other, "sw", "a new long password").status, 303);
}

TEST(AdminTest, TheAuditTrailIsReadAPageAtATimeOnThePageAndThroughTheApi) {
  TestServer s;
  for (int i = 0; i < 250; ++i)
    ASSERT_TRUE(s.backend.audit({0, "", i % 2 ? "kim" : "sam", "view-child", "line " + std::to_string(i), "", "127.0.0.1"}));
  auto admin = s.signed_in();
  const size_t stored = s.backend.audit_lines().size();  // the 250 and signing in
  // Through the API, 100 at a time, each page asking for lines older than the last.
  std::vector<int64_t> ids;
  std::string url = "/api/audit";
  for (int pages = 0; pages < 10; ++pages) {
    auto answer = nlohmann::json::parse(admin.get(url).body);
    ASSERT_TRUE(answer["lines"].is_array());
    EXPECT_LE(answer["lines"].size(), 100u);
    for (const auto& line : answer["lines"]) ids.push_back(line["id"].get<int64_t>());
    if (answer["older_than"].is_null()) break;
    url = "/api/audit?before=" + std::to_string(answer["older_than"].get<int64_t>());
  }
  ASSERT_EQ(ids.size(), stored);
  EXPECT_TRUE(std::is_sorted(ids.rbegin(), ids.rend()));
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  auto kim = nlohmann::json::parse(admin.get("/api/audit?user=kim&per_page=1000").body);
  EXPECT_EQ(kim["lines"].size(), 125u);
  EXPECT_TRUE(kim["older_than"].is_null());
  // On the page: the newest 100, then the older ones by link, and back.
  auto first = admin.get("/admin/audit?user=kim");
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("line 249"), std::string::npos);
  EXPECT_EQ(first.body.find("line 49<"), std::string::npos);
  std::string older = TestServer::between(first.body, "id=\"audit-older\" href=\"", "\"");
  ASSERT_FALSE(older.empty());
  auto second = admin.get(std::regex_replace(older, std::regex("&amp;"), "&"));
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(second.body.find("line 49<"), std::string::npos);
  EXPECT_NE(second.body.find("line 1<"), std::string::npos);
  EXPECT_EQ(second.body.find("line 51<"), std::string::npos);
  EXPECT_EQ(second.body.find("id=\"audit-older\""), std::string::npos);
  EXPECT_NE(second.body.find("id=\"audit-newest\""), std::string::npos);
  // Whatever a line holds, the answer is JSON (invalid UTF-8 replaced).
  ASSERT_TRUE(s.backend.audit({0, "", "eve", "view-child", "a \"quoted\"\n\x01 \xff line", "", ""}));
  auto eve = nlohmann::json::parse(admin.get("/api/audit?user=eve").body, nullptr, false);
  ASSERT_FALSE(eve.is_discarded());
  EXPECT_EQ(eve["lines"][0]["object"].get<std::string>().substr(0, 13), "a \"quoted\"\n\x01 ");
  // A page that is not a number is refused, naming the parameter.
  auto bad = admin.get("/api/audit?before=soon");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("before must be a whole number"), std::string::npos);
}

}  // namespace
}  // namespace beacon::web
