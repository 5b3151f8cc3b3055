#include "indicators/figure_text.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace beacon {
namespace {

bool is_percent(const IndicatorDef& def) { return def.value_kind == ValueKind::kPercent; }

// The records each table holds, counted for "not loaded".
size_t contacts(const CaseHistory& h) { return h.contacts.size(); }
size_t referrals(const CaseHistory& h) { return h.cin_episodes.size(); }
size_t assessments(const CaseHistory& h) { return h.assessments.size(); }
size_t cin_plans(const CaseHistory& h) { return h.cin_plans.size(); }
size_t section47s(const CaseHistory& h) { return h.section47s.size(); }
size_t cp_plans(const CaseHistory& h) { return h.cp_plans.size(); }
size_t cp_reviews(const CaseHistory& h) { return h.cp_reviews.size(); }
size_t visits(const CaseHistory& h) { return h.visits.size(); }
size_t la_episodes(const CaseHistory& h) { return h.la_episodes.size(); }
size_t la_reviews(const CaseHistory& h) { return h.la_reviews.size(); }
size_t missing(const CaseHistory& h) { return h.missing_episodes.size(); }
size_t care_leaver_returns(const CaseHistory& h) { return h.care_leaver_returns.size(); }
size_t adoptions(const CaseHistory& h) { return h.adoptions.size(); }
size_t youth_justice(const CaseHistory& h) { return h.youth_justice.size(); }
size_t workers(const CaseHistory& h) { return h.workers.size(); }
size_t supervisions(const CaseHistory& h) { return h.supervisions.size(); }
size_t established_posts(const CaseHistory& h) { return h.established_posts.size(); }
size_t allocations(const CaseHistory& h) { return h.allocations.size(); }
size_t population(const CaseHistory& h) { return h.population_estimates.size(); }

struct Entry {
  const char* id;
  CountedAs counted;
};

// What each indicator counts. A new indicator without an entry reads as
// "records"; give it one here.
const Entry kEntries[] = {
    {"KPI1", {"contacts", "", false, false, "contacts", contacts}},
    {"KPI2", {"referrals", "", false, false, "referrals (CIN episodes)", referrals}},
    {"KPI3", {"assessments", "", false, false, "assessments", assessments}},
    {"KPI4", {"open CIN episodes", "", false, false, "referrals (CIN episodes)", referrals}},
    {"KPI5", {"section 47 enquiries", "", false, false, "section 47 enquiries", section47s}},
    {"KPI6", {"CP plans", "", false, false, "CP plans", cp_plans}},
    {"KPI6E", {"CP plans", "", false, false, "CP plans", cp_plans}},
    {"KPI7", {"children", "", false, false, "looked-after episodes", la_episodes}},
    {"KPI8", {"reviews", "", false, false, "looked-after reviews", la_reviews}},
    {"KPI9",
     {"care leavers", "", false, false, "care leavers' records (SSDA903 OC3)",
      care_leaver_returns}},
    {"KPI10", {"children", "days", false, false, "adoptions (SSDA903 AD1)", adoptions}},
    {"KPI11",
     {"young people", "", false, false, "the youth-justice cohort (local table)", youth_justice}},
    {"KPI12", {"FTE", "", true, true, "established posts (local table)", established_posts}},
    {"KPI13", {"CP plans", "", false, false, "CP plans", cp_plans}},
    {"KPI14", {"FTE", "children", true, false, "allocations of children to workers", allocations}},
    {"KPI15",
     {"social workers", "", false, false, "supervision records (local table)", supervisions}},
    {"REFERRAL_RATE",
     {"children aged 0 to 17", "referrals", false, false, "population estimates (local table)",
      population}},
    {"ASSESSMENTS_OPEN_PAST_45WD",
     {"open assessments", "", false, false, "assessments", assessments}},
    {"CIN_RATE",
     {"children aged 0 to 17", "children in need", false, false,
      "population estimates (local table)", population}},
    {"CIN_PLAN_RATE",
     {"children aged 0 to 17", "children on CIN plans", false, false,
      "population estimates (local table)", population}},
    {"CIN_PLANS_ON_TIME", {"CIN plans", "", false, false, "CIN plans", cin_plans}},
    {"CIN_VISITS_ON_TIME", {"visits", "", false, false, "visits", visits}},
    {"S47_RATE",
     {"children aged 0 to 17", "section 47 enquiries", false, false,
      "population estimates (local table)", population}},
    {"CP_RATE",
     {"children aged 0 to 17", "children on CP plans", false, false,
      "population estimates (local table)", population}},
    {"CP_VISITS_ON_TIME", {"visits", "", false, false, "visits", visits}},
    {"CP_REVIEWS_ON_TIME", {"reviews", "", false, false, "CP reviews", cp_reviews}},
    {"CP_OPEN_2_YEARS", {"open CP plans", "", false, false, "CP plans", cp_plans}},
    {"CP_ENDED_AFTER_2_YEARS", {"CP plans", "", false, false, "CP plans", cp_plans}},
    {"CLA_RATE",
     {"children aged 0 to 17", "children looked after", false, false,
      "population estimates (local table)", population}},
    {"PLACEMENT_STABILITY_SHORT",
     {"children", "", false, false, "looked-after episodes", la_episodes}},
    {"CLA_VISITS_ON_TIME", {"visits", "", false, false, "visits", visits}},
    {"UASC_SHARE", {"children", "", false, false, "looked-after episodes", la_episodes}},
    {"MISSING_RETURN_INTERVIEWS",
     {"missing episodes", "", false, false, "missing episodes", missing}},
    {"CARE_LEAVERS_IN_TOUCH_17_18",
     {"care leavers", "", false, false, "care leavers' records (SSDA903 OC3)",
      care_leaver_returns}},
    {"CARE_LEAVERS_ACCOMMODATION_17_18",
     {"care leavers", "", false, false, "care leavers' records (SSDA903 OC3)",
      care_leaver_returns}},
    {"CARE_LEAVERS_EET_17_18",
     {"care leavers", "", false, false, "care leavers' records (SSDA903 OC3)",
      care_leaver_returns}},
    {"CARE_LEAVERS_IN_TOUCH_19_21",
     {"care leavers", "", false, false, "care leavers' records (SSDA903 OC3)",
      care_leaver_returns}},
    {"CARE_LEAVERS_ACCOMMODATION_19_21",
     {"care leavers", "", false, false, "care leavers' records (SSDA903 OC3)",
      care_leaver_returns}},
    {"ADOPTION_A1", {"children", "days", false, false, "adoptions (SSDA903 AD1)", adoptions}},
    {"ADOPTION_A10", {"children", "days", false, false, "adoptions (SSDA903 AD1)", adoptions}},
    {"ADOPTION_A1_3Y", {"children", "days", false, false, "adoptions (SSDA903 AD1)", adoptions}},
    {"ADOPTION_A10_3Y", {"children", "days", false, false, "adoptions (SSDA903 AD1)", adoptions}},
    {"CASELOADS_ABOVE_THRESHOLD",
     {"social workers", "", false, false, "allocations of children to workers", allocations}},
    {"VACANCY_RATE", {"FTE", "", true, true, "established posts (local table)", established_posts}},
    {"TURNOVER_RATE", {"FTE", "", true, true, "social workers", workers}},
};

const CountedAs kRecords{"records", "", false, false, "", nullptr};

std::string quantity(double v, bool fte) { return fte ? one_decimal_text(v) : whole_number(v); }

}  // namespace

std::string whole_number(double v) {
  if (!std::isfinite(v)) return "–";
  const long long n = std::llround(v);
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return (n < 0 ? "-" : "") + out;
}

std::string one_decimal_text(double v) {
  if (!std::isfinite(v)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s == "-0.0") return "0.0";
  // Thousands separators for the whole part ("12,309.5").
  const size_t dot = s.find('.');
  const bool negative = s[0] == '-';
  std::string whole = s.substr(negative ? 1 : 0, dot - (negative ? 1 : 0));
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(whole[i]);
  }
  return (negative ? "-" : "") + grouped + s.substr(dot);
}

const CountedAs& counted_as(const IndicatorDef& def) {
  for (const Entry& e : kEntries)
    if (std::strcmp(e.id, def.id) == 0) return e.counted;
  return kRecords;
}

std::string format_value(const IndicatorDef& def, std::optional<double> value) {
  if (!value) return "no value";
  if (is_percent(def)) return one_decimal_text(*value) + "%";
  if (def.value_kind == ValueKind::kCount) return whole_number(*value);
  return one_decimal_text(*value) + " " + def.measure;
}

std::string records_text(const IndicatorDef& def, const Aggregate& total) {
  const CountedAs& c = counted_as(def);
  const std::string records = quantity(total.denominator, c.records_fte) + " " + c.records;
  switch (def.value_kind) {
    case ValueKind::kPercent:
      return quantity(total.numerator, c.numerator_fte) + " of " + records;
    case ValueKind::kMean:
      return records;
    case ValueKind::kRatio:
    case ValueKind::kRatePer10k:
      return quantity(total.numerator, c.numerator_fte) + " " + c.numerator + "; " + records;
    case ValueKind::kCount:
      return quantity(total.numerator, c.numerator_fte) + " " + c.records;
  }
  return records;
}

std::string figure_text(const IndicatorDef& def, std::optional<double> value,
                        const Aggregate& total, const std::string& why_no_value) {
  if (!value) return why_no_value.empty() ? "No value" : why_no_value;
  if (def.value_kind == ValueKind::kCount) return format_value(def, value);
  return format_value(def, value) + " (" + records_text(def, total) + ")";
}

std::string gap_text(const IndicatorDef& def, double difference) {
  const double d = std::fabs(difference);
  const std::string unit = is_percent(def) ? "points" : std::string(def.measure);
  if (std::round(d * 10) == 0) return "less than 0.1 " + unit;
  return one_decimal_text(d) + " " + unit;
}

bool is_suppressed(const Aggregate& total) {
  return std::isnan(total.numerator) || std::isnan(total.denominator);
}

std::string suppressed_text(int below) {
  return "Not shown (fewer than " + std::to_string(below) + " children or records)";
}

std::string no_value_reason(const IndicatorDef& def, const Period& period, const Aggregate& total,
                            const CaseHistory& history) {
  const CountedAs& c = counted_as(def);
  if (c.loaded && c.loaded(history) == 0)
    return std::string("Not loaded: no ") + c.source + " in the data";
  const std::string when =
      def.kind == IndicatorKind::kSnapshot ? "at " + period.to.text() : "in " + period.describe();
  return std::string("No ") + c.records + " " + when;
}

}  // namespace beacon
