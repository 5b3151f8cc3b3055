#include "indicators/engine.h"

#include "indicators/figure_text.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <thread>
#include <tuple>

#include "indicators/flow_rows.h"
#include "indicators/logic_support.h"
#include "indicators/narrative.h"

namespace beacon {

namespace {
// Sums of FTEs (0.6 + 0.8 + ...) pick up binary rounding noise such as
// 465.00000000000057; inputs carry at most 6 decimal places, so totals are
// snapped to that precision and print as the figures a person would add up.
double snap_sum(double v) {
  const double snapped = std::round(v * 1e6) / 1e6;
  return std::fabs(snapped - v) < 1e-7 ? snapped : v;
}
}  // namespace
namespace {

class TotalsSink : public RowSink {
 public:
  TotalsSink(UnitTotals& totals, const FlowRows::UnitsOf& units_of)
      : totals_(totals), units_of_(units_of) {}
  void add(const Row& row) override {
    const auto& targets = attributions_.get(row.worker_id, row.team_id, [&] {
      std::vector<Aggregate*> out;
      units_.clear();
      units_of_(row.worker_id, row.team_id, units_);
      for (std::string_view u : units_) {
        auto it = totals_.by_unit.find(u);
        if (it == totals_.by_unit.end())
          it = totals_.by_unit.emplace(std::string(u), Aggregate{}).first;
        out.push_back(&it->second);  // map nodes stay put
      }
      return out;
    });
    for (Aggregate* a : targets) {
      a->numerator += row.numerator;
      a->denominator += row.denominator;
      a->rows += 1;
    }
  }
  void note(const char* text) override {
    if (std::find(totals_.notes.begin(), totals_.notes.end(), text) == totals_.notes.end())
      totals_.notes.emplace_back(text);
  }

 private:
  UnitTotals& totals_;
  const FlowRows::UnitsOf& units_of_;
  ByAttribution<std::vector<Aggregate*>> attributions_;
  std::vector<std::string_view> units_;
};

class DrillSink : public RowSink {
 public:
  DrillSink(std::vector<DrillRow>& rows, std::function<bool(const Row&)> keep)
      : rows_(rows), keep_(std::move(keep)) {}
  void add(const Row& row) override {
    if (!keep_(row)) return;
    DrillRow d;
    d.child_id = row.child_id;
    d.record = row.record;
    d.worker_id = row.worker_id;
    d.team_id = row.team_id;
    d.in_numerator = row.in_numerator;
    d.numerator = row.numerator;
    d.denominator = row.denominator;
    d.reason = row.reason;
    for (const auto& item : row.dates)
      if (item.label) d.dates.emplace_back(item.label, item.date);
    d.measure = row.measure;
    if (row.measure_label) d.measure_label = row.measure_label;
    rows_.push_back(std::move(d));
  }

 private:
  std::vector<DrillRow>& rows_;
  std::function<bool(const Row&)> keep_;
};

std::string cache_key(const IndicatorDef& def, const Period& p) {
  return std::string(def.id) + "|" + p.from.iso() + "|" + p.to.iso();
}

}  // namespace

std::optional<double> value_of(ValueKind kind, const Aggregate& a) {
  if (kind == ValueKind::kCount) return a.numerator;
  if (a.denominator == 0) return std::nullopt;
  switch (kind) {
    // Scale first, then divide once: 57 of 100 is exactly 57 (not 56.99999999999999),
    // so a figure on a target or band edge meets it.
    case ValueKind::kPercent:
      return a.numerator * 100.0 / a.denominator;
    case ValueKind::kRatePer10k:
      return a.numerator * 10000.0 / a.denominator;
    case ValueKind::kMean:
    case ValueKind::kRatio:
      return a.numerator / a.denominator;
    case ValueKind::kCount:
      break;
  }
  return a.numerator;
}

IndicatorEngine::IndicatorEngine(std::shared_ptr<const CaseIndex> index, Parameters params)
    : index_(std::move(index)), params_(std::move(params)) {
  const auto& org = index_->organisation();
  for (const OrgUnit& u : org.units()) chains_.emplace(u.id, org.chain(u.id));
}

bool IndicatorEngine::unit_exists(std::string_view unit_id) const {
  const auto& org = index_->organisation();
  return unit_id.empty() || org.unit(unit_id) || org.worker(unit_id);
}

Period IndicatorEngine::effective_period(const IndicatorDef& def, const Period& requested) const {
  switch (def.kind) {
    case IndicatorKind::kSnapshot:
      return {requested.to, requested.to, requested.kind, requested.months};
    case IndicatorKind::kFlowMonth:
      return Period::month_of(requested.to);
    case IndicatorKind::kFlow:
      return requested;
  }
  return requested;
}

void IndicatorEngine::units_of(std::string_view worker_id, std::string_view team_id,
                               std::vector<std::string_view>& out) const {
  // A team the organisation does not hold (or none) rolls up to the root only.
  if (auto it = chains_.find(team_id); it != chains_.end()) {
    for (const auto& u : it->second) out.push_back(u);
  } else {
    out.push_back(index_->organisation().root_id());
  }
  if (!worker_id.empty()) out.push_back(worker_id);
}

std::shared_ptr<const FlowRows> IndicatorEngine::flow_rows(const IndicatorDef& def) const {
  if (def.kind != IndicatorKind::kFlow) return nullptr;
  return flow_cache_.get(def.id, [&] {
    return FlowRows::build(
        def, *index_, params_,
        [this](std::string_view w, std::string_view t, std::vector<std::string_view>& out) {
          units_of(w, t, out);
        },
        index_->organisation().root_id());
  });
}

std::optional<int64_t> IndicatorEngine::population_for(const FlowRows& rows,
                                                       const Period& period) const {
  if (!rows.uses_population()) return std::nullopt;
  return logic::population_near(*index_, period.to);
}

std::shared_ptr<const UnitTotals> IndicatorEngine::totals_by_running(
    const IndicatorDef& def, const Period& requested) const {
  const Period period = effective_period(def, requested);
  auto totals = std::make_shared<UnitTotals>();
  totals->by_unit[index_->organisation().root_id()];  // the organisation always has a figure
  const FlowRows::UnitsOf units = [this](std::string_view w, std::string_view t,
                                         std::vector<std::string_view>& out) {
    units_of(w, t, out);
  };
  TotalsSink sink(*totals, units);
  IndicatorContext ctx{*index_, period, params_};
  def.logic(ctx, sink);
  for (auto& [unit, a] : totals->by_unit) {
    a.numerator = snap_sum(a.numerator);
    a.denominator = snap_sum(a.denominator);
  }
  return totals;
}

std::shared_ptr<const UnitTotals> IndicatorEngine::totals(const IndicatorDef& def,
                                                          const Period& requested) const {
  const Period period = effective_period(def, requested);
  return totals_cache_.get(cache_key(def, period), [&]() -> std::shared_ptr<const UnitTotals> {
    auto flow = flow_rows(def);
    if (!flow) return totals_by_running(def, period);
    auto totals = std::make_shared<UnitTotals>();
    flow->totals(def.window ? def.window(period) : period, population_for(*flow, period), *totals);
    for (auto& [unit, a] : totals->by_unit) {
      a.numerator = snap_sum(a.numerator);
      a.denominator = snap_sum(a.denominator);
    }
    return totals;
  });
}

Aggregate IndicatorEngine::aggregate(const IndicatorDef& def, const Period& period,
                                     std::string_view unit) const {
  std::string_view key = unit.empty() ? std::string_view(index_->organisation().root_id()) : unit;
  // A flow figure for one unit needs no other unit's totals.
  if (auto flow = flow_rows(def)) {
    const Period p = effective_period(def, period);
    Aggregate a = flow->total(key, def.window ? def.window(p) : p, population_for(*flow, p));
    a.numerator = snap_sum(a.numerator);
    a.denominator = snap_sum(a.denominator);
    return a;
  }
  auto t = totals(def, period);
  auto it = t->by_unit.find(key);
  return it == t->by_unit.end() ? Aggregate{} : it->second;
}

Figure IndicatorEngine::figure(const IndicatorDef& def, const Period& requested,
                               std::string_view unit, int series_points) const {
  Figure f;
  f.def = &def;
  f.period = effective_period(def, requested);
  f.unit_id = unit.empty() ? index_->organisation().root_id() : std::string(unit);
  const int trend_needs = 2 * params_.get_int("trend_points");
  const int points = std::max(series_points, trend_needs);
  const std::vector<Date> ends = series_month_ends(requested.to, points);
  if (!flow_rows(def)) {
    // Each point is a run of the logic of its own, independent of the
    // others: two threads share them the first time (a flow figure's points
    // are read from one set of rows instead). Results are cached per point,
    // so the figure is the same whichever thread computed what.
    std::vector<Period> runs;
    auto add_run = [&](const Period& p) {
      if (!totals_cache_.contains(cache_key(def, effective_period(def, p)))) runs.push_back(p);
    };
    add_run(requested);
    for (Date end : ends) add_run(requested.ending(end));
    if (runs.size() > 1) {
      std::atomic<size_t> next{0};
      auto work = [&] {
        for (size_t i = next++; i < runs.size(); i = next++) (void)totals(def, runs[i]);
      };
      std::thread helper(work);
      work();
      helper.join();
    }
  }
  f.total = aggregate(def, requested, f.unit_id);
  f.value = value_of(def.value_kind, f.total);
  f.settings = targets_for(def, f.period.to.financial_year(), index_->history().indicator_targets);
  f.rag = rag_for(f.value, f.settings);
  f.notes = totals(def, requested)->notes;
  if (!f.value) f.no_value = no_value_reason(def, f.period, f.total, index_->history());

  std::vector<std::optional<double>> values;
  std::vector<SeriesPoint> series;
  for (Date end : ends) {
    Period p = requested.ending(end);
    SeriesPoint point;
    point.to = end;
    point.total = aggregate(def, p, f.unit_id);
    point.value = value_of(def.value_kind, point.total);
    point.rag = rag_for(
        point.value, targets_for(def, end.financial_year(), index_->history().indicator_targets));
    values.push_back(point.value);
    series.push_back(point);
  }
  f.trend = trend_of(values, std::string_view(def.measure) == "%", f.settings, params_);
  if (series_points > 0)
    f.series.assign(series.end() - std::min<int>(series_points, static_cast<int>(series.size())),
                    series.end());
  f.narrative = write_narrative(f, series);
  return f;
}

// The organisation's drill rows for one (indicator, period), and each
// unit's selection of them, made on first request.
struct DrillTable {
  std::vector<DrillRow> rows;
  OnceCache<std::shared_ptr<const std::vector<const DrillRow*>>> by_unit{256};
};

std::shared_ptr<const DrillTable> IndicatorEngine::drill_table(const IndicatorDef& def,
                                                               const Period& requested) const {
  const Period period = effective_period(def, requested);
  return drill_cache_.get(cache_key(def, period), [&] {
    auto table = std::make_shared<DrillTable>();
    DrillSink sink(table->rows, [](const Row&) { return true; });
    IndicatorContext ctx{*index_, period, params_};
    def.logic(ctx, sink);
    std::stable_sort(table->rows.begin(), table->rows.end(),
                     [](const DrillRow& a, const DrillRow& b) {
                       return std::tie(a.child_id, a.record) < std::tie(b.child_id, b.record);
                     });
    return std::shared_ptr<const DrillTable>(std::move(table));
  });
}

DrillList IndicatorEngine::drill_list(const IndicatorDef& def, const Period& period,
                                      std::string_view unit) const {
  auto table = drill_table(def, period);
  const std::string root = index_->organisation().root_id();
  const std::string key = unit.empty() ? root : std::string(unit);
  auto chosen = table->by_unit.get(key, [&] {
    auto rows = std::make_shared<std::vector<const DrillRow*>>();
    std::vector<std::string_view> scratch;
    for (const DrillRow& row : table->rows) {
      if (key != root) {
        scratch.clear();
        units_of(row.worker_id, row.team_id, scratch);
        if (std::find(scratch.begin(), scratch.end(), key) == scratch.end()) continue;
      }
      rows->push_back(&row);
    }
    return std::shared_ptr<const std::vector<const DrillRow*>>(std::move(rows));
  });
  return {table, *chosen};
}

std::vector<DrillRow> IndicatorEngine::drill(const IndicatorDef& def, const Period& period,
                                             std::string_view unit) const {
  DrillList list = drill_list(def, period, unit);
  std::vector<DrillRow> rows;
  rows.reserve(list.rows.size());
  for (const DrillRow* r : list.rows) rows.push_back(*r);
  return rows;
}

}  // namespace beacon
