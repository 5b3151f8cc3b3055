// The indicator engine: figures for any indicator, period and unit, with
// series, RAG, trend, narrative, breakdown and drill-through.
//
// How it gets there (docs/indicators.md "How the engine works"): a flow
// indicator's logic lists its rows once for the whole organisation and all
// time, each row carrying the date that places it in a period; any period's
// figure for any unit is then read from running totals (flow_rows.h). A
// snapshot indicator's logic runs once per date; one pass sums its rows into
// every unit they belong to (worker, team, service, locality, organisation).
// Results are cached per key and computed once, outside any lock, so a
// request waits only for the figures it needs itself.
#ifndef BEACON_INDICATORS_ENGINE_H_
#define BEACON_INDICATORS_ENGINE_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/string_map.h"
#include "indicators/catalogue.h"
#include "indicators/once_cache.h"
#include "indicators/targets.h"
#include "indicators/trend.h"

namespace beacon {

struct Aggregate {
  double numerator = 0;
  double denominator = 0;
  int64_t rows = 0;
};

// The value numerator and denominator make; nullopt when the denominator is
// 0 (kCount: the numerator).
std::optional<double> value_of(ValueKind kind, const Aggregate& a);

struct SeriesPoint {
  Date to;
  Aggregate total;
  std::optional<double> value;
  Rag rag = Rag::kNone;
};

struct Figure {
  const IndicatorDef* def = nullptr;
  Period period;  // as used: snapshots at period.to, flow-month the month of `to`
  std::string unit_id;
  Aggregate total;
  std::optional<double> value;
  TargetSettings settings;
  Rag rag = Rag::kNone;
  TrendResult trend;
  std::vector<SeriesPoint> series;  // oldest first
  std::string narrative;
  std::vector<std::string> notes;
  // Why there is no value, in words (figure_text.h): empty when there is one.
  std::string no_value;
};

// A row behind a figure, owned (for lists and exports).
struct DrillRow {
  std::string child_id;
  std::string record;
  std::string worker_id;
  std::string team_id;
  bool in_numerator = false;
  double numerator = 0;
  double denominator = 0;
  std::string reason;
  std::vector<std::pair<std::string, OptDate>> dates;
  std::optional<double> measure;
  std::string measure_label;
};

// The rows behind a figure for one unit, shared between callers: `rows`
// point into storage that `owner` keeps alive, in (child, record) order.
struct DrillList {
  std::shared_ptr<const void> owner;
  std::vector<const DrillRow*> rows;
};

// Per-unit totals of one indicator for one period.
struct UnitTotals {
  std::map<std::string, Aggregate, std::less<>> by_unit;  // unit or worker id → totals
  std::vector<std::string> notes;
};

class FlowRows;
struct DrillTable;

class IndicatorEngine {
 public:
  explicit IndicatorEngine(std::shared_ptr<const CaseIndex> index, Parameters params = {});

  const CaseIndex& index() const { return *index_; }
  const Parameters& parameters() const { return params_; }

  // True for the organisation root, an organisation unit or a worker id.
  bool unit_exists(std::string_view unit_id) const;
  // The period the indicator is measured over for a request ending `to`.
  Period effective_period(const IndicatorDef& def, const Period& requested) const;

  std::shared_ptr<const UnitTotals> totals(const IndicatorDef& def, const Period& period) const;
  Aggregate aggregate(const IndicatorDef& def, const Period& period, std::string_view unit) const;

  // A whole figure; `series_points` monthly points (at least the trend's needs
  // are computed internally).
  Figure figure(const IndicatorDef& def, const Period& period, std::string_view unit,
                int series_points) const;

  // The rows in the figure's denominator (and numerator-only rows), for the
  // unit, in (child, record) order. The organisation's rows for an
  // (indicator, period) are listed once and each unit's chosen once from
  // them, so a page showing them again costs no logic run.
  DrillList drill_list(const IndicatorDef& def, const Period& period, std::string_view unit) const;
  // The same rows, copied (for exports and the command line).
  std::vector<DrillRow> drill(const IndicatorDef& def, const Period& period,
                              std::string_view unit) const;

  // The per-period computation the engine used before flow rows: runs the
  // logic for the period and sums its rows. Kept for snapshots and for flow
  // logic that cannot place its rows, and to prove the two agree (tests).
  std::shared_ptr<const UnitTotals> totals_by_running(const IndicatorDef& def,
                                                      const Period& period) const;

  // Anything else derived from this snapshot (a day's worklist, an index of
  // visits), computed once per key by the first caller and shared; it lives
  // as long as the engine, so a load's new snapshot starts afresh.
  template <class T>
  std::shared_ptr<const T> memo(const std::string& key,
                                const std::function<std::shared_ptr<const T>()>& compute) const {
    return std::static_pointer_cast<const T>(
        memo_cache_.get(key, [&]() -> std::shared_ptr<const void> { return compute(); }));
  }

 private:
  // Units a row with this attribution belongs to (root, team chain, worker).
  void units_of(std::string_view worker_id, std::string_view team_id,
                std::vector<std::string_view>& out) const;
  // The flow indicator's rows for every period, or null (snapshots, and
  // flow logic that does not place its rows).
  std::shared_ptr<const FlowRows> flow_rows(const IndicatorDef& def) const;
  std::optional<int64_t> population_for(const FlowRows& rows, const Period& period) const;
  std::shared_ptr<const DrillTable> drill_table(const IndicatorDef& def,
                                                const Period& period) const;

  std::shared_ptr<const CaseIndex> index_;
  Parameters params_;
  // Every organisation unit's chain up to the root (built once: read-only).
  StringMap<std::vector<std::string>> chains_;
  OnceCache<std::shared_ptr<const UnitTotals>> totals_cache_{20000};
  OnceCache<std::shared_ptr<const FlowRows>> flow_cache_{1000};
  OnceCache<std::shared_ptr<const void>> memo_cache_{32};
  // A few megabytes each at the reference scale: few are kept.
  OnceCache<std::shared_ptr<const DrillTable>> drill_cache_{16};
};

}  // namespace beacon

#endif  // BEACON_INDICATORS_ENGINE_H_
