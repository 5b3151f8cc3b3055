#include <pwd.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "core/clock.h"
#include "ingest/ssda903_year.h"
#include "load/inputs.h"
#include "load/load.h"
#include "load/qa_load.h"

namespace beacon::cli {
namespace {

// --year: "2024-25" (or 2024_25, 2024-2025) → 2024; anything else → nullopt.
std::optional<int> parse_year_option(const std::string& text) {
  if (text.find_first_not_of("0123456789-_") != std::string::npos) return std::nullopt;
  return financial_year_in(text);
}

std::string user_name() {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
  if (const char* u = std::getenv("USER")) return u;
  return "unknown";
}

Date today() { return clock::today(); }

void remove_store_files(const std::string& db) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ignored);
}

}  // namespace

void add_load_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::string db;
    std::vector<std::string> inputs;
    std::string year;
    bool dry_run = false;
    bool set_aside_bad_rows = false;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("load", "Load files into the store (all or nothing)");
  cmd->add_option("--db", options->db, "The store (an SQLite file; created if missing)")
      ->required();
  cmd->add_option("inputs", options->inputs, "Files or folders (read recursively) to load")
      ->required();
  cmd->add_option("--year", options->year,
                  "Collection year of SSDA903 CSV tables, e.g. 2024-25 (April 2024 to March 2025)");
  cmd->add_flag("--dry-run", options->dry_run, "Report what the load would change; write nothing");
  cmd->add_flag("--set-aside-bad-rows", options->set_aside_bad_rows,
                "Load the good rows and list the bad ones, instead of refusing the load");
  cmd->callback([options, &exit_code] {
    LoadOptions o;
    if (!options->year.empty()) {
      o.year = parse_year_option(options->year);
      if (!o.year) {
        std::cerr << "beacon load: --year " << options->year
                  << " is not a financial year written like 2024-25\n";
        exit_code = 2;
        return;
      }
    }
    o.dry_run = options->dry_run;
    o.set_aside_bad_rows = options->set_aside_bad_rows;
    o.user = user_name();
    o.today = today();
    if (::isatty(STDERR_FILENO))
      o.progress = [](const std::string& line) { std::cerr << "  " << line << std::endl; };

    std::error_code ec;
    const bool existed = std::filesystem::exists(options->db, ec);
    // A dry run against a store not yet made must not make one.
    auto store = open_sqlite_store(options->dry_run && !existed ? ":memory:" : options->db);
    if (!store) {
      std::cerr << "beacon load: " << store.status().message() << "\n";
      exit_code = 1;
      return;
    }
    // QA tables (qa_*.csv) are read and checked first, so bad QA input
    // refuses the whole call before anything is written; with case records
    // they are then committed in the records' transaction (all or nothing).
    const std::vector<std::string> qa_tables = find_qa_tables(options->inputs);
    std::vector<std::string> inputs;
    for (const auto& i : options->inputs) {
      if (is_qa_table(i)) continue;
      // A folder of QA tables only has no case records to load.
      if (std::filesystem::is_directory(i, ec) && expand_inputs({i}).files.empty() && !find_qa_tables({i}).empty())
        continue;
      inputs.push_back(i);
    }
    bool ok = true;
    QaLoadReport qa_report;
    std::optional<qa::QaHistory> qa_history;
    if (!qa_tables.empty()) {
      qa_history = read_qa_history(qa_tables, options->dry_run, qa_report);
      ok = qa_history.has_value();
      if (!ok) std::cout << qa_report.to_text();
    }
    if (ok && !inputs.empty()) {
      o.qa_history = qa_history ? &*qa_history : nullptr;
      LoadReport report = load_files(**store, inputs, o);
      if (report.ok && report.load_id > 0)
        (void)(*store)->append_audit({0, "", o.user, "load", "load " + std::to_string(report.load_id),
                                      report.summary(), "command line"});
      std::cout << report.to_text();
      if (!report.ok && !report.errors.empty() && !o.set_aside_bad_rows)
        std::cout << "To load the good rows and set the bad ones aside: beacon load "
                     "--set-aside-bad-rows\n";
      ok = report.ok;
      qa_report.ok = ok;
      if (ok && qa_history) std::cout << qa_report.to_text();
    }
    store->reset();
    if (ok && qa_history && inputs.empty()) {
      // QA tables alone: replace_all is one transaction of its own.
      qa_report = load_qa_tables(qa_tables, options->dry_run && !existed ? ":memory:" : options->db,
                                 options->dry_run);
      std::cout << qa_report.to_text();
      ok = qa_report.ok;
    }
    if (!ok && !existed && !options->dry_run) remove_store_files(options->db);
    exit_code = ok ? 0 : 1;
  });
}

}  // namespace beacon::cli
