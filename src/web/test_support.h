// For the web layer's tests: a small organisation with hand-made records, a
// backend over it, and a real server on a loopback port.
#ifndef BEACON_WEB_TEST_SUPPORT_H_
#define BEACON_WEB_TEST_SUPPORT_H_

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "http/client.h"
#include "http/server.h"
#include "store/qa_sqlite.h"
#include "web/app.h"
#include "web/auth/password.h"

namespace beacon::web::testing {

inline Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// ORG → East (locality) → Assessment team 1 (team) → W1, W2; South → team 2 → W3.
// Assessments authorised in the year to 2025-03-31: C1 within 45 working
// days, C2 late; C3's assessment started 2025-02-03 is open and due
// 2025-04-07, 5 working days after 2025-03-31.
inline CaseHistory sample_history() {
  CaseHistory h;
  auto unit = [&](std::string id, std::string name, std::string kind, std::string parent) {
    OrgUnit u{};
    u.id = id;
    u.name = name;
    u.kind = kind;
    u.parent_id = parent;
    h.org_units.push_back(u);
  };
  unit("ORG", "Example Trust", "organisation", "");
  unit("EAST", "East", "locality", "ORG");
  unit("SOUTH", "South", "locality", "ORG");
  unit("T1", "Assessment team 1", "team", "EAST");
  unit("T2", "Assessment team 2", "team", "SOUTH");
  auto worker = [&](std::string id, std::string name, std::string team) {
    Worker w{};
    w.id = id;
    w.name = name;
    w.team_id = team;
    w.role = "social_worker";
    w.registration_no = "SW" + id;
    w.fte = 1.0;
    w.in_post_from = D(2020, 1, 1);
    h.workers.push_back(w);
  };
  worker("W1", "Alex Able", "T1");
  worker("W2", "Blake Baker", "T1");
  worker("W3", "Casey Cole", "T2");
  // Two service managers for the practice evaluations (no team, no caseload,
  // not registered: they change no figure). M1 line-manages W1 and W2.
  for (auto [id, name] : {std::pair<const char*, const char*>{"M1", "Morgan Mills"}, {"M2", "Nico North"}}) {
    Worker m{};
    m.id = id;
    m.name = name;
    m.role = "service_manager";
    m.in_post_from = D(2020, 1, 1);
    h.workers.push_back(m);
  }
  for (auto& w : h.workers)
    if (w.role == "social_worker") w.line_manager_id = w.team_id == "T1" ? "M1" : "M2";
  auto child = [&](std::string id, std::string forename, std::string worker, std::string team,
                   Date referral, OptDate start, OptDate authorised) {
    Child c{};
    c.id = id;
    c.forename = forename;
    c.surname = "Example";
    c.sex = "F";
    c.birth_date = D(2015, 5, 1);
    c.ethnicity = "WBRI";
    h.children.push_back(c);
    CinEpisode e{};
    e.child_id = id;
    e.referral_date = referral;
    e.primary_need = "N1";
    h.cin_episodes.push_back(e);
    Allocation a{};
    a.child_id = id;
    a.worker_id = worker;
    a.team_id = team;
    a.start = referral;
    a.role = "social_worker";
    h.allocations.push_back(a);
    if (start) {
      Assessment as{};
      as.episode = {id, referral, 1};
      as.start = *start;
      as.authorised = authorised;
      as.worker_id = worker;
      as.team_id = team;
      h.assessments.push_back(as);
    }
  };
  child("C1", "Ada", "W1", "T1", D(2024, 6, 3), D(2024, 6, 3), D(2024, 7, 1));
  child("C2", "Bo", "W2", "T1", D(2024, 9, 2), D(2024, 9, 2), D(2024, 12, 20));
  child("C3", "Cy", "W1", "T1", D(2025, 2, 3), D(2025, 2, 3), std::nullopt);
  child("C4", "Di", "W3", "T2", D(2024, 10, 1), D(2024, 10, 1), D(2024, 10, 15));
  return h;
}

class TestBackend final : public Backend {
 public:
  explicit TestBackend(CaseHistory history = sample_history())
      : engine_(std::make_shared<IndicatorEngine>(std::make_shared<CaseIndex>(std::move(history)))) {}
  std::shared_ptr<const IndicatorEngine> engine() const override {
    std::lock_guard<std::mutex> lock(engine_mutex_);
    return engine_;
  }
  // A new snapshot, as a load swaps one in (tests of what a load changes).
  void replace_history(CaseHistory history) {
    auto fresh = std::make_shared<IndicatorEngine>(std::make_shared<CaseIndex>(std::move(history)));
    std::lock_guard<std::mutex> lock(engine_mutex_);
    engine_ = std::move(fresh);
  }
  UserDirectory& users() override { return users_; }
  qa::QaStore* qa_store() override { return qa_.get(); }
  Result<std::vector<LoadRecord>> load_history() override {
    std::lock_guard<std::mutex> lock(mutex_);
    return loads_;
  }
  // Refuses a file whose third line says "bad"; loads anything else.
  LoadOutcome load(const std::vector<std::string>& paths, const std::string& user,
                   const std::function<void(const std::string&)>& progress) override {
    LoadOutcome o;
    for (const auto& p : paths) {
      progress("reading " + p);
      std::ifstream in(p);
      std::string line;
      for (int n = 1; std::getline(in, line); ++n)
        if (n == 3 && line.find("bad") != std::string::npos)
          o.errors.push_back({Severity::kError, p, 3, "", "referral_date", "the date \"bad\" is not a date", "date.format"});
    }
    o.ok = o.errors.empty();
    if (!o.ok) {
      o.refused = "1 error: nothing was loaded";
      return o;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    LoadRecord r;
    r.id = static_cast<int64_t>(loads_.size()) + 1;
    r.at = "2025-04-01T09:00:00Z";
    r.user = user;
    r.files = std::to_string(paths.size()) + " files";
    r.summary = "added 1, changed 0, withdrawn 0, rejected 0";
    r.report_json = "{\"errors\": []}";
    loads_.insert(loads_.begin(), r);
    o.load_id = r.id;
    o.summary = r.summary;
    return o;
  }
  Result<int64_t> audit(const AuditEntry& entry) override {
    std::lock_guard<std::mutex> lock(mutex_);
    AuditEntry e = entry;
    e.id = static_cast<int64_t>(audit_.size()) + 1;
    if (e.at.empty()) e.at = "2025-04-01T09:00:" + std::string(e.id < 10 ? "0" : "") + std::to_string(e.id % 60) + "Z";
    if (e.user.empty()) e.user = "-";
    audit_.push_back(e);
    return e.id;
  }
  Result<std::vector<AuditEntry>> audit_trail(const AuditQuery& q) override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<AuditEntry> out;
    for (auto it = audit_.rbegin(); it != audit_.rend() && static_cast<int64_t>(out.size()) < q.limit; ++it)
      if ((q.before == 0 || it->id < q.before) && (q.user.empty() || it->user == q.user) &&
          (q.action.empty() || it->action == q.action) &&
          (q.from.empty() || it->at >= q.from) && (q.to.empty() || it->at.substr(0, 10) <= q.to))
        out.push_back(*it);
    return out;
  }
  // Every audit line, oldest first (tests).
  std::vector<AuditEntry> audit_lines() {
    std::lock_guard<std::mutex> lock(mutex_);
    return audit_;
  }

 private:
  mutable std::mutex engine_mutex_;
  std::shared_ptr<const IndicatorEngine> engine_;
  std::unique_ptr<qa::QaStore> qa_ = std::move(open_sqlite_qa_store(":memory:").value());
  MemoryUserDirectory users_;
  std::mutex mutex_;
  std::vector<LoadRecord> loads_;
  std::vector<AuditEntry> audit_;
};

// Adds a user with `roles` and `scope`; the password is TestServer::kPassword.
inline void add_test_user(UserDirectory& users, const std::string& name, std::vector<access::Role> roles,
                          const std::string& scope = "");

// A WebApp on a loopback port with one user, "admin", password "correct horse battery".
class TestServer {
 public:
  static constexpr const char* kPassword = "correct horse battery";

  explicit TestServer(WebOptions extra = {}, CaseHistory history = sample_history()) : backend(std::move(history)) {
    add_test_user(backend.users(), "admin", first_administrator_roles());
    uploads_dir = std::filesystem::temp_directory_path() / ("beacon-web-test-" + random_token(6));
    WebOptions o = extra;
    o.uploads_dir = uploads_dir.string();
    o.max_upload_bytes = 1 << 20;
    o.secure_cookies = false;
    o.fast_password_hash = true;
    app = std::make_unique<WebApp>(backend, o);
    http::ServerOptions so;
    so.port = 0;
    so.threads = 16;
    server = std::make_unique<http::Server>(so);
    (void)app->install(*server);
    port = server->bind().value();
    thread = std::thread([this] { (void)server->run(); });
    for (int i = 0; i < 500 && !server->running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~TestServer() {
    server->stop();
    thread.join();
    app.reset();
    std::filesystem::remove_all(uploads_dir);
  }

  http::Client client() { return http::Client("127.0.0.1", port); }
  // A client signed in as `user` (admin: administrator, performance analyst and practice hub).
  http::Client signed_in(const std::string& user = "admin") {
    auto c = client();
    auto form = c.get("/sign-in");
    std::string token = between(form.body, "name=\"sign_in_token\" value=\"", "\"");
    c.post_form("/sign-in", {{"sign_in_token", token}, {"user", user}, {"password", kPassword}, {"next", "/scorecard"}});
    return c;
  }
  static std::string between(const std::string& s, const std::string& a, const std::string& b) {
    size_t i = s.find(a);
    if (i == std::string::npos) return "";
    i += a.size();
    return s.substr(i, s.find(b, i) - i);
  }

  TestBackend backend;
  std::filesystem::path uploads_dir;
  std::unique_ptr<WebApp> app;
  std::unique_ptr<http::Server> server;
  std::thread thread;
  int port = 0;
};

inline void add_test_user(UserDirectory& users, const std::string& name, std::vector<access::Role> roles,
                          const std::string& scope) {
  UserAccount u;
  u.name = name;
  u.display_name = "Test " + name;
  u.roles = std::move(roles);
  u.scope = scope;
  u.password_hash = hash_password(TestServer::kPassword, HashCost::kMinimal).value();
  (void)users.add(u);
}

// QA records about the sample's children, made through the API as the
// practice hub would (issue 13's scope and audit tests): a cycle sampling
// C1, C2 (team T1) and C4 (team T2) with an evaluation each, a
// recommendation on each, and a complaint about C2.
struct QaSample {
  int64_t cycle = 0;
  std::map<std::string, int64_t> evaluation;      // by child
  std::map<std::string, int64_t> recommendation;  // by child
};

inline QaSample seed_qa(TestServer& s) {
  QaSample out;
  auto c = s.signed_in();
  std::string csrf = nlohmann::json::parse(c.get("/api/session").body)["csrf_token"];
  auto post = [&](const std::string& path, const nlohmann::json& body) {
    return c.post_json(path + "?csrf=" + csrf, body.dump());
  };
  auto made = post("/api/qa/cycles", {{"name", "Sample cycle"},
                                      {"start", "2024-12-01"},
                                      {"end", "2024-12-31"},
                                      {"rules", {{"mode", "random"}, {"size", 10}, {"seed", "7"}}}});
  if (made.status != 201) return out;
  out.cycle = nlohmann::json::parse(made.body)["id"];
  auto cycle = nlohmann::json::parse(c.get("/api/qa/cycles/" + std::to_string(out.cycle)).body);
  for (const auto& e : cycle["evaluations"]) {
    std::string child = e["child_id"];
    int64_t id = e["id"];
    out.evaluation[child] = id;
    auto r = post("/api/qa/evaluations/" + std::to_string(id) + "/recommendations",
                  {{"text", "Record the child's wishes for " + child}, {"due", "2031-03-31"}});
    if (r.status == 201) out.recommendation[child] = nlohmann::json::parse(r.body)["id"];
  }
  (void)post("/api/qa/complaints", {{"stage", 1},
                                    {"received", "2025-01-06"},
                                    {"theme", "no-reply"},
                                    {"complainant", "parent"},
                                    {"team_id", "T1"},
                                    {"child_id", "C2"}});
  return out;
}

}  // namespace beacon::web::testing

#endif  // BEACON_WEB_TEST_SUPPORT_H_
