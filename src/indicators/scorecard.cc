#include "indicators/scorecard.h"

namespace beacon {

std::vector<Figure> build_scorecard(const IndicatorEngine& engine, const Period& period,
                                    std::string_view unit, int series_points,
                                    bool contract_only) {
  std::vector<Figure> out;
  for (const auto& def : indicator_catalogue())
    if (!contract_only || def.contract) out.push_back(engine.figure(def, period, unit, series_points));
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
