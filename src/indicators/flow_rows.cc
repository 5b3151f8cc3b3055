#include "indicators/flow_rows.h"

#include <cmath>

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace beacon {

struct FlowRows::Entry {
  int32_t placed_on = 0;
  int32_t after = 0;  // Conditional rows: counted only in windows starting after this
  bool pending = false;
  bool conditional = false;
  double numerator = 0;
  double denominator = 0;
  const std::vector<size_t>* units = nullptr;  // numbers of the units it counts toward
};

namespace {

// Whole numbers well inside a double's exact range: running totals of these
// subtract back to exactly the sum a run over the period adds up.
bool whole(double v) { return std::isfinite(v) && std::fabs(v) < 1e12 && v == std::trunc(v); }

void add_to(Aggregate& a, double numerator, double denominator) {
  a.numerator += numerator;
  a.denominator += denominator;
  a.rows += 1;
}

Aggregate minus(const Aggregate& a, const Aggregate& b) {
  return {a.numerator - b.numerator, a.denominator - b.denominator, a.rows - b.rows};
}

}  // namespace

class FlowRows::Collector : public RowSink {
 public:
  explicit Collector(const UnitsOf& units_of) : units_of_(units_of) {}

  void add(const Row& row) override {
    if (!complete) return;
    if (!row.placed_on || !whole(row.numerator) || !whole(row.denominator) ||
        (row.left_out_if_period_ends_that_day && row.only_if_window_starts_after)) {
      complete = false;
      return;
    }
    Entry e;
    e.placed_on = row.placed_on->serial();
    e.pending = row.left_out_if_period_ends_that_day;
    e.conditional = row.only_if_window_starts_after.has_value();
    if (e.conditional) e.after = row.only_if_window_starts_after->serial();
    e.numerator = row.numerator;
    e.denominator = row.denominator;
    e.units = &attributions_.get(row.worker_id, row.team_id, [&] {
      std::vector<size_t> numbers;
      scratch_.clear();
      units_of_(row.worker_id, row.team_id, scratch_);
      for (std::string_view u : scratch_) {
        auto [it, fresh] = unit_number_.try_emplace(std::string(u), unit_names.size());
        if (fresh) unit_names.emplace_back(u);
        numbers.push_back(it->second);
      }
      return numbers;
    });
    entries.push_back(e);
  }
  void note(const char* text) override {
    if (std::find(notes.begin(), notes.end(), text) == notes.end()) notes.emplace_back(text);
  }
  void population_per_period() override { population = true; }

  std::vector<Entry> entries;
  std::vector<std::string> unit_names;  // by unit number
  std::vector<std::string> notes;
  bool complete = true;
  bool population = false;

 private:
  const UnitsOf& units_of_;
  ByAttribution<std::vector<size_t>> attributions_;
  std::unordered_map<std::string, size_t> unit_number_;
  std::vector<std::string_view> scratch_;
};

Aggregate FlowRows::Run::between(Date from, Date to) const {
  if (to < from) return {};
  const auto lo = std::lower_bound(dates.begin(), dates.end(), from.serial()) - dates.begin();
  const auto hi = std::upper_bound(dates.begin(), dates.end(), to.serial()) - dates.begin();
  return minus(prefix[static_cast<size_t>(hi)], prefix[static_cast<size_t>(lo)]);
}

std::shared_ptr<const FlowRows> FlowRows::build(const IndicatorDef& def, const CaseIndex& index,
                                                const Parameters& params, const UnitsOf& units_of,
                                                const std::string& root_id) {
  // All time: every date a reader accepts (core/date.h).
  const Period all_time{*Date::from_ymd(1900, 1, 1), *Date::from_ymd(2199, 12, 31),
                        PeriodKind::kExplicit, 0};
  Collector collector(units_of);
  IndicatorContext ctx{index, all_time, params, true};
  def.logic(ctx, collector);
  if (!collector.complete) return nullptr;

  auto out = std::make_shared<FlowRows>();
  out->root_id_ = root_id;
  out->uses_population_ = collector.population;
  out->notes_ = std::move(collector.notes);

  // One sort of all the rows by date, then each row appended to its units'
  // runs in that order: every unit's run comes out sorted, with no sort per
  // unit (a row counts toward four or five units). Order within a day does
  // not matter: the totals are sums of whole numbers.
  auto& entries = collector.entries;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.placed_on < b.placed_on; });
  const auto& unit_names = collector.unit_names;
  std::vector<Unit*> units(unit_names.size());
  for (size_t n = 0; n < unit_names.size(); ++n) units[n] = &out->units_[unit_names[n]];
  for (const Entry& e : entries) {
    for (size_t n : *e.units) {
      Unit& unit = *units[n];
      if (e.conditional) {
        unit.conditional.push_back({Date::from_serial(e.placed_on), Date::from_serial(e.after),
                                    e.numerator, e.denominator});
        continue;
      }
      Run& run = e.pending ? unit.day_pending : unit.rows;
      Aggregate next = run.prefix.back();
      add_to(next, e.numerator, e.denominator);
      run.dates.push_back(e.placed_on);
      run.prefix.push_back(next);
    }
  }
  return out;
}

Aggregate FlowRows::total_of(const Unit& unit, bool is_root, const Period& window,
                             std::optional<int64_t> population) const {
  Aggregate a = unit.rows.between(window.from, window.to);
  const Aggregate pending = unit.day_pending.between(window.from, window.to.add_days(-1));
  a = {a.numerator + pending.numerator, a.denominator + pending.denominator, a.rows + pending.rows};
  auto first = std::lower_bound(
      unit.conditional.begin(), unit.conditional.end(), window.from,
      [](const Conditional& c, Date d) { return c.placed_on < d; });
  for (auto it = first; it != unit.conditional.end() && it->placed_on <= window.to; ++it)
    if (it->after < window.from) add_to(a, it->numerator, it->denominator);
  if (is_root && population) add_to(a, 0, static_cast<double>(*population));
  return a;
}

Aggregate FlowRows::total(std::string_view unit, const Period& window,
                          std::optional<int64_t> population) const {
  const bool is_root = unit == root_id_;
  auto it = units_.find(unit);
  if (it == units_.end()) return total_of(Unit{}, is_root, window, population);
  return total_of(it->second, is_root, window, population);
}

void FlowRows::totals(const Period& window, std::optional<int64_t> population,
                      UnitTotals& out) const {
  out.by_unit[root_id_] = total(root_id_, window, population);
  for (const auto& [id, unit] : units_) {
    if (id == root_id_) continue;
    Aggregate a = total_of(unit, false, window, population);
    if (a.rows > 0) out.by_unit.emplace(id, a);
  }
  out.notes = notes_;
}

}  // namespace beacon
