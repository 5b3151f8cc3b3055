// Child protection plans and their review conferences.
#ifndef BEACON_MODEL_CHILD_PROTECTION_H_
#define BEACON_MODEL_CHILD_PROTECTION_H_

#include "model/record.h"

namespace beacon {

struct CpPlan : Record {
  static constexpr const char* kTable = "cp_plans";

  std::string child_id;
  Date start;
  std::string plan_id;
  // The CIN episode the plan was recorded under (CIN census nesting or SSD
  // cppl_referral_id); empty referral_date when unknown.
  OptDate referral_date;
  int episode_ordinal = 1;
  OptDate end;
  std::string initial_category;  // NEG PHY SAB EMO MUL
  std::string latest_category;
  std::optional<int> previous_plans;  // NumberOfPreviousCPP
  std::optional<bool> other_la;       // SSD cppl_cp_plan_ola
  std::string team_id;
  std::string worker_id;

  PlanRef ref() const { return {child_id, start, ordinal}; }

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("start", s.start, FieldRole::kKey);
    v("plan_id", s.plan_id, FieldRole::kData);
    v("referral_date", s.referral_date, FieldRole::kData);
    v("episode_ordinal", s.episode_ordinal, FieldRole::kData);
    v("end", s.end, FieldRole::kData);
    v("initial_category", s.initial_category, FieldRole::kData);
    v("latest_category", s.latest_category, FieldRole::kData);
    v("previous_plans", s.previous_plans, FieldRole::kData);
    v("other_la", s.other_la, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("worker_id", s.worker_id, FieldRole::kData);
  }
};

// A child protection review conference (CPPreviewDate; SSD ssd_cp_reviews).
struct CpReview : Record {
  static constexpr const char* kTable = "cp_reviews";

  PlanRef plan;
  Date date;
  std::string review_id;
  OptDate due;
  std::optional<bool> plan_continues;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.plan.child_id, FieldRole::kKey);
    v("plan_start", s.plan.start, FieldRole::kKey);
    v("plan_ordinal", s.plan.ordinal, FieldRole::kKey);
    v("date", s.date, FieldRole::kKey);
    v("review_id", s.review_id, FieldRole::kData);
    v("due", s.due, FieldRole::kData);
    v("plan_continues", s.plan_continues, FieldRole::kData);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_CHILD_PROTECTION_H_
