#include "synth/casework.h"

#include <algorithm>
#include <cmath>

#include "synth/dates.h"

namespace beacon::synth {
namespace {

int days(double d) { return static_cast<int>(std::lround(d)); }

struct Span {
  Date start;
  OptDate end;
  TeamKind kind;
  int referral;
  const char* role;
  const char* end_reason;  // why the span's last allocation ends
};

bool is_disabled_need(const Referral& r) { return r.need == "N2"; }

// The case-holding spans of each episode: assessment team first, then the
// long-term team once a plan starts, children in care while looked after.
std::vector<Span> holding_spans(const Child& c) {
  std::vector<Span> spans;
  for (size_t i = 0; i < c.referrals.size(); ++i) {
    const Referral& r = c.referrals[i];
    if (r.nfa || r.withdrawn_in_year) continue;
    const int ri = static_cast<int>(i);
    Date s0 = r.assessments.empty() ? r.date.add_days(1) : r.assessments.front().start;
    const OptDate end = r.closure;
    if (end && *end <= s0) continue;
    TeamKind base = c.uasc && i == 0 ? TeamKind::kUasc
                    : is_disabled_need(r) ? TeamKind::kDisability
                                          : TeamKind::kAsti;
    const bool fixed = base != TeamKind::kAsti;
    std::vector<std::pair<Date, TeamKind>> moves;
    OptDate plan_start;
    for (const auto& p : r.cin_plans) plan_start = plan_start ? min_date(*plan_start, p.start) : p.start;
    for (const auto& p : r.cp_plans) plan_start = plan_start ? min_date(*plan_start, p.start) : p.start;
    // A deterministic offset keeps this pure: transfer about a month after the plan starts.
    if (plan_start && !fixed)
      moves.push_back({plan_start->add_days(10 + (plan_start->serial() * 7 + ri) % 30),
                       TeamKind::kSafeguarding});
    for (const auto& p : c.care) {
      if (p.referral != ri || p.short_break) continue;
      if (base != TeamKind::kUasc)
        moves.push_back({p.start.add_days(20 + (p.start.serial() * 13) % 60),
                         TeamKind::kChildrenInCare});
      if (p.end && base != TeamKind::kUasc)
        moves.push_back({*p.end, fixed ? base : TeamKind::kSafeguarding});
    }
    std::stable_sort(moves.begin(), moves.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    Span cur{s0, end, base, ri, "social_worker", "Case closed"};
    for (const auto& [d, kind] : moves) {
      if (d <= cur.start || (end && d >= *end) || kind == cur.kind) continue;
      Span done = cur;
      done.end = d.add_days(-1);
      done.end_reason = "Transfer to another team";
      spans.push_back(done);
      cur = {d, end, kind, ri, "social_worker", "Case closed"};
    }
    spans.push_back(cur);
  }
  // Care leavers: a personal adviser from leaving care to the 21st birthday.
  if (c.care_leaver_eligible) {
    Date until = birthday(c.birth, 21);
    if (c.left_care < until)
      spans.push_back({c.left_care.add_days(1), until, TeamKind::kLeavingCare, -1,
                       "personal_adviser", "Leaving care support ended"});
  }
  return spans;
}

int pick_team(const Roster& roster, TeamKind kind, int locality, Rng& rng) {
  const bool citywide = kind == TeamKind::kDisability || kind == TeamKind::kUasc ||
                        kind == TeamKind::kFrontDoor || kind == TeamKind::kAdoption;
  const auto& teams = roster.teams(kind, citywide ? kCitywide : locality);
  if (teams.empty()) return -1;
  return teams[static_cast<size_t>(rng.range(0, static_cast<int>(teams.size()) - 1))];
}

void allocate_span(Child& c, const Span& span, const World& w, const Roster& roster, Rng& rng) {
  const Date as_at = w.window.as_at;
  const Date window_start = w.window.start;
  if (span.end && *span.end < window_start) return;
  if (span.start > as_at) return;
  int team = pick_team(roster, span.kind, c.locality, rng);
  if (team < 0) return;
  // Only allocations in force in the window are written; start a year before
  // it. A new case waits a few days for allocation.
  Date t = max_date(span.start.add_days(static_cast<int>(rng.exponential(6))),
                    window_start.add_days(-365));
  int prev = -1;
  bool first = true;
  for (int guard = 0; guard < 400; ++guard) {
    if (t > as_at || (span.end && t > *span.end)) return;
    int k = roster.pick_case_worker(team, t, rng, prev);
    if (k < 0) k = roster.pick_case_worker(team, t, rng);
    if (k < 0) {
      t = t.add_days(14);
      continue;
    }
    const Worker& wk = w.workers[static_cast<size_t>(k)];
    AllocationRec a;
    a.worker = k;
    a.team = team;
    a.start = first ? max_date(t, wk.from) : t;
    a.role = span.role;
    a.referral = span.referral;
    Date natural = t.add_days(60 + days(rng.exponential(320)));
    Date stop = natural;
    a.change_reason = "Caseload review";
    if (wk.to && *wk.to < stop) stop = *wk.to, a.change_reason = "Worker left";
    if (span.end && *span.end <= stop) stop = *span.end, a.change_reason = span.end_reason;
    if (stop > as_at) {
      a.change_reason.clear();
    } else {
      a.end = stop;
    }
    if (overlaps(a.start, a.end, window_start, as_at)) c.allocations.push_back(a);
    if (!a.end) return;
    t = stop.add_days(1);
    prev = k;
    first = false;
  }
}

DateTime at_time(Date d, int minutes) { return {d, minutes * 60, true}; }

// A visit on a working day between 09:00 and 18:59 (looked-after children
// are sometimes seen at weekends).
DateTime visit_time(Rng& rng, Date d, bool weekends) {
  if (!weekends || !rng.chance(0.1)) d = working_day_on_or_after(d);
  return at_time(d, rng.range(9 * 60, 18 * 60 + 59));
}

void add_visit(Child& c, const World& w, char kind, int owner, int referral, Date d, Rng& rng,
               bool weekends) {
  const Date as_at = w.window.as_at;
  VisitRec v;
  v.kind = kind;
  v.owner = owner;
  v.referral = referral;
  v.when = visit_time(rng, d, weekends);
  if (v.when.date > as_at || v.when.date < w.window.start) return;
  const int age = age_at(c.birth, v.when.date);
  v.seen = rng.chance(0.96);
  v.seen_alone = v.seen && age >= 5 && rng.chance(0.65);
  v.bedroom_seen = kind != 'l' && v.seen && rng.chance(0.7);
  v.worker = allocated_on(c, v.when.date);
  // The form: written up within hours, finalised (usually) within two days.
  int64_t recorded = v.when.epoch_seconds() + rng.range(1, 8) * 3600;
  const int64_t end_of_as_at = int64_t{as_at.serial()} * 86400 + 86399;
  recorded = std::min(recorded, end_of_as_at);
  v.recorded = {Date::from_serial(static_cast<int32_t>(recorded / 86400)),
                static_cast<int32_t>(recorded % 86400), true};
  int64_t finalised = recorded + std::min<int64_t>(46 * 3600, days(rng.lognormal(8, 1.0) * 3600));
  if (finalised > end_of_as_at) {
    v.draft = true;
  } else {
    v.finalised = DateTime{Date::from_serial(static_cast<int32_t>(finalised / 86400)),
                           static_cast<int32_t>(finalised % 86400), true};
  }
  c.visits.push_back(v);
}

void add_visits(Child& c, const World& w, Rng& rng) {
  const Date from = w.window.start;
  const Date as_at = w.window.as_at;
  for (size_t ri = 0; ri < c.referrals.size(); ++ri) {
    const Referral& r = c.referrals[ri];
    for (const auto& p : r.cin_plans) {
      Date end = p.end ? *p.end : as_at;
      if (end < from) continue;
      // CIN plan visits: most within 20 working days of the last.
      for (Date t = add_wd(p.start, rng.range(3, 10)); t <= end;
           t = add_wd(t, std::clamp(days(rng.lognormal(14, 0.35)), 3, 60)))
        if (t >= from) add_visit(c, w, 'n', -1, static_cast<int>(ri), t, rng, false);
    }
    for (size_t pi = 0; pi < r.cp_plans.size(); ++pi) {
      const auto& p = r.cp_plans[pi];
      Date end = p.end ? *p.end : as_at;
      if (end < from) continue;
      // CP visits: about every 10 working days.
      for (Date t = add_wd(p.start, rng.range(1, 8)); t <= end;
           t = add_wd(t, std::clamp(days(rng.lognormal(7.5, 0.3)), 2, 40)))
        if (t >= from)
          add_visit(c, w, 'p', static_cast<int>(pi), static_cast<int>(ri), t, rng, false);
    }
  }
  for (size_t pi = 0; pi < c.care.size(); ++pi) {
    const CarePeriod& p = c.care[pi];
    if (p.short_break) continue;
    Date end = p.end ? *p.end : as_at;
    if (end < from) continue;
    // Looked-after visits: within a week of each placement, then at most
    // six-weekly (a few late).
    std::vector<Date> placement_starts;
    for (const auto& pl : p.placements)
      if (pl.type[0] != 'T') placement_starts.push_back(pl.start);
    size_t next_place = 1;
    for (Date t = p.start.add_days(rng.range(1, 6)); t < end;) {
      if (t >= from) add_visit(c, w, 'l', static_cast<int>(pi), p.referral, t, rng, true);
      Date next = t.add_days(std::clamp(days(rng.lognormal(33, 0.2)), 7, 90));
      while (next_place < placement_starts.size() && placement_starts[next_place] <= t) ++next_place;
      if (next_place < placement_starts.size() && placement_starts[next_place] < next)
        next = placement_starts[next_place].add_days(rng.range(1, 6));
      t = next;
    }
  }
  std::stable_sort(c.visits.begin(), c.visits.end(),
                   [](const VisitRec& a, const VisitRec& b) { return a.when < b.when; });
}

}  // namespace

int allocated_on(const Child& c, Date d) {
  int best = -1;
  Date best_start;
  for (const auto& a : c.allocations) {
    if (a.role == "family_support") continue;
    if (a.start <= d && (!a.end || *a.end >= d) && (best < 0 || a.start >= best_start)) {
      best = a.worker;
      best_start = a.start;
    }
  }
  return best;
}

void add_casework(Child& c, const World& w, const Roster& roster, Rng& rng) {
  for (const auto& span : holding_spans(c)) allocate_span(c, span, w, roster, rng);
  // Family support workers alongside the social worker on some CIN plans.
  for (size_t ri = 0; ri < c.referrals.size(); ++ri)
    for (const auto& p : c.referrals[ri].cin_plans)
      if (rng.chance(0.3))
        allocate_span(c,
                      {p.start.add_days(rng.range(3, 20)), p.end, TeamKind::kFamilySupport,
                       static_cast<int>(ri), "family_support", "Plan ended"},
                      w, roster, rng);
  std::stable_sort(c.allocations.begin(), c.allocations.end(),
                   [](const AllocationRec& a, const AllocationRec& b) { return a.start < b.start; });

  // Workers named on the records: the allocated worker at the time.
  auto team_of = [&](int k) { return k < 0 ? -1 : w.workers[static_cast<size_t>(k)].unit; };
  for (auto& r : c.referrals) {
    int front = pick_team(roster, TeamKind::kFrontDoor, c.locality, rng);
    r.worker = front < 0 ? -1 : roster.pick_any_worker(front, r.date, rng);
    r.team = r.worker < 0 ? -1 : front;
    for (auto& a : r.assessments) {
      a.worker = allocated_on(c, a.authorised ? *a.authorised : a.start);
      if (a.worker < 0) a.worker = allocated_on(c, a.start);
      a.team = team_of(a.worker);
    }
    for (auto& p : r.cin_plans) p.worker = allocated_on(c, p.start), p.team = team_of(p.worker);
    for (auto& s : r.section47s) s.worker = allocated_on(c, s.start), s.team = team_of(s.worker);
    for (auto& p : r.cp_plans) p.worker = allocated_on(c, p.start), p.team = team_of(p.worker);
  }
  for (auto& p : c.care) {
    if (!p.has_adoption) continue;
    int team = pick_team(roster, TeamKind::kAdoption, c.locality, rng);
    p.adoption.adoption_worker = team < 0 ? -1 : roster.pick_any_worker(team, p.adoption.decision, rng);
  }
  add_visits(c, w, rng);
}

void add_contacts(Child& c, const World& w, const Roster& roster, Rng& rng) {
  const Date from = w.window.start;
  const Date as_at = w.window.as_at;
  const int64_t end_of_as_at = int64_t{as_at.serial()} * 86400 + 86399;
  // A contact on `day`: received that day, or (for the contact behind a
  // referral) decided that day, the referral date.
  auto contact = [&](Date day, const std::string& source, const char* outcome,
                     bool decided_on_day) {
    ContactRec k;
    // Decision within 24 hours for about 85%.
    const int64_t delay = rng.chance(0.85) ? rng.range(15 * 60, 23 * 3600 + 50 * 60)
                                           : rng.range(24 * 3600 + 600, 96 * 3600);
    const int64_t midnight = int64_t{day.serial()} * 86400;
    int64_t received, decided;
    if (decided_on_day) {
      decided = midnight + rng.range(9 * 3600, 19 * 3600);
      received = decided - delay;
    } else {
      received = midnight +
                 (rng.chance(0.8) ? rng.range(8 * 3600, 18 * 3600) : rng.range(0, 86399));
      decided = received + delay;
    }
    k.received = {Date::from_serial(static_cast<int32_t>(received / 86400)),
                  static_cast<int32_t>(received % 86400), true};
    if (k.received.date < from || k.received.date > as_at) return;
    if (decided <= end_of_as_at)
      k.decided = DateTime{Date::from_serial(static_cast<int32_t>(decided / 86400)),
                           static_cast<int32_t>(decided % 86400), true};
    k.source = source;
    k.outcome = outcome;
    int team = pick_team(roster, TeamKind::kFrontDoor, c.locality, rng);
    k.worker = team < 0 ? -1 : roster.pick_any_worker(team, k.received.date, rng);
    k.team = k.worker < 0 ? -1 : team;
    c.contacts.push_back(k);
  };
  for (const auto& r : c.referrals) {
    if (r.withdrawn_in_year) continue;
    contact(r.date, r.source, "Referral to children's social care", true);
    // Other agencies' contacts about a child whose case is open.
    Date end = r.closure ? *r.closure : as_at;
    int n = rng.poisson(0.5 * r.date.days_until(end) / 365.0);
    for (int i = 0; i < n; ++i) {
      Date d = r.date.add_days(rng.range(1, std::max(1, r.date.days_until(end))));
      contact(d, r.source, "Information shared with the allocated worker", false);
    }
    if (r.closure && rng.chance(0.3))
      contact(r.closure->add_days(rng.range(20, 300)), "8",
              rng.chance(0.5) ? "Advice and information" : "Early help", false);
  }
  std::stable_sort(c.contacts.begin(), c.contacts.end(),
                   [](const ContactRec& a, const ContactRec& b) { return a.received < b.received; });
}

void add_contact_only(Child& c, Date first, const World& w, const Roster& roster, Rng& rng) {
  static const char* sources[] = {"6", "2A", "3B", "3E", "5D", "1A", "8", "9"};
  static const char* outcomes[] = {"No further action", "Advice and information", "Early help",
                                   "Signposted to universal services"};
  int n = rng.chance(0.85) ? 1 : 2;
  Date d = first;
  for (int i = 0; i < n; ++i) {
    const char* source = sources[rng.weighted({30, 20, 10, 8, 10, 8, 10, 4})];
    const char* outcome = outcomes[rng.weighted({40, 25, 25, 10})];
    ContactRec k;
    int64_t received = int64_t{d.serial()} * 86400 +
                       (rng.chance(0.8) ? rng.range(8 * 3600, 18 * 3600) : rng.range(0, 86399));
    int64_t delay = rng.chance(0.85) ? rng.range(15 * 60, 23 * 3600 + 50 * 60)
                                     : rng.range(24 * 3600 + 600, 96 * 3600);
    const int64_t end_of_as_at = int64_t{w.window.as_at.serial()} * 86400 + 86399;
    k.received = {d, static_cast<int32_t>(received % 86400), true};
    if (received + delay <= end_of_as_at)
      k.decided = DateTime{Date::from_serial(static_cast<int32_t>((received + delay) / 86400)),
                           static_cast<int32_t>((received + delay) % 86400), true};
    k.source = source;
    k.outcome = outcome;
    int team = pick_team(roster, TeamKind::kFrontDoor, c.locality, rng);
    k.worker = team < 0 ? -1 : roster.pick_any_worker(team, d, rng);
    k.team = k.worker < 0 ? -1 : team;
    c.contacts.push_back(k);
    d = d.add_days(rng.range(30, 400));
    if (d > w.window.as_at) break;
  }
}

namespace {

const char* eet_activity(Rng& rng) {
  static const char* c[] = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"};
  return c[rng.weighted({12, 3, 30, 5, 10, 2, 25, 13})];
}
const char* neet_activity(Rng& rng) {
  static const char* c[] = {"G4", "G5", "G6"};
  return c[rng.weighted({20, 65, 15})];
}
std::string accommodation(Rng& rng, int age) {
  if (rng.chance(0.88)) {
    static const char* c[] = {"U1", "D1", "Z1", "B1", "E1", "C1", "T1", "K1", "Y1"};
    double adult = age >= 18 ? 1.0 : 0.0;
    return c[rng.weighted({30, 22, 15 * adult, 12, 8, 4, 3 * adult, 3, 3})];
  }
  static const char* c[] = {"S2", "X2", "W2", "V2", "U2", "D2", "K2"};
  return c[rng.weighted({20, 15, 15, 15, 15, 10, 10})];
}

}  // namespace

void assess_care_leaver(Child& c, const World& w, Rng& rng) {
  const Date as_at = w.window.as_at;
  const Date fourteen = birthday(c.birth, 14);
  int days_after_14 = 0;
  const CarePeriod* last = nullptr;
  for (const auto& p : c.care) {
    if (p.short_break) continue;
    last = &p;
    Date s = max_date(p.start, fourteen);
    Date e = p.end ? *p.end : as_at;
    if (e > s) days_after_14 += s.days_until(e);
  }
  if (!last || !last->end || days_after_14 < 91) return;
  const std::string rec = last->exit_rec();
  if (rec == "E11" || rec == "E12" || rec == "E41" || rec == "E15" || rec == "E2" ||
      (rec.size() == 3 && rec[0] == 'E' && rec[1] == '4' && rec[2] >= '5'))
    return;
  if (age_at(c.birth, *last->end) < 16) return;
  c.care_leaver_eligible = true;
  c.left_care = *last->end;
  const bool went_home = rec == "E4A" || rec == "E4B" || rec == "E13";

  auto draw = [&](int age, Oc3Rec& o) {
    if (went_home && rng.chance(0.35)) {
      o.in_touch = "RHOM";
    } else {
      static const char* t[] = {"YES", "NO", "REFU", "NREQ", "DIED"};
      o.in_touch = t[rng.weighted({90, 5, 3, 1.9, 0.1})];
    }
    if (o.in_touch == "YES" || o.in_touch == "NREQ") {
      o.activity = rng.chance(age <= 18 ? 0.60 : 0.66) ? eet_activity(rng) : neet_activity(rng);
      o.accommodation = accommodation(rng, age);
    } else {
      o.activity = "0";
      o.accommodation = "0";
    }
  };
  for (int y : w.window.years) {
    for (int age = 17; age <= 21; ++age) {
      Date bd = birthday(c.birth, age);
      if (bd < Window::year_start(y) || bd > Window::year_end(y) || bd < c.left_care) continue;
      Oc3Rec o;
      o.year = y;
      o.age = age;
      draw(age, o);
      c.oc3.push_back(o);
    }
  }
  // The case system's picture today: relevant (16–17) and former relevant (18–20).
  const int age_now = age_at(c.birth, as_at);
  if (age_now >= 16 && age_now <= 20) {
    Oc3Rec now;
    draw(age_now, now);
    if (now.in_touch == "RHOM" || now.in_touch == "DIED") return;
    CareLeaverNow& n = c.care_leaver;
    n.present = true;
    n.eligibility = age_now < 18 ? "Relevant" : "Former relevant";
    n.in_touch = now.in_touch;
    n.latest_contact = as_at.add_days(-(now.in_touch == "YES" ? rng.range(0, 90) : rng.range(90, 400)));
    if (n.latest_contact < c.left_care) n.latest_contact = c.left_care;
    n.accommodation = now.accommodation == "0" ? "" : now.accommodation.substr(0, 1);
    n.suitable = now.accommodation == "0" ? "" : now.accommodation.substr(1, 1);
    n.activity = now.activity == "0" ? "" : now.activity;
    n.pathway_review = max_date(c.left_care, as_at.add_days(-rng.range(0, 180)));
  }
}

}  // namespace beacon::synth
