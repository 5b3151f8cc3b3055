#include "load/complete_load.h"

#include <chrono>
#include <cstdio>
#include <map>

#include "history/merge.h"

namespace beacon {
namespace {

LoadReport refuse(LoadReport report, std::string why) {
  report.ok = false;
  report.refused = std::move(why);
  return report;
}

// Two files making the same contribution (two CIN census files for one year,
// say) cannot both be loaded: the second would replace the first.
Problems duplicate_contributions(const Batch& batch) {
  Problems out;
  std::map<std::string, const Contribution*> seen;
  for (const auto& c : batch.contributions) {
    auto [it, fresh] = seen.emplace(c.key(), &c);
    if (fresh) continue;
    Problem p;
    p.file = c.files;
    p.message = "holds the same return or table as " + it->second->files + " (" + c.key() +
                "); load one of them";
    p.code = "load.same-contribution";
    out.push_back(std::move(p));
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Merges `state` before and after `batch` (leaving `state` as after) and
// reports the difference: per table, newly withdrawn records, new findings.
void report_changes(StoredState& state, const Batch& batch, LoadReport& report) {
  MergeResult before = merge_contributions(state.contributions, state.records);
  apply_batch(state, batch);
  MergeResult after = merge_contributions(state.contributions, state.records);
  const auto touched = tables_touched({}, batch);
  for (auto& [table, d] : diff_histories(before.history, after.history))
    if (touched.count(table) || d.added || d.changed || d.removed) report.changes[table] = d;

  // Withdrawals and merge findings this load brought about, not earlier ones.
  std::set<std::pair<std::string, std::string>> withdrawn_before;
  for (const auto& w : before.withdrawn) withdrawn_before.emplace(w.table, w.key);
  for (auto& w : after.withdrawn)
    if (!withdrawn_before.count({w.table, w.key})) report.withdrawn.push_back(std::move(w));
  std::set<std::string> findings_before;
  for (const auto& p : before.findings) findings_before.insert(p.to_string());
  Problems new_findings;
  for (auto& p : after.findings)
    if (!findings_before.count(p.to_string())) new_findings.push_back(std::move(p));
  add_problems(report, new_findings);
}

}  // namespace

std::string timing(std::chrono::steady_clock::time_point start, int64_t rows) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.1f s", seconds);
  std::string out = with_thousands(rows) + " rows in " + buf;
  if (seconds > 0) out += " (" + with_thousands(static_cast<int64_t>(rows / seconds)) + " rows/s)";
  return out;
}

LoadReport complete_load(Store& store, const Batch& batch, LoadReport report,
                         const LoadOptions& options, StoredState* stored) {
  report.dry_run = options.dry_run;
  if (!report.errors.empty() && !options.set_aside_bad_rows)
    return refuse(std::move(report),
                  with_thousands(static_cast<int64_t>(report.errors.size())) +
                      " problems in the input (listed below). Fix them and load again, or load "
                      "the good rows and set the bad ones aside.");
  if (auto dups = duplicate_contributions(batch); !dups.empty()) {
    report.errors.insert(report.errors.end(), dups.begin(), dups.end());
    return refuse(std::move(report), "two files hold the same return or table.");
  }
  if (batch.contributions.empty()) return refuse(std::move(report), "there is nothing to load.");

  auto start = std::chrono::steady_clock::now();
  StoredState state;
  if (stored) {
    state = std::move(*stored);
  } else {
    auto contributions = store.contributions();
    if (!contributions) return refuse(std::move(report), contributions.status().message());
    const auto tables = tables_touched(*contributions, batch);
    auto records = store.read_records(&tables);
    if (!records) return refuse(std::move(report), records.status().message());
    state = {std::move(*contributions), std::move(*records)};
    if (options.progress)
      options.progress("read the stored records it touches: " +
                       timing(start, static_cast<int64_t>(state.records.total_records())));
    start = std::chrono::steady_clock::now();
  }
  for (const auto& c : batch.contributions) {
    bool replaces = std::any_of(state.contributions.begin(), state.contributions.end(),
                                [&c](const Contribution& s) { return s.key() == c.key(); });
    report.contributions.push_back({c.key(), c.files, replaces});
  }

  report_changes(state, batch, report);
  if (options.progress)
    options.progress("merged with the stored history: " +
                     timing(start, static_cast<int64_t>(state.records.total_records())));
  state = {};

  report.ok = true;
  if (options.dry_run) return report;

  start = std::chrono::steady_clock::now();
  LoadRecord record{0, "", options.user, joined(report.files), report.summary(), report.to_json()};
  auto id = store.commit_load(batch, record, options.qa_history);
  if (!id) return refuse(std::move(report), "the store was not changed: " + id.status().message());
  report.load_id = *id;
  if (options.progress)
    options.progress("stored: " +
                     timing(start, static_cast<int64_t>(batch.records.total_records())));
  return report;
}

LoadReport load_batch(Store& store, const Batch& batch, const std::vector<std::string>& files,
                      const LoadOptions& options) {
  LoadReport report;
  report.files = files;
  report.read = batch.counts;
  report.notes = batch.notes;
  add_problems(report, batch.problems);
  return complete_load(store, batch, std::move(report), options, nullptr);
}

}  // namespace beacon
