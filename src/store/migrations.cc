#include "store/migrations.h"

#include <string>

namespace beacon::store {
namespace {

struct Migration {
  const char* what;
  const char* sql;
};

// Append only: a migration, once released, never changes.
constexpr Migration kMigrations[] = {
    // 1
    {"contributions and settings",
     "CREATE TABLE contributions (\n"
     "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
     "  key TEXT NOT NULL UNIQUE,        -- source/table/year: a reload replaces it\n"
     "  source TEXT NOT NULL,            -- cin-census, ssda903, ssd, local\n"
     "  source_table TEXT NOT NULL,\n"
     "  collection_year INTEGER NOT NULL,\n"
     "  as_of TEXT NOT NULL,             -- ISO date; the newer picture wins\n"
     "  carried TEXT NOT NULL,           -- JSON: {table: [field, ...]}\n"
     "  files TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"},
    // 2
    {"load history",
     "CREATE TABLE loads (\n"
     "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
     "  at TEXT NOT NULL,                -- ISO date-time, UTC\n"
     "  user TEXT NOT NULL,\n"
     "  files TEXT NOT NULL,\n"
     "  summary TEXT NOT NULL,\n"
     "  report_json TEXT NOT NULL\n"
     ");\n"
     "ALTER TABLE contributions ADD COLUMN load_id INTEGER REFERENCES loads(id);\n"},
    // 3
    {"users and the audit trail",
     "CREATE TABLE users (\n"
     "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
     "  name TEXT NOT NULL UNIQUE,\n"
     "  display_name TEXT NOT NULL,\n"
     "  roles TEXT NOT NULL,             -- comma-separated role ids\n"
     "  scope TEXT NOT NULL DEFAULT '',  -- worker, team, service or locality id\n"
     "  password_hash TEXT NOT NULL,     -- Argon2id\n"
     "  disabled INTEGER NOT NULL DEFAULT 0,\n"
     "  failed_sign_ins INTEGER NOT NULL DEFAULT 0,\n"
     "  locked_until INTEGER NOT NULL DEFAULT 0,  -- Unix seconds\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"
     // Users kept as a JSON setting before this migration move over; the
     // administrator of those days saw everything, so keeps data access.
     "INSERT INTO users (id, name, display_name, roles, password_hash, disabled, created_at)\n"
     "  SELECT json_extract(u.value, '$.id'), json_extract(u.value, '$.name'),\n"
     "         coalesce(json_extract(u.value, '$.display_name'), ''),\n"
     "         CASE coalesce(json_extract(u.value, '$.role'), 'administrator')\n"
     "           WHEN 'administrator' THEN 'performance-analyst,administrator'\n"
     "           ELSE json_extract(u.value, '$.role') END,\n"
     "         coalesce(json_extract(u.value, '$.password_hash'), ''),\n"
     "         coalesce(json_extract(u.value, '$.disabled'), 0),\n"
     "         strftime('%Y-%m-%dT%H:%M:%SZ', 'now')\n"
     "  FROM settings AS s, json_each(s.value) AS u\n"
     "  WHERE s.key = 'users' AND json_valid(s.value) AND json_type(s.value) = 'array'\n"
     "    AND json_extract(u.value, '$.name') IS NOT NULL;\n"
     "DELETE FROM settings WHERE key = 'users';\n"
     "CREATE TABLE audit_log (\n"
     "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
     "  at TEXT NOT NULL,                -- ISO date-time, UTC\n"
     "  user TEXT NOT NULL,\n"
     "  action TEXT NOT NULL,\n"
     "  object TEXT NOT NULL,\n"
     "  detail TEXT NOT NULL,\n"
     "  client TEXT NOT NULL             -- the client's address\n"
     ");\n"
     "CREATE INDEX audit_log_user ON audit_log (user, at);\n"
     // Append-only, whatever code runs against the file.
     "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
     "  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;\n"
     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
     "  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;\n"},
    // 4
    {"quality assurance (practice evaluations, moderation, recommendations, feedback, "
     "improvement plans)",
     "-- Each record is kept whole as JSON (body, qa/qa_json.h); the columns beside it\n"
     "-- are what lists filter and scope on. Ids are given by the store or by an import.\n"
     "CREATE TABLE qa_cycles (id INTEGER PRIMARY KEY, start TEXT NOT NULL, body TEXT NOT NULL);\n"
     "CREATE TABLE qa_evaluations (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  cycle_id INTEGER NOT NULL REFERENCES qa_cycles(id),\n"
     "  team_id TEXT NOT NULL,          -- the practitioner's team: scoping\n"
     "  child_id TEXT NOT NULL,\n"
     "  evaluator_id TEXT NOT NULL,\n"
     "  status TEXT NOT NULL,           -- assigned | draft | submitted\n"
     "  version INTEGER NOT NULL,       -- a stale write is refused\n"
     "  body TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX qa_evaluations_by_cycle ON qa_evaluations(cycle_id);\n"
     "CREATE TABLE qa_evaluation_versions (\n"
     "  evaluation_id INTEGER NOT NULL REFERENCES qa_evaluations(id),\n"
     "  version INTEGER NOT NULL,\n"
     "  body TEXT NOT NULL,             -- answers, who, when and why\n"
     "  PRIMARY KEY (evaluation_id, version)\n"
     ");\n"
     "CREATE TABLE qa_moderations (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  evaluation_id INTEGER NOT NULL UNIQUE REFERENCES qa_evaluations(id),\n"
     "  cycle_id INTEGER NOT NULL,\n"
     "  body TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE qa_recommendations (id INTEGER PRIMARY KEY, cycle_id INTEGER NOT NULL,\n"
     "  team_id TEXT NOT NULL, body TEXT NOT NULL);\n"
     "CREATE TABLE qa_complaints (id INTEGER PRIMARY KEY, team_id TEXT NOT NULL, body TEXT NOT NULL);\n"
     "CREATE TABLE qa_compliments (id INTEGER PRIMARY KEY, team_id TEXT NOT NULL, body TEXT NOT NULL);\n"
     "CREATE TABLE qa_survey_returns (id INTEGER PRIMARY KEY, team_id TEXT NOT NULL,\n"
     "  body TEXT NOT NULL);\n"
     "CREATE TABLE qa_plans (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n"
     "CREATE TABLE qa_plan_actions (id INTEGER PRIMARY KEY,\n"
     "  plan_id INTEGER NOT NULL REFERENCES qa_plans(id), team_id TEXT NOT NULL,\n"
     "  body TEXT NOT NULL);\n"},
    // 5
    {"a version number for the QA recommendations",
     "-- Bumped by every change to qa_recommendations, from any connection or process, so a\n"
     "-- server keeps the parsed list until it changes (store/qa_sqlite.cc).\n"
     "CREATE TABLE qa_recommendations_version (n INTEGER NOT NULL);\n"
     "INSERT INTO qa_recommendations_version (n) VALUES (0);\n"
     "CREATE TRIGGER qa_recommendations_added AFTER INSERT ON qa_recommendations\n"
     "  BEGIN UPDATE qa_recommendations_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_recommendations_changed AFTER UPDATE ON qa_recommendations\n"
     "  BEGIN UPDATE qa_recommendations_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_recommendations_removed AFTER DELETE ON qa_recommendations\n"
     "  BEGIN UPDATE qa_recommendations_version SET n = n + 1; END;\n"},
    // 6
    {"a version number for all the QA tables",
     "-- Bumped by every change to any QA table, from any connection or process, so the\n"
     "-- server keeps the parsed records until one changes (store/qa_sqlite.cc).\n"
     "CREATE TABLE qa_version (n INTEGER NOT NULL);\n"
     "INSERT INTO qa_version (n) VALUES (0);\n"
     "CREATE TRIGGER qa_version_qa_cycles_added AFTER INSERT ON qa_cycles BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_cycles_changed AFTER UPDATE ON qa_cycles BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_cycles_removed AFTER DELETE ON qa_cycles BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_evaluations_added AFTER INSERT ON qa_evaluations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_evaluations_changed AFTER UPDATE ON qa_evaluations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_evaluations_removed AFTER DELETE ON qa_evaluations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_evaluation_versions_added AFTER INSERT ON qa_evaluation_versions BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_evaluation_versions_changed AFTER UPDATE ON qa_evaluation_versions BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_evaluation_versions_removed AFTER DELETE ON qa_evaluation_versions BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_moderations_added AFTER INSERT ON qa_moderations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_moderations_changed AFTER UPDATE ON qa_moderations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_moderations_removed AFTER DELETE ON qa_moderations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_recommendations_added AFTER INSERT ON qa_recommendations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_recommendations_changed AFTER UPDATE ON qa_recommendations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_recommendations_removed AFTER DELETE ON qa_recommendations BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_complaints_added AFTER INSERT ON qa_complaints BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_complaints_changed AFTER UPDATE ON qa_complaints BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_complaints_removed AFTER DELETE ON qa_complaints BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_compliments_added AFTER INSERT ON qa_compliments BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_compliments_changed AFTER UPDATE ON qa_compliments BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_compliments_removed AFTER DELETE ON qa_compliments BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_survey_returns_added AFTER INSERT ON qa_survey_returns BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_survey_returns_changed AFTER UPDATE ON qa_survey_returns BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_survey_returns_removed AFTER DELETE ON qa_survey_returns BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_plans_added AFTER INSERT ON qa_plans BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_plans_changed AFTER UPDATE ON qa_plans BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_plans_removed AFTER DELETE ON qa_plans BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_plan_actions_added AFTER INSERT ON qa_plan_actions BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_plan_actions_changed AFTER UPDATE ON qa_plan_actions BEGIN UPDATE qa_version SET n = n + 1; END;\n"
     "CREATE TRIGGER qa_version_qa_plan_actions_removed AFTER DELETE ON qa_plan_actions BEGIN UPDATE qa_version SET n = n + 1; END;\n"},
    // 7
    {"indexes for reading the audit trail by user, action or date, newest first",
     "-- The audit page reads the newest lines matching a filter a page at a time\n"
     "-- (id < the last one shown), so each filter's index ends in the id.\n"
     "DROP INDEX audit_log_user;\n"
     "CREATE INDEX audit_log_user ON audit_log (user, id);\n"
     "CREATE INDEX audit_log_action ON audit_log (action, id);\n"
     "CREATE INDEX audit_log_at ON audit_log (at);\n"},
};

}  // namespace

int latest_schema_version() { return static_cast<int>(std::size(kMigrations)); }

Status migrate(sqlite::Database& db, int target) {
  auto version = db.query_int("PRAGMA user_version");
  if (!version) return version.status();
  auto app = db.query_int("PRAGMA application_id");
  if (!app) return app.status();
  if (*version == 0) {
    // A new file, or some other SQLite database that must not be written to.
    auto objects = db.query_int("SELECT count(*) FROM sqlite_schema");
    if (!objects) return objects.status();
    if (*objects > 0)
      return Status::invalid_input("it is an SQLite database but not a Beacon store");
  } else if (*app != kApplicationId) {
    return Status::invalid_input("it is an SQLite database but not a Beacon store");
  }
  if (*version > latest_schema_version())
    return Status::invalid_input("it was written by a newer Beacon (schema version " +
                                 std::to_string(*version) + "; this Beacon knows up to " +
                                 std::to_string(latest_schema_version()) + ")");
  for (int v = static_cast<int>(*version) + 1; v <= target; ++v) {
    auto tx = sqlite::Transaction::begin(db);
    if (!tx) return tx.status();
    const Migration& m = kMigrations[v - 1];
    if (auto s = db.exec(m.sql); !s)
      return Status(s.code(), "schema migration " + std::to_string(v) + " (" + m.what +
                                  ") failed: " + s.message());
    if (auto s = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                         "; PRAGMA user_version = " + std::to_string(v));
        !s)
      return s;
    if (auto s = tx->commit(); !s) return s;
  }
  return Status::ok();
}

}  // namespace beacon::store
