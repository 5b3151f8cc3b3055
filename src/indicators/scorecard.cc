#include "indicators/scorecard.h"

#include <atomic>
#include <thread>

namespace beacon {

std::vector<Figure> build_scorecard(const IndicatorEngine& engine, const Period& period,
                                    std::string_view unit, int series_points,
                                    bool contract_only) {
  std::vector<const IndicatorDef*> defs;
  for (const auto& def : indicator_catalogue())
    if (!contract_only || def.contract) defs.push_back(&def);
  // The figures are independent and the engine computes each result once
  // whoever asks, so a second thread shares the work of a cold scorecard
  // (the figures, and so the output, are the same whichever thread made them).
  std::vector<Figure> out(defs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < defs.size(); i = next++)
      out[i] = engine.figure(*defs[i], period, unit, series_points);
  };
  std::thread helper(work);
  work();
  helper.join();
  return out;
}

std::vector<BreakdownRow> build_breakdown(const IndicatorEngine& engine, const IndicatorDef& def,
                                          const Period& period, std::string_view unit) {
  const auto& org = engine.index().organisation();
  const std::string parent = unit.empty() ? org.root_id() : std::string(unit);
  auto totals = engine.totals(def, period);
  const auto settings =
      targets_for(def, engine.effective_period(def, period).to.financial_year(),
                  engine.index().history().indicator_targets);
  auto total_of = [&](std::string_view id) {
    auto it = totals->by_unit.find(id);
    return it == totals->by_unit.end() ? Aggregate{} : it->second;
  };
  std::vector<BreakdownRow> rows;
  Aggregate held;
  for (const OrgUnit* u : org.children(parent)) {
    BreakdownRow r;
    r.id = u->id;
    r.name = u->name.empty() ? u->id : u->name;
    r.kind = u->kind;
    r.total = total_of(u->id);
    r.value = value_of(def.value_kind, r.total);
    r.rag = rag_for(r.value, settings);
    r.has_children = !org.children(u->id).empty() || !org.workers_in(u->id).empty();
    held.numerator += r.total.numerator;
    held.denominator += r.total.denominator;
    held.rows += r.total.rows;
    rows.push_back(std::move(r));
  }
  for (const Worker* w : org.workers_in(parent)) {
    BreakdownRow r;
    r.id = w->id;
    r.name = w->name.empty() ? w->id : w->name;
    r.kind = "worker";
    r.total = total_of(w->id);
    r.value = value_of(def.value_kind, r.total);
    r.rag = rag_for(r.value, settings);
    if (r.total.rows == 0) continue;  // no records behind this worker
    held.numerator += r.total.numerator;
    held.denominator += r.total.denominator;
    held.rows += r.total.rows;
    rows.push_back(std::move(r));
  }
  // Records attributed to the unit itself but to none below it.
  Aggregate all = total_of(parent);
  if (!rows.empty() && all.rows > held.rows) {
    BreakdownRow r;
    r.id = "";
    r.name = "Not allocated below this level";
    r.kind = "unallocated";
    r.total = {all.numerator - held.numerator, all.denominator - held.denominator,
               all.rows - held.rows};
    r.value = value_of(def.value_kind, r.total);
    r.rag = rag_for(r.value, settings);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace beacon
