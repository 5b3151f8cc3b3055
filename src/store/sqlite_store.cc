// The embedded system of record: one SQLite file in WAL mode. See
// docs/store.md for the schema, its migrations and what a load costs.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <mutex>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "store/account_tables.h"
#include "store/group_commit.h"
#include "store/migrations.h"
#include "store/qa_replace.h"
#include "store/record_tables.h"
#include "store/sqlite.h"
#include "store/wal_checkpointer.h"
#include "store/store.h"

namespace beacon {
namespace {

std::string now_utc() { return clock::now_iso(); }

std::optional<Source> source_named(std::string_view name) {
  for (Source s : {Source::kCinCensus, Source::kSsda903, Source::kSsd, Source::kLocal})
    if (name == source_name(s)) return s;
  return std::nullopt;
}

// Creates the file readable and writable by its owner only: it holds
// children's case records. SQLite gives its -wal and -shm files the same mode.
Status create_private_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno != EEXIST)
      return Status::io_error("cannot create the store " + path + ": " + std::strerror(errno));
    // It exists — unless it is a link to nothing, which SQLite would create
    // with the default, wider, permissions.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
      return Status::io_error("cannot use the store " + path + ": " + std::strerror(errno));
    return Status::ok();
  }
  // The umask may have narrowed the mode further, never widened it; make it exact.
  (void)::fchmod(fd, 0600);
  ::close(fd);
  return Status::ok();
}

// One connection, one call at a time: the mutex lets threads (HTTP handlers,
// a load) share a store without seeing each other's half-done transactions.
class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite::Database db, std::optional<sqlite::Database> audit_reader,
              std::unique_ptr<store::WalCheckpointer> checkpointer)
      : db_(std::move(db)),
        audit_reader_(std::move(audit_reader)),
        checkpointer_(std::move(checkpointer)) {}

  Result<std::vector<Contribution>> contributions() override {
    std::lock_guard lock(mutex_);
    auto stmt = db_.prepare(
        "SELECT id, source, source_table, collection_year, as_of, carried, files "
        "FROM contributions ORDER BY id");
    if (!stmt) return stmt.status();
    std::vector<Contribution> out;
    for (;;) {
      auto row = stmt->step();
      if (!row) return row.status();
      if (!*row) return out;
      Contribution c;
      c.id = static_cast<int32_t>(stmt->int64(0));
      auto source = source_named(stmt->text(1));
      auto as_of = parse_date(stmt->text(4));
      auto carried = nlohmann::json::parse(stmt->text(5), nullptr, false);
      if (!source || !as_of || !read_carried(carried, c.carried))
        return Status::invalid_input("the store's contribution " + std::to_string(c.id) +
                                     " is unreadable (source, as_of or carried)");
      c.source = *source;
      c.table = stmt->text(2);
      c.collection_year = static_cast<int>(stmt->int64(3));
      c.as_of = *as_of;
      c.files = stmt->text(6);
      out.push_back(std::move(c));
    }
  }

  Result<CaseHistory> read_records(const std::set<std::string>* tables) override {
    std::lock_guard lock(mutex_);
    CaseHistory out;
    Status status;
    out.for_each_table([&](auto& table) {
      using R = typename std::decay_t<decltype(table)>::value_type;
      if (!status || (tables && !tables->count(R::kTable))) return;
      status = store::read_records(db_, table);
    });
    if (!status) return status;
    return out;
  }

  using Store::commit_load;
  Result<int64_t> commit_load(const Batch& batch, const LoadRecord& load,
                              const qa::QaHistory* qa) override {
    std::lock_guard lock(mutex_);
    std::map<std::string, const Contribution*> keys;
    for (const auto& c : batch.contributions) {
      auto [it, fresh] = keys.emplace(c.key(), &c);
      if (!fresh)
        return Status::invalid_input("two parts of one load are both " + c.key() + " (" +
                                     it->second->files + "; " + c.files + ")");
    }
    auto tx = sqlite::Transaction::begin(db_);
    if (!tx) return tx.status();

    auto add_load = db_.prepare(
        "INSERT INTO loads (at, user, files, summary, report_json) VALUES (?, ?, ?, ?, ?)");
    if (!add_load) return add_load.status();
    add_load->bind_text(1, load.at.empty() ? now_utc() : load.at);
    add_load->bind_text(2, load.user);
    add_load->bind_text(3, load.files);
    add_load->bind_text(4, load.summary);
    add_load->bind_text(5, load.report_json);
    if (auto s = add_load->run(); !s) return s;
    const int64_t load_id = db_.last_insert_rowid();

    // Deleting a contribution deletes its records (ON DELETE CASCADE).
    auto replace = db_.prepare("DELETE FROM contributions WHERE key = ?");
    auto add = db_.prepare(
        "INSERT INTO contributions (key, source, source_table, collection_year, as_of, carried, "
        "files, load_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!replace) return replace.status();
    if (!add) return add.status();
    std::vector<int64_t> ids;
    for (const auto& c : batch.contributions) {
      replace->bind_text(1, c.key());
      if (auto s = replace->run(); !s) return s;
      add->bind_text(1, c.key());
      add->bind_text(2, source_name(c.source));
      add->bind_text(3, c.table);
      add->bind(4, c.collection_year);
      add->bind_text(5, c.as_of.iso());
      add->bind_text(6, nlohmann::json(c.carried).dump());
      add->bind_text(7, c.files);
      add->bind(8, load_id);
      if (auto s = add->run(); !s) return s;
      ids.push_back(db_.last_insert_rowid());
    }

    Status status;
    batch.records.for_each_table([&](const auto& table) {
      if (status) status = store::insert_records(db_, table, ids);
    });
    if (!status) return status;
    // The QA tables of the same load: a failure here rolls back the records too.
    if (qa)
      if (auto s = store::replace_qa_records(db_, *qa); !s) return s;
    if (auto s = tx->commit(); !s) return s;
    return load_id;
  }

  Result<std::vector<LoadRecord>> loads() override {
    std::lock_guard lock(mutex_);
    auto stmt =
        db_.prepare("SELECT id, at, user, files, summary, report_json FROM loads ORDER BY id DESC");
    if (!stmt) return stmt.status();
    std::vector<LoadRecord> out;
    for (;;) {
      auto row = stmt->step();
      if (!row) return row.status();
      if (!*row) return out;
      out.push_back({stmt->int64(0), std::string(stmt->text(1)), std::string(stmt->text(2)),
                     std::string(stmt->text(3)), std::string(stmt->text(4)),
                     std::string(stmt->text(5))});
    }
  }

  Result<std::optional<std::string>> setting(const std::string& key) override {
    std::lock_guard lock(mutex_);
    auto stmt = db_.prepare("SELECT value FROM settings WHERE key = ?");
    if (!stmt) return stmt.status();
    stmt->bind_text(1, key);
    auto row = stmt->step();
    if (!row) return row.status();
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>(std::string(stmt->text(0)));
  }

  Status put_setting(const std::string& key, const std::string& value) override {
    std::lock_guard lock(mutex_);
    auto stmt = db_.prepare(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!stmt) return stmt.status();
    stmt->bind_text(1, key);
    stmt->bind_text(2, value);
    return stmt->run();
  }

  Result<std::vector<UserRecord>> users() override {
    std::lock_guard lock(mutex_);
    return store::read_users(db_);
  }
  Result<int64_t> add_user(const UserRecord& user) override {
    std::lock_guard lock(mutex_);
    return store::insert_user(db_, user, now_utc());
  }
  Status change_user(int64_t id, const UserChange& change) override {
    std::lock_guard lock(mutex_);
    return store::change_user(db_, id, change);
  }
  Result<SignInAttempt> count_sign_in_attempt(const std::string& name,
                                              const LockOutRule& rule) override {
    std::lock_guard lock(mutex_);
    return store::count_sign_in_attempt(db_, name, rule);
  }
  Result<bool> confirm_sign_in(int64_t id, const std::string& password_hash) override {
    std::lock_guard lock(mutex_);
    return store::confirm_sign_in(db_, id, password_hash);
  }
  Result<int64_t> append_audit(const AuditEntry& entry) override {
    return audit_.append(entry);
  }
  Result<std::vector<AuditEntry>> audit_entries(const AuditQuery& query) override {
    if (!audit_reader_) {
      std::lock_guard lock(mutex_);
      return store::read_audit(db_, query);
    }
    std::lock_guard lock(audit_reader_mutex_);
    return store::read_audit(*audit_reader_, query);
  }

 private:
  static bool read_carried(const nlohmann::json& j,
                           std::map<std::string, std::set<std::string>>& out) {
    if (!j.is_object()) return false;
    for (const auto& [table, fields] : j.items()) {
      if (!fields.is_array()) return false;
      auto& set = out[table];
      for (const auto& f : fields) {
        if (!f.is_string()) return false;
        set.insert(f.get<std::string>());
      }
    }
    return true;
  }

  std::mutex mutex_;
  sqlite::Database db_;
  // Lines from concurrent requests share a commit; see group_commit.h.
  store::AuditGroupCommit audit_{[this](std::span<const AuditEntry> lines) {
    std::lock_guard lock(mutex_);
    return store::insert_audit(db_, lines, now_utc());
  }};
  // Reading the audit trail has a connection of its own (a file store's
  // write-ahead log lets it read while db_ writes), so an administrator's
  // search does not hold up the audited views of everyone else.
  std::mutex audit_reader_mutex_;
  std::optional<sqlite::Database> audit_reader_;
  // Stopped before db_ closes, so the last connection to close is the one
  // that folds the log back in.
  std::unique_ptr<store::WalCheckpointer> checkpointer_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
  const bool in_memory = path == ":memory:";
  if (!in_memory)
    if (auto s = create_private_file(path); !s) return s;
  auto db = sqlite::Database::open(path);
  if (!db) return db.status();
  auto refuse = [&path](const Status& s) {
    return Status(s.code(), path + " cannot be used as a Beacon store: " + s.message());
  };
  // Checks and migrates before switching to WAL, which would write to a
  // file that turns out not to be a Beacon store.
  if (auto s = db->exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000"); !s)
    return refuse(s);
  if (auto s = store::migrate(*db); !s) return refuse(s);
  if (!in_memory) {
    auto mode = db->prepare("PRAGMA journal_mode = WAL");
    if (!mode) return refuse(mode.status());
    auto row = mode->step();
    if (!row) return refuse(row.status());
    bool wal = *row && mode->text(0) == "wal";
    mode->reset();
    if (!wal) return refuse(Status::io_error("the file system cannot hold its write-ahead log"));
  }
  // FULL: a committed load survives a power cut, not just a crash; it costs
  // one extra sync per load.
  if (auto s = db->exec("PRAGMA synchronous = FULL; PRAGMA cache_size = -16384"); !s)
    return refuse(s);
  if (auto s = store::sync_record_tables(*db); !s) return refuse(s);
  std::unique_ptr<store::WalCheckpointer> checkpointer;
  std::optional<sqlite::Database> audit_reader;
  if (!in_memory) {
    auto reader = sqlite::Database::open(path);
    if (!reader) return refuse(reader.status());
    if (auto s = reader->exec("PRAGMA query_only = ON; PRAGMA busy_timeout = 5000"); !s)
      return refuse(s);
    audit_reader = std::move(*reader);
    auto second = sqlite::Database::open(path);
    if (!second) return refuse(second.status());
    checkpointer = std::make_unique<store::WalCheckpointer>(std::move(*second),
                                                            std::chrono::milliseconds(250));
    // The commit path checkpoints only past 40 MB of log: a bound should the
    // checkpointer fall behind, no longer the usual way.
    if (auto s = db->exec("PRAGMA wal_autocheckpoint = 10000"); !s) return refuse(s);
  }
  return std::unique_ptr<Store>(
      new SqliteStore(std::move(*db), std::move(audit_reader), std::move(checkpointer)));
}

}  // namespace beacon
