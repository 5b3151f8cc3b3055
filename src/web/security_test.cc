// Hostile input and session attacks against a real server on a loopback
// port: script and SQL in imported names, path traversal and oversized
// uploads, session fixation, forged requests, lock-out, the trusted header,
// and the audit trail.
#include <gtest/gtest.h>

#include "web/test_support.h"

namespace beacon::web {
namespace {

using access::Role;
using testing::TestServer;

const std::string kScript = "<script>alert(1)</script>";
const std::string kEscaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
const std::string kSql = "Robert'); DROP TABLE children;--";

// The sample with script and SQL in a team's, a worker's and a child's names.
CaseHistory hostile_history() {
  CaseHistory h = testing::sample_history();
  for (auto& u : h.org_units)
    if (u.id == "T1") u.name = "Team " + kScript + " & \"quoted\"";
  for (auto& w : h.workers)
    if (w.id == "W1") w.name = "Worker " + kScript;
  for (auto& c : h.children)
    if (c.id == "C1") {
      c.forename = kScript;
      c.surname = kSql;
    }
  return h;
}

std::string csrf_of(http::Client& c) { return nlohmann::json::parse(c.get("/api/session").body)["csrf_token"]; }

TEST(SecurityTest, ScriptAndSqlInImportedNamesAreShownVerbatimAndInert) {
  TestServer s({}, hostile_history());
  auto c = s.signed_in();
  for (const char* path : {"/children/C1?to=2025-03-31", "/indicators/KPI3?to=2025-03-31&unit=T1",
                           "/worklists?to=2025-03-31&unit=T1", "/scorecard?to=2025-03-31&unit=T1",
                           "/indicators/KPI3?to=2025-03-31&unit=EAST"}) {
    auto page = c.get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.body.find(kScript), std::string::npos) << path;
    EXPECT_NE(page.body.find(kEscaped), std::string::npos) << path;
    EXPECT_EQ(page.header("content-type").rfind("text/html", 0), 0u);
  }
  auto child = c.get("/children/C1?to=2025-03-31");
  EXPECT_NE(child.body.find("Robert&#39;); DROP TABLE children;--"), std::string::npos);
  // JSON carries the text as it was loaded, never sniffed as HTML.
  auto api = c.get("/api/children/C1?to=2025-03-31");
  EXPECT_EQ(api.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(api.header("content-type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(api.body)["name"], kScript + " " + kSql);
}

TEST(SecurityTest, EveryPageCarriesTheSecurityHeadersAndNoInlineScriptOrStyle) {
  TestServer s;
  auto c = s.signed_in();
  for (const char* path : {"/scorecard", "/indicators/KPI3", "/portraits", "/portraits/cin", "/worklists?unit=W1",
                           "/children/C1", "/data", "/admin/users", "/admin/users/1", "/admin/audit", "/account",
                           "/sign-in", "/nowhere"}) {
    auto r = c.get(path);
    std::string csp = r.header("content-security-policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("style-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << path;
    EXPECT_FALSE(r.header("referrer-policy").empty()) << path;
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << path;  // scripts only by src
    EXPECT_EQ(r.body.find("<style"), std::string::npos) << path;
    EXPECT_EQ(r.body.find(" style=\""), std::string::npos) << path;
    EXPECT_EQ(r.body.find(" onclick="), std::string::npos) << path;
  }
}

TEST(SecurityTest, UploadNamesCannotLeaveTheUploadsFolder) {
  TestServer s;
  auto c = s.signed_in();
  std::string csrf = csrf_of(c);
  for (const char* name : {"../../outside.csv", "..\\..\\outside.csv", "/etc/outside.csv", "....//outside.csv",
                           "%2e%2e%2foutside.csv", ".."}) {
    http::UploadedFile f{"files", name, "text/csv", "a\nb\nc\n"};
    auto r = c.post_multipart("/api/uploads", {{"csrf", csrf}}, {f});
    ASSERT_EQ(r.status, 202) << name;
    s.app->uploads().wait(nlohmann::json::parse(r.body)["job"]);
  }
  for (auto& e : std::filesystem::recursive_directory_iterator(s.uploads_dir))
    if (e.is_regular_file()) {
      EXPECT_EQ(e.path().parent_path().parent_path(), s.uploads_dir) << e.path();
      EXPECT_EQ(e.path().filename().string().find(".."), std::string::npos) << e.path();
    }
  EXPECT_FALSE(std::filesystem::exists(s.uploads_dir.parent_path() / "outside.csv"));
}

TEST(SecurityTest, OversizedUploadsAreRefusedAndNotKept) {
  TestServer s;  // 1 MB limit
  auto c = s.signed_in();
  http::UploadedFile big{"files", "big.csv", "text/csv", std::string((1 << 20) + 1, 'x')};
  auto r = c.post_multipart("/api/uploads", {{"csrf", csrf_of(c)}}, {big});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("larger than 1 MB"), std::string::npos);
  size_t files = 0;
  if (std::filesystem::exists(s.uploads_dir))
    for (auto& e : std::filesystem::recursive_directory_iterator(s.uploads_dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 0u);
}

TEST(SecurityTest, SignInIssuesAFreshSessionIdSoAPlantedOneIsWorthless) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  auto victim = s.client();
  std::string planted(64, 'a');
  victim.set_cookie(WebApp::kSessionCookie, planted);
  auto form = victim.get("/sign-in");
  std::string token = TestServer::between(form.body, "name=\"sign_in_token\" value=\"", "\"");
  victim.post_form("/sign-in", {{"sign_in_token", token}, {"user", "sw"}, {"password", TestServer::kPassword}});
  std::string issued = victim.cookies().at(WebApp::kSessionCookie);
  EXPECT_NE(issued, planted);
  EXPECT_EQ(victim.get("/api/session").status, 200);
  auto attacker = s.client();
  attacker.set_cookie(WebApp::kSessionCookie, planted);
  EXPECT_EQ(attacker.get("/api/session").status, 401);
  // Signing in again (as someone else) replaces the session too.
  auto first = s.signed_in("sw");
  std::string before = first.cookies().at(WebApp::kSessionCookie);
  form = first.get("/sign-in?next=/account");
  EXPECT_EQ(form.status, 303);  // already signed in
  auto stolen = s.client();
  stolen.set_cookie(WebApp::kSessionCookie, before);
  first.post_form("/sign-out", {{"csrf", csrf_of(first)}});
  EXPECT_EQ(stolen.get("/api/session").status, 401);
}

TEST(SecurityTest, ForgedStateChangesAreRefused) {
  TestServer s;
  auto c = s.signed_in();
  std::string csrf = csrf_of(c);
  const std::vector<std::pair<std::string, std::string>> new_user = {
      {"name", "mallory"}, {"display_name", "Mallory"}, {"roles", "executive"}};
  EXPECT_EQ(c.post_form("/admin/users", new_user).status, 403);  // no token
  auto wrong = new_user;
  wrong.push_back({"csrf", std::string(64, '0')});
  EXPECT_EQ(c.post_form("/admin/users", wrong).status, 403);
  auto right = new_user;
  right.push_back({"csrf", csrf});
  c.set_header("Origin", "https://evil.example");  // the right token from another site
  EXPECT_EQ(c.post_form("/admin/users", right).status, 403);
  c.set_header("Origin", "");
  EXPECT_FALSE(*s.backend.users().find("mallory"));
  EXPECT_EQ(c.post_form("/admin/users", right).status, 200);
  EXPECT_TRUE(*s.backend.users().find("mallory"));
}

TEST(SecurityTest, RepeatedFailuresLockTheAccount) {
  TestServer s;
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  auto c = s.client();
  auto attempt = [&](const std::string& password) {
    auto form = c.get("/sign-in");
    std::string token = TestServer::between(form.body, "name=\"sign_in_token\" value=\"", "\"");
    return c.post_form("/sign-in", {{"sign_in_token", token}, {"user", "sw"}, {"password", password}});
  };
  for (int i = 0; i < kLockAfterFailures; ++i) EXPECT_EQ(attempt("wrong password").status, 401);
  EXPECT_EQ(attempt(TestServer::kPassword).status, 401);  // locked, though right
  EXPECT_EQ(c.cookies().count(WebApp::kSessionCookie), 0u);
  auto u = *s.backend.users().find("sw");
  EXPECT_GT(u->locked_until, 0);
  auto lines = s.backend.audit_lines();
  EXPECT_NE(lines.back().detail.find("account locked"), std::string::npos);
  // An administrator's save unlocks it.
  AccountChange unlock;
  unlock.clear_sign_in_failures = true;
  ASSERT_TRUE(s.backend.users().change(u->id, unlock));
  EXPECT_EQ(attempt(TestServer::kPassword).status, 303);
}

TEST(SecurityTest, TrustedHeaderOnlyFromTheConfiguredProxy) {
  WebOptions trusted;
  trusted.trusted_header = "X-Remote-User";
  trusted.trusted_proxy = "127.0.0.1";
  TestServer s(trusted);
  testing::add_test_user(s.backend.users(), "sw", {Role::kSocialWorker}, "W1");
  auto c = s.client();
  c.set_header("X-Remote-User", "sw");
  auto session = c.get("/api/session");
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(nlohmann::json::parse(session.body)["user"], "sw");
  c.set_header("X-Remote-User", "nobody");
  EXPECT_EQ(c.get("/api/session").status, 401);

  WebOptions elsewhere = trusted;
  elsewhere.trusted_proxy = "10.9.9.9";  // the request comes from 127.0.0.1
  TestServer other(elsewhere);
  auto d = other.client();
  d.set_header("X-Remote-User", "admin");
  EXPECT_EQ(d.get("/api/session").status, 401);
  TestServer off;  // off by default
  auto e = off.client();
  e.set_header("X-Remote-User", "admin");
  EXPECT_EQ(e.get("/api/session").status, 401);
}

TEST(SecurityTest, TheAuditTrailRecordsViewsExportsAndFailedSignIns) {
  TestServer s;
  auto bad = s.client();
  auto form = bad.get("/sign-in");
  std::string token = TestServer::between(form.body, "name=\"sign_in_token\" value=\"", "\"");
  bad.post_form("/sign-in", {{"sign_in_token", token}, {"user", "admin"}, {"password", "guess"}});
  auto c = s.signed_in();
  ASSERT_EQ(c.get("/indicators/KPI3?to=2025-03-31&unit=T1").status, 200);
  ASSERT_EQ(c.get("/indicators/KPI3/drill.csv?to=2025-03-31").status, 200);
  ASSERT_EQ(c.get("/children/C2?to=2025-03-31").status, 200);
  auto find = [&](const std::string& action) {
    for (const auto& e : s.backend.audit_lines())
      if (e.action == action) return e;
    return AuditEntry{};
  };
  AuditEntry failed = find("sign-in-failed");
  EXPECT_EQ(failed.object, "user admin");
  EXPECT_EQ(failed.detail, "wrong password");
  EXPECT_EQ(failed.client, "127.0.0.1");
  AuditEntry drill = find("view-drill");
  EXPECT_EQ(drill.user, "admin");
  EXPECT_NE(drill.object.find("/indicators/KPI3?to=2025-03-31&unit=T1"), std::string::npos);
  EXPECT_NE(drill.detail.find("KPI3 for T1"), std::string::npos);
  AuditEntry exported = find("export-drill");
  EXPECT_NE(exported.object.find("drill.csv"), std::string::npos);
  AuditEntry child = find("view-child");
  EXPECT_EQ(child.detail, "child C2");
  EXPECT_FALSE(find("sign-in").user.empty());

  // Administrators read it, filtered, and download it; nothing changes it.
  auto page = c.get("/admin/audit?action=sign-in-failed");
  ASSERT_EQ(page.status, 200);
  std::string table = TestServer::between(page.body, "id=\"audit-table\"", "</table>");
  EXPECT_NE(table.find("sign-in-failed"), std::string::npos);
  EXPECT_EQ(table.find("view-child"), std::string::npos);
  auto csv = c.get("/admin/audit.csv");
  EXPECT_NE(csv.body.find("view-drill"), std::string::npos);
  EXPECT_NE(csv.header("content-disposition").find("attachment"), std::string::npos);
  size_t before = s.backend.audit_lines().size();
  std::string csrf = csrf_of(c);
  for (const char* path : {"/admin/audit", "/admin/audit.csv", "/api/audit", "/admin/audit/1", "/api/audit/1"})
    EXPECT_GE(c.post_form(path, {{"csrf", csrf}, {"id", "1"}}).status, 404) << path;
  for (const Route& r : s.app->routes())
    if (r.need == Need::kAudit) {
      EXPECT_EQ(r.method, "GET") << r.path;
    }
  auto after = s.backend.audit_lines();
  ASSERT_GE(after.size(), before);
  EXPECT_EQ(after[0].action, "sign-in-failed");  // the first line is still the first
}

}  // namespace
}  // namespace beacon::web
