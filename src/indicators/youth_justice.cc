// Youth justice: proven re-offending within 12 months (KPI11).
#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {

Period youth_reoffending_window(const Period& p) {
  return {p.from.add_months(-18), p.to.add_months(-18), PeriodKind::kExplicit, 0};
}

void youth_reoffending(const IndicatorContext& ctx, RowSink& out) {
  // The cohort: first qualifying disposals in the period moved back 18 months
  // (default: the 12 months ending 18 months before `to`).
  const Period window = ctx.every_period ? ctx.period : youth_reoffending_window(ctx.period);
  // Each person's disposals in date order: one is the first in a window when
  // it falls in the window and the one before it does not.
  std::map<std::string_view, std::vector<const YouthJusticeDisposal*>> by_person;
  for (const YouthJusticeDisposal& d : ctx.index.history().youth_justice)
    by_person[d.person_id].push_back(&d);
  for (auto& [person, disposals] : by_person) {
    std::stable_sort(disposals.begin(), disposals.end(), [](const auto* a, const auto* b) {
      return std::tie(a->disposal_date, a->ordinal) < std::tie(b->disposal_date, b->ordinal);
    });
    for (size_t i = 0; i < disposals.size(); ++i) {
      const YouthJusticeDisposal* d = disposals[i];
      const YouthJusticeDisposal* before = i > 0 ? disposals[i - 1] : nullptr;
      if (!window.contains(d->disposal_date)) continue;
      // Every-period rows say instead which windows leave the earlier one out.
      if (before && !ctx.every_period && before->disposal_date >= window.from) continue;
      const Date follow_up_end = d->disposal_date.add_months(12);
      const bool reoffended = d->reoffence_date && *d->reoffence_date > d->disposal_date &&
                              *d->reoffence_date <= follow_up_end;
      Row row;
      row.child_id = person;
      row.record = "young person";
      row.placed_on = d->disposal_date;
      if (before) row.only_if_window_starts_after = before->disposal_date;
      row.date("first disposal", d->disposal_date).date("re-offence", d->reoffence_date);
      row.in_numerator = reoffended;
      row.numerator = reoffended ? 1 : 0;
      row.reason = reoffended ? "proven re-offence within 12 months" : "no proven re-offence within 12 months";
      attribute_row(ctx.index, row, d->disposal_date, {}, {},
                    containing_episode_end(ctx.index, EpisodeRef{std::string(person), std::nullopt, 1},
                                           d->disposal_date));
      out.add(row);
    }
  }
}

}  // namespace beacon::logic
