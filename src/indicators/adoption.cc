// Adoption: placement order to match (KPI10, the scorecard's A2), A1 and
// A10, in the period and as 3-year means.
#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {
namespace {

// The child's match date for an adoption that completed on `adopted`: the
// latest recorded match on or before it, else the latest recorded at all.
OptDate match_date(const CaseIndex& index, std::string_view child_id, Date adopted) {
  OptDate best, any;
  for (const Adoption* a : index.adoptions(child_id)) {
    if (!a->match_date) continue;
    if (!any || *a->match_date > *any) any = a->match_date;
    if (*a->match_date <= adopted && (!best || *a->match_date > *best)) best = a->match_date;
  }
  return best ? best : any;
}

bool adopted_by_foster_carer(const CaseIndex& index, std::string_view child_id) {
  for (const Adoption* a : index.adoptions(child_id))
    if (a->by_foster_carer && *a->by_foster_carer) return true;
  return false;
}

// Periods of care ending in adoption within [from, to].
template <class F>
void for_each_adoption(const CaseIndex& index, Date from, Date to, F&& f) {
  for (const PeriodOfCare* p : index.all_periods_of_care()) {
    if (p->short_breaks_only() || !p->ended_in_adoption()) continue;
    const Date adopted = *p->end();
    if (adopted < from || adopted > to) continue;
    f(*p, adopted);
  }
}

void mean_row(Row& row, int days) {
  row.in_numerator = true;
  row.numerator = days;
  row.denominator = 1;
  row.measure = days;
  row.measure_label = "days";
}

// The episode in which the child moved in with the adopters who adopted it:
// the first placement for adoption (A3–A6) in the carer spell of the last one.
// An earlier placement for adoption that broke down (the child moved to other
// carers before this one) is not "moving in with the adoptive family".
// Returns episodes.size() when no placement for adoption is recorded.
size_t adoptive_placement(const PeriodOfCare& p) {
  size_t last = p.episodes.size();
  for (size_t i = p.episodes.size(); i-- > 0;)
    if (is_adoption_placement(p.episodes[i]->place)) {
      last = i;
      break;
    }
  if (last == p.episodes.size() || p.spells.empty()) return last;
  for (size_t i = p.spells[p.spell_of(last)].first; i < last; ++i)
    if (is_adoption_placement(p.episodes[i]->place)) return i;
  return last;
}

// A1 / A10: entry to care → moving in with the adopters (A10: → moving in
// with the foster carers who went on to adopt).
void a1_or_a10(const IndicatorContext& ctx, RowSink& out, Date from, bool a10) {
  for_each_adoption(ctx.index, from, ctx.period.to, [&](const PeriodOfCare& p, Date adopted) {
    const size_t placed = adoptive_placement(p);
    if (placed == p.episodes.size()) return;  // no placement for adoption recorded
    Date moved_in = p.episodes[placed]->start;
    if (a10 && adopted_by_foster_carer(ctx.index, p.child_id))
      moved_in = p.episodes[p.spells[p.spell_of(placed)].first]->start;
    Row row;
    row.child_id = p.child_id;
    row.record = "child adopted";
    row.placed_on = adopted;
    row.date("entered care", p.start()).date("moved in", moved_in).date("adopted", adopted);
    mean_row(row, p.start().days_until(moved_in));
    row.reason = "adopted in the period";
    attribute_row(ctx.index, row, adopted, {}, {}, adopted);
    out.add(row);
  });
}

}  // namespace

void adoption_order_to_match(const IndicatorContext& ctx, RowSink& out) {
  for_each_adoption(ctx.index, ctx.period.from, ctx.period.to,
                    [&](const PeriodOfCare& p, Date adopted) {
    const LaEpisode* order = nullptr;
    for (const LaEpisode* e : p.episodes)
      if (e->legal_status == "E1" || e->legal_status == "D1") {
        order = e;
        break;
      }
    OptDate matched = match_date(ctx.index, p.child_id, adopted);
    if (!order || !matched) return;  // excluded: no order or no match date
    Row row;
    row.child_id = p.child_id;
    row.record = "child adopted";
    row.placed_on = adopted;
    row.date("placement order", order->start).date("matched", matched).date("adopted", adopted);
    mean_row(row, std::max(0, order->start.days_until(*matched)));
    row.reason = *matched < order->start ? "matched before the order: counts 0 days"
                                         : "days from placement order to match";
    attribute_row(ctx.index, row, adopted, {}, {}, adopted);
    out.add(row);
  });
}

void adoption_a1(const IndicatorContext& ctx, RowSink& out) {
  a1_or_a10(ctx, out, ctx.period.from, false);
}
void adoption_a10(const IndicatorContext& ctx, RowSink& out) {
  a1_or_a10(ctx, out, ctx.period.from, true);
}
Period adoption_three_year_window(const Period& p) {
  return {p.to.add_months(-36).add_days(1), p.to, PeriodKind::kExplicit, 0};
}
void adoption_a1_three_year(const IndicatorContext& ctx, RowSink& out) {
  a1_or_a10(ctx, out, ctx.every_period ? ctx.period.from : adoption_three_year_window(ctx.period).from,
            false);
}
void adoption_a10_three_year(const IndicatorContext& ctx, RowSink& out) {
  a1_or_a10(ctx, out, ctx.every_period ? ctx.period.from : adoption_three_year_window(ctx.period).from,
            true);
}

}  // namespace beacon::logic
