#include "indicators/catalogue.h"

#include "indicators/families.h"

namespace beacon {

const char* kind_name(IndicatorKind k) {
  switch (k) {
    case IndicatorKind::kFlow: return "flow";
    case IndicatorKind::kSnapshot: return "snapshot";
    case IndicatorKind::kFlowMonth: return "flow-month";
  }
  return "flow";
}

const char* polarity_name(Polarity p) {
  switch (p) {
    case Polarity::kHigh: return "high";
    case Polarity::kLow: return "low";
    case Polarity::kBand: return "band";
    case Polarity::kNone: return "none";
  }
  return "none";
}

const std::vector<IndicatorDef>& indicator_catalogue() {
  using K = IndicatorKind;
  using V = ValueKind;
  using P = Polarity;
  namespace l = logic;
  static const std::vector<IndicatorDef> catalogue = {
      // The contract KPIs.
      {"KPI1", "Contacts with a decision within 24 hours", K::kFlow, "%", V::kPercent, P::kHigh,
       "Front door", "Contacts received in the period decided within 24 hours of receipt.",
       l::contacts_decided_in_24_hours, true},
      {"KPI2", "Re-referrals within 12 months", K::kFlow, "%", V::kPercent, P::kLow, "Front door",
       "Referrals in the period where the child had another referral in the 12 months before.",
       l::re_referrals_within_12_months, true},
      {"KPI3", "Assessments completed within 45 working days", K::kFlow, "%", V::kPercent,
       P::kHigh, "Assessment", "Assessments authorised in the period within 45 working days of starting.",
       l::assessments_within_45_working_days, true},
      {"KPI4", "Child in need cases open more than 2 years", K::kSnapshot, "%", V::kPercent, P::kLow,
       "Children in need", "CIN episodes open at the date whose referral was more than 2 years before.",
       l::cin_open_more_than_2_years, true},
      {"KPI5", "Initial CP conferences within 15 working days", K::kFlow, "%", V::kPercent, P::kHigh,
       "Child protection", "Section 47 enquiries whose ICPC, held in the period, was within 15 working days of the S47 start.",
       l::icpc_within_15_working_days, true},
      {"KPI6", "CP plans for a second or subsequent time within 2 years", K::kFlow, "%",
       V::kPercent, P::kLow, "Child protection",
       "CP plans starting in the period where the child's previous plan ended within 2 years before.",
       l::repeat_cp_plans_within_2_years, true},
      {"KPI6E", "CP plans for a second or subsequent time (ever)", K::kFlow, "%", V::kPercent,
       P::kLow, "Child protection", "CP plans starting in the period where the child had any earlier plan.",
       l::repeat_cp_plans_ever, true},
      {"KPI7", "Long-term placement stability", K::kSnapshot, "%", V::kPercent, P::kHigh,
       "Looked after", "Under-16s looked after 2.5 years or more with the same carer for 2 years or more (or placed for adoption).",
       l::long_term_placement_stability, true},
      {"KPI8", "Looked-after reviews held on time", K::kFlow, "%", V::kPercent, P::kHigh,
       "Looked after", "Looked-after reviews held in the period on time (20 working days, 3 months, then 6 months).",
       l::la_reviews_on_time, true},
      {"KPI9", "Care leavers in education, employment or training", K::kFlow, "%", V::kPercent,
       P::kHigh, "Care leavers", "Care leavers whose 19th, 20th or 21st birthday fell in the period, in education, employment or training.",
       l::care_leavers_eet_19_21, true},
      {"KPI10", "Average days from placement order to match", K::kFlow, "days", V::kMean, P::kLow,
       "Adoption", "Children adopted in the period: mean days from the placement order to the match with adopters.",
       l::adoption_order_to_match, true},
      {"KPI11", "Young people who re-offend within 12 months", K::kFlow, "%", V::kPercent, P::kLow,
       "Youth justice", "Young people whose first disposal fell in the 12 months ending 18 months before the date, proven to re-offend within 12 months.",
       l::youth_reoffending, true, l::youth_reoffending_window},
      {"KPI12", "Social-work posts filled by agency or interim staff", K::kSnapshot, "%",
       V::kPercent, P::kLow, "Workforce", "Agency and interim social-worker FTE (including team managers) as a share of established posts.",
       l::agency_social_workers, true},
      {"KPI13", "CP plans ending within 3 months", K::kFlow, "%", V::kPercent, P::kBand,
       "Child protection", "CP plans ending in the period that lasted 3 months or less.",
       l::cp_plans_ending_within_3_months, true},
      {"KPI14", "Average caseload of qualified social workers", K::kSnapshot, "children per FTE",
       V::kRatio, P::kBand, "Workforce", "Children allocated to qualified case-holding social workers per FTE.",
       l::average_caseload, true},
      {"KPI15", "Social workers supervised in the month", K::kFlowMonth, "%", V::kPercent,
       P::kHigh, "Workforce", "Qualified social workers in post all month with a supervision recorded in the month.",
       l::supervised_in_month, true},
      // The wider catalogue.
      {"REFERRAL_RATE", "Referrals per 10,000 children", K::kFlow, "per 10,000 children",
       V::kRatePer10k, P::kNone, "Front door", "Referrals in the period per 10,000 children aged 0-17.",
       l::referral_rate},
      {"ASSESSMENTS_OPEN_PAST_45WD", "Open assessments past 45 working days", K::kSnapshot, "%",
       V::kPercent, P::kLow, "Assessment", "Assessments open at the date that have passed 45 working days.",
       l::open_assessments_past_45_working_days},
      {"CIN_RATE", "Children in need per 10,000", K::kSnapshot, "per 10,000 children",
       V::kRatePer10k, P::kNone, "Children in need", "Children with an open CIN episode at the date per 10,000 children.",
       l::cin_rate},
      {"CIN_PLAN_RATE", "Children on CIN plans per 10,000", K::kSnapshot, "per 10,000 children",
       V::kRatePer10k, P::kNone, "Children in need", "Children on a CIN plan at the date per 10,000 children.",
       l::cin_plan_rate},
      {"CIN_PLANS_ON_TIME", "CIN plans started within 20 working days", K::kFlow, "%",
       V::kPercent, P::kHigh, "Children in need", "CIN plans started in the period within 20 working days of the assessment's authorisation.",
       l::cin_plans_started_on_time},
      {"CIN_VISITS_ON_TIME", "CIN-plan visits within 20 working days", K::kFlow, "%", V::kPercent,
       P::kHigh, "Children in need", "Visits to children on CIN plans in the period within 20 working days of the last (or of the plan start).",
       l::cin_plan_visits_on_time},
      {"S47_RATE", "Section 47 enquiries per 10,000", K::kFlow, "per 10,000 children",
       V::kRatePer10k, P::kNone, "Child protection", "Section 47 enquiries started in the period per 10,000 children.",
       l::s47_rate},
      {"CP_RATE", "Children on CP plans per 10,000", K::kSnapshot, "per 10,000 children",
       V::kRatePer10k, P::kNone, "Child protection", "Children on a CP plan at the date per 10,000 children.",
       l::cp_rate},
      {"CP_VISITS_ON_TIME", "CP visits within 10 working days", K::kFlow, "%", V::kPercent,
       P::kHigh, "Child protection", "Visits to children on CP plans in the period within 10 working days of the last (or of the plan start).",
       l::cp_visits_on_time},
      {"CP_REVIEWS_ON_TIME", "CP reviews on time", K::kFlow, "%", V::kPercent, P::kHigh,
       "Child protection", "CP review conferences in the period held on time (3 months after the ICPC, then every 6 months).",
       l::cp_reviews_on_time},
      {"CP_OPEN_2_YEARS", "CP plans open 2 years or more", K::kSnapshot, "%", V::kPercent, P::kLow,
       "Child protection", "CP plans open at the date that started 2 years or more before.",
       l::cp_plans_open_2_years},
      {"CP_ENDED_AFTER_2_YEARS", "CP plans ending that lasted 2 years or more", K::kFlow, "%",
       V::kPercent, P::kLow, "Child protection", "CP plans ending in the period that lasted 2 years or more.",
       l::cp_plans_ending_after_2_years},
      {"CLA_RATE", "Children looked after per 10,000", K::kSnapshot, "per 10,000 children",
       V::kRatePer10k, P::kNone, "Looked after", "Children looked after at the date per 10,000 children.",
       l::cla_rate},
      {"PLACEMENT_STABILITY_SHORT", "Children looked after with 3 or more placements in 12 months",
       K::kSnapshot, "%", V::kPercent, P::kLow, "Looked after",
       "Children looked after at the date who had 3 or more placements in the 12 months before.",
       l::short_term_placement_stability},
      {"CLA_VISITS_ON_TIME", "Looked-after visits on time", K::kFlow, "%", V::kPercent, P::kHigh,
       "Looked after", "Visits to looked-after children in the period within 6 weeks of the last (3 months in long-term foster placements).",
       l::la_visits_on_time},
      {"UASC_SHARE", "Unaccompanied asylum-seeking children among those looked after",
       K::kSnapshot, "%", V::kPercent, P::kNone, "Looked after",
       "Children looked after at the date who are unaccompanied asylum-seeking children.",
       l::uasc_looked_after},
      {"MISSING_RETURN_INTERVIEWS", "Missing episodes with a return interview offered", K::kFlow,
       "%", V::kPercent, P::kHigh, "Looked after", "Missing and away episodes starting in the period where a return home interview was offered.",
       l::missing_episodes_with_return_interview},
      {"CARE_LEAVERS_IN_TOUCH_17_18", "Care leavers aged 17-18 in touch", K::kFlow, "%",
       V::kPercent, P::kHigh, "Care leavers", "Care leavers whose 17th or 18th birthday fell in the period, in touch.",
       l::care_leavers_in_touch_17_18},
      {"CARE_LEAVERS_ACCOMMODATION_17_18", "Care leavers aged 17-18 in suitable accommodation",
       K::kFlow, "%", V::kPercent, P::kHigh, "Care leavers",
       "Care leavers whose 17th or 18th birthday fell in the period, in suitable accommodation.",
       l::care_leavers_accommodation_17_18},
      {"CARE_LEAVERS_EET_17_18", "Care leavers aged 17-18 in education, employment or training",
       K::kFlow, "%", V::kPercent, P::kHigh, "Care leavers",
       "Care leavers whose 17th or 18th birthday fell in the period, in education, employment or training.",
       l::care_leavers_eet_17_18},
      {"CARE_LEAVERS_IN_TOUCH_19_21", "Care leavers aged 19-21 in touch", K::kFlow, "%",
       V::kPercent, P::kHigh, "Care leavers", "Care leavers whose 19th, 20th or 21st birthday fell in the period, in touch.",
       l::care_leavers_in_touch_19_21},
      {"CARE_LEAVERS_ACCOMMODATION_19_21", "Care leavers aged 19-21 in suitable accommodation",
       K::kFlow, "%", V::kPercent, P::kHigh, "Care leavers",
       "Care leavers whose 19th, 20th or 21st birthday fell in the period, in suitable accommodation.",
       l::care_leavers_accommodation_19_21},
      {"ADOPTION_A1", "Average days from entering care to moving in with adopters (A1)", K::kFlow,
       "days", V::kMean, P::kLow, "Adoption", "Children adopted in the period: mean days from entering care to moving in with the adoptive family.",
       l::adoption_a1},
      {"ADOPTION_A10", "Average days from entering care to moving in with the adoptive family (A10)",
       K::kFlow, "days", V::kMean, P::kLow, "Adoption",
       "As A1, ending when the child moved in with the foster carers who adopted them.",
       l::adoption_a10},
      {"ADOPTION_A1_3Y", "A1, 3-year average", K::kFlow, "days", V::kMean, P::kLow, "Adoption",
       "A1 over children adopted in the 3 years ending on the date.", l::adoption_a1_three_year,
       false, l::adoption_three_year_window},
      {"ADOPTION_A10_3Y", "A10, 3-year average", K::kFlow, "days", V::kMean, P::kLow, "Adoption",
       "A10 over children adopted in the 3 years ending on the date.", l::adoption_a10_three_year,
       false, l::adoption_three_year_window},
      {"CASELOADS_ABOVE_THRESHOLD", "Qualified social workers holding more than 20 children",
       K::kSnapshot, "%", V::kPercent, P::kLow, "Workforce",
       "Qualified case-holding social workers with more children allocated than the threshold.",
       l::caseloads_above_threshold},
      {"VACANCY_RATE", "Social-work vacancy rate", K::kSnapshot, "%", V::kPercent, P::kLow,
       "Workforce", "Established social-work FTE not filled by staff in post, as a share of established FTE.",
       l::vacancy_rate},
      {"TURNOVER_RATE", "Social-worker turnover", K::kFlow, "%", V::kPercent, P::kLow, "Workforce",
       "Employed qualified social workers leaving in the period (FTE) as a share of those in post at its end.",
       l::turnover_rate},
  };
  return catalogue;
}

const IndicatorDef* find_indicator(std::string_view id) {
  for (const auto& def : indicator_catalogue()) {
    std::string_view d = def.id;
    if (d.size() != id.size()) continue;
    bool same = true;
    for (size_t i = 0; i < d.size() && same; ++i)
      same = std::toupper(static_cast<unsigned char>(d[i])) ==
             std::toupper(static_cast<unsigned char>(id[i]));
    if (same) return &def;
  }
  return nullptr;
}

bool counts_workers(const IndicatorDef& def) { return std::string_view(def.family) == "Workforce"; }

}  // namespace beacon
