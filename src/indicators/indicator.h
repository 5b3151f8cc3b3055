// What an indicator is: its definition as data, and its logic as one small
// function that lists the records in its denominator (marked in or out of
// the numerator, with the dates that decided it).
//
// The engine (engine.h) turns those rows into figures for any unit by
// summing them, so every figure can be drilled through to the same rows.
#ifndef BEACON_INDICATORS_INDICATOR_H_
#define BEACON_INDICATORS_INDICATOR_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "indicators/parameters.h"
#include "indicators/period.h"
#include "snapshot/case_index.h"

namespace beacon {

enum class IndicatorKind { kFlow, kSnapshot, kFlowMonth };
enum class Polarity { kHigh, kLow, kBand, kNone };
// How numerator and denominator make the value.
enum class ValueKind {
  kPercent,     // numerator ÷ denominator × 100
  kMean,        // numerator (total) ÷ denominator (count)
  kRatio,       // numerator ÷ denominator (e.g. children per FTE)
  kRatePer10k,  // numerator ÷ denominator (population) × 10,000
  kCount,       // the numerator; the denominator is not used
};

const char* kind_name(IndicatorKind k);    // "flow", "snapshot", "flow-month"
const char* polarity_name(Polarity p);     // "high", "low", "band", "none"

// One record behind a figure.
struct Row {
  static constexpr size_t kMaxDates = 4;
  struct DateItem {
    const char* label = nullptr;
    OptDate date;
  };

  std::string_view child_id;  // the child (or, for workforce figures, the worker)
  const char* record = "";    // what the row is: "referral", "assessment", …
  std::string_view worker_id;  // attribution for drill-down
  std::string_view team_id;
  double numerator = 0;    // this row's share of the numerator (1/0; days; FTE; children)
  double denominator = 1;  // and of the denominator (1; FTE; population)
  bool in_numerator = false;
  const char* reason = "";  // why it is in or out, in plain words
  std::array<DateItem, kMaxDates> dates{};
  std::optional<double> measure;  // e.g. working days taken, days to match
  const char* measure_label = nullptr;

  // Flow rows, so the engine can list them once for every period
  // (IndicatorContext::every_period): the date that places the row in a
  // period; it counts toward each period (or window) holding that date.
  OptDate placed_on;
  // Left out of a period that ends on placed_on itself (a contact received
  // that day whose 24 hours had not run out by its end).
  bool left_out_if_period_ends_that_day = false;
  // Counts only toward windows starting after this date (a young person's
  // earlier disposal: the row is the first in windows that leave it out).
  OptDate only_if_window_starts_after;

  Row& date(const char* label, OptDate d) {
    for (auto& item : dates)
      if (!item.label) {
        item = {label, d};
        break;
      }
    return *this;
  }
};

// Receives rows as an indicator produces them.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void add(const Row& row) = 0;
  // A caveat the figure must carry (e.g. "established posts not loaded").
  virtual void note(const char* text) {}
  // Every-period mode: the denominator is the ONS population estimate
  // nearest each period's end (add_population_row), added by the engine.
  virtual void population_per_period() {}
};

struct IndicatorContext {
  const CaseIndex& index;
  Period period;  // for snapshots only `to` matters
  const Parameters& params;
  // Set by the engine to list a flow indicator's rows once for every period:
  // `period` then spans all time, a logic with a shifted window (KPI11, the
  // 3-year adoption means) does not shift it, and every row sets placed_on.
  bool every_period = false;
};

using IndicatorLogic = void (*)(const IndicatorContext&, RowSink&);

struct IndicatorDef {
  const char* id;
  const char* name;
  IndicatorKind kind;
  const char* measure;  // "%", "days", "children per FTE", "per 10,000 children", "count"
  ValueKind value_kind;
  Polarity polarity;
  const char* family;  // "Front door", "Assessment", … (grouping on pages)
  const char* definition;  // one or two plain sentences
  IndicatorLogic logic;
  bool contract = false;  // one of the 15 contract KPIs (and KPI6E)
  // The window of placing dates a reporting period takes, when it is not
  // the period itself (KPI11: 18 months earlier). The logic uses the same
  // function, so the two cannot drift apart.
  Period (*window)(const Period&) = nullptr;
};

}  // namespace beacon

#endif  // BEACON_INDICATORS_INDICATOR_H_
