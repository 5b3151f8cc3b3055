// The front door: contacts decided within 24 hours (KPI1), re-referrals
// within 12 months (KPI2), referral rate.
#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {

void contacts_decided_in_24_hours(const IndicatorContext& ctx, RowSink& out) {
  constexpr int64_t kDay = 24 * 3600;
  const int64_t end_of_to = int64_t{ctx.period.to.serial() + 1} * kDay;
  for (const Contact& c : ctx.index.history().contacts) {
    if (!ctx.period.contains(c.received.date)) continue;
    const int64_t received = c.received.epoch_seconds();  // date-only: from 00:00
    const bool decided_by_end = c.decided && c.decided->epoch_seconds() <= end_of_to;
    // Received less than 24 hours before the end of `to` and not yet decided:
    // its 24 hours have not run out, so it is left out.
    if (end_of_to - received < kDay && !decided_by_end) continue;
    Row row;
    row.child_id = c.child_id;
    row.record = "contact";
    row.placed_on = c.received.date;
    // A period ending on the day of receipt leaves it out while its 24 hours run.
    const int64_t end_of_day = int64_t{c.received.date.serial() + 1} * kDay;
    row.left_out_if_period_ends_that_day =
        end_of_day - received < kDay && !(c.decided && c.decided->epoch_seconds() <= end_of_day);
    row.date("received", c.received.date).date("decided", c.decided ? OptDate(c.decided->date) : std::nullopt);
    if (c.decided) {
      int64_t taken = c.decided->epoch_seconds() - received;
      row.measure = static_cast<double>(taken) / 3600.0;
      row.measure_label = "hours to decision";
      row.in_numerator = taken <= kDay;
      row.reason = row.in_numerator ? "decided within 24 hours of receipt"
                                    : "decided more than 24 hours after receipt";
    } else {
      row.reason = "no decision recorded 24 hours after receipt";
    }
    row.numerator = row.in_numerator ? 1 : 0;
    attribute_row(ctx.index, row, c.received.date, c.worker_id, c.team_id);
    out.add(row);
  }
}

void re_referrals_within_12_months(const IndicatorContext& ctx, RowSink& out) {
  for (const CinEpisode& r : ctx.index.history().cin_episodes) {
    if (!ctx.period.contains(r.referral_date)) continue;
    const Date window_start = r.referral_date.add_months(-12);
    const CinEpisode* previous = nullptr;
    for (const CinEpisode* other : ctx.index.referrals(r.child_id))
      if (other->referral_date >= window_start && other->referral_date < r.referral_date)
        previous = other;  // sorted: the latest earlier one
    Row row;
    row.child_id = r.child_id;
    row.record = "referral";
    row.placed_on = r.referral_date;
    row.date("referral", r.referral_date);
    row.date("previous referral", previous ? OptDate(previous->referral_date) : std::nullopt);
    row.in_numerator = previous != nullptr;
    row.numerator = row.in_numerator ? 1 : 0;
    row.reason = previous ? "another referral in the 12 months before"
                          : "no other referral in the 12 months before";
    attribute_row(ctx.index, row, r.referral_date, r.worker_id, r.team_id, r.closure_date);
    out.add(row);
  }
}

void referral_rate(const IndicatorContext& ctx, RowSink& out) {
  for (const CinEpisode& r : ctx.index.history().cin_episodes) {
    if (!ctx.period.contains(r.referral_date)) continue;
    Row row;
    row.child_id = r.child_id;
    row.record = "referral";
    row.placed_on = r.referral_date;
    row.date("referral", r.referral_date);
    row.in_numerator = true;
    row.numerator = 1;
    row.denominator = 0;
    row.reason = "referral in the period";
    attribute_row(ctx.index, row, r.referral_date, r.worker_id, r.team_id, r.closure_date);
    out.add(row);
  }
  add_population_row(ctx, out);
}

}  // namespace beacon::logic
