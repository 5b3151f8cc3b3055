// A flow indicator's rows listed once for every period (docs/indicators.md
// "How the engine works"): each unit's rows sorted by the date that places
// them in a period, with running totals, so any period's figure for any unit
// is two binary searches and a subtraction instead of a run of the logic.
#ifndef BEACON_INDICATORS_FLOW_ROWS_H_
#define BEACON_INDICATORS_FLOW_ROWS_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indicators/engine.h"

namespace beacon {

// Something worked out once per distinct attribution (worker, team) — the
// units a row counts toward — rather than once per row. Keys are copied:
// a row's views need not outlive it.
template <class T>
class ByAttribution {
 public:
  template <class Make>
  const T& get(std::string_view worker_id, std::string_view team_id, Make&& make) {
    key_.assign(std::to_string(worker_id.size())).append(":").append(worker_id).append(team_id);
    auto it = values_.find(key_);
    if (it == values_.end()) it = values_.emplace(key_, make()).first;
    return it->second;  // stays put: the map's nodes never move
  }

 private:
  std::string key_;
  std::unordered_map<std::string, T> values_;
};

class FlowRows {
 public:
  // The units a row attributed to (worker, team) counts toward.
  using UnitsOf = std::function<void(std::string_view worker_id, std::string_view team_id,
                                     std::vector<std::string_view>& out)>;

  // Runs the logic once with IndicatorContext::every_period. Returns null
  // when the logic cannot be answered this way — a row without placed_on, or
  // a share that is not a whole number (running totals of whole numbers are
  // exact, so every period's figure is the one a run for that period gives);
  // the engine then runs the logic per period.
  static std::shared_ptr<const FlowRows> build(const IndicatorDef& def, const CaseIndex& index,
                                               const Parameters& params, const UnitsOf& units_of,
                                               const std::string& root_id);

  // The unit's totals over rows placed in `window` (a period, or the window
  // def.window takes from it). `population`: the estimate added to the
  // organisation's denominator when the logic asks for one.
  Aggregate total(std::string_view unit, const Period& window,
                  std::optional<int64_t> population) const;
  // Every unit with a row in the window, and the organisation.
  void totals(const Period& window, std::optional<int64_t> population, UnitTotals& out) const;

  bool uses_population() const { return uses_population_; }
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  struct Entry;
  class Collector;

  // Rows in date order with running totals: prefix[i] sums rows [0, i).
  struct Run {
    std::vector<int32_t> dates;
    std::vector<Aggregate> prefix{Aggregate{}};
    Aggregate between(Date from, Date to) const;
  };
  // A row counted only in windows starting after a date (KPI11).
  struct Conditional {
    Date placed_on;
    Date after;
    double numerator = 0;
    double denominator = 0;
  };
  struct Unit {
    Run rows;         // counted in every window holding their date
    Run day_pending;  // ...except a window ending on that date
    std::vector<Conditional> conditional;  // in date order
  };

  Aggregate total_of(const Unit& unit, bool is_root, const Period& window,
                     std::optional<int64_t> population) const;

  std::string root_id_;
  std::map<std::string, Unit, std::less<>> units_;
  bool uses_population_ = false;
  std::vector<std::string> notes_;
};

}  // namespace beacon

#endif  // BEACON_INDICATORS_FLOW_ROWS_H_
