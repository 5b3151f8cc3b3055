// Children in need: open more than 2 years (KPI4), CIN plans started on
// time, CIN-plan visits, rates per 10,000.
#include <algorithm>
#include <unordered_map>

#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {
namespace {

bool plan_open_at(const CinPlan& p, Date d) { return p.start <= d && (!p.end || *p.end > d); }

}  // namespace

void cin_open_more_than_2_years(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  const Date two_years_before = at.add_years(-2);
  for (const CinEpisode* open : ctx.index.cin_episodes_open_at(at)) {
    const CinEpisode& e = *open;
    Row row;
    row.child_id = e.child_id;
    row.record = "CIN episode";
    row.date("referral", e.referral_date).date("closure", e.closure_date);
    row.measure = e.referral_date.days_until(at);
    row.measure_label = "days open";
    row.in_numerator = e.referral_date < two_years_before;
    row.numerator = row.in_numerator ? 1 : 0;
    row.reason = row.in_numerator ? "open more than 2 years" : "open 2 years or less";
    attribute_row(ctx.index, row, at, e.worker_id, e.team_id, e.closure_date);
    out.add(row);
  }
}

void cin_plans_started_on_time(const IndicatorContext& ctx, RowSink& out) {
  const int limit = ctx.params.get_int("cin_plan_working_days");
  for (const CinPlan& p : ctx.index.history().cin_plans) {
    if (!ctx.period.contains(p.start)) continue;
    // The assessment in the same episode authorised most recently on or before the plan start.
    const Assessment* assessment = nullptr;
    for (const Assessment* a : ctx.index.assessments(p.episode.child_id))
      if (a->episode == p.episode && a->authorised && *a->authorised <= p.start &&
          (!assessment || *a->authorised >= *assessment->authorised))
        assessment = a;
    if (!assessment) continue;  // nothing to measure from
    const int wd = ctx.index.calendar().working_days(*assessment->authorised, p.start);
    Row row;
    row.child_id = p.episode.child_id;
    row.record = "CIN plan";
    row.placed_on = p.start;
    row.date("assessment authorised", assessment->authorised).date("plan started", p.start);
    row.measure = wd;
    row.measure_label = "working days";
    row.in_numerator = wd <= limit;
    row.numerator = row.in_numerator ? 1 : 0;
    row.reason = row.in_numerator ? "started within the working-day limit of the assessment"
                                  : "started after the working-day limit";
    attribute_row(ctx.index, row, p.start, p.worker_id, p.team_id,
                  episode_end(ctx.index, p.episode));
    out.add(row);
  }
}

void cin_plan_visits_on_time(const IndicatorContext& ctx, RowSink& out) {
  const int limit = ctx.params.get_int("cin_visit_working_days");
  auto visits = recorded_visits_by_child(ctx.index, "cin");
  StringMap<std::vector<const CinPlan*>> plans;
  for (const CinPlan& p : ctx.index.history().cin_plans) plans[p.episode.child_id].push_back(&p);
  for (auto& [child_id, list] : visits) {
    for (size_t i = 0; i < list.size(); ++i) {
      const Visit& v = *list[i];
      if (!ctx.period.contains(v.date.date)) continue;
      const CinPlan* plan = nullptr;
      for (const CinPlan* p : plans[child_id])
        if (plan_open_at(*p, v.date.date) || p->start == v.date.date) plan = p;
      if (!plan) continue;  // not on a CIN plan at the visit
      Date previous = plan->start;
      for (size_t k = i; k-- > 0;)
        if (list[k]->date.date >= plan->start) {
          previous = list[k]->date.date;
          break;
        }
      const int wd = ctx.index.calendar().working_days(previous, v.date.date);
      Row row;
      row.child_id = v.child_id;
      row.record = "CIN plan visit";
      row.placed_on = v.date.date;
      row.date("previous visit or plan start", previous).date("visit", v.date.date);
      row.measure = wd;
      row.measure_label = "working days since the last";
      row.in_numerator = wd <= limit;
      row.numerator = row.in_numerator ? 1 : 0;
      row.reason = row.in_numerator ? "within the working-day limit" : "late";
      attribute_row(ctx.index, row, v.date.date, v.worker_id, {},
                    episode_end(ctx.index, plan->episode));
      out.add(row);
    }
  }
}

void cin_rate(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  // Children, not episodes: the child's open episode (the latest if several).
  // Hashed (keys view the records): the order of children does not matter to a figure.
  std::unordered_map<std::string_view, const CinEpisode*> open;
  for (const CinEpisode* e : ctx.index.cin_episodes_open_at(at)) open[e->child_id] = e;
  for (const auto& [child_id, e] : open) {
    Row row;
    row.child_id = child_id;
    row.record = "child in need";
    row.date("referral", e->referral_date);
    row.in_numerator = true;
    row.numerator = 1;
    row.denominator = 0;
    row.reason = "open CIN episode at the date";
    attribute_row(ctx.index, row, at, e->worker_id, e->team_id, e->closure_date);
    out.add(row);
  }
  add_population_row(ctx, out);
}

void cin_plan_rate(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  std::unordered_map<std::string_view, const CinPlan*> open;
  for (const CinPlan* p : ctx.index.cin_plans_open_at(at)) open[p->episode.child_id] = p;
  for (const auto& [child_id, p] : open) {
    Row row;
    row.child_id = child_id;
    row.record = "CIN plan";
    row.date("plan started", p->start);
    row.in_numerator = true;
    row.numerator = 1;
    row.denominator = 0;
    row.reason = "on a CIN plan at the date";
    attribute_row(ctx.index, row, at, p->worker_id, p->team_id, episode_end(ctx.index, p->episode));
    out.add(row);
  }
  add_population_row(ctx, out);
}

}  // namespace beacon::logic
