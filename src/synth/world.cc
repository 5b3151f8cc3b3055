#include "synth/world.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "synth/casework.h"
#include "synth/care.h"
#include "synth/dates.h"
#include "synth/defects.h"
#include "synth/extras.h"
#include "synth/journey.h"
#include "synth/people.h"
#include "synth/workforce.h"

namespace beacon::synth {
namespace {

// Streams of random numbers, one per purpose (and per child), so a change in
// one part of the model does not reshuffle every other part.
enum Stream : uint64_t {
  kOrganisation = 1,
  kArrivals,
  kJourney,
  kCasework,
  kContacts,
  kContactOnly,
  kSupervision,
  kYouthJustice,
  kDefects,
};

// New children per year at scale 1 (first referrals; re-referrals come on
// top from each child's own journey). Calibrated so that at the as-at date
// the reference trust has about 7,100 children in need.
constexpr double kNewOrdinaryPerYear = 5700;
constexpr double kNewDisabledPerYear = 130;
constexpr double kNewUascPerYear = 88;
constexpr double kContactOnlyPerYear = 15000;
// Years simulated before the window so that it opens on a settled caseload
// (children looked after for years, care leavers up to 21).
constexpr int kBurnInYears = 16;

Window make_window(const Options& o) {
  Window win;
  win.as_at = o.as_at;
  int last = o.as_at.financial_year();
  if (Window::year_end(last) > o.as_at) --last;
  for (int y = last - o.years + 1; y <= last; ++y) win.years.push_back(y);
  win.start = Window::year_start(win.years.front());
  return win;
}

// Contacts about a child can follow a closure by up to about a year.
bool closed_recently(const Child& c, const Window& win) {
  for (const auto& r : c.referrals)
    if (r.closure && *r.closure >= win.start.add_days(-400)) return true;
  return false;
}

bool in_window(const Child& c, const Window& win) {
  const Date from = win.start, to = win.as_at;
  for (const auto& r : c.referrals)
    if (overlaps(r.date, r.closure, from, to)) return true;
  for (const auto& p : c.care)
    if (overlaps(p.start, p.end, from, to)) return true;
  for (const auto& m : c.missing)
    if (overlaps(m.start, m.end, from, to)) return true;
  return !c.oc3.empty() || c.care_leaver.present;
}

template <class T>
void number(T& id, const char* prefix, int width, int& counter) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%0*d", prefix, width, ++counter);
  id = buf;
}

void assign_ids(World& w) {
  int child = 0, contact = 0, referral = 0, assessment = 0, cin_plan = 0, s47 = 0, icpc = 0,
      cp_plan = 0, cp_review = 0, period = 0, episode = 0, placement = 0, legal = 0,
      review = 0, missing = 0, visit = 0, allocation = 0, perm = 0, leaver = 0;
  for (auto& c : w.children) {
    if (!c.in_output) continue;
    number(c.id, "C", 7, child);
    for (auto& k : c.contacts) number(k.id, "CON", 8, contact);
    for (auto& r : c.referrals) {
      if (r.withdrawn_in_year) continue;
      number(r.id, "REF", 8, referral);
      for (auto& a : r.assessments) number(a.id, "ASM", 8, assessment);
      for (auto& p : r.cin_plans) number(p.id, "CINP", 7, cin_plan);
      for (auto& s : r.section47s) {
        number(s.id, "S47", 8, s47);
        if (s.icpc_date) number(s.icpc_id, "ICPC", 7, icpc);
      }
      for (auto& p : r.cp_plans) {
        number(p.id, "CPP", 8, cp_plan);
        for (auto& rv : p.reviews) number(rv.id, "CPR", 8, cp_review);
      }
    }
    for (auto& p : c.care) {
      number(p.cla_id, "CLA", 7, period);
      for (auto& e : p.episodes) number(e.id, "EPI", 8, episode);
      for (auto& pl : p.placements) number(pl.id, "PLC", 8, placement);
      for (auto& l : p.legal) number(l.id, "LEG", 8, legal);
      for (auto& rv : p.reviews) number(rv.id, "LAR", 8, review);
      if (p.has_adoption) number(p.adoption.perm_id, "PERM", 6, perm);
    }
    for (auto& m : c.missing) number(m.id, "MIS", 8, missing);
    for (auto& v : c.visits) number(v.id, "VIS", 8, visit);
    for (auto& a : c.allocations) number(a.id, "INV", 8, allocation);
    if (c.care_leaver.present) number(c.care_leaver.id, "CL", 7, leaver);
  }
}

// Details that depend on the whole journey: the SSDA903 records only male or
// female, and a few young women in care become mothers.
void finish_child(Child& c, Date as_at, Rng& rng) {
  if (c.sex == 'U' && !c.care.empty()) c.sex = rng.chance(0.5) ? 'M' : 'F';
  bool looked_after = false;
  for (const auto& p : c.care) looked_after = looked_after || !p.short_break;
  if (c.sex == 'F' && looked_after && age_at(c.birth, as_at) >= 16 && rng.chance(0.04)) {
    Date born = birthday(c.birth, 16).add_days(rng.range(0, 700));
    if (born <= as_at) {
      c.is_mother = true;
      c.mother_child_birth = born;
    }
  }
}

void count_caseloads(World& w) {
  Date sept = ymd(w.window.as_at.year(), 9, 30);
  if (sept > w.window.as_at) sept = ymd(w.window.as_at.year() - 1, 9, 30);
  for (const auto& c : w.children)
    for (const auto& a : c.allocations)
      if (a.role != "family_support" && a.start <= sept && (!a.end || *a.end >= sept))
        ++w.workers[static_cast<size_t>(a.worker)].caseload_30_sept;
}

}  // namespace

Status check_options(const Options& o) {
  if (!(o.scale > 0) || o.scale > 20)
    return Status::invalid_input("--scale must be more than 0 and at most 20");
  if (o.years < 1 || o.years > 12) return Status::invalid_input("--years must be 1 to 12");
  if (!(o.defect_rate >= 0) || o.defect_rate > 0.5)
    return Status::invalid_input("--defect-rate must be between 0 and 0.5");
  if (o.as_at < ymd(2014, 3, 31) || o.as_at > ymd(2030, 12, 31))
    return Status::invalid_input("--as-at must be between 2014-03-31 and 2030-12-31");
  return Status::ok();
}

World build_world(const Options& o) {
  World w;
  w.options = o;
  w.window = make_window(o);
  const Date as_at = w.window.as_at;
  const uint64_t seed = o.seed;

  Rng org_rng(derive_seed(seed, kOrganisation));
  build_organisation(w, org_rng);
  const Roster roster(w);

  // Children arrive day by day from the start of the burn-in.
  Rng arrivals(derive_seed(seed, kArrivals));
  const Date sim_start = w.window.start.add_years(-kBurnInYears);
  struct Kind {
    ChildKind kind;
    double per_day;
  };
  const Kind kinds[] = {{ChildKind::kOrdinary, kNewOrdinaryPerYear * o.scale / 365.25},
                        {ChildKind::kDisabled, kNewDisabledPerYear * o.scale / 365.25},
                        {ChildKind::kUasc, kNewUascPerYear * o.scale / 365.25}};
  uint64_t arrived = 0;
  for (Date d = sim_start; d <= as_at; d = d.add_days(1)) {
    for (const auto& k : kinds) {
      int n = arrivals.poisson(k.per_day);
      for (int i = 0; i < n; ++i) {
        const uint64_t index = arrived++;
        Rng rng(derive_seed(seed, kJourney, index));
        Child c = make_child(rng, k.kind, d);
        c.uasc = k.kind == ChildKind::kUasc;
        simulate_journey(c, k.kind, d, as_at, rng);
        simulate_missing(c, rng);
        clip_to(c, as_at);
        finish_child(c, as_at, rng);
        assess_care_leaver(c, w, rng);
        c.in_output = in_window(c, w.window);
        c.stream = index;
        // Children whose story ended long before the window appear nowhere.
        if (c.in_output || closed_recently(c, w.window)) w.children.push_back(std::move(c));
      }
    }
  }

  // Casework and contacts for the children the extract holds.
  for (size_t i = 0; i < w.children.size(); ++i) {
    Child& c = w.children[i];
    Rng rng(derive_seed(seed, kCasework, c.stream));
    if (c.in_output) {
      add_casework(c, w, roster, rng);
      if (c.care_leaver.present) {
        c.care_leaver.worker = allocated_on(c, as_at);
        if (c.care_leaver.worker >= 0)
          c.care_leaver.team = w.workers[static_cast<size_t>(c.care_leaver.worker)].unit;
      }
    }
    Rng contacts(derive_seed(seed, kContacts, c.stream));
    add_contacts(c, w, roster, contacts);
    if (!c.contacts.empty()) c.in_output = true;
  }

  // Children known only to the front door.
  Rng contact_only(derive_seed(seed, kContactOnly));
  const double per_day = kContactOnlyPerYear * o.scale / 365.25;
  for (Date d = w.window.start; d <= as_at; d = d.add_days(1)) {
    int n = contact_only.poisson(per_day);
    for (int i = 0; i < n; ++i) {
      Child c = make_child(contact_only, ChildKind::kContactOnly, d);
      add_contact_only(c, d, w, roster, contact_only);
      c.in_output = true;
      w.children.push_back(std::move(c));
    }
  }

  Rng yj(derive_seed(seed, kYouthJustice));
  build_youth_justice(w, yj);
  Rng sup(derive_seed(seed, kSupervision));
  build_supervisions(w, sup);
  build_population(w);
  build_targets(w);
  Rng defects(derive_seed(seed, kDefects));
  inject_defects(w, defects);
  count_caseloads(w);
  assign_ids(w);
  return w;
}

}  // namespace beacon::synth
