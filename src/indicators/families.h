// The indicator logic, one function per indicator, grouped by family in
// one file each (front_door.cc, assessment.cc, …). Each lists the rows of
// its denominator for ctx.period (snapshots: at ctx.period.to).
#ifndef BEACON_INDICATORS_FAMILIES_H_
#define BEACON_INDICATORS_FAMILIES_H_

#include "indicators/indicator.h"

namespace beacon::logic {

// front_door.cc
void contacts_decided_in_24_hours(const IndicatorContext&, RowSink&);  // KPI1
void re_referrals_within_12_months(const IndicatorContext&, RowSink&);  // KPI2
void referral_rate(const IndicatorContext&, RowSink&);
// assessment.cc
void assessments_within_45_working_days(const IndicatorContext&, RowSink&);  // KPI3
void open_assessments_past_45_working_days(const IndicatorContext&, RowSink&);
// children_in_need.cc
void cin_open_more_than_2_years(const IndicatorContext&, RowSink&);  // KPI4
void cin_plans_started_on_time(const IndicatorContext&, RowSink&);
void cin_plan_visits_on_time(const IndicatorContext&, RowSink&);
void cin_rate(const IndicatorContext&, RowSink&);
void cin_plan_rate(const IndicatorContext&, RowSink&);
// child_protection.cc
void icpc_within_15_working_days(const IndicatorContext&, RowSink&);  // KPI5
void repeat_cp_plans_within_2_years(const IndicatorContext&, RowSink&);  // KPI6
void repeat_cp_plans_ever(const IndicatorContext&, RowSink&);  // KPI6E
void cp_plans_ending_within_3_months(const IndicatorContext&, RowSink&);  // KPI13
void cp_plans_open_2_years(const IndicatorContext&, RowSink&);
void cp_plans_ending_after_2_years(const IndicatorContext&, RowSink&);
void cp_reviews_on_time(const IndicatorContext&, RowSink&);
void cp_visits_on_time(const IndicatorContext&, RowSink&);
void cp_rate(const IndicatorContext&, RowSink&);
void s47_rate(const IndicatorContext&, RowSink&);
// looked_after.cc
void long_term_placement_stability(const IndicatorContext&, RowSink&);  // KPI7
void la_reviews_on_time(const IndicatorContext&, RowSink&);  // KPI8
void short_term_placement_stability(const IndicatorContext&, RowSink&);
void la_visits_on_time(const IndicatorContext&, RowSink&);
void cla_rate(const IndicatorContext&, RowSink&);
void uasc_looked_after(const IndicatorContext&, RowSink&);
void missing_episodes_with_return_interview(const IndicatorContext&, RowSink&);
// care_leavers.cc
void care_leavers_eet_19_21(const IndicatorContext&, RowSink&);  // KPI9
void care_leavers_in_touch_17_18(const IndicatorContext&, RowSink&);
void care_leavers_in_touch_19_21(const IndicatorContext&, RowSink&);
void care_leavers_accommodation_17_18(const IndicatorContext&, RowSink&);
void care_leavers_accommodation_19_21(const IndicatorContext&, RowSink&);
void care_leavers_eet_17_18(const IndicatorContext&, RowSink&);
// adoption.cc
void adoption_order_to_match(const IndicatorContext&, RowSink&);  // KPI10
void adoption_a1(const IndicatorContext&, RowSink&);
void adoption_a10(const IndicatorContext&, RowSink&);
void adoption_a1_three_year(const IndicatorContext&, RowSink&);
void adoption_a10_three_year(const IndicatorContext&, RowSink&);
// The 3-year means' window: the 36 months ending on the period's end.
Period adoption_three_year_window(const Period&);
// youth_justice.cc
void youth_reoffending(const IndicatorContext&, RowSink&);  // KPI11
// KPI11's cohort window: the period moved back 18 months.
Period youth_reoffending_window(const Period&);
// workforce.cc
void agency_social_workers(const IndicatorContext&, RowSink&);  // KPI12
void average_caseload(const IndicatorContext&, RowSink&);  // KPI14
void supervised_in_month(const IndicatorContext&, RowSink&);  // KPI15
void caseloads_above_threshold(const IndicatorContext&, RowSink&);
void vacancy_rate(const IndicatorContext&, RowSink&);
void turnover_rate(const IndicatorContext&, RowSink&);

}  // namespace beacon::logic

#endif  // BEACON_INDICATORS_FAMILIES_H_
