// Section 47 and child protection: ICPC timeliness (KPI5), repeat plans
// (KPI6, KPI6E), short plans (KPI13), long plans, reviews, visits, rates.
#include <algorithm>
#include <unordered_map>
#include <tuple>
#include <map>

#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {
namespace {

bool plan_open_at(const CpPlan& p, Date d) { return p.start <= d && (!p.end || *p.end > d); }

Row plan_row(const CpPlan& p, const char* record) {
  Row row;
  row.child_id = p.child_id;
  row.record = record;
  row.date("plan started", p.start).date("plan ended", p.end);
  return row;
}

// The end of the CIN episode a plan's record belongs to, for the drill-down
// rule's "first allocation after" (logic_support.h).
OptDate plan_episode_end(const CaseIndex& index, const CpPlan& p, Date reference) {
  return containing_episode_end(index, {p.child_id, p.referral_date, p.episode_ordinal}, reference);
}

void finish(Row& row, bool in, const char* yes, const char* no) {
  row.in_numerator = in;
  row.numerator = in ? 1 : 0;
  row.reason = in ? yes : no;
}

}  // namespace

void icpc_within_15_working_days(const IndicatorContext& ctx, RowSink& out) {
  const int limit = ctx.params.get_int("icpc_working_days");
  for (const Section47& s : ctx.index.history().section47s) {
    if (!s.icpc_date || !ctx.period.contains(*s.icpc_date) || *s.icpc_date < s.start) continue;
    const int wd = ctx.index.calendar().working_days(s.start, *s.icpc_date);
    Row row;
    row.child_id = s.episode.child_id;
    row.record = "section 47 enquiry";
    row.placed_on = s.icpc_date;
    row.date("S47 started", s.start).date("ICPC", s.icpc_date);
    row.measure = wd;
    row.measure_label = "working days";
    finish(row, wd <= limit, "ICPC within the working-day limit", "ICPC after the working-day limit");
    attribute_row(ctx.index, row, *s.icpc_date, s.worker_id, s.team_id,
                  containing_episode_end(ctx.index, s.episode, *s.icpc_date));
    out.add(row);
  }
}

void repeat_cp_plans_within_2_years(const IndicatorContext& ctx, RowSink& out) {
  const int years = ctx.params.get_int("repeat_cp_years");
  for (const CpPlan& p : ctx.index.history().cp_plans) {
    if (!ctx.period.contains(p.start)) continue;
    const Date window_start = p.start.add_years(-years);
    const CpPlan* previous = nullptr;
    for (const CpPlan* other : ctx.index.cp_plans(p.child_id))
      if (other->start < p.start && other->end && *other->end >= window_start &&
          *other->end <= p.start)
        previous = other;
    Row row = plan_row(p, "CP plan");
    row.placed_on = p.start;
    row.date("previous plan ended", previous ? previous->end : std::nullopt);
    finish(row, previous != nullptr, "a previous plan ended within the window before this start",
           "no previous plan ended within the window");
    attribute_row(ctx.index, row, p.start, p.worker_id, p.team_id,
                  plan_episode_end(ctx.index, p, p.start));
    out.add(row);
  }
}

void repeat_cp_plans_ever(const IndicatorContext& ctx, RowSink& out) {
  for (const CpPlan& p : ctx.index.history().cp_plans) {
    if (!ctx.period.contains(p.start)) continue;
    const CpPlan* previous = nullptr;
    for (const CpPlan* other : ctx.index.cp_plans(p.child_id))
      if (other->start < p.start) previous = other;
    const bool recorded = p.previous_plans && *p.previous_plans > 0;
    Row row = plan_row(p, "CP plan");
    row.placed_on = p.start;
    row.date("previous plan started", previous ? OptDate(previous->start) : std::nullopt);
    if (p.previous_plans) {
      row.measure = *p.previous_plans;
      row.measure_label = "previous plans recorded";
    }
    finish(row, previous != nullptr || recorded,
           previous ? "an earlier plan is on record" : "previous plans recorded on the plan",
           "first plan");
    attribute_row(ctx.index, row, p.start, p.worker_id, p.team_id,
                  plan_episode_end(ctx.index, p, p.start));
    out.add(row);
  }
}

void cp_plans_ending_within_3_months(const IndicatorContext& ctx, RowSink& out) {
  for (const CpPlan& p : ctx.index.history().cp_plans) {
    if (!p.end || !ctx.period.contains(*p.end)) continue;
    Row row = plan_row(p, "CP plan");
    row.placed_on = p.end;
    row.measure = p.start.days_until(*p.end);
    row.measure_label = "days on plan";
    finish(row, *p.end <= p.start.add_months(3), "lasted 3 months or less", "lasted over 3 months");
    attribute_row(ctx.index, row, *p.end, p.worker_id, p.team_id,
                  plan_episode_end(ctx.index, p, *p.end));
    out.add(row);
  }
}

void cp_plans_open_2_years(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  for (const CpPlan* open : ctx.index.cp_plans_open_at(at)) {
    const CpPlan& p = *open;
    Row row = plan_row(p, "CP plan");
    row.measure = p.start.days_until(at);
    row.measure_label = "days on plan";
    finish(row, p.start <= at.add_years(-2), "open 2 years or more", "open under 2 years");
    attribute_row(ctx.index, row, at, p.worker_id, p.team_id,
                  plan_episode_end(ctx.index, p, at));
    out.add(row);
  }
}

void cp_plans_ending_after_2_years(const IndicatorContext& ctx, RowSink& out) {
  for (const CpPlan& p : ctx.index.history().cp_plans) {
    if (!p.end || !ctx.period.contains(*p.end)) continue;
    Row row = plan_row(p, "CP plan");
    row.placed_on = p.end;
    row.measure = p.start.days_until(*p.end);
    row.measure_label = "days on plan";
    finish(row, *p.end >= p.start.add_years(2), "lasted 2 years or more", "lasted under 2 years");
    attribute_row(ctx.index, row, *p.end, p.worker_id, p.team_id,
                  plan_episode_end(ctx.index, p, *p.end));
    out.add(row);
  }
}

void cp_reviews_on_time(const IndicatorContext& ctx, RowSink& out) {
  std::map<PlanRef, std::vector<const CpReview*>> by_plan;
  for (const CpReview& r : ctx.index.history().cp_reviews) by_plan[r.plan].push_back(&r);
  for (const CpPlan& p : ctx.index.history().cp_plans) {
    auto it = by_plan.find(p.ref());
    if (it == by_plan.end()) continue;
    auto& reviews = it->second;
    std::sort(reviews.begin(), reviews.end(), [](const CpReview* a, const CpReview* b) {
      return std::tie(a->date, a->ordinal) < std::tie(b->date, b->ordinal);
    });
    for (size_t i = 0; i < reviews.size(); ++i) {
      const CpReview& r = *reviews[i];
      if (!ctx.period.contains(r.date)) continue;
      // First review within 3 months of the ICPC (the plan start), then every 6 months.
      const Date previous = i == 0 ? p.start : reviews[i - 1]->date;
      const Date due = i == 0 ? previous.add_months(3) : previous.add_months(6);
      Row row = plan_row(p, i == 0 ? "first CP review" : "CP review");
      row.placed_on = r.date;
      row.date("previous review or ICPC", previous).date("due by", due).date("held", r.date);
      finish(row, r.date <= due, "held by its due date", "held after its due date");
      attribute_row(ctx.index, row, r.date, p.worker_id, p.team_id,
                  plan_episode_end(ctx.index, p, r.date));
      out.add(row);
    }
  }
}

void cp_visits_on_time(const IndicatorContext& ctx, RowSink& out) {
  const int limit = ctx.params.get_int("cp_visit_working_days");
  auto visits = recorded_visits_by_child(ctx.index, "cp");
  for (auto& [child_id, list] : visits) {
    for (size_t i = 0; i < list.size(); ++i) {
      const Visit& v = *list[i];
      if (!ctx.period.contains(v.date.date)) continue;
      const CpPlan* plan = nullptr;
      for (const CpPlan* p : ctx.index.cp_plans(child_id))
        if (plan_open_at(*p, v.date.date) || p->start == v.date.date) plan = p;
      if (!plan) continue;
      Date previous = plan->start;
      for (size_t k = i; k-- > 0;)
        if (list[k]->date.date >= plan->start) {
          previous = list[k]->date.date;
          break;
        }
      const int wd = ctx.index.calendar().working_days(previous, v.date.date);
      Row row = plan_row(*plan, "CP visit");
      row.placed_on = v.date.date;
      row.date("previous visit or plan start", previous).date("visit", v.date.date);
      row.measure = wd;
      row.measure_label = "working days since the last";
      finish(row, wd <= limit, "within the working-day limit", "late");
      attribute_row(ctx.index, row, v.date.date, v.worker_id, {},
                    plan_episode_end(ctx.index, *plan, v.date.date));
      out.add(row);
    }
  }
}

void cp_rate(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  // Hashed (keys view the records): the order of children does not matter to a figure.
  std::unordered_map<std::string_view, const CpPlan*> open;
  for (const CpPlan* p : ctx.index.cp_plans_open_at(at)) open[p->child_id] = p;
  for (const auto& [child_id, p] : open) {
    Row row = plan_row(*p, "CP plan");
    row.in_numerator = true;
    row.numerator = 1;
    row.denominator = 0;
    row.reason = "on a CP plan at the date";
    attribute_row(ctx.index, row, at, p->worker_id, p->team_id,
                  plan_episode_end(ctx.index, *p, at));
    out.add(row);
  }
  add_population_row(ctx, out);
}

void s47_rate(const IndicatorContext& ctx, RowSink& out) {
  for (const Section47& s : ctx.index.history().section47s) {
    if (!ctx.period.contains(s.start)) continue;
    Row row;
    row.child_id = s.episode.child_id;
    row.record = "section 47 enquiry";
    row.placed_on = s.start;
    row.date("S47 started", s.start);
    row.in_numerator = true;
    row.numerator = 1;
    row.denominator = 0;
    row.reason = "section 47 enquiry started in the period";
    attribute_row(ctx.index, row, s.start, s.worker_id, s.team_id,
                  containing_episode_end(ctx.index, s.episode, s.start));
    out.add(row);
  }
  add_population_row(ctx, out);
}

}  // namespace beacon::logic
