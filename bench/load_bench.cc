// How long a load takes, and how the cost grows with the size of the store:
// commit_load (SQLite insert), merge_contributions, the whole load_batch
// (read what is stored, merge before and after, diff, commit), and the whole
// `beacon load` of a generated organisation.
//
//   build/bench/bench/load_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdio>

#include "history/merge.h"
#include "load/load.h"
#include "store/test_support.h"
#include "synth/generate.h"
#include "synthetic_batch.h"

namespace beacon::bench {
namespace {

std::unique_ptr<Store> fresh_store(const testing::TempDir& dir, int n) {
  auto store = open_sqlite_store(dir.file("bench" + std::to_string(n) + ".db"));
  if (!store) std::abort();
  return std::move(store).value();
}

void set_rate(benchmark::State& state, int64_t rows) {
  state.SetItemsProcessed(state.iterations() * rows);
  state.counters["rows"] = static_cast<double>(rows);
}

// Inserting one batch into an empty store: one transaction.
void BM_CommitLoad(benchmark::State& state) {
  const Batch batch = synthetic_returns(state.range(0), 2024);
  const auto rows = static_cast<int64_t>(batch.records.total_records());
  testing::TempDir dir;
  int n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto store = fresh_store(dir, n++);
    state.ResumeTiming();
    auto id = store->commit_load(batch, {});
    if (!id) state.SkipWithError(id.status().message().c_str());
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  set_rate(state, rows);
}
BENCHMARK(BM_CommitLoad)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

// Merging two years' returns into the effective history.
void BM_Merge(benchmark::State& state) {
  Batch all = synthetic_returns(state.range(0) / 2, 2023);
  all.append(synthetic_returns(state.range(0) / 2, 2024));
  for (size_t i = 0; i < all.contributions.size(); ++i)
    all.contributions[i].id = static_cast<int32_t>(i);
  const auto rows = static_cast<int64_t>(all.records.total_records());
  for (auto _ : state) {
    auto merged = merge_contributions(all.contributions, all.records);
    benchmark::DoNotOptimize(merged.history.cin_episodes.data());
  }
  set_rate(state, rows);
}
BENCHMARK(BM_Merge)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(2);

// A second year's load on a store holding the first: reads the touched
// tables, merges before and after, diffs and commits.
void BM_LoadSecondYear(benchmark::State& state) {
  const Batch first = synthetic_returns(state.range(0), 2023);
  const Batch second = synthetic_returns(state.range(0), 2024);
  const auto rows = static_cast<int64_t>(second.records.total_records());
  testing::TempDir dir;
  int n = 0;
  LoadOptions options;
  // The phases, on stderr: where the time goes.
  options.progress = [](const std::string& line) { std::fprintf(stderr, "  %s\n", line.c_str()); };
  for (auto _ : state) {
    state.PauseTiming();
    auto store = fresh_store(dir, n++);
    if (!store->commit_load(first, {})) std::abort();
    state.ResumeTiming();
    auto report = load_batch(*store, second, {"second"}, options);
    if (!report.ok) state.SkipWithError(report.refused.c_str());
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  set_rate(state, rows);
}
BENCHMARK(BM_LoadSecondYear)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The whole `beacon load` of a generated organisation (every file format, five
// years of returns, the SSD extract and local tables) into an empty store.
// The argument is the generator's scale in percent: 100 is the reference trust.
void BM_LoadGeneratedOrganisation(benchmark::State& state) {
  testing::TempDir dir;
  synth::Options o;
  o.scale = static_cast<double>(state.range(0)) / 100;
  auto generated = synth::generate(o, dir.file("org"));
  if (!generated) {
    state.SkipWithError(generated.status().message().c_str());
    return;
  }
  LoadOptions options;
  options.today = o.as_at;
  options.progress = [](const std::string& line) { std::fprintf(stderr, "  %s\n", line.c_str()); };
  int64_t rows = 0;
  int n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto store = fresh_store(dir, n++);
    state.ResumeTiming();
    auto report = load_files(*store, {dir.file("org")}, options);
    if (!report.ok) state.SkipWithError(report.refused.c_str());
    rows = 0;
    for (const auto& [_, c] : report.read) rows += c.read;
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  set_rate(state, rows);
}
BENCHMARK(BM_LoadGeneratedOrganisation)
    ->Arg(25)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace beacon::bench

BENCHMARK_MAIN();
