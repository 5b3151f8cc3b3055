// How fast the figures come: the scorecard for a date nobody has asked for
// yet (every indicator, 24 monthly points), one indicator with its
// drill-through, a breakdown, and worklists — on the reference organisation.
//
//   build/bench/bench/engine_bench --benchmark_counters_tabular=true
//
// "CPU" is the whole process's CPU time (the cold scorecard uses two
// threads): on a shared machine it says more than the wall time, which
// counts the time other programs held the cores.
//
// BEACON_BENCH_DB=path/to/beacon.db reads a loaded store (e.g. the one
// bench/http/run.sh makes); otherwise the organisation is generated at
// BEACON_BENCH_SCALE (default 1.0) and loaded into memory first.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "history/merge.h"
#include "indicators/scorecard.h"
#include "load/load.h"
#include "store/test_support.h"
#include "synth/generate.h"
#include "worklists/worklist.h"

namespace beacon::bench {
namespace {

std::shared_ptr<const CaseIndex> read_index(Store& store) {
  auto contributions = store.contributions();
  auto records = store.read_records();
  if (!contributions || !records) std::abort();
  MergeResult merged = merge_contributions(*contributions, *records);
  return std::make_shared<const CaseIndex>(std::move(merged.history));
}

// The organisation, read once for the whole program.
const std::shared_ptr<const CaseIndex>& organisation() {
  static const std::shared_ptr<const CaseIndex> index = [] {
    if (const char* db = std::getenv("BEACON_BENCH_DB")) {
      auto store = open_sqlite_store(db);
      if (!store) std::abort();
      return read_index(**store);
    }
    testing::TempDir dir;
    synth::Options o;
    if (const char* scale = std::getenv("BEACON_BENCH_SCALE")) o.scale = std::atof(scale);
    if (!synth::generate(o, dir.file("org"))) std::abort();
    auto store = std::move(open_sqlite_store(":memory:")).value();
    LoadOptions options;
    options.today = o.as_at;
    if (!load_files(*store, {dir.file("org")}, options).ok) std::abort();
    return read_index(*store);
  }();
  return index;
}

Date latest_month_end() {
  Date d = organisation()->latest_date().value_or(*Date::from_ymd(2026, 3, 31));
  return d == d.month_end() ? d : d.month_start().add_days(-1);
}

// A worker with the most allocations: a full "my children" list.
std::string busy_worker() {
  std::map<std::string_view, int> count;
  for (const Allocation& a : organisation()->history().allocations) ++count[a.worker_id];
  std::string best;
  int most = -1;
  for (const auto& [w, n] : count)
    if (n > most && organisation()->organisation().worker(w)) best = std::string(w), most = n;
  return best;
}

void counters(benchmark::State& state, int64_t figures) {
  state.counters["figures"] = static_cast<double>(figures);
}

// A fresh engine each time: nothing computed yet (the first request after a
// load, or a date nobody asked for). Arg 1: every indicator; 0: contract KPIs.
void BM_ScorecardCold(benchmark::State& state) {
  const Period period = Period::rolling_months(latest_month_end(), 12);
  int64_t n = 0;
  for (auto _ : state) {
    IndicatorEngine engine(organisation());
    auto figures = build_scorecard(engine, period, "", 24, state.range(0) == 0);
    n = static_cast<int64_t>(figures.size());
  }
  counters(state, n);
}
BENCHMARK(BM_ScorecardCold)
    ->Arg(0)
    ->Arg(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// The measure: every indicator for the organisation, each locality
// and each team (every unit of the structure), with a 24-month series, on a
// fresh engine. Snapshot totals come for all units at once, so the units
// after the organisation cost little.
void BM_FullScorecardEveryUnitCold(benchmark::State& state) {
  const Period period = Period::rolling_months(latest_month_end(), 12);
  int64_t figures = 0;
  for (auto _ : state) {
    IndicatorEngine engine(organisation());
    figures = 0;
    for (const OrgUnit& u : engine.index().organisation().units())
      figures += static_cast<int64_t>(build_scorecard(engine, period, u.id, 24, false).size());
  }
  counters(state, figures);
}
BENCHMARK(BM_FullScorecardEveryUnitCold)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// Each indicator alone with its 24-month series on a fresh engine: where the
// cold scorecard's time goes (the label names the indicator and its kind).
void BM_EachIndicatorCold(benchmark::State& state) {
  const IndicatorDef& def = indicator_catalogue().at(static_cast<size_t>(state.range(0)));
  const Period period = Period::rolling_months(latest_month_end(), 12);
  for (auto _ : state) {
    IndicatorEngine engine(organisation());
    Figure f = engine.figure(def, period, "", 24);
    benchmark::DoNotOptimize(f.value);
  }
  state.SetLabel(std::string(def.id) + (def.kind == IndicatorKind::kSnapshot ? " snapshot" : " flow"));
}
BENCHMARK(BM_EachIndicatorCold)
    ->DenseRange(0, 44)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// A scorecard for a date a year back, on an engine that has answered today's.
void BM_ScorecardNewDate(benchmark::State& state) {
  IndicatorEngine engine(organisation());
  const Date today = latest_month_end();
  (void)build_scorecard(engine, Period::rolling_months(today, 12), "", 24, false);
  int k = 0;
  for (auto _ : state) {
    const Date to = today.add_months(-12 - k++).month_end();
    auto figures = build_scorecard(engine, Period::rolling_months(to, 12), "", 24, false);
    benchmark::DoNotOptimize(figures.data());
  }
}
BENCHMARK(BM_ScorecardNewDate)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// Every team's scorecard after the organisation's (the breakdown pages).
void BM_ScorecardEveryTeam(benchmark::State& state) {
  IndicatorEngine engine(organisation());
  const Period period = Period::rolling_months(latest_month_end(), 12);
  (void)build_scorecard(engine, period, "", 24, false);
  int64_t units = 0;
  for (auto _ : state) {
    units = 0;
    for (const OrgUnit& u : engine.index().organisation().units()) {
      auto figures = build_scorecard(engine, period, u.id, 24, false);
      benchmark::DoNotOptimize(figures.data());
      ++units;
    }
  }
  state.counters["units"] = static_cast<double>(units);
}
BENCHMARK(BM_ScorecardEveryTeam)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// One indicator page: the figure with 24 points, its breakdown and its
// drill-through, on a fresh engine (KPI3: flow; KPI4: snapshot).
void BM_IndicatorWithDrillCold(benchmark::State& state) {
  const IndicatorDef& def = *find_indicator(state.range(0) == 3 ? "KPI3" : "KPI4");
  const Period period = Period::rolling_months(latest_month_end(), 12);
  int64_t rows = 0;
  for (auto _ : state) {
    IndicatorEngine engine(organisation());
    Figure f = engine.figure(def, period, "", 24);
    auto breakdown = build_breakdown(engine, def, period, "");
    auto drill = engine.drill(def, period, "");
    rows = static_cast<int64_t>(drill.size());
    benchmark::DoNotOptimize(f.value);
  }
  state.counters["drill_rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_IndicatorWithDrillCold)
    ->Arg(3)
    ->Arg(4)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// The measure: one indicator for one unit, here the busiest worker,
// with its 24-month series and its drill-through, on a fresh engine.
void BM_OneIndicatorOneWorkerWithDrillCold(benchmark::State& state) {
  const IndicatorDef& def = *find_indicator(state.range(0) == 3 ? "KPI3" : "KPI4");
  const Period period = Period::rolling_months(latest_month_end(), 12);
  const std::string worker = busy_worker();
  int64_t rows = 0;
  for (auto _ : state) {
    IndicatorEngine engine(organisation());
    Figure f = engine.figure(def, period, worker, 24);
    DrillList drill = engine.drill_list(def, period, worker);
    rows = static_cast<int64_t>(drill.rows.size());
    benchmark::DoNotOptimize(f.value);
  }
  state.counters["drill_rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_OneIndicatorOneWorkerWithDrillCold)
    ->Arg(3)
    ->Arg(4)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

// The same page for a date not yet asked for, on an engine that has listed
// the indicator's rows once (every later flow date costs this).
void BM_IndicatorNewDate(benchmark::State& state) {
  const IndicatorDef& def = *find_indicator(state.range(0) == 3 ? "KPI3" : "KPI4");
  IndicatorEngine engine(organisation());
  const Date today = latest_month_end();
  (void)engine.figure(def, Period::rolling_months(today, 12), "", 24);
  int k = 1;
  for (auto _ : state) {
    const Period p = Period::rolling_months(today.add_days(-17 * k++), 12);
    Figure f = engine.figure(def, p, "", 24);
    auto drill = engine.drill(def, p, "");
    benchmark::DoNotOptimize(drill.data());
    benchmark::DoNotOptimize(f.value);
  }
}
BENCHMARK(BM_IndicatorNewDate)
    ->Arg(3)
    ->Arg(4)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

// Worklists. Arg 0: the organisation's list, 1: a busy worker's.
// Cold: a fresh engine, so the day's list is built first.
void BM_WorklistCold(benchmark::State& state) {
  WorklistOptions o;
  o.as_at = latest_month_end();
  if (state.range(0) == 1) o.unit_id = busy_worker();
  size_t items = 0;
  for (auto _ : state) {
    IndicatorEngine engine(organisation());
    auto list = build_worklist(engine, o);
    items = list ? list->size() : 0;
  }
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(BM_WorklistCold)
    ->Arg(0)
    ->Arg(1)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// Warm: the day's list is kept with the snapshot; each request filters it.
void BM_WorklistWarm(benchmark::State& state) {
  WorklistOptions o;
  o.as_at = latest_month_end();
  if (state.range(0) == 1) o.unit_id = busy_worker();
  IndicatorEngine engine(organisation());
  (void)build_worklist(engine, o);
  for (auto _ : state) {
    auto list = build_worklist(engine, o);
    benchmark::DoNotOptimize(list->data());
  }
}
BENCHMARK(BM_WorklistWarm)->Arg(0)->Arg(1)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace beacon::bench

BENCHMARK_MAIN();
