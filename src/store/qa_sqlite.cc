// QA records in SQLite: one table per kind, each row the record's JSON
// with the columns lists filter on (migration "quality assurance").
#include "store/qa_sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <mutex>
#include <variant>

#include "qa/qa_json.h"
#include "store/migrations.h"
#include "store/qa_replace.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace beacon {
namespace {

using nlohmann::json;
using Value = std::variant<int64_t, std::string>;

using Columns = std::vector<std::pair<std::string, Value>>;

void bind(sqlite::Statement& s, int i, const Value& v) {
  if (const auto* n = std::get_if<int64_t>(&v))
    s.bind(i, *n);
  else
    s.bind_text(i, std::get<std::string>(v));
}

// Inserts a row; `id` 0 lets SQLite choose. The body is stored with its id.
Result<int64_t> insert(sqlite::Database& db, const std::string& table, const Columns& columns,
                       json body, int64_t id) {
  std::string names = "id, body", marks = "?1, ?2";
  for (size_t i = 0; i < columns.size(); ++i) {
    names += ", " + columns[i].first;
    marks += ", ?" + std::to_string(i + 3);
  }
  auto stmt = db.prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
  if (!stmt) return stmt.status();
  if (id > 0)
    stmt->bind(1, id);
  else
    stmt->bind_null(1);
  stmt->bind_text(2, body.dump());
  for (size_t i = 0; i < columns.size(); ++i)
    bind(*stmt, static_cast<int>(i + 3), columns[i].second);
  if (auto st = stmt->run(); !st) return st;
  int64_t new_id = db.last_insert_rowid();
  if (id <= 0) {
    // Keep the id inside the body too, so a record read back is whole.
    body["id"] = new_id;
    auto fix = db.prepare("UPDATE " + table + " SET body = ?2 WHERE id = ?1");
    if (!fix) return fix.status();
    fix->bind(1, new_id);
    fix->bind_text(2, body.dump());
    if (auto st = fix->run(); !st) return st;
  }
  return new_id;
}

Result<int64_t> insert_evaluation(sqlite::Database& db, const qa::Evaluation& e) {
  return insert(db, "qa_evaluations",
                {{"cycle_id", e.cycle_id},
                 {"team_id", e.team_id},
                 {"child_id", e.child_id},
                 {"evaluator_id", e.evaluator_id},
                 {"status", std::string(qa::evaluation_status_name(e.status))},
                 {"version", int64_t{e.version}}},
                qa::to_json(e), e.id);
}

Status add_version(sqlite::Database& db, int64_t evaluation_id, const qa::EvaluationVersion& v) {
  auto stmt = db.prepare(
      "INSERT INTO qa_evaluation_versions (evaluation_id, version, body) VALUES (?1, ?2, ?3)");
  if (!stmt) return stmt.status();
  stmt->bind(1, evaluation_id);
  stmt->bind(2, v.version);
  stmt->bind_text(3, qa::to_json(v).dump());
  return stmt->run();
}

class SqliteQaStore final : public qa::QaStore {
 public:
  explicit SqliteQaStore(sqlite::Database db) : db_(std::move(db)) {}

  Result<int64_t> add_cycle(const qa::Cycle& c) override {
    std::lock_guard lock(mutex_);
    return insert(db_, "qa_cycles", {{"start", c.start.iso()}}, qa::to_json(c), c.id);
  }
  Status update_cycle(const qa::Cycle& c) override {
    std::lock_guard lock(mutex_);
    return update("qa_cycles", c.id, {{"start", c.start.iso()}}, qa::to_json(c));
  }
  Result<std::vector<qa::Cycle>> cycles() override {
    std::lock_guard lock(mutex_);
    return read<qa::Cycle>("SELECT id, body FROM qa_cycles ORDER BY start, id", {});
  }
  Result<std::optional<qa::Cycle>> cycle(int64_t id) override {
    std::lock_guard lock(mutex_);
    return one<qa::Cycle>("SELECT id, body FROM qa_cycles WHERE id = ?1", id);
  }

  Result<std::vector<int64_t>> add_evaluations(const std::vector<qa::Evaluation>& es) override {
    std::lock_guard lock(mutex_);
    auto tx = sqlite::Transaction::begin(db_);
    if (!tx) return tx.status();
    std::vector<int64_t> ids;
    for (const auto& e : es) {
      auto id = insert_evaluation(db_, e);
      if (!id) return id.status();
      ids.push_back(*id);
    }
    if (auto st = tx->commit(); !st) return st;
    return ids;
  }
  Result<std::vector<qa::Evaluation>> evaluations(const qa::EvaluationFilter& f,
                                                  const qa::UnitScope& scope) override {
    std::lock_guard lock(mutex_);
    auto all = kept_rows(evaluations_, "SELECT id, body FROM qa_evaluations ORDER BY id");
    if (!all) return all.status();
    std::vector<qa::Evaluation> out;
    for (const auto& e : **all)
      if ((f.cycle_id == 0 || e.cycle_id == f.cycle_id) &&
          (f.evaluator_id.empty() || e.evaluator_id == f.evaluator_id) &&
          (f.child_id.empty() || e.child_id == f.child_id) &&
          scope.allows_record(e.team_id, e.child_id, e.evaluator_id))
        out.push_back(e);
    return out;
  }
  Result<std::optional<qa::Evaluation>> evaluation(int64_t id) override {
    std::lock_guard lock(mutex_);
    return one<qa::Evaluation>("SELECT id, body FROM qa_evaluations WHERE id = ?1", id);
  }
  Status save_evaluation(const qa::Evaluation& e, const qa::Evaluation& as_read,
                         const qa::EvaluationVersion* version) override {
    std::lock_guard lock(mutex_);
    auto tx = sqlite::Transaction::begin(db_);
    if (!tx) return tx.status();
    auto stmt = db_.prepare(
        "UPDATE qa_evaluations SET team_id = ?2, child_id = ?3, evaluator_id = ?4, status = ?5, "
        "version = ?6, body = ?7 WHERE id = ?1 AND status = ?8 AND version = ?9");
    if (!stmt) return stmt.status();
    stmt->bind(1, e.id);
    stmt->bind_text(2, e.team_id);
    stmt->bind_text(3, e.child_id);
    stmt->bind_text(4, e.evaluator_id);
    stmt->bind_text(5, qa::evaluation_status_name(e.status));
    stmt->bind(6, e.version);
    stmt->bind_text(7, qa::to_json(e).dump());
    stmt->bind_text(8, qa::evaluation_status_name(as_read.status));
    stmt->bind(9, as_read.version);
    if (auto st = stmt->run(); !st) return st;
    if (sqlite3_changes(db_.handle()) == 0)
      return Status::conflict("the evaluation changed since it was opened (or is gone); reload it");
    if (version)
      if (auto st = add_version(db_, e.id, *version); !st) return st;
    return tx->commit();
  }
  Result<std::vector<qa::EvaluationVersion>> versions(int64_t evaluation_id) override {
    std::lock_guard lock(mutex_);
    auto stmt = db_.prepare(
        "SELECT body FROM qa_evaluation_versions WHERE evaluation_id = ?1 ORDER BY version");
    if (!stmt) return stmt.status();
    stmt->bind(1, evaluation_id);
    std::vector<qa::EvaluationVersion> out;
    for (;;) {
      auto row = stmt->step();
      if (!row) return row.status();
      if (!*row) return out;
      qa::EvaluationVersion v;
      if (!qa::from_json(json::parse(stmt->text(0), nullptr, false), v))
        return Status::internal("a stored evaluation version is unreadable");
      out.push_back(std::move(v));
    }
  }

  Result<int64_t> add_moderation(const qa::Moderation& m) override {
    std::lock_guard lock(mutex_);
    auto done =
        count("SELECT count(*) FROM qa_moderations WHERE evaluation_id = ?1", m.evaluation_id);
    if (!done) return done.status();
    if (*done > 0) return Status::conflict("this evaluation has already been moderated");
    return insert(db_, "qa_moderations",
                  {{"evaluation_id", m.evaluation_id}, {"cycle_id", m.cycle_id}}, qa::to_json(m),
                  m.id);
  }
  Result<std::vector<qa::Moderation>> moderations(int64_t cycle_id) override {
    std::lock_guard lock(mutex_);
    auto all = kept_rows(moderations_, "SELECT id, body FROM qa_moderations ORDER BY id");
    if (!all) return all.status();
    std::vector<qa::Moderation> out;
    for (const auto& m : **all)
      if (cycle_id == 0 || m.cycle_id == cycle_id) out.push_back(m);
    return out;
  }

  Result<int64_t> add_recommendation(const qa::Recommendation& r) override {
    std::lock_guard lock(mutex_);
    return insert(db_, "qa_recommendations", {{"cycle_id", r.cycle_id}, {"team_id", r.team_id}},
                  qa::to_json(r), r.id);
  }
  Status update_recommendation(const qa::Recommendation& r) override {
    std::lock_guard lock(mutex_);
    return update("qa_recommendations", r.id, {{"cycle_id", r.cycle_id}, {"team_id", r.team_id}},
                  qa::to_json(r));
  }
  // Every worklist view lists the open recommendations, and parsing their
  // JSON was most of its cost: the parsed list is kept until the table
  // changes, through this connection or any other (a load, a second process).
  Result<std::vector<qa::Recommendation>> recommendations(const qa::UnitScope& scope) override {
    std::lock_guard lock(mutex_);
    auto version = read_recommendations_version();
    if (!version) return version.status();
    if (!recommendations_ || *version != recommendations_version_) {
      auto all = read<qa::Recommendation>("SELECT id, body FROM qa_recommendations ORDER BY id", {});
      if (!all) return all.status();
      recommendations_ = std::move(*all);
      recommendations_version_ = *version;
    }
    std::vector<qa::Recommendation> out;
    for (const auto& r : *recommendations_)
      if (scope.allows_record(r.team_id, r.child_id)) out.push_back(r);
    return out;
  }
  // Bumped by triggers on every change to any QA table (migration 6).
  Result<int64_t> version() override {
    std::lock_guard lock(mutex_);
    return db_.query_int("SELECT n FROM qa_version");
  }
  // Bumped by triggers on every change to the table (migration 5).
  Result<int64_t> recommendations_version() override {
    std::lock_guard lock(mutex_);
    return read_recommendations_version();
  }
  Result<std::optional<qa::Recommendation>> recommendation(int64_t id) override {
    std::lock_guard lock(mutex_);
    return one<qa::Recommendation>("SELECT id, body FROM qa_recommendations WHERE id = ?1", id);
  }

  Result<int64_t> add_complaint(const qa::Complaint& c) override {
    std::lock_guard lock(mutex_);
    return insert(db_, "qa_complaints", {{"team_id", c.team_id}}, qa::to_json(c), c.id);
  }
  Status update_complaint(const qa::Complaint& c) override {
    std::lock_guard lock(mutex_);
    return update("qa_complaints", c.id, {{"team_id", c.team_id}}, qa::to_json(c));
  }
  Result<std::vector<qa::Complaint>> complaints(const qa::UnitScope& scope) override {
    std::lock_guard lock(mutex_);
    return kept_in_scope(complaints_, "SELECT id, body FROM qa_complaints ORDER BY id", scope);
  }
  Result<int64_t> add_compliment(const qa::Compliment& c) override {
    std::lock_guard lock(mutex_);
    return insert(db_, "qa_compliments", {{"team_id", c.team_id}}, qa::to_json(c), c.id);
  }
  Result<std::vector<qa::Compliment>> compliments(const qa::UnitScope& scope) override {
    std::lock_guard lock(mutex_);
    return kept_in_scope(compliments_, "SELECT id, body FROM qa_compliments ORDER BY id", scope);
  }
  Result<int64_t> add_survey_return(const qa::SurveyReturn& s) override {
    std::lock_guard lock(mutex_);
    return insert(db_, "qa_survey_returns", {{"team_id", s.team_id}}, qa::to_json(s), s.id);
  }
  Result<std::vector<qa::SurveyReturn>> survey_returns(const qa::UnitScope& scope) override {
    std::lock_guard lock(mutex_);
    return kept_in_scope(survey_returns_, "SELECT id, body FROM qa_survey_returns ORDER BY id", scope);
  }

  Result<int64_t> add_plan(const qa::ImprovementPlan& p) override {
    std::lock_guard lock(mutex_);
    return insert(db_, "qa_plans", {}, qa::to_json(p), p.id);
  }
  Result<std::vector<qa::ImprovementPlan>> plans() override {
    std::lock_guard lock(mutex_);
    return read<qa::ImprovementPlan>("SELECT id, body FROM qa_plans ORDER BY id", {});
  }
  Result<int64_t> add_action(const qa::PlanAction& a) override {
    std::lock_guard lock(mutex_);
    return insert(db_, "qa_plan_actions", {{"plan_id", a.plan_id}, {"team_id", a.team_id}},
                  qa::to_json(a), a.id);
  }
  Status update_action(const qa::PlanAction& a) override {
    std::lock_guard lock(mutex_);
    return update("qa_plan_actions", a.id, {{"plan_id", a.plan_id}, {"team_id", a.team_id}},
                  qa::to_json(a));
  }
  Result<std::vector<qa::PlanAction>> actions(int64_t plan_id,
                                              const qa::UnitScope& scope) override {
    std::lock_guard lock(mutex_);
    qa::UnitScope with_organisation = scope;
    if (!scope.everything) with_organisation.units.insert("");
    auto all = read<qa::PlanAction>(
        "SELECT id, body, team_id FROM qa_plan_actions WHERE ?1 = 0 OR plan_id = ?1 ORDER BY id",
        {plan_id}, &with_organisation);
    if (!all) return all;
    // Numbered order: 1.2 before 1.10.
    std::stable_sort(
        all->begin(), all->end(), [](const qa::PlanAction& x, const qa::PlanAction& y) {
          auto key = [](const std::string& n) {
            size_t dot = n.find('.');
            auto to_int = [](const std::string& s) {
              return s.empty() || s.size() > 9 ||
                             s.find_first_not_of("0123456789") != std::string::npos
                         ? 0
                         : std::stoi(s);
            };
            return std::pair(to_int(n.substr(0, dot)),
                             dot == std::string::npos ? 0 : to_int(n.substr(dot + 1)));
          };
          return x.plan_id != y.plan_id ? x.plan_id < y.plan_id : key(x.number) < key(y.number);
        });
    return all;
  }

  Status replace_all(const qa::QaHistory& h) override {
    std::lock_guard lock(mutex_);
    auto tx = sqlite::Transaction::begin(db_);
    if (!tx) return tx.status();
    if (auto st = store::replace_qa_records(db_, h); !st) return st;
    return tx->commit();
  }

 private:
  Status update(const std::string& table, int64_t id, const Columns& columns, const json& body) {
    std::string sets = "body = ?2";
    for (size_t i = 0; i < columns.size(); ++i)
      sets += ", " + columns[i].first + " = ?" + std::to_string(i + 3);
    auto stmt = db_.prepare("UPDATE " + table + " SET " + sets + " WHERE id = ?1");
    if (!stmt) return stmt.status();
    stmt->bind(1, id);
    stmt->bind_text(2, body.dump());
    for (size_t i = 0; i < columns.size(); ++i)
      bind(*stmt, static_cast<int>(i + 3), columns[i].second);
    if (auto st = stmt->run(); !st) return st;
    if (sqlite3_changes(db_.handle()) == 0)
      return Status::not_found("no such record (" + table + " " + std::to_string(id) + ")");
    return Status::ok();
  }

  // Every row of a table, parsed, kept until any QA table changes (the
  // version triggers bump, migration 6): the QA pages list whole tables on
  // every view, and parsing each record's JSON again was most of their cost.
  template <class T>
  struct Kept {
    std::optional<std::vector<T>> rows;
    int64_t version = -1;
  };
  template <class T>
  Result<const std::vector<T>*> kept_rows(Kept<T>& kept, const char* sql) {
    auto now = db_.query_int("SELECT n FROM qa_version");
    if (!now) return now.status();
    const int64_t version = *now;
    if (!kept.rows || kept.version != version) {
      auto rows = read<T>(sql, {});
      if (!rows) return rows.status();
      kept.rows = std::move(*rows);
      kept.version = version;
    }
    return &*kept.rows;
  }
  template <class T>
  Result<std::vector<T>> kept_in_scope(Kept<T>& kept, const char* sql, const qa::UnitScope& scope) {
    auto all = kept_rows(kept, sql);
    if (!all) return all.status();
    std::vector<T> out;
    for (const auto& r : **all) {
      std::string child;
      if constexpr (requires { r.child_id; }) child = r.child_id;
      if (scope.allows_record(r.team_id, child)) out.push_back(r);
    }
    return out;
  }

  Result<int64_t> read_recommendations_version() {
    return db_.query_int("SELECT n FROM qa_recommendations_version");
  }

  Result<int64_t> count(const std::string& sql, int64_t arg) {
    auto stmt = db_.prepare(sql);
    if (!stmt) return stmt.status();
    stmt->bind(1, arg);
    auto row = stmt->step();
    if (!row) return row.status();
    return *row ? stmt->int64(0) : 0;
  }

  // Rows of (id, body[, unit]) as records; with `scope`, only rows whose third
  // column (the unit) it allows.
  template <class T>
  Result<std::vector<T>> read(const std::string& sql, const std::vector<Value>& args,
                              const qa::UnitScope* scope = nullptr) {
    auto stmt = db_.prepare(sql);
    if (!stmt) return stmt.status();
    for (size_t i = 0; i < args.size(); ++i) bind(*stmt, static_cast<int>(i + 1), args[i]);
    std::vector<T> out;
    for (;;) {
      auto row = stmt->step();
      if (!row) return row.status();
      if (!*row) return out;
      if (scope && !scope->allows(std::string(stmt->text(2)))) continue;
      T record;
      if (!qa::from_json(json::parse(stmt->text(1), nullptr, false), record))
        return Status::internal("a stored QA record is unreadable (id " +
                                std::to_string(stmt->int64(0)) + ")");
      record.id = stmt->int64(0);
      out.push_back(std::move(record));
    }
  }

  template <class T>
  Result<std::optional<T>> one(const std::string& sql, int64_t id) {
    auto all = read<T>(sql, {id});
    if (!all) return all.status();
    if (all->empty()) return std::optional<T>();
    return std::optional<T>(std::move(all->front()));
  }

  sqlite::Database db_;
  std::mutex mutex_;
  Kept<qa::Evaluation> evaluations_;
  Kept<qa::Moderation> moderations_;
  Kept<qa::Complaint> complaints_;
  Kept<qa::Compliment> compliments_;
  Kept<qa::SurveyReturn> survey_returns_;
  std::optional<std::vector<qa::Recommendation>> recommendations_;
  int64_t recommendations_version_ = 0;
};

}  // namespace

namespace store {

Status replace_qa_records(sqlite::Database& db, const qa::QaHistory& h) {
  for (const char* t : {"qa_evaluation_versions", "qa_moderations", "qa_recommendations",
                        "qa_complaints", "qa_compliments", "qa_survey_returns", "qa_plan_actions",
                        "qa_plans", "qa_evaluations", "qa_cycles"})
    if (auto st = db.exec(std::string("DELETE FROM ") + t); !st) return st;
  auto check = [](const Result<int64_t>& r) { return r.status(); };
  for (const auto& c : h.cycles)
    if (auto st = check(insert(db, "qa_cycles", {{"start", c.start.iso()}}, qa::to_json(c), c.id));
        !st)
      return st;
  for (const auto& e : h.evaluations) {
    if (auto st = check(insert_evaluation(db, e)); !st) return st;
    if (e.status == qa::EvaluationStatus::kSubmitted)
      if (auto st = add_version(
              db, e.id, {e.version, e.submitted_at, e.evaluator_id, "submitted", e.answers});
          !st)
        return st;
  }
  for (const auto& m : h.moderations)
    if (auto st = check(insert(db, "qa_moderations",
                               {{"evaluation_id", m.evaluation_id}, {"cycle_id", m.cycle_id}},
                               qa::to_json(m), m.id));
        !st)
      return st;
  for (const auto& r : h.recommendations)
    if (auto st =
            check(insert(db, "qa_recommendations",
                         {{"cycle_id", r.cycle_id}, {"team_id", r.team_id}}, qa::to_json(r), r.id));
        !st)
      return st;
  for (const auto& c : h.complaints)
    if (auto st =
            check(insert(db, "qa_complaints", {{"team_id", c.team_id}}, qa::to_json(c), c.id));
        !st)
      return st;
  for (const auto& c : h.compliments)
    if (auto st =
            check(insert(db, "qa_compliments", {{"team_id", c.team_id}}, qa::to_json(c), c.id));
        !st)
      return st;
  for (const auto& s : h.survey_returns)
    if (auto st =
            check(insert(db, "qa_survey_returns", {{"team_id", s.team_id}}, qa::to_json(s), s.id));
        !st)
      return st;
  for (const auto& p : h.plans)
    if (auto st = check(insert(db, "qa_plans", {}, qa::to_json(p), p.id)); !st) return st;
  for (const auto& a : h.actions)
    if (auto st =
            check(insert(db, "qa_plan_actions", {{"plan_id", a.plan_id}, {"team_id", a.team_id}},
                         qa::to_json(a), a.id));
        !st)
      return st;
  return Status::ok();
}

}  // namespace store

Result<std::unique_ptr<qa::QaStore>> open_sqlite_qa_store(const std::string& path) {
  // The Store creates the file with owner-only permissions and switches it to
  // WAL; opening it first keeps that in one place.
  if (path != ":memory:") {
    auto store = open_sqlite_store(path);
    if (!store) return store.status();
  }
  auto db = sqlite::Database::open(path);
  if (!db) return db.status();
  if (auto s = db->exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000"); !s) return s;
  if (auto s = store::migrate(*db); !s) return s;
  return std::unique_ptr<qa::QaStore>(new SqliteQaStore(std::move(*db)));
}

}  // namespace beacon
