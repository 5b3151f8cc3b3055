#include "synth/workforce.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "synth/dates.h"
#include "synth/names.h"

namespace beacon::synth {
namespace {

// One group of posts in a team: how many, what role, qualified or not.
struct PostGroup {
  int count = 0;
  const char* role = "social_worker";
  const char* title = "Social worker";
  bool qualified = true;
  bool case_holding = false;
};

// A kind of team and how many of them each locality has (East, NWC, South,
// citywide) in the reference trust (domain.md §1).
struct TeamTemplate {
  TeamKind kind;
  const char* service;  // the service the teams belong to
  const char* code;     // short name for ids and team names
  std::array<int, kLocalities> teams;
  PostGroup seniors;
  PostGroup main;
  PostGroup extra;
};

const std::vector<TeamTemplate>& templates() {
  static const std::vector<TeamTemplate> t = {
      {TeamKind::kAsti, "Assessment and short-term intervention", "ASTI", {5, 5, 4, 0},
       {2, "senior_practitioner", "Senior practitioner", true, true},
       {7, "social_worker", "Social worker", true, true}, {}},
      {TeamKind::kSafeguarding, "Safeguarding", "SG", {7, 7, 6, 0},
       {2, "senior_practitioner", "Senior practitioner", true, true},
       {7, "social_worker", "Social worker", true, true}, {}},
      {TeamKind::kChildrenInCare, "Children in care", "CIC", {7, 7, 6, 0},
       {1, "senior_practitioner", "Senior practitioner", true, true},
       {7, "social_worker", "Social worker", true, true}, {}},
      {TeamKind::kLeavingCare, "Leaving care", "LC", {2, 2, 1, 0},
       {1, "senior_practitioner", "Senior practitioner", true, false},
       {9, "personal_adviser", "Personal adviser", false, true}, {}},
      {TeamKind::kFamilySupport, "Family support", "FS", {5, 4, 4, 0}, {},
       {6, "family_support", "Family support worker", false, true}, {}},
      {TeamKind::kFrontDoor, "Children's advice and support service", "CASS", {0, 0, 0, 3},
       {1, "senior_practitioner", "Senior practitioner", true, false},
       {8, "social_worker", "Social worker", true, false}, {}},
      {TeamKind::kFrontDoor, "Children's advice and support service", "MASH", {0, 0, 0, 2},
       {1, "senior_practitioner", "Senior practitioner", true, false},
       {6, "social_worker", "Social worker", true, false}, {}},
      {TeamKind::kDisability, "Disabled children", "DCT", {0, 0, 0, 4},
       {1, "senior_practitioner", "Senior practitioner", true, true},
       {7, "social_worker", "Social worker", true, true}, {}},
      {TeamKind::kUasc, "UASC, no recourse and edge of care", "UASC", {0, 0, 0, 2},
       {1, "senior_practitioner", "Senior practitioner", true, true},
       {6, "social_worker", "Social worker", true, true}, {}},
      {TeamKind::kNoRecourse, "UASC, no recourse and edge of care", "NRPF", {0, 0, 0, 1}, {},
       {5, "social_worker", "Social worker", true, false}, {}},
      {TeamKind::kEdgeOfCare, "UASC, no recourse and edge of care", "EOC", {0, 0, 0, 1}, {},
       {6, "social_worker", "Social worker", true, false}, {}},
      {TeamKind::kYouthOffending, "Youth offending service", "YOS", {0, 0, 0, 3}, {},
       {3, "social_worker", "Social worker", true, false},
       {4, "other", "Youth justice officer", false, false}},
      {TeamKind::kFostering, "Fostering and adoption", "FOST", {0, 0, 0, 3}, {},
       {9, "social_worker", "Supervising social worker", true, false}, {}},
      {TeamKind::kAdoption, "Fostering and adoption", "ADOPT", {0, 0, 0, 2}, {},
       {8, "social_worker", "Adoption social worker", true, false}, {}},
      {TeamKind::kIro, "Safeguarding and quality", "IRO", {0, 0, 0, 4}, {},
       {8, "other", "Independent reviewing officer", true, false}, {}},
      {TeamKind::kIro, "Safeguarding and quality", "CPC", {0, 0, 0, 1}, {},
       {8, "other", "Child protection chair", true, false}, {}},
  };
  return t;
}

constexpr std::array<const char*, kLocalities> kLocalityNames = {"East", "North-West-Central",
                                                                 "South", "Citywide services"};
constexpr std::array<const char*, kLocalities> kLocalityCodes = {"E", "NWC", "S", "CW"};

std::string service_code(const char* service) {
  // "Assessment and short-term intervention" → "ASTI"-like initials.
  std::string code;
  bool start = true;
  for (const char* p = service; *p; ++p) {
    char c = *p;
    if (start && c >= 'A' && c <= 'Z') code.push_back(c);
    if (start && c >= 'a' && c <= 'z') code.push_back(static_cast<char>(c - 'a' + 'A'));
    start = c == ' ' || c == '-' || c == ',';
  }
  return code;
}

struct Post {
  int unit;
  const char* role;
  const char* title;
  bool qualified;
  bool case_holding;
  bool manager;
};

class WorkerFactory {
 public:
  WorkerFactory(World& w, Rng& rng) : w_(w), rng_(rng) {}

  // Fills one post from before the window to as_at: a chain of occupants
  // with gaps between them (vacancies).
  void fill(const Post& post) {
    const Date t0 = w_.window.start;
    const Date end = w_.window.as_at;
    const double employed_years = post.manager ? 6.0 : 5.0;
    const double agency_years = 1.2;
    // The first occupant has been in post for a while already.
    bool agency = rng_.chance(post.manager ? 0.08 : 0.15);
    Date from = t0.add_days(-static_cast<int>(
        rng_.uniform() * 365.0 * (agency ? agency_years * 1.5 : employed_years * 1.6)));
    if (!rng_.chance(0.93)) from = t0.add_days(static_cast<int>(rng_.exponential(60)));
    while (from <= end) {
      // Tenure from the window start is memoryless: count it from max(from, t0).
      Date counted_from = max_date(from, t0);
      double years = rng_.exponential(agency ? agency_years : employed_years);
      Date last = counted_from.add_days(std::max(60, static_cast<int>(years * 365.25)));
      add(post, agency, from, last < end ? OptDate(last) : OptDate());
      if (last >= end) break;
      from = last.add_days(1 + static_cast<int>(rng_.exponential(40)));
      agency = rng_.chance(post.manager ? 0.25 : 0.45);
    }
  }

 private:
  void add(const Post& post, bool agency, Date from, OptDate to) {
    Worker k;
    const int index = static_cast<int>(w_.workers.size());
    char buf[32];
    std::snprintf(buf, sizeof buf, "W%05d", index + 1);
    k.id = buf;
    std::snprintf(buf, sizeof buf, "%c%06d", agency ? 'A' : 'E', 200000 + index * 13 % 700000);
    k.staff_id = buf;
    char sex = rng_.chance(0.82) ? 'F' : 'M';
    k.name = invent_forename(rng_, sex) + " " + invent_surname(rng_);
    if (post.qualified) {
      std::snprintf(buf, sizeof buf, "SW%06d", 100000 + (index * 7919 + 4271) % 900000);
      k.registration_no = buf;
    }
    k.job_title = post.title;
    k.role = post.role;
    k.employment = agency ? (post.manager ? "interim" : "agency") : "employed";
    k.unit = post.unit;
    if (!agency) {
      size_t f = rng_.weighted({80, 10, 6, 4});
      k.fte = std::array{1.0, 0.8, 0.6, 0.5}[f];
    }
    k.from = from;
    k.to = to;
    k.case_holding = post.case_holding;
    w_.workers.push_back(std::move(k));
    w_.units[static_cast<size_t>(post.unit)].workers.push_back(index);
  }

  World& w_;
  Rng& rng_;
};

int add_unit(World& w, std::string id, std::string name, const char* kind, int parent,
             TeamKind team_kind, int locality) {
  Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = kind;
  u.parent = parent;
  u.team_kind = team_kind;
  u.locality = locality;
  w.units.push_back(std::move(u));
  return static_cast<int>(w.units.size()) - 1;
}

}  // namespace

bool in_post(const Worker& k, Date d) { return k.from <= d && (!k.to || *k.to >= d); }

void build_organisation(World& w, Rng& rng) {
  const double scale = w.options.scale;
  std::vector<Post> posts;
  const int org = add_unit(w, "ORG", "Synthetic City Children's Trust", "organisation", -1,
                           TeamKind::kNone, -1);
  posts.push_back({org, "other", "Director of children's social care", true, false, true});
  for (int loc = 0; loc < kLocalities; ++loc) {
    const int locality = add_unit(w, std::string("LOC-") + kLocalityCodes[loc],
                                  kLocalityNames[loc], "locality", org, TeamKind::kNone, loc);
    posts.push_back({locality, "service_manager", "Head of service", true, false, true});
    int service = -1;
    std::string service_name;
    for (const auto& t : templates()) {
      const int base = t.teams[static_cast<size_t>(loc)];
      if (base == 0) continue;
      if (service < 0 || service_name != t.service) {
        service_name = t.service;
        std::string name = loc == kCitywide ? std::string(t.service)
                                            : std::string(kLocalityNames[loc]) + " " +
                                                  static_cast<char>(std::tolower(t.service[0])) +
                                                  (t.service + 1);
        service = add_unit(w,
                           std::string("SVC-") + kLocalityCodes[loc] + "-" +
                               service_code(t.service),
                           name, "service", locality, TeamKind::kNone, loc);
        posts.push_back({service, "service_manager", "Service manager", true, false, true});
      }
      // Fewer, smaller teams at small scale; never fewer than one team.
      const int n = std::max(1, static_cast<int>(std::lround(base * scale)));
      auto per_team = [&](const PostGroup& g, int minimum) {
        if (g.count == 0) return 0;
        return std::max(minimum, static_cast<int>(std::lround(g.count * base * scale / n)));
      };
      const int seniors = per_team(t.seniors, 0);
      const int mains = per_team(t.main, 1);
      const int extras = per_team(t.extra, 0);
      for (int i = 1; i <= n; ++i) {
        char num[16];
        std::snprintf(num, sizeof num, "%02d", i);
        const int team = add_unit(
            w, std::string("T-") + kLocalityCodes[loc] + "-" + t.code + "-" + num,
            std::string(loc == kCitywide ? "" : std::string(kLocalityNames[loc]) + " ") + t.code +
                " team " + std::to_string(i),
            "team", service, t.kind, loc);
        posts.push_back({team, "team_manager", "Team manager", true, false, true});
        for (int k = 0; k < seniors; ++k)
          posts.push_back({team, t.seniors.role, t.seniors.title, t.seniors.qualified,
                           t.seniors.case_holding, false});
        for (int k = 0; k < mains; ++k)
          posts.push_back(
              {team, t.main.role, t.main.title, t.main.qualified, t.main.case_holding, false});
        for (int k = 0; k < extras; ++k)
          posts.push_back(
              {team, t.extra.role, t.extra.title, t.extra.qualified, t.extra.case_holding, false});
      }
    }
  }

  WorkerFactory factory(w, rng);
  for (const auto& p : posts) factory.fill(p);

  // Established social-worker posts (qualified posts, team managers included)
  // per team, one row per financial year of the window.
  std::vector<double> establishment(w.units.size(), 0.0);
  for (const auto& p : posts)
    if (p.qualified && w.units[static_cast<size_t>(p.unit)].kind == "team")
      establishment[static_cast<size_t>(p.unit)] += 1.0;
  for (size_t u = 0; u < w.units.size(); ++u) {
    if (establishment[u] == 0) continue;
    for (size_t i = 0; i < w.window.years.size(); ++i) {
      const int y = w.window.years[i];
      EstablishedPostRow row;
      row.unit = static_cast<int>(u);
      row.from = Window::year_start(y);
      bool last = i + 1 == w.window.years.size() && Window::year_end(y) >= w.window.as_at;
      if (!last) row.to = Window::year_end(y);
      row.fte = establishment[u];
      w.established_posts.push_back(row);
    }
    // An as-at date after the last 31 March: the current year's row, open-ended.
    const int current = w.window.as_at.financial_year();
    if (w.window.years.empty() || w.window.years.back() < current) {
      EstablishedPostRow row;
      row.unit = static_cast<int>(u);
      row.from = Window::year_start(current);
      row.fte = establishment[u];
      w.established_posts.push_back(row);
    }
  }

  // Line managers and unit managers, read from the roster.
  Roster roster(w);
  for (auto& k : w.workers) {
    const Date at = k.to ? *k.to : w.window.as_at;
    const Unit& unit = w.units[static_cast<size_t>(k.unit)];
    const bool manages = k.role == "team_manager" || k.role == "service_manager" ||
                         (unit.kind == "organisation");
    int m = manages ? (unit.parent >= 0 ? roster.manager_at(unit.parent, at) : -1)
                    : roster.manager_at(k.unit, at);
    k.line_manager = m;
  }
  for (size_t u = 0; u < w.units.size(); ++u) {
    int m = roster.manager_at(static_cast<int>(u), w.window.as_at);
    // Only the unit's own manager, not a parent's standing in.
    if (m >= 0 && w.workers[static_cast<size_t>(m)].unit == static_cast<int>(u))
      w.units[u].manager = m;
  }
}

void build_supervisions(World& w, Rng& rng) {
  Roster roster(w);
  const Date first = w.window.start;
  const Date last = w.window.as_at;
  for (size_t i = 0; i < w.workers.size(); ++i) {
    const Worker& k = w.workers[i];
    const Unit& unit = w.units[static_cast<size_t>(k.unit)];
    if (unit.kind == "organisation") continue;
    const bool manager = k.role == "team_manager" || k.role == "service_manager";
    const int supervisor_unit = manager ? unit.parent : k.unit;
    for (YearMonth m = YearMonth::of(max_date(first, k.from)); m.first_day() <= last;
         m = m.plus(1)) {
      const Date a = max_date(m.first_day(), k.from);
      Date b = min_date(m.last_day(), last);
      if (k.to) b = min_date(b, *k.to);
      if (b < a) break;
      const bool whole = a == m.first_day() && b == m.last_day();
      const double p = whole ? (manager ? 0.92 : 0.885) : 0.45;
      if (!rng.chance(p)) continue;
      const int span = a.days_until(b);
      Date d = working_day_on_or_after(a.add_days(rng.range(0, span)));
      if (d > b) continue;
      int sup = roster.manager_at(supervisor_unit, d);
      if (sup == static_cast<int>(i)) sup = roster.manager_at(unit.parent, d);
      w.supervisions.push_back({static_cast<int>(i), d, sup});
      if (rng.chance(0.12)) {
        Date d2 = working_day_on_or_after(a.add_days(rng.range(0, span)));
        if (d2 <= b && d2 != d) w.supervisions.push_back({static_cast<int>(i), d2, sup});
      }
    }
  }
  std::stable_sort(w.supervisions.begin(), w.supervisions.end(),
                   [](const SupervisionRow& x, const SupervisionRow& y) {
                     return x.worker != y.worker ? x.worker < y.worker : x.date < y.date;
                   });
}

Roster::Roster(const World& w) : w_(w) {
  teams_.resize(16 * kLocalities);
  managers_.resize(w.units.size());
  for (size_t u = 0; u < w.units.size(); ++u) {
    const Unit& unit = w.units[u];
    if (unit.kind == "team")
      teams_[static_cast<size_t>(unit.team_kind) * kLocalities +
             static_cast<size_t>(unit.locality)]
          .push_back(static_cast<int>(u));
    for (int k : unit.workers) {
      const auto& role = w.workers[static_cast<size_t>(k)].role;
      const bool manages = unit.kind == "team" ? role == "team_manager"
                                               : unit.kind == "organisation" ||
                                                     role == "service_manager";
      if (manages) managers_[u].push_back(k);
    }
  }
}

const std::vector<int>& Roster::teams(TeamKind kind, int locality) const {
  return teams_[static_cast<size_t>(kind) * kLocalities + static_cast<size_t>(locality)];
}

int Roster::pick_case_worker(int team, Date d, Rng& rng, int exclude) const {
  const auto& members = w_.units[static_cast<size_t>(team)].workers;
  int candidates[64];
  int n = 0;
  for (int k : members) {
    const Worker& wk = w_.workers[static_cast<size_t>(k)];
    if (wk.case_holding && k != exclude && in_post(wk, d) && n < 64) candidates[n++] = k;
  }
  if (n == 0) return -1;
  return candidates[rng.range(0, n - 1)];
}

int Roster::pick_any_worker(int unit, Date d, Rng& rng) const {
  const auto& members = w_.units[static_cast<size_t>(unit)].workers;
  int candidates[64];
  int n = 0;
  for (int k : members)
    if (in_post(w_.workers[static_cast<size_t>(k)], d) && n < 64) candidates[n++] = k;
  if (n == 0) return -1;
  return candidates[rng.range(0, n - 1)];
}

int Roster::manager_at(int unit, Date d) const {
  for (int u = unit; u >= 0; u = w_.units[static_cast<size_t>(u)].parent)
    for (int k : managers_[static_cast<size_t>(u)])
      if (in_post(w_.workers[static_cast<size_t>(k)], d)) return k;
  return -1;
}

}  // namespace beacon::synth
