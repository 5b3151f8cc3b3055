// Assessments: completed within 45 working days (KPI3); open assessments
// past 45 working days at a date.
#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {

void assessments_within_45_working_days(const IndicatorContext& ctx, RowSink& out) {
  const int limit = ctx.params.get_int("assessment_working_days");
  for (const Assessment& a : ctx.index.history().assessments) {
    if (!a.authorised || !ctx.period.contains(*a.authorised)) continue;
    // WD(a, b) counts the working days after a up to b: none when b comes
    // first (authorised before its recorded start, which the row says).
    const bool before_start = *a.authorised < a.start;
    const int wd = before_start ? 0 : ctx.index.calendar().working_days(a.start, *a.authorised);
    Row row;
    row.child_id = a.episode.child_id;
    row.record = "assessment";
    row.placed_on = a.authorised;
    row.date("started", a.start).date("authorised", a.authorised);
    row.measure = wd;
    row.measure_label = "working days";
    row.in_numerator = wd <= limit;
    row.numerator = row.in_numerator ? 1 : 0;
    row.reason = before_start          ? "authorised before its recorded start (0 working days)"
                 : row.in_numerator ? "authorised within the working-day limit"
                                    : "authorised after the working-day limit";
    attribute_row(ctx.index, row, *a.authorised, a.worker_id, a.team_id,
                  episode_end(ctx.index, a.episode));
    out.add(row);
  }
}

void open_assessments_past_45_working_days(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  const int limit = ctx.params.get_int("assessment_working_days");
  for (const Assessment* open : ctx.index.assessments_open_at(at)) {
    const Assessment& a = *open;
    // An assessment left unauthorised in a closed episode is not open work.
    const CinEpisode* episode = find_episode(ctx.index, a.episode);
    if (episode && episode->closure_date && *episode->closure_date <= at) continue;
    const int wd = ctx.index.calendar().working_days(a.start, at);
    Row row;
    row.child_id = a.episode.child_id;
    row.record = "open assessment";
    row.date("started", a.start);
    row.measure = wd;
    row.measure_label = "working days open";
    row.in_numerator = wd > limit;
    row.numerator = row.in_numerator ? 1 : 0;
    row.reason = row.in_numerator ? "open past the working-day limit" : "open within the limit";
    attribute_row(ctx.index, row, at, a.worker_id, a.team_id,
                  episode ? episode->closure_date : std::nullopt);
    out.add(row);
  }
}

}  // namespace beacon::logic
