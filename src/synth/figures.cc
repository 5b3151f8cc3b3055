#include "synth/figures.h"

#include <algorithm>

#include "synth/dates.h"
#include "synth/workforce.h"

namespace beacon::synth {
namespace {

double pct(double num, double den) { return den > 0 ? 100.0 * num / den : -1; }

bool open_at(Date start, const OptDate& end, Date d) { return start <= d && (!end || *end > d); }

}  // namespace

double figure(const std::vector<Figure>& figures, const std::string& name) {
  for (const auto& f : figures)
    if (f.name == name) return f.value;
  return -1;
}

std::vector<Figure> headline_figures(const World& w) {
  const Date to = w.window.as_at;
  const Date from = to.add_months(-12).add_days(1);
  auto in_period = [&](Date d) { return d >= from && d <= to; };

  double open_cin = 0, cin_plans = 0, cp = 0, cla = 0, uasc = 0, leavers = 0, former_uasc = 0;
  double children_out = 0, open_over_2y = 0, cin_abuse = 0, cin_disabled = 0;
  double referrals = 0, rereferrals = 0, assessments = 0, assess_45 = 0, s47 = 0, icpc = 0,
         icpc_15 = 0, cp_starts = 0, cp_repeat = 0, cp_ends = 0, cp_short = 0, la_starts = 0,
         reviews = 0, reviews_on_time = 0, oc3 = 0, oc3_eet = 0, adopted = 0, a2_days = 0,
         contacts = 0, contacts_24h = 0, stable_den = 0, stable_num = 0;
  for (const auto& c : w.children) {
    if (!c.in_output) continue;
    ++children_out;
    for (const auto& r : c.referrals) {
      if (r.withdrawn_in_year) continue;
      if (!r.nfa && open_at(r.date, r.closure, to)) {
        ++open_cin;
        if (r.date < to.add_years(-2)) ++open_over_2y;
        if (r.need == "N1") ++cin_abuse;
        if (!c.disabilities.empty() && c.disabilities[0] != "NONE") ++cin_disabled;
      }
      if (in_period(r.date)) {
        ++referrals;
        for (const auto& q : c.referrals)
          if (!q.withdrawn_in_year && q.date < r.date && q.date >= r.date.add_months(-12)) {
            ++rereferrals;
            break;
          }
      }
      for (const auto& a : r.assessments)
        if (a.authorised && in_period(*a.authorised)) {
          ++assessments;
          if (calendar().working_days(a.start, *a.authorised) <= 45) ++assess_45;
        }
      for (const auto& p : r.cin_plans)
        if (open_at(p.start, p.end, to)) ++cin_plans;
      for (const auto& s : r.section47s) {
        if (in_period(s.start)) ++s47;
        if (s.icpc_date && in_period(*s.icpc_date)) {
          ++icpc;
          if (calendar().working_days(s.start, *s.icpc_date) <= 15) ++icpc_15;
        }
      }
      for (const auto& p : r.cp_plans) {
        if (open_at(p.start, p.end, to)) ++cp;
        if (in_period(p.start)) {
          ++cp_starts;
          for (const auto& q : c.referrals)
            for (const auto& e : q.cp_plans)
              if (e.start < p.start && e.end && *e.end <= p.start &&
                  *e.end >= p.start.add_years(-2)) {
                ++cp_repeat;
                goto counted;
              }
        counted:;
        }
        if (p.end && in_period(*p.end)) {
          ++cp_ends;
          if (*p.end <= p.start.add_months(3)) ++cp_short;
        }
      }
    }
    for (const auto& p : c.care) {
      if (p.short_break) continue;
      if (open_at(p.start, p.end, to)) {
        ++cla;
        if (c.uasc) ++uasc;
        // Long-term stability (approximate KPI7): under 16, in care 2.5 years,
        // with the same carer for 2 years (temporary moves ignored).
        if (age_at(c.birth, to) < 16 && p.start <= to.add_months(-30)) {
          ++stable_den;
          int carer = -1;
          Date since = p.start;
          for (const auto& pl : p.placements) {
            if (pl.type[0] == 'T') continue;
            if (pl.carer != carer) carer = pl.carer, since = pl.start;
          }
          const auto& last = p.placements.back().type;
          if (since <= to.add_years(-2) || last == "A5" || last == "A6") ++stable_num;
        }
      }
      if (in_period(p.start)) ++la_starts;
      for (size_t i = 0; i < p.reviews.size(); ++i) {
        const auto& rv = p.reviews[i];
        if (!in_period(rv.date)) continue;
        ++reviews;
        if (rv.date <= rv.due) ++reviews_on_time;
      }
      if (p.has_adoption && p.end && in_period(*p.end) &&
          (p.exit_rec() == "E11" || p.exit_rec() == "E12") && p.adoption.match &&
          p.adoption.placement_order) {
        ++adopted;
        a2_days += std::max(0, p.adoption.placement_order->days_until(*p.adoption.match));
      }
    }
    for (const auto& o : c.oc3) {
      Date bd = birthday(c.birth, o.age);
      if (o.age >= 19 && in_period(bd) && o.in_touch != "DIED" && o.in_touch != "RHOM") {
        ++oc3;
        if (o.activity[0] == 'F' || o.activity[0] == 'P') ++oc3_eet;
      }
    }
    if (c.care_leaver.present) {
      ++leavers;
      if (c.uasc) ++former_uasc;
    }
    for (const auto& k : c.contacts) {
      if (!in_period(k.received.date)) continue;
      if (!k.decided && k.received.epoch_seconds() > int64_t{to.serial()} * 86400 + 86399 - 86400)
        continue;
      ++contacts;
      if (k.decided && k.decided->epoch_seconds() - k.received.epoch_seconds() <= 86400)
        ++contacts_24h;
    }
  }

  // Children in need by the locality of the team holding them (domain.md §4
  // drills down East / NWC / South / citywide / none).
  double by_locality[kLocalities + 1] = {0, 0, 0, 0, 0};
  // Children looked after: legal status, placement, age.
  double care_order = 0, s20 = 0, foster = 0, adoption_placed = 0;
  std::vector<int> ages;
  for (const auto& c : w.children) {
    if (!c.in_output) continue;
    bool open = false;
    for (const auto& r : c.referrals)
      open = open || (!r.withdrawn_in_year && !r.nfa && open_at(r.date, r.closure, to));
    if (open) {
      int k = -1;
      Date best;
      for (const auto& a : c.allocations)
        if (a.role == "social_worker" && a.start <= to && (!a.end || *a.end >= to) &&
            (k < 0 || a.start >= best))
          k = a.worker, best = a.start;
      int loc = k < 0 ? -1 : w.units[static_cast<size_t>(w.workers[static_cast<size_t>(k)].unit)].locality;
      ++by_locality[loc < 0 ? kLocalities : loc];
    }
    for (const auto& p : c.care) {
      if (p.short_break || !open_at(p.start, p.end, to) || p.episodes.empty()) continue;
      const auto& e = p.episodes.back();
      const std::string& ls = p.legal[static_cast<size_t>(e.legal)].code;
      const std::string& place = p.placements[static_cast<size_t>(e.placement)].type;
      if (ls == "C1" || ls == "C2") ++care_order;
      if (ls == "V2") ++s20;
      if (place[0] == 'U') ++foster;
      if (place[0] == 'A') ++adoption_placed;
      ages.push_back(age_at(c.birth, to));
    }
  }
  std::sort(ages.begin(), ages.end());
  const double median_age = ages.empty() ? -1 : ages[ages.size() / 2];

  // Workforce at the as-at date.
  double agency_fte = 0, established = 0, sw = 0;
  for (const auto& k : w.workers) {
    if (!in_post(k, to)) continue;
    if (!k.registration_no.empty()) ++sw;
    if (k.employment != "employed" && !k.registration_no.empty() &&
        w.units[static_cast<size_t>(k.unit)].kind == "team")
      agency_fte += k.fte;
  }
  for (const auto& e : w.established_posts)
    if (e.from <= to && (!e.to || *e.to >= to)) established += e.fte;
  // Caseload (KPI14): children allocated to qualified case holders ÷ their FTE.
  std::vector<int> holding(w.workers.size(), 0);
  for (const auto& c : w.children)
    for (const auto& a : c.allocations)
      if (a.role == "social_worker" && a.start <= to && (!a.end || *a.end >= to))
        ++holding[static_cast<size_t>(a.worker)];
  double children_held = 0, holder_fte = 0;
  for (size_t i = 0; i < w.workers.size(); ++i)
    if (holding[i] > 0 && !w.workers[i].registration_no.empty()) {
      children_held += holding[i];
      holder_fte += w.workers[i].fte;
    }
  // Supervision (KPI15) in the month containing the as-at date.
  const YearMonth month = YearMonth::of(to);
  double supervised = 0, qualified_whole_month = 0;
  std::vector<char> had(w.workers.size(), 0);
  for (const auto& s : w.supervisions)
    if (YearMonth::of(s.date) == month) had[static_cast<size_t>(s.worker)] = 1;
  for (size_t i = 0; i < w.workers.size(); ++i) {
    const Worker& k = w.workers[i];
    if (k.registration_no.empty() || k.from > month.first_day() ||
        (k.to && *k.to < month.last_day()) || w.units[static_cast<size_t>(k.unit)].kind != "team")
      continue;
    ++qualified_whole_month;
    if (had[i]) ++supervised;
  }
  // Youth justice (KPI11): first disposal in the 12 months ending 18 months ago.
  double yj = 0, yj_re = 0;
  {
    const Date yto = to.add_months(-18), yfrom = yto.add_months(-12).add_days(1);
    std::vector<char> done(w.children.size(), 0);
    for (const auto& r : w.youth_justice) {
      if (r.disposal < yfrom || r.disposal > yto || done[static_cast<size_t>(r.child)]) continue;
      done[static_cast<size_t>(r.child)] = 1;
      ++yj;
      if (r.reoffence && *r.reoffence <= r.disposal.add_years(1)) ++yj_re;
    }
  }

  std::vector<Figure> f = {
      {"children_in_files", children_out, "children in any generated file"},
      {"cin_open", open_cin, "children in need (open referrals)"},
      {"cin_plans_open", cin_plans, "CIN plans open"},
      {"cp_plans_open", cp, "CP plans open"},
      {"looked_after", cla, "children looked after (not short breaks)"},
      {"looked_after_uasc", uasc, "  of whom UASC"},
      {"looked_after_care_order_pct", pct(care_order, cla), "looked after: care order (%)"},
      {"looked_after_s20_pct", pct(s20, cla), "looked after: section 20 (%)"},
      {"looked_after_foster_pct", pct(foster, cla), "looked after: in foster care (%)"},
      {"looked_after_placed_for_adoption_pct", pct(adoption_placed, cla), "looked after: placed for adoption (%)"},
      {"looked_after_median_age", median_age, "looked after: median age"},
      {"care_leavers", leavers, "care leavers (relevant, former relevant)"},
      {"care_leavers_former_uasc", former_uasc, "  of whom former UASC"},
      {"cin_east", by_locality[kEast], "children in need: East"},
      {"cin_north_west_central", by_locality[kNorthWestCentral], "children in need: North-West-Central"},
      {"cin_south", by_locality[kSouth], "children in need: South"},
      {"cin_citywide", by_locality[kCitywide], "children in need: citywide services"},
      {"cin_no_locality", by_locality[kLocalities], "children in need: no locality (unallocated)"},
      {"cin_abuse_neglect_pct", pct(cin_abuse, open_cin), "children in need: abuse or neglect (%)"},
      {"cin_disabled_pct", pct(cin_disabled, open_cin), "children in need: known disability (%)"},
      {"contacts_12m", contacts, "contacts, last 12 months"},
      {"referrals_12m", referrals, "referrals, last 12 months"},
      {"assessments_12m", assessments, "assessments authorised, last 12 months"},
      {"s47_12m", s47, "section 47 enquiries, last 12 months"},
      {"icpc_12m", icpc, "initial CP conferences, last 12 months"},
      {"cp_starts_12m", cp_starts, "CP plans started, last 12 months"},
      {"la_starts_12m", la_starts, "periods of care started, last 12 months"},
      {"adopted_12m", adopted, "children adopted, last 12 months"},
      {"social_workers_in_post", sw, "qualified workers in post"},
      {"kpi1_contacts_24h_pct", pct(contacts_24h, contacts), "KPI1 contacts decided within 24 hours (%)"},
      {"kpi2_rereferral_pct", pct(rereferrals, referrals), "KPI2 re-referrals within 12 months (%)"},
      {"kpi3_assessments_45wd_pct", pct(assess_45, assessments), "KPI3 assessments within 45 working days (%)"},
      {"kpi4_cin_over_2y_pct", pct(open_over_2y, open_cin), "KPI4 CIN cases open more than 2 years (%)"},
      {"kpi5_icpc_15wd_pct", pct(icpc_15, icpc), "KPI5 ICPCs within 15 working days (%)"},
      {"kpi6_cp_repeat_2y_pct", pct(cp_repeat, cp_starts), "KPI6 repeat CP plans within 2 years (%)"},
      {"kpi7_stability_pct", pct(stable_num, stable_den), "KPI7 long-term placement stability (%, approx.)"},
      {"kpi8_reviews_on_time_pct", pct(reviews_on_time, reviews), "KPI8 looked-after reviews on time (%)"},
      {"kpi9_eet_19_21_pct", pct(oc3_eet, oc3), "KPI9 care leavers 19-21 in EET (%)"},
      {"kpi10_a2_days", adopted > 0 ? a2_days / adopted : -1, "KPI10 placement order to match (days)"},
      {"kpi11_reoffending_pct", pct(yj_re, yj), "KPI11 young people re-offending (%)"},
      {"kpi12_agency_pct", pct(agency_fte, established), "KPI12 agency share of established posts (%)"},
      {"kpi13_cp_end_3m_pct", pct(cp_short, cp_ends), "KPI13 CP plans ending within 3 months (%)"},
      {"kpi14_caseload", holder_fte > 0 ? children_held / holder_fte : -1, "KPI14 average caseload (children per FTE)"},
      {"kpi15_supervised_pct", pct(supervised, qualified_whole_month), "KPI15 social workers supervised in month (%)"},
  };
  return f;
}

}  // namespace beacon::synth
