#include "app/web_backend.h"

#include <chrono>
#include <mutex>

#include <nlohmann/json.hpp>

#include "load/load.h"
#include "store/qa_sqlite.h"

namespace beacon {
namespace {

// Users in the store's settings (key "users": a JSON list), through the
// Store interface every store implements. Password hashes only.
class StoreUserDirectory final : public web::UserDirectory {
 public:
  StoreUserDirectory(Store& store, std::mutex& mutex) : store_(store), mutex_(mutex) {}

  Result<std::optional<web::UserAccount>> find(const std::string& name) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto all = read();
    if (!all) return all.status();
    for (auto& u : *all)
      if (u.name == name) return std::optional<web::UserAccount>(u);
    return std::optional<web::UserAccount>();
  }
  Result<int64_t> count() override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto all = read();
    if (!all) return all.status();
    return static_cast<int64_t>(all->size());
  }
  Result<int64_t> add(const web::UserAccount& user) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto all = read();
    if (!all) return all.status();
    for (auto& u : *all)
      if (u.name == user.name) return Status::conflict("the user name " + user.name + " is taken");
    web::UserAccount added = user;
    added.id = static_cast<int64_t>(all->size()) + 1;
    all->push_back(added);
    nlohmann::json j = nlohmann::json::array();
    for (auto& u : *all)
      j.push_back({{"id", u.id}, {"name", u.name}, {"display_name", u.display_name}, {"role", u.role},
                   {"password_hash", u.password_hash}, {"disabled", u.disabled}});
    if (auto st = store_.put_setting("users", j.dump()); !st) return st;
    return added.id;
  }

 private:
  Result<std::vector<web::UserAccount>> read() {
    auto text = store_.setting("users");
    if (!text) return text.status();
    std::vector<web::UserAccount> out;
    if (!*text) return out;
    auto j = nlohmann::json::parse(**text, nullptr, false);
    if (!j.is_array()) return Status::internal("the store's user list is not valid JSON");
    for (const auto& u : j) {
      web::UserAccount a;
      a.id = u.value("id", int64_t{0});
      a.name = u.value("name", "");
      a.display_name = u.value("display_name", "");
      a.role = u.value("role", "administrator");
      a.password_hash = u.value("password_hash", "");
      a.disabled = u.value("disabled", false);
      out.push_back(std::move(a));
    }
    return out;
  }

  Store& store_;
  std::mutex& mutex_;
};

Date today() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return Date::from_serial(static_cast<int32_t>(days));
}

class WorkspaceBackend final : public web::Backend {
 public:
  WorkspaceBackend(std::unique_ptr<Workspace> ws, std::unique_ptr<qa::QaStore> qa)
      : ws_(std::move(ws)), qa_(std::move(qa)), users_(ws_->store(), store_mutex_) {}

  std::shared_ptr<const IndicatorEngine> engine() const override { return ws_->engine(); }
  web::UserDirectory& users() override { return users_; }
  qa::QaStore* qa_store() override { return qa_.get(); }
  // Until branch `access` records these in the store's audit trail.
  void audit(const qa::AuditEvent& event) override { audit_log_.audit(event); }

  Result<std::vector<LoadRecord>> load_history() override {
    std::lock_guard<std::mutex> lock(store_mutex_);
    return ws_->store().loads();
  }

  web::LoadOutcome load(const std::vector<std::string>& paths, const std::string& user,
                        const std::function<void(const std::string&)>& progress) override {
    LoadOptions options;
    options.user = user;
    options.today = today();
    options.progress = progress;
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
  qa::MemoryAuditLog audit_log_;
  std::mutex store_mutex_;  // one connection: one caller at a time
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
