// Youth justice: proven re-offending within 12 months (KPI11).
#include <map>

#include <tuple>

#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {

void youth_reoffending(const IndicatorContext& ctx, RowSink& out) {
  // The cohort: first qualifying disposals in the period moved back 18 months
  // (default: the 12 months ending 18 months before `to`).
  const Date from = ctx.period.from.add_months(-18);
  const Date to = ctx.period.to.add_months(-18);
  std::map<std::string_view, const YouthJusticeDisposal*> first;
  for (const YouthJusticeDisposal& d : ctx.index.history().youth_justice) {
    if (d.disposal_date < from || d.disposal_date > to) continue;
    auto& f = first[d.person_id];
    if (!f || std::tie(d.disposal_date, d.ordinal) < std::tie(f->disposal_date, f->ordinal)) f = &d;
  }
  for (const auto& [person, d] : first) {
    const Date follow_up_end = d->disposal_date.add_months(12);
    const bool reoffended = d->reoffence_date && *d->reoffence_date > d->disposal_date &&
                            *d->reoffence_date <= follow_up_end;
    Row row;
    row.child_id = person;
    row.record = "young person";
    row.date("first disposal", d->disposal_date).date("re-offence", d->reoffence_date);
    row.in_numerator = reoffended;
    row.numerator = reoffended ? 1 : 0;
    row.reason = reoffended ? "proven re-offence within 12 months" : "no proven re-offence within 12 months";
    attribute_row(ctx.index, row, d->disposal_date);
    out.add(row);
  }
}

}  // namespace beacon::logic
