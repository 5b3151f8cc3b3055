// Child protection: ssd_cp_plans → CpPlan, ssd_cp_reviews → CpReview.
#include "ingest/ssd_load.h"

namespace beacon {
namespace {

void read_cp_plans(SsdLoad& load) {
  SsdFile* f = load.file("ssd_cp_plans");
  if (!f) return;
  auto& plans = load.batch().records.cp_plans;
  const size_t first = plans.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    CpPlan p;
    p.plan_id = load.own_id(r, *f);
    p.child_id = load.person(r, "cppl_person_id");
    auto* referral = load.resolve(r, "cppl_referral_id", SsdRef::kReferral, false);
    load.same_child(r, "cppl_referral_id", SsdRef::kReferral, referral, p.child_id);
    if (referral) {
      p.referral_date = referral->episode.referral_date;
      p.episode_ordinal = referral->episode.ordinal;
    }
    auto* conference = load.resolve(r, "cppl_icpc_id", SsdRef::kConference, false);
    load.same_child(r, "cppl_icpc_id", SsdRef::kConference, conference, p.child_id);
    p.start = r.required_date("cppl_cp_plan_start_date");
    p.end = r.date("cppl_cp_plan_end_date");
    p.initial_category =
        r.code("cppl_cp_plan_initial_category", "cin.abuse_category", "category of abuse");
    p.latest_category =
        r.code("cppl_cp_plan_latest_category", "cin.abuse_category", "category of abuse");
    p.other_la = r.flag("cppl_cp_plan_ola");
    if (p.end && *p.end < p.start)
      r.finding("cppl_cp_plan_end_date", "is before the plan started", "dq.order");
    load.keep(*f, i, r, std::move(p));
  }
  load.number_duplicates<CpPlan>(*f, first);
  for (size_t i = first; i < plans.size(); ++i)
    load.provide(SsdRef::kCpPlan, plans[i].plan_id,
                 {plans[i].child_id, {}, plans[i].start, plans[i].ordinal, {}});
  load.mark_built(SsdRef::kCpPlan);
  load.carry<CpPlan>(*f, {"plan_id", "referral_date", "episode_ordinal", "end", "initial_category",
                          "latest_category", "other_la"});
}

void read_cp_reviews(SsdLoad& load) {
  SsdFile* f = load.file("ssd_cp_reviews");
  if (!f) return;
  const size_t first = load.batch().records.cp_reviews.size();
  int not_held = 0;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    CpReview v;
    v.review_id = load.own_id(r, *f);
    auto child = load.person(r, "cppr_person_id");
    auto* plan = load.resolve(r, "cppr_cp_plan_id", SsdRef::kCpPlan, true);
    load.same_child(r, "cppr_cp_plan_id", SsdRef::kCpPlan, plan, child);
    auto date = r.date("cppr_cp_review_date");
    v.due = r.date("cppr_cp_review_due", DateUse::kPlanned);
    v.plan_continues = r.flag("cppr_cp_review_outcome_continue_cp");
    if (r.ok() && !date) {  // scheduled, not yet held
      ++not_held;
      continue;
    }
    if (plan)
      v.plan = {plan->child_id.empty() ? child : plan->child_id, plan->start, plan->ordinal};
    v.date = date.value_or(Date());
    if (plan && v.date < plan->start)
      r.finding("cppr_cp_review_date", "is before the plan started", "dq.order");
    load.keep(*f, i, r, std::move(v));
  }
  load.number_duplicates<CpReview>(*f, first);
  if (not_held > 0)
    load.note("ssd_cp_reviews: " + std::to_string(not_held) +
              " reviews have no review date (not yet held) and are not loaded");
  load.carry<CpReview>(*f, {"review_id", "due", "plan_continues"});
}

}  // namespace

void read_ssd_child_protection(SsdLoad& load) {
  read_cp_plans(load);
  read_cp_reviews(load);
}

}  // namespace beacon
