#include "synth/journey.h"

#include <algorithm>
#include <cmath>

#include "synth/care.h"
#include "synth/dates.h"

namespace beacon::synth {
namespace {

int days(double d) { return static_cast<int>(std::lround(d)); }

// How an episode of need begins to unfold once the referral is accepted.
enum class Route : uint8_t {
  kReferralNfa,     // no further action at referral (no assessment)
  kAssessmentNfa,   // assessed, no further action (RC8)
  kEarlyHelp,       // assessed, stepped down to early help (RC9)
  kServices,        // assessed as in need, short-term services, then closed (RC7)
  kLongTermCin,     // disabled children: services for years, perhaps short breaks
  kCinPlan,
  kSection47,
  kCare,
};

enum class Phase : uint8_t { kCinPlan, kSection47, kCpPlan, kCare, kClose, kDone, kOpen };

struct Next {
  Phase phase = Phase::kDone;
  Date date;
  CareRoute route = CareRoute::kVoluntary;
  const char* reason = "RC7";
};

// Referral sources (CIN census codes), roughly as England's mix.
const char* draw_source(Rng& rng, ChildKind kind) {
  if (kind == ChildKind::kUasc) {
    static const char* uasc[] = {"6", "5C", "8", "7"};
    return uasc[rng.weighted({50, 20, 20, 10})];
  }
  static const char* codes[] = {"6",  "2A", "3A", "3B", "3C", "3D", "3E", "3F", "5A", "5B", "5C",
                                "5D", "1A", "1B", "1C", "1D", "2B", "4",  "7",  "8",  "9",  "10"};
  static const double w[] = {29, 18, 2, 3, 1, 2, 3, 3, 3, 3, 2, 4, 5, 1, 2, 1, 2, 2, 4, 5, 2, 3};
  return codes[rng.weighted(w, sizeof w / sizeof w[0])];
}

const char* draw_need(Rng& rng, Route route, ChildKind kind) {
  if (kind == ChildKind::kUasc) return "N8";
  if (kind == ChildKind::kDisabled) return "N2";
  static const char* codes[] = {"N1", "N3", "N4", "N5", "N6", "N7", "N8", "N0", "N9"};
  if (route == Route::kSection47 || route == Route::kCare)
    return codes[rng.weighted({82, 4, 4, 7, 0.5, 0, 2.5, 0, 0})];
  return codes[rng.weighted({58, 5, 12, 13, 4, 1, 2, 2, 3})];
}

std::vector<std::string> draw_factors(Rng& rng, const std::string& need, int age, bool nfa) {
  std::vector<std::string> out;
  if (nfa && rng.chance(0.4)) return {"21"};
  struct F {
    const char* code;
    double p;
    bool teen;
  };
  static const F abuse[] = {{"3B", .40, false}, {"4B", .30, false}, {"2B", .18, false},
                            {"1B", .15, false}, {"16A", .25, false}, {"17A", .25, false},
                            {"18C", .08, false}, {"19C", .04, false}, {"3A", .10, false},
                            {"5B", .05, false}, {"10A", .10, true}, {"11A", .08, true},
                            {"24A", .08, true}, {"13A", .03, true}, {"15A", .06, true},
                            {"22A", .005, false}, {"23A", .005, false}, {"12A", .01, true}};
  static const F disability[] = {{"5A", .6, false}, {"6A", .5, false}, {"4A", .1, false},
                                 {"7A", .03, true}};
  static const F parental[] = {{"4B", .6, false}, {"6B", .25, false}, {"1B", .2, false},
                               {"2B", .2, false}, {"7A", .1, true}};
  static const F stress[] = {{"3B", .35, false}, {"4B", .35, false}, {"20", .3, false},
                             {"2B", .1, false}};
  static const F behaviour[] = {{"14A", .5, true}, {"13A", .15, true}, {"24A", .2, true},
                                {"10A", .25, true}, {"2A", .15, true}, {"15A", .1, true}};
  static const F other[] = {{"20", .7, false}, {"4B", .2, false}};
  static const F absent[] = {{"9A", .0, false}, {"20", .6, false}, {"4B", .2, false}};
  const F* list = abuse;
  size_t n = std::size(abuse);
  if (need == "N2") list = disability, n = std::size(disability);
  else if (need == "N3") list = parental, n = std::size(parental);
  else if (need == "N4" || need == "N5") list = stress, n = std::size(stress);
  else if (need == "N6") list = behaviour, n = std::size(behaviour);
  else if (need == "N8") list = absent, n = std::size(absent);
  else if (need != "N1") list = other, n = std::size(other);
  for (size_t i = 0; i < n; ++i) {
    if (list[i].teen && age < 11) continue;
    if (rng.chance(list[i].p)) out.emplace_back(list[i].code);
  }
  if (out.empty()) out.emplace_back(nfa ? "21" : list[0].code);
  return out;
}

const char* draw_category(Rng& rng) {
  static const char* c[] = {"NEG", "EMO", "PHY", "SAB", "MUL"};
  return c[rng.weighted({48, 35, 7, 4, 6})];
}

// A CP review date near `due`: usually on or a few days before it, sometimes late.
Date review_near(Rng& rng, Date due) {
  if (rng.chance(0.04)) return working_day_on_or_after(due.add_days(rng.range(1, 20)));
  Date d = due.add_days(-rng.range(0, 12));
  while (!calendar().is_working_day(d)) d = d.add_days(-1);
  return d;
}

class EpisodeRun {
 public:
  EpisodeRun(Child& c, ChildKind kind, int index, Date horizon, Rng& rng)
      : c_(c), kind_(kind), index_(index), horizon_(horizon), rng_(rng) {}

  // Runs the referral made on r; returns the closure date (empty: still open).
  OptDate run(Date r) {
    Referral ref;
    ref.date = r;
    ref.source = draw_source(rng_, kind_);
    const bool recent_cp = had_cp_plan_ending_within(r, 2);
    Route route = choose_route(recent_cp);
    ref.need = route == Route::kReferralNfa ? "N9" : draw_need(rng_, route, kind_);
    c_.referrals.push_back(std::move(ref));
    Referral& e = c_.referrals.back();
    recent_cp_ = recent_cp;

    if (route == Route::kReferralNfa) {
      e.nfa = true;
      e.closure = r;
      e.closure_reason = "RC8";
      closure_kind_ = Route::kReferralNfa;
      return e.closure;
    }

    // The assessment: most start on the day or the next working day; about
    // 91% are authorised within 45 working days.
    AssessmentRec a;
    a.start = working_day_on_or_after(r.add_days(static_cast<int>(rng_.weighted({60, 30, 7, 3}))));
    int wd = rng_.chance(0.03) ? rng_.range(0, 5)
                               : std::clamp(days(rng_.lognormal(30, 0.3)), 1, 140);
    a.authorised = add_wd(a.start, wd);
    a.child_seen = rng_.chance(0.97);
    a.outcome_nfa = route == Route::kAssessmentNfa;
    a.factors = draw_factors(rng_, e.need, std::max(0, age_at(c_.birth, a.start)), a.outcome_nfa);
    e.assessments.push_back(a);
    const Date auth = *a.authorised;

    Next next;
    switch (route) {
      case Route::kAssessmentNfa:
        next = {Phase::kClose, auth.add_days(rng_.range(0, 5)), {}, "RC8"};
        break;
      case Route::kEarlyHelp:
        next = {Phase::kClose, auth.add_days(rng_.range(0, 10)), {}, "RC9"};
        break;
      case Route::kServices:
        next = {Phase::kClose, auth.add_days(std::max(7, days(rng_.lognormal(75, 0.6)))), {}, "RC7"};
        break;
      case Route::kLongTermCin: {
        Date eighteen = birthday(c_.birth, 18);
        Date end = auth.add_days(90 + days(rng_.exponential(4.5 * 365)));
        const char* reason = "RC7";
        if (end >= eighteen) end = eighteen, reason = rng_.chance(0.6) ? "RC6" : "RC7";
        if (rng_.chance(0.3))
          simulate_short_breaks(c_, auth.add_days(rng_.range(30, 120)), end.add_days(-1), index_,
                                rng_);
        next = {Phase::kClose, end, {}, reason};
        break;
      }
      case Route::kCinPlan:
        next = {Phase::kCinPlan, add_wd(auth, plan_delay())};
        break;
      case Route::kSection47:
        next = {Phase::kSection47, add_wd(a.start, rng_.range(0, 6))};
        break;
      case Route::kCare:
        if (kind_ == ChildKind::kUasc)
          next = {Phase::kCare, r.add_days(rng_.range(0, 2)), CareRoute::kUasc};
        else
          next = {Phase::kCare, auth.add_days(rng_.range(0, 20)),
                  entry_route(auth)};
        break;
      default:
        break;
    }
    closure_kind_ = route;
    run_phases(next);
    finish();
    return c_.referrals[static_cast<size_t>(index_)].closure;
  }

  Route closure_kind() const { return closure_kind_; }
  bool ended_in_permanence() const { return permanence_; }

 private:
  Referral& ref() { return c_.referrals[static_cast<size_t>(index_)]; }

  bool had_cp_plan_ending_within(Date r, int years) const {
    for (const auto& e : c_.referrals)
      for (const auto& p : e.cp_plans)
        if (p.end && *p.end <= r && *p.end >= r.add_years(-years)) return true;
    return false;
  }

  int previous_cp_plans() const {
    int n = 0;
    for (const auto& e : c_.referrals) n += static_cast<int>(e.cp_plans.size());
    return n;
  }

  Route choose_route(bool recent_cp) {
    if (kind_ == ChildKind::kUasc) return Route::kCare;
    if (kind_ == ChildKind::kDisabled) {
      static const Route r[] = {Route::kLongTermCin, Route::kCinPlan, Route::kAssessmentNfa};
      return r[rng_.weighted({60, 25, 15})];
    }
    if (rng_.chance(0.07)) return Route::kReferralNfa;
    static const Route r[] = {Route::kAssessmentNfa, Route::kEarlyHelp, Route::kServices,
                              Route::kCinPlan, Route::kSection47, Route::kCare};
    return r[rng_.weighted({30, 17, 10, 14, recent_cp ? 70.0 : 30.0, 2})];
  }

  // How a child comes into care from an assessment or a CIN plan: mostly
  // accommodation under section 20 or care proceedings; some teenagers are
  // remanded to local authority accommodation.
  CareRoute entry_route(Date d) {
    if (age_at(c_.birth, d) >= 12 && rng_.chance(0.12)) return CareRoute::kRemand;
    return rng_.chance(0.6) ? CareRoute::kVoluntary : CareRoute::kCourt;
  }

  int plan_delay() {
    // Working days from assessment to CIN plan: most within 20.
    return std::clamp(days(rng_.lognormal(9, 0.6)), 0, 60);
  }

  void run_phases(Next next) {
    const Date eighteen = birthday(c_.birth, 18);
    for (int guard = 0; guard < 40; ++guard) {
      if (next.phase == Phase::kDone || next.phase == Phase::kOpen) return;
      if (next.phase != Phase::kClose && next.date > horizon_) return;  // still open
      if (next.phase != Phase::kCare && next.date >= eighteen) {
        close(eighteen, "RC7");
        return;
      }
      switch (next.phase) {
        case Phase::kClose:
          close(next.date, next.reason);
          return;
        case Phase::kCinPlan:
          next = cin_plan(next.date);
          break;
        case Phase::kSection47:
          next = section47(next.date);
          break;
        case Phase::kCpPlan:
          next = cp_plan(next.date);
          break;
        case Phase::kCare:
          next = care(next.date, next.route);
          break;
        default:
          return;
      }
    }
  }

  Next cin_plan(Date t) {
    CinPlanRec plan;
    plan.start = t;
    const Date e = t.add_days(std::max(28, days(rng_.lognormal(170, 0.75))));
    ref().cin_plans.push_back(plan);
    const size_t i = ref().cin_plans.size() - 1;
    switch (rng_.weighted({74, 9, 7, 10})) {
      case 0:
        ref().cin_plans[i].end = e;
        return {Phase::kClose, e, {}, "RC7"};
      case 1:  // concerns escalate: a section 47 enquiry while the plan runs
        open_cin_plan_ = static_cast<int>(i);
        return {Phase::kSection47, working_day_on_or_after(e)};
      case 2:
        ref().cin_plans[i].end = e;
        return {Phase::kCare, e, entry_route(e)};
      default:
        ref().cin_plans[i].end = e;
        return {Phase::kClose, e.add_days(std::max(7, days(rng_.lognormal(60, 0.6)))), {}, "RC7"};
    }
  }

  // Ends a CIN plan left running through a section 47 enquiry.
  void end_open_cin_plan(Date d) {
    if (open_cin_plan_ < 0) return;
    auto& plan = ref().cin_plans[static_cast<size_t>(open_cin_plan_)];
    plan.end = max_date(d, plan.start.add_days(1));
    open_cin_plan_ = -1;
  }

  Next section47(Date t) {
    Section47Rec s;
    s.start = t;
    s.icpc_target = add_wd(t, 15);
    Next next;
    if (rng_.chance(0.04)) {  // the child is removed in an emergency
      s.icpc_not_required = true;
      s.end = add_wd(t, rng_.range(3, 10));
      Date care_start = t.add_days(rng_.range(0, 2));
      end_open_cin_plan(care_start);
      ref().section47s.push_back(s);
      return {Phase::kCare, care_start, CareRoute::kEmergency};
    }
    const double p_icpc = recent_cp_ ? 0.6 : 0.53;
    if (rng_.chance(p_icpc)) {
      // ICPC: about 93% within 15 working days of the enquiry starting.
      int wd = std::clamp(days(rng_.lognormal(10.0, 0.27)), 3, 45);
      Date icpc = add_wd(t, wd);
      s.icpc_date = icpc;
      s.end = icpc;
      if (rng_.chance(0.9)) {
        s.cp_plan_followed = true;
        end_open_cin_plan(icpc);
        next = {Phase::kCpPlan, icpc};
      } else if (open_cin_plan_ >= 0) {
        Date e = icpc.add_days(std::max(14, days(rng_.lognormal(120, 0.6))));
        end_open_cin_plan(e);
        next = {Phase::kClose, e, {}, "RC7"};
      } else {
        next = rng_.chance(0.6) ? Next{Phase::kCinPlan, add_wd(icpc, rng_.range(0, 10))}
                                : Next{Phase::kClose, icpc.add_days(rng_.range(5, 40)), {}, "RC7"};
      }
    } else {
      s.icpc_not_required = true;
      s.end = add_wd(t, rng_.range(4, 18));
      if (open_cin_plan_ >= 0) {
        Date e = s.end->add_days(std::max(14, days(rng_.lognormal(120, 0.6))));
        end_open_cin_plan(e);
        next = {Phase::kClose, e.add_days(rng_.range(0, 30)), {}, "RC7"};
      } else {
        switch (rng_.weighted({35, 25, 40})) {
          case 0:
            next = {Phase::kCinPlan, add_wd(*s.end, rng_.range(2, 15))};
            break;
          case 1:
            next = {Phase::kClose, s.end->add_days(std::max(7, days(rng_.lognormal(60, 0.6)))),
                    {}, "RC7"};
            break;
          default:
            next = {Phase::kClose, s.end->add_days(rng_.range(0, 10)), {}, "RC7"};
        }
      }
    }
    ref().section47s.push_back(s);
    return next;
  }

  Next cp_plan(Date t) {
    CpPlanRec p;
    p.start = t;
    p.initial_category = draw_category(rng_);
    p.latest_category = rng_.chance(0.85) ? p.initial_category : draw_category(rng_);
    p.previous_plans = previous_cp_plans();
    p.section47 = static_cast<int>(ref().section47s.size()) - 1;
    // Reviews at 3 months, then every 6; the plan ends at the review that
    // decides it is no longer needed (about 16% at the first).
    Date end;
    if (rng_.chance(0.02)) {
      end = t.add_days(rng_.range(20, 80));
    } else {
      int last = 1 + static_cast<int>(rng_.weighted({15.5, 40, 28, 11, 4, 1.5}));
      Date prev = t;
      for (int k = 1; k <= last; ++k) {
        CpReviewRec r;
        r.due = k == 1 ? t.add_months(3) : prev.add_months(6);
        r.date = review_near(rng_, r.due);
        if (r.date <= prev) r.date = working_day_on_or_after(prev.add_days(1));
        r.plan_continues = k < last;
        p.reviews.push_back(r);
        prev = r.date;
      }
      end = prev;
    }
    Next next;
    switch (rng_.weighted({50, 30, 15, 5})) {
      case 0:
        next = {Phase::kCinPlan, end};
        break;
      case 1:
        next = {Phase::kClose, end, {}, "RC7"};
        break;
      case 2: {  // the child comes into care during the plan, which ends soon after
        int span = std::max(2, t.days_until(end));
        Date care_start = t.add_days(std::max(1, static_cast<int>(span * (0.15 + 0.75 * rng_.uniform()))));
        Date plan_end = min_date(end, care_start.add_days(rng_.range(0, 30)));
        while (!p.reviews.empty() && p.reviews.back().date > plan_end) p.reviews.pop_back();
        if (!p.reviews.empty() && p.reviews.back().date == plan_end)
          p.reviews.back().plan_continues = false;
        end = plan_end;
        static const CareRoute routes[] = {CareRoute::kCourt, CareRoute::kEmergency,
                                           CareRoute::kVoluntary};
        next = {Phase::kCare, care_start, routes[rng_.weighted({70, 20, 10})]};
        break;
      }
      default:
        next = {Phase::kClose, end, {}, "RC5"};
    }
    p.end = end;
    ref().cp_plans.push_back(std::move(p));
    return next;
  }

  Next care(Date t, CareRoute route) {
    CarePeriod period = simulate_care(c_, t, route, ref().need, index_, rng_);
    const OptDate end = period.end;
    const std::string rec = period.exit_rec();
    c_.care.push_back(std::move(period));
    if (!end) return {Phase::kOpen, t};
    const Date e = *end;
    if (rec == "E11" || rec == "E12") return permanence(e, "RC1");
    if (rec == "E45" || rec == "E46" || rec == "E47" || rec == "E48") return permanence(e, "RC4");
    if (rec == "E41") return permanence(e, "RC3");
    if (rec == "E4A" || rec == "E4B" || rec == "E13") {
      if (rng_.chance(0.45)) return {Phase::kCinPlan, e};
      return {Phase::kClose, e.add_days(rng_.range(0, 60)), {}, "RC7"};
    }
    if (rec == "E7") return {Phase::kClose, e, {}, "RC6"};
    if (rec == "E3") return {Phase::kClose, e, {}, "RC5"};
    if (rec == "E2") return {Phase::kClose, e, {}, "RC2"};
    return {Phase::kClose, e, {}, "RC7"};
  }

  Next permanence(Date e, const char* reason) {
    permanence_ = true;
    return {Phase::kClose, e, {}, reason};
  }

  void close(Date d, const char* reason) {
    ref().closure = d;
    ref().closure_reason = reason;
  }

  // The episode closes on or after everything recorded on it.
  void finish() {
    Referral& e = ref();
    if (!e.closure) return;
    Date last = *e.closure;
    for (auto& a : e.assessments)
      if (a.authorised) last = max_date(last, *a.authorised);
    for (auto& p : e.cin_plans) {
      if (!p.end) p.end = last;  // a plan still running when the episode closes ends with it
      last = max_date(last, *p.end);
    }
    for (auto& s : e.section47s)
      if (s.end) last = max_date(last, *s.end);
    for (auto& p : e.cp_plans)
      if (p.end) last = max_date(last, *p.end);
    for (const auto& period : c_.care)
      if (period.referral == index_ && !period.short_break && period.end)
        last = max_date(last, *period.end);
    e.closure = last;
  }

  Child& c_;
  ChildKind kind_;
  int index_;
  Date horizon_;
  Rng& rng_;
  bool recent_cp_ = false;
  int open_cin_plan_ = -1;
  Route closure_kind_ = Route::kAssessmentNfa;
  bool permanence_ = false;
};

// Chance of a later referral after an episode closes, by how it closed.
double rereferral_chance(Route how, bool permanence) {
  if (permanence) return 0.02;
  switch (how) {
    case Route::kReferralNfa: return 0.55;
    case Route::kAssessmentNfa: return 0.55;
    case Route::kEarlyHelp: return 0.55;
    case Route::kSection47: return 0.5;
    case Route::kLongTermCin: return 0.05;
    default: return 0.40;
  }
}

}  // namespace

void simulate_journey(Child& c, ChildKind kind, Date first_referral, Date horizon, Rng& rng) {
  Date r = first_referral;
  for (int n = 0; n < 12; ++n) {
    if (r > horizon || r >= birthday(c.birth, 18)) return;
    const int index = static_cast<int>(c.referrals.size());
    EpisodeRun run(c, n == 0 ? kind : (kind == ChildKind::kUasc ? ChildKind::kOrdinary : kind),
                   index, horizon, rng);
    OptDate closed = run.run(r);
    if (!closed || *closed > horizon) return;
    if (age_at(c.birth, *closed) >= 17 && c.born_before_referral) return;
    if (!rng.chance(rereferral_chance(run.closure_kind(), run.ended_in_permanence()))) return;
    int gap = rng.chance(0.75) ? 7 + static_cast<int>(rng.exponential(110))
                               : 365 + static_cast<int>(rng.exponential(600));
    r = closed->add_days(std::max(1, gap));
  }
}

void clip_to(Child& c, Date as_at) {
  auto clip = [&](OptDate& d) {
    if (d && *d > as_at) d.reset();
  };
  auto& refs = c.referrals;
  while (!refs.empty() && refs.back().date > as_at) refs.pop_back();
  for (auto& e : refs) {
    if (e.closure && *e.closure > as_at) e.closure.reset(), e.closure_reason.clear();
    std::erase_if(e.assessments, [&](const AssessmentRec& a) { return a.start > as_at; });
    for (auto& a : e.assessments)
      if (a.authorised && *a.authorised > as_at) {
        a.authorised.reset();
        a.factors.clear();
        a.outcome_nfa = false;
      }
    std::erase_if(e.cin_plans, [&](const CinPlanRec& p) { return p.start > as_at; });
    for (auto& p : e.cin_plans) clip(p.end);
    // Section 47s are kept in order (CP plans point at them by index).
    while (!e.section47s.empty() && e.section47s.back().start > as_at) e.section47s.pop_back();
    for (auto& s : e.section47s) {
      if (s.end && *s.end > as_at) {
        s.end.reset();
        s.icpc_not_required = false;
      }
      if (s.icpc_date && *s.icpc_date > as_at) s.icpc_date.reset(), s.cp_plan_followed = false;
    }
    std::erase_if(e.cp_plans, [&](const CpPlanRec& p) { return p.start > as_at; });
    for (auto& p : e.cp_plans) {
      std::erase_if(p.reviews, [&](const CpReviewRec& r) { return r.date > as_at; });
      if (p.end && *p.end > as_at) {
        p.end.reset();
        for (auto& r : p.reviews) r.plan_continues = true;
      }
    }
  }
  std::erase_if(c.care, [&](const CarePeriod& p) { return p.start > as_at; });
  for (auto& p : c.care) {
    clip(p.end);
    std::erase_if(p.episodes, [&](const LaEpisodeRec& e) { return e.start > as_at; });
    for (auto& e : p.episodes)
      if (e.end && *e.end > as_at) e.end.reset(), e.rec.clear();
    // Placements and legal statuses are in start order; episodes index them.
    while (!p.placements.empty() && p.placements.back().start > as_at) p.placements.pop_back();
    for (auto& pl : p.placements) clip(pl.end);
    while (!p.legal.empty() && p.legal.back().start > as_at) p.legal.pop_back();
    for (auto& l : p.legal) clip(l.end);
    std::erase_if(p.reviews, [&](const LaReviewRec& r) { return r.date > as_at; });
    if (p.has_adoption) {
      AdoptionRec& a = p.adoption;
      if (a.decision > as_at) {
        p.has_adoption = false;
      } else {
        clip(a.placement_order);
        clip(a.match);
        clip(a.placed);
        if (a.ceased && *a.ceased > as_at) a.ceased.reset(), a.ceased_reason.clear();
        if (a.with_foster_carer_since && !a.placed) a.with_foster_carer_since.reset();
      }
    }
  }
  std::erase_if(c.missing, [&](const MissingRec& m) { return m.start > as_at; });
  for (auto& m : c.missing) clip(m.end);
}

}  // namespace beacon::synth
