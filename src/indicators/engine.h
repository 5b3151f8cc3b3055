// The indicator engine: figures for any indicator, period and unit, with
// series, RAG, trend, narrative, breakdown and drill-through.
//
// How it gets there (docs/indicators.md "How the engine works"): an
// indicator's logic lists its rows once for the whole organisation and a
// period; one pass sums them into every unit the rows belong to (worker,
// team, service, locality, organisation). Those per-unit totals are cached,
// so a scorecard for every unit and a 24-month series costs one logic run per
// (indicator, month).
#ifndef BEACON_INDICATORS_ENGINE_H_
#define BEACON_INDICATORS_ENGINE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "indicators/catalogue.h"
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

// Per-unit totals of one indicator for one period.
struct UnitTotals {
  std::map<std::string, Aggregate, std::less<>> by_unit;  // unit or worker id → totals
  std::vector<std::string> notes;
};

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
  // unit, in a stable order.
  std::vector<DrillRow> drill(const IndicatorDef& def, const Period& period,
                              std::string_view unit) const;

 private:
  // Units a row with this attribution belongs to (root, team chain, worker).
  void units_of(std::string_view worker_id, std::string_view team_id,
                std::vector<std::string_view>& out) const;

  std::shared_ptr<const CaseIndex> index_;
  Parameters params_;
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, std::shared_ptr<const UnitTotals>> cache_;
  mutable std::map<std::string, std::vector<std::string>, std::less<>> chains_;
};

}  // namespace beacon

#endif  // BEACON_INDICATORS_ENGINE_H_
