#include "app/web_backend.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>

#include "core/clock.h"
#include "load/load.h"
#include "store/qa_sqlite.h"

namespace beacon {
namespace {

// Users in the store's `users` table, through the Store interface every
// store implements. Password hashes only.
class StoreUserDirectory final : public web::UserDirectory {
 public:
  StoreUserDirectory(Store& store, std::mutex& mutex) : store_(store), mutex_(mutex) {}

  Result<std::optional<web::UserAccount>> find(const std::string& name) override {
    return find_if([&](const UserRecord& u) { return u.name == name; });
  }
  Result<std::optional<web::UserAccount>> find_id(int64_t id) override {
    return find_if([&](const UserRecord& u) { return u.id == id; });
  }
  Result<std::vector<web::UserAccount>> list() override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto all = store_.users();
    if (!all) return all.status();
    std::vector<web::UserAccount> out;
    for (const auto& u : *all) out.push_back(account_of(u));
    return out;
  }
  Result<int64_t> count() override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto all = store_.users();
    if (!all) return all.status();
    return static_cast<int64_t>(all->size());
  }
  Result<int64_t> add(const web::UserAccount& user) override {
    std::lock_guard<std::mutex> lock(mutex_);
    return store_.add_user(record_of(user));
  }
  Status change(int64_t id, const web::AccountChange& c) override {
    UserChange change;
    change.display_name = c.display_name;
    if (c.roles) change.roles = access::roles_text(*c.roles);
    change.scope = c.scope;
    change.password_hash = c.password_hash;
    change.disabled = c.disabled;
    change.clear_sign_in_failures = c.clear_sign_in_failures;
    std::lock_guard<std::mutex> lock(mutex_);
    return store_.change_user(id, change);
  }
  Result<web::SignInCount> count_sign_in_attempt(const std::string& name, int64_t now) override {
    LockOutRule rule{now, web::kLockAfterFailures, web::kLockSeconds};
    std::lock_guard<std::mutex> lock(mutex_);
    auto counted = store_.count_sign_in_attempt(name, rule);
    if (!counted) return counted.status();
    web::SignInCount out;
    using In = SignInAttempt::Outcome;
    using Out = web::SignInCount::Outcome;
    out.outcome = counted->outcome == In::kCounted    ? Out::kCounted
                  : counted->outcome == In::kDisabled ? Out::kDisabled
                  : counted->outcome == In::kLocked   ? Out::kLocked
                                                      : Out::kNoSuchUser;
    if (out.outcome != Out::kNoSuchUser) out.account = account_of(counted->user);
    return out;
  }
  Result<bool> confirm_sign_in(int64_t id, const std::string& password_hash) override {
    std::lock_guard<std::mutex> lock(mutex_);
    return store_.confirm_sign_in(id, password_hash);
  }

  static web::UserAccount account_of(const UserRecord& r) {
    web::UserAccount a;
    a.id = r.id;
    a.name = r.name;
    a.display_name = r.display_name;
    a.roles = access::parse_roles(r.roles);
    a.scope = r.scope;
    a.password_hash = r.password_hash;
    a.disabled = r.disabled;
    a.failed_sign_ins = r.failed_sign_ins;
    a.locked_until = r.locked_until;
    a.created_at = r.created_at;
    return a;
  }
  static UserRecord record_of(const web::UserAccount& a) {
    UserRecord r;
    r.id = a.id;
    r.name = a.name;
    r.display_name = a.display_name;
    r.roles = access::roles_text(a.roles);
    r.scope = a.scope;
    r.password_hash = a.password_hash;
    r.disabled = a.disabled;
    r.failed_sign_ins = a.failed_sign_ins;
    r.locked_until = a.locked_until;
    r.created_at = a.created_at;
    return r;
  }


 private:
  template <class Pred>
  Result<std::optional<web::UserAccount>> find_if(Pred pred) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto all = store_.users();
    if (!all) return all.status();
    for (const auto& u : *all)
      if (pred(u)) return std::optional<web::UserAccount>(account_of(u));
    return std::optional<web::UserAccount>();
  }

  Store& store_;
  std::mutex& mutex_;
};

Date today() { return clock::today(); }

class WorkspaceBackend final : public web::Backend {
 public:
  WorkspaceBackend(std::unique_ptr<Workspace> ws, std::unique_ptr<qa::QaStore> qa)
      : ws_(std::move(ws)), qa_(std::move(qa)), users_(ws_->store(), users_mutex_) {}

  std::shared_ptr<const IndicatorEngine> engine() const override { return ws_->engine(); }
  web::UserDirectory& users() override { return users_; }
  qa::QaStore* qa_store() override { return qa_.get(); }

  Result<std::vector<LoadRecord>> load_history() override {
    std::lock_guard<std::mutex> lock(store_mutex_);
    return ws_->store().loads();
  }

  // The store serialises each call itself, so the audit trail and users
  // need not wait for a whole load to finish (store_mutex_ spans one).
  Result<int64_t> audit(const AuditEntry& entry) override { return ws_->store().append_audit(entry); }
  Result<std::vector<AuditEntry>> audit_trail(const AuditQuery& query) override {
    return ws_->store().audit_entries(query);
  }

  web::LoadOutcome load(const std::vector<std::string>& paths, const std::string& user,
                        const std::function<void(const std::string&)>& progress) override {
    LoadOptions options;
    options.user = user;
    options.today = today();
    options.progress = progress;
    // The web's files all lie in one upload folder: name them below it.
    if (!paths.empty()) {
      std::string folder = std::filesystem::path(paths.front()).parent_path().string();
      bool one_folder = std::all_of(paths.begin(), paths.end(), [&](const std::string& p) {
        return std::filesystem::path(p).parent_path().string() == folder;
      });
      if (one_folder) options.names_below = folder;
    }
    LoadReport report;
    {
      std::lock_guard<std::mutex> lock(store_mutex_);
      report = load_files(ws_->store(), paths, options);
    }
    web::LoadOutcome out;
    out.ok = report.ok;
    out.load_id = report.load_id;
    out.summary = report.summary();
    out.refused = report.refused;
    out.errors = report.errors;
    out.notes = report.notes;
    out.report_text = report.to_text();
    out.report_json = report.to_json();
    if (report.ok && report.load_id > 0) {
      if (progress) progress("Rebuilding the figures");
      std::lock_guard<std::mutex> lock(store_mutex_);
      if (auto st = ws_->reload(); !st) out.notes.push_back("The figures could not be rebuilt: " + st.message());
    }
    return out;
  }

 private:
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<qa::QaStore> qa_;
  std::mutex store_mutex_;  // one connection: one caller at a time
  std::mutex users_mutex_;
  StoreUserDirectory users_;
};

}  // namespace

Result<std::unique_ptr<web::Backend>> open_web_backend(const std::string& db_path) {
  auto ws = Workspace::open(db_path);
  if (!ws) return ws.status();
  // The QA records share the store's file through their own connection.
  auto qa = open_sqlite_qa_store(db_path);
  if (!qa) return qa.status();
  return std::unique_ptr<web::Backend>(new WorkspaceBackend(std::move(*ws), std::move(*qa)));
}

}  // namespace beacon
