// Children looked after: long-term placement stability (KPI7), reviews on
// time (KPI8), short-term stability, visits, rate, UASC, missing episodes.
#include <algorithm>
#include <map>

#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {
namespace {

void finish(Row& row, bool in, const char* yes, const char* no) {
  row.in_numerator = in;
  row.numerator = in ? 1 : 0;
  row.reason = in ? yes : no;
}

// Children with any period of care, in id order.
std::vector<std::string_view> children_in_care_data(const CaseIndex& index) {
  std::vector<std::string_view> ids;
  for (const PeriodOfCare* p : index.all_periods_of_care())
    if (ids.empty() || ids.back() != p->child_id) ids.push_back(p->child_id);
  return ids;
}

}  // namespace

void long_term_placement_stability(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  const Date care_cutoff = at.add_months(-30);
  const Date spell_cutoff = at.add_years(-2);
  for (const auto& [child_id, la, in_care] : looked_after_children_at(ctx.index, at)) {
    auto age = age_at(in_care->child, at);
    if (!age || *age >= 16 || *age < 0) continue;
    const PeriodOfCare& period = *la.period;
    if (period.start() > care_cutoff) continue;
    const size_t s = period.spell_of(la.episode_index);
    const LaEpisode& spell_first = *period.episodes[period.spells[s].first];
    bool in = spell_first.start <= spell_cutoff;
    OptDate previous_spell_start;
    // Placed for adoption: the adoption placement began a new spell; the
    // spell it ended counts toward the two years.
    if (!in && is_adoption_placement(la.episode->place) &&
        is_adoption_placement(spell_first.place) && s > 0) {
      previous_spell_start = period.episodes[period.spells[s - 1].first]->start;
      in = *previous_spell_start <= spell_cutoff;
    }
    Row row;
    row.child_id = child_id;
    row.record = "child looked after";
    row.date("period of care started", period.start()).date("carer spell started", spell_first.start);
    row.date("previous spell started", previous_spell_start);
    row.measure = spell_first.start.days_until(at);
    row.measure_label = "days with the current carer";
    finish(row, in,
           previous_spell_start ? "placed for adoption after 2 years or more with the previous carer"
                                : "with the same carer for 2 years or more",
           "with the current carer for less than 2 years");
    attribute_row(ctx.index, row, at, *in_care);
    out.add(row);
  }
}

void la_reviews_on_time(const IndicatorContext& ctx, RowSink& out) {
  // Reviews dated outside any period of care are a data-quality finding, not
  // counted (indicators.md): the figure says they exist, whatever their date,
  // so that every period's figure and the per-period run carry the same note.
  bool outside_any_period = false;
  for (std::string_view child_id : children_in_care_data(ctx.index)) {
    auto periods = ctx.index.periods_of_care(child_id);
    // Each review belongs to the latest-starting period whose dates hold it.
    std::map<const PeriodOfCare*, std::vector<const LaReview*>> by_period;
    for (const LaReview* r : ctx.index.la_reviews(child_id)) {
      if (r->cancelled && *r->cancelled) continue;
      const PeriodOfCare* home = nullptr;
      for (const PeriodOfCare& p : periods) {
        if (p.short_breaks_only()) continue;
        if (r->date >= p.start() && (!p.end() || r->date <= *p.end())) home = &p;
      }
      if (home)
        by_period[home].push_back(r);
      else
        outside_any_period = true;
    }
    for (const auto& [period, reviews] : by_period) {
      for (size_t i = 0; i < reviews.size(); ++i) {
        const LaReview& r = *reviews[i];
        if (!ctx.period.contains(r.date)) continue;
        Row row;
        row.child_id = child_id;
        row.record = i == 0 ? "first looked-after review" : "looked-after review";
        row.placed_on = r.date;
        row.date("period of care started", period->start());
        bool on_time = false;
        if (i == 0) {
          const int wd = ctx.index.calendar().working_days(period->start(), r.date);
          row.measure = wd;
          row.measure_label = "working days after coming into care";
          on_time = wd <= 20;
          row.date("held", r.date);
        } else {
          const Date previous = reviews[i - 1]->date;
          const Date due = previous.add_months(i == 1 ? 3 : 6);
          row.date("previous review", previous).date("due by", due).date("held", r.date);
          on_time = r.date <= due;
        }
        finish(row, on_time, "held on time", "held late");
        attribute_row(ctx.index, row, r.date, {}, {}, period->end());
        out.add(row);
      }
    }
  }
  if (outside_any_period)
    out.note("some looked-after reviews are dated outside any period of care: a data-quality "
             "finding, not counted");
}

void short_term_placement_stability(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  const Date window_start = at.add_months(-12).add_days(1);
  for (const auto& [child_id, la, in_care] : looked_after_children_at(ctx.index, at)) {
    int placements = 0;
    bool held_counted = false;
    OptDate first_counted;
    for (const PeriodOfCare& p : in_care->periods) {
      if (p.short_breaks_only()) continue;
      for (size_t i = 0; i < p.episodes.size(); ++i) {
        const LaEpisode& e = *p.episodes[i];
        if (is_short_break(e.legal_status)) continue;
        // The placement held at the window's start counts once.
        if (open_at(e, window_start)) {
          if (!held_counted) {
            held_counted = true;
            ++placements;
            if (!first_counted) first_counted = e.start;
          }
          continue;
        }
        if (e.start <= window_start || e.start > at) continue;
        const bool new_placement = e.rne == "S" || e.rne == "P" || e.rne == "T" ||
                                   e.rne == "B" || e.rne == "U";
        if (!new_placement || is_temporary_placement(e.place)) continue;
        // The return from a temporary placement is not a new placement.
        bool is_return = false;
        if (i >= 1 && is_temporary_placement(p.episodes[i - 1]->place)) {
          size_t k = i - 1;
          while (k > 0 && is_temporary_placement(p.episodes[k]->place)) --k;
          const LaEpisode& settled = *p.episodes[k];
          is_return = !is_temporary_placement(settled.place) && settled.place == e.place &&
                      settled.placement_postcode == e.placement_postcode && settled.urn == e.urn;
        }
        if (is_return) continue;
        ++placements;
        if (!first_counted) first_counted = e.start;
      }
    }
    Row row;
    row.child_id = child_id;
    row.record = "child looked after";
    row.date("window started", window_start).date("first placement counted", first_counted);
    row.measure = placements;
    row.measure_label = "placements in 12 months";
    finish(row, placements >= 3, "3 or more placements in 12 months", "fewer than 3 placements");
    attribute_row(ctx.index, row, at, *in_care);
    out.add(row);
  }
}

void la_visits_on_time(const IndicatorContext& ctx, RowSink& out) {
  auto visits = recorded_visits_by_child(ctx.index, "cla");
  for (auto& [child_id, list] : visits) {
    for (size_t i = 0; i < list.size(); ++i) {
      const Visit& v = *list[i];
      if (!ctx.period.contains(v.date.date)) continue;
      auto la = looked_after_at(ctx.index, child_id, v.date.date);
      if (!la.episode) continue;
      Date previous = la.period->start();
      for (size_t k = i; k-- > 0;)
        if (list[k]->date.date >= la.period->start()) {
          previous = list[k]->date.date;
          break;
        }
      // Long-term foster placements may move to 3-monthly after the first year.
      const size_t s = la.period->spell_of(la.episode_index);
      const Date spell_start = la.period->episodes[la.period->spells[s].first]->start;
      const bool long_term = (la.episode->place == "U1" || la.episode->place == "U4") &&
                             spell_start.add_years(1) <= previous;
      const Date due = long_term ? previous.add_months(3) : previous.add_days(42);
      Row row;
      row.child_id = child_id;
      row.record = "looked-after visit";
      row.placed_on = v.date.date;
      row.date("previous visit or care start", previous).date("due by", due).date("visit", v.date.date);
      finish(row, v.date.date <= due, long_term ? "within 3 months (long-term placement)"
                                                : "within 6 weeks",
             "late");
      attribute_row(ctx.index, row, v.date.date, v.worker_id, {}, la.period->end());
      out.add(row);
    }
  }
}

void cla_rate(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  for (const auto& [child_id, la, in_care] : looked_after_children_at(ctx.index, at)) {
    Row row;
    row.child_id = child_id;
    row.record = "child looked after";
    row.date("period of care started", la.period->start());
    row.in_numerator = true;
    row.numerator = 1;
    row.denominator = 0;
    row.reason = "looked after at the date";
    attribute_row(ctx.index, row, at, *in_care);
    out.add(row);
  }
  add_population_row(ctx, out);
}

void uasc_looked_after(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  for (const auto& [child_id, la, in_care] : looked_after_children_at(ctx.index, at)) {
    const Child* child = in_care->child;
    const bool uasc = child && child->uasc && *child->uasc &&
                      (!child->uasc_ceased || *child->uasc_ceased > at);
    Row row;
    row.child_id = child_id;
    row.record = "child looked after";
    row.date("period of care started", la.period->start());
    finish(row, uasc, "unaccompanied asylum-seeking child", "not UASC");
    attribute_row(ctx.index, row, at, *in_care);
    out.add(row);
  }
}

void missing_episodes_with_return_interview(const IndicatorContext& ctx, RowSink& out) {
  for (const MissingEpisode& m : ctx.index.history().missing_episodes) {
    if (!ctx.period.contains(m.start)) continue;
    Row row;
    row.child_id = m.child_id;
    row.record = m.type == "A" ? "away from placement" : "missing episode";
    row.placed_on = m.start;
    row.date("started", m.start).date("ended", m.end);
    finish(row, m.rhi_offered && *m.rhi_offered, "return interview offered",
           "no return interview recorded");
    attribute_row(ctx.index, row, m.start);
    out.add(row);
  }
}

}  // namespace beacon::logic
