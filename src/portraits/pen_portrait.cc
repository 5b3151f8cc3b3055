#include "portraits/pen_portrait.h"

#include <algorithm>
#include <map>

#include "core/code_lists.h"
#include "indicators/logic_support.h"
#include "snapshot/attribution.h"

namespace beacon {
namespace {

// One member of the cohort and what the portrait needs to know of them.
struct Member {
  const Child* child = nullptr;
  std::string_view child_id;
  std::string need;          // primary need / category of need
  OptDate open_since;        // referral date (CIN cohorts) or start of care
  // Children in need: every open episode's days open at the date (a child
  // can have more than one); "average days open" is over episodes.
  std::vector<int> episode_days_open;
  std::string_view team_id;  // attribution at the date
  std::string_view worker_id;
  const LaEpisode* episode = nullptr;  // looked after: the current episode
  const PeriodOfCare* period = nullptr;
  const CareLeaverReturn* care_leaver = nullptr;
};

double share(double n, double base) { return base > 0 ? n / base * 100.0 : 0; }

PortraitItem counted(std::string label, double n, double base) {
  return {std::move(label), n, share(n, base), std::nullopt, ""};
}

bool uasc_at(const Child* c, Date at) {
  return c && c->uasc && *c->uasc && (!c->uasc_ceased || *c->uasc_ceased > at);
}

bool ever_uasc(const Child* c) { return c && c->uasc && *c->uasc; }

std::vector<Member> cin_members(const CaseIndex& index, Date at, bool plans_only) {
  std::map<std::string_view, Member> members;
  for (const CinEpisode& e : index.history().cin_episodes) {
    if (e.referral_date > at || (e.closure_date && *e.closure_date <= at)) continue;
    if (plans_only) continue;
    Member m;
    m.child_id = e.child_id;
    m.need = e.primary_need;
    m.open_since = e.referral_date;
    auto a = attribute(index, e.child_id, at, e.worker_id, e.team_id, e.closure_date);
    m.team_id = a.team_id;
    m.worker_id = a.worker_id;
    m.episode_days_open = members[e.child_id].episode_days_open;
    m.episode_days_open.push_back(e.referral_date.days_until(at));
    members[e.child_id] = m;  // the latest open episode if several
  }
  if (plans_only) {
    for (const CinPlan& p : index.history().cin_plans) {
      if (p.start > at || (p.end && *p.end <= at)) continue;
      Member m;
      m.child_id = p.episode.child_id;
      const CinEpisode* e = logic::find_episode(index, p.episode);
      m.need = e ? e->primary_need : "";
      m.open_since = e ? OptDate(e->referral_date) : OptDate(p.start);
      auto a = attribute(index, m.child_id, at, p.worker_id, p.team_id);
      m.team_id = a.team_id;
      m.worker_id = a.worker_id;
      members[m.child_id] = m;
    }
  }
  std::vector<Member> out;
  for (auto& [id, m] : members) out.push_back(m);
  return out;
}

std::vector<Member> cp_members(const CaseIndex& index, Date at) {
  std::map<std::string_view, Member> members;
  for (const CpPlan& p : index.history().cp_plans) {
    if (p.start > at || (p.end && *p.end <= at)) continue;
    Member m;
    m.child_id = p.child_id;
    // Primary need from the CIN episode the child is open under.
    for (const CinEpisode* e : index.referrals(p.child_id))
      if (e->referral_date <= at && (!e->closure_date || *e->closure_date > at)) {
        m.need = e->primary_need;
        m.open_since = e->referral_date;
      }
    if (!m.open_since) m.open_since = p.start;
    {
      auto a = attribute(index, p.child_id, at, p.worker_id, p.team_id, p.end);
      m.team_id = a.team_id;
      m.worker_id = a.worker_id;
    }
    members[p.child_id] = m;
  }
  std::vector<Member> out;
  for (auto& [id, m] : members) out.push_back(m);
  return out;
}

std::vector<Member> cla_members(const CaseIndex& index, Date at) {
  std::vector<Member> out;
  std::string_view last;
  for (const PeriodOfCare* p : index.all_periods_of_care()) {
    if (p->child_id == last) continue;
    auto la = logic::looked_after_at(index, p->child_id, at);
    if (!la.episode) continue;
    last = p->child_id;
    Member m;
    m.child_id = p->child_id;
    m.need = la.episode->need;
    m.open_since = la.period->start();
    m.episode = la.episode;
    m.period = la.period;
    {
      auto a = attribute(index, p->child_id, at);
      m.team_id = a.team_id;
      m.worker_id = a.worker_id;
    }
    out.push_back(m);
  }
  return out;
}

std::vector<Member> care_leaver_members(const CaseIndex& index, Date at) {
  // The care leavers in the return for the collection year holding the date.
  const int year = at.financial_year();
  std::map<std::string_view, Member> members;
  for (const CareLeaverReturn& r : index.history().care_leaver_returns) {
    if (r.collection_year != year) continue;
    Member m;
    m.child_id = r.child_id;
    m.care_leaver = &r;
    {
      auto a = attribute(index, r.child_id, at);
      m.team_id = a.team_id;
      m.worker_id = a.worker_id;
    }
    members[r.child_id] = m;
  }
  std::vector<Member> out;
  for (auto& [id, m] : members) out.push_back(m);
  return out;
}

std::string age_band(int age) {
  if (age < 0) return "Unborn";
  if (age < 1) return "Under 1";
  if (age <= 4) return "1 to 4";
  if (age <= 9) return "5 to 9";
  if (age <= 15) return "10 to 15";
  if (age <= 17) return "16 to 17";
  return "18 and over";
}

void add_common_sections(const CaseIndex& index, const std::vector<Member>& members, Date at,
                         bool cin_side, PenPortrait& out) {
  const double n = static_cast<double>(members.size());
  const auto& lists = CodeLists::shipped();

  PortraitSection sex{"Sex", {}};
  int male = 0, female = 0, other = 0;
  for (const auto& m : members) {
    const std::string s = m.child ? m.child->sex : "";
    (s == "M" ? male : s == "F" ? female : other)++;
  }
  sex.items = {counted("Male", male, n), counted("Female", female, n),
               counted("Other or not recorded", other, n)};
  out.sections.push_back(sex);

  PortraitSection ethnicity{"Ethnicity", {}};
  std::map<std::string, int> groups;
  for (const auto& m : members) {
    std::string group = m.child ? lists.label("ethnicity_group", m.child->ethnicity) : "";
    groups[group.empty() ? "Not recorded" : group]++;
  }
  for (const char* g : {"Asian", "Black", "Mixed", "Other", "White", "Not recorded"})
    ethnicity.items.push_back(counted(g, groups[g], n));
  out.sections.push_back(ethnicity);

  PortraitSection ages{"Age", {}};
  std::map<std::string, int> bands;
  int unknown_age = 0;
  for (const auto& m : members) {
    auto age = logic::age_at(m.child, at);
    if (!age) ++unknown_age;
    else bands[age_band(*age)]++;
  }
  for (const char* b : {"Unborn", "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 to 17", "18 and over"})
    if (bands[b] || std::string_view(b) != "Unborn") ages.items.push_back(counted(b, bands[b], n));
  if (unknown_age) ages.items.push_back(counted("Age not known", unknown_age, n));
  out.sections.push_back(ages);

  PortraitSection need{"Need and disability", {}};
  if (cin_side) {
    double days = 0;
    int with_start = 0;
    for (const auto& m : members) {
      if (!m.episode_days_open.empty()) {
        for (int d : m.episode_days_open) days += d;
        with_start += static_cast<int>(m.episode_days_open.size());
      } else if (m.open_since) {
        days += m.open_since->days_until(at);
        ++with_start;
      }
    }
    need.items.push_back({"Average days open", std::nullopt, std::nullopt,
                          with_start ? std::optional<double>(days / with_start) : std::nullopt,
                          "days"});
  }
  int abuse = 0, known = 0, unknown = 0;
  for (const auto& m : members) {
    if (m.need == "N1") ++abuse;
    if (!m.child || m.child->disabilities.empty()) {
      ++unknown;
    } else if (std::any_of(m.child->disabilities.begin(), m.child->disabilities.end(),
                           [](const std::string& d) { return d != "NONE"; })) {
      ++known;
    }
  }
  if (cin_side || out.cohort == Cohort::kLookedAfter)
    need.items.push_back(counted("Abuse or neglect as primary need", abuse, n));
  need.items.push_back(counted("Known disability", known, n));
  need.items.push_back(counted("Disability status not recorded", unknown, n));
  out.sections.push_back(need);

  PortraitSection places{"Locality", {}};
  std::map<std::string, int> by_locality;
  const auto& org = index.organisation();
  for (const auto& m : members) {
    std::string loc = m.team_id.empty() ? "" : org.locality_of(m.team_id);
    by_locality[loc.empty() ? "No locality" : org.name_of(loc)]++;
  }
  for (const OrgUnit* u : org.children(org.root_id()))
    if (u->kind == "locality") places.items.push_back(counted(org.name_of(u->id), by_locality[org.name_of(u->id)], n));
  places.items.push_back(counted("No locality", by_locality["No locality"], n));
  out.sections.push_back(places);
}

void add_looked_after_sections(const CaseIndex& index, const std::vector<Member>& members, Date at,
                               PenPortrait& out) {
  const double n = static_cast<double>(members.size());
  PortraitSection s{"Children looked after", {}};
  int uasc = 0;
  std::vector<int> ages;
  double years_13_15 = 0;
  int count_13_15 = 0;
  for (const auto& m : members) {
    if (uasc_at(m.child, at)) ++uasc;
    if (auto age = logic::age_at(m.child, at)) {
      ages.push_back(*age);
      if (*age >= 13 && *age <= 15) {
        years_13_15 += m.period->start().days_until(at) / 365.25;
        ++count_13_15;
      }
    }
  }
  s.items.push_back(counted("Unaccompanied asylum-seeking children", uasc, n));
  std::optional<double> median;
  if (!ages.empty()) {
    std::sort(ages.begin(), ages.end());
    size_t mid = ages.size() / 2;
    median = ages.size() % 2 ? ages[mid] : (ages[mid - 1] + ages[mid]) / 2.0;
  }
  s.items.push_back({"Median age", std::nullopt, std::nullopt, median, "years"});
  s.items.push_back({"Average years in care, aged 13 to 15", std::nullopt, std::nullopt,
                     count_13_15 ? std::optional<double>(years_13_15 / count_13_15) : std::nullopt,
                     "years"});
  out.sections.push_back(s);

  PortraitSection need{"Category of need", {}};
  std::map<std::string, int> needs;
  for (const auto& m : members) needs[m.need.empty() ? "Not recorded" : m.need]++;
  const auto& lists = CodeLists::shipped();
  for (const auto& [code, count] : needs) {
    std::string label = lists.label("903.cin", code);
    need.items.push_back(counted(label.empty() ? code : code + " " + label, count, n));
  }
  out.sections.push_back(need);

  // Legal status and placement are whole breakdowns: every child is in
  // exactly one row, so the shares add up to 100%.
  PortraitSection legal{"Legal status", {}};
  int care_order = 0, placement_order = 0, s20 = 0, other_ls = 0, no_ls = 0, s20_not_uasc = 0,
      non_uasc = 0;
  for (const auto& m : members) {
    const auto& ls = m.episode->legal_status;
    if (!uasc_at(m.child, at)) ++non_uasc;
    if (ls == "C1" || ls == "C2") ++care_order;
    else if (ls == "E1" || ls == "D1") ++placement_order;
    else if (ls == "V2") {
      ++s20;
      if (!uasc_at(m.child, at)) ++s20_not_uasc;
    } else if (ls.empty()) ++no_ls;
    else ++other_ls;
  }
  legal.items.push_back(counted("Full or interim care order", care_order, n));
  legal.items.push_back(counted("Placement order or freeing order", placement_order, n));
  legal.items.push_back(counted("Section 20", s20, n));
  legal.items.push_back(counted("Other legal status (police protection, emergency protection, "
                                "youth justice, short breaks)",
                                other_ls, n));
  if (no_ls) legal.items.push_back(counted("Not recorded", no_ls, n));
  out.sections.push_back(legal);
  // Its own base (children who are not UASC), so it sits outside the breakdown.
  for (auto& section : out.sections)
    if (section.title == "Children looked after")
      section.items.push_back(counted("Section 20, of children who are not unaccompanied asylum seekers", s20_not_uasc,
                  non_uasc));

  PortraitSection placement{"Placement", {}};
  int foster = 0, adoption = 0, parents = 0, homes = 0, semi = 0, other_place = 0, no_place = 0;
  for (const auto& m : members) {
    const auto& p = m.episode->place;
    if (p.size() == 2 && p[0] == 'U') ++foster;
    else if (is_adoption_placement(p)) ++adoption;
    else if (p == "P1") ++parents;
    else if (p == "K1" || p == "K2") ++homes;
    else if (p == "H5" || p == "K3" || p == "P2") ++semi;
    else if (p.empty()) ++no_place;
    else ++other_place;
  }
  placement.items.push_back(counted("Foster care", foster, n));
  placement.items.push_back(counted("Placed for adoption", adoption, n));
  placement.items.push_back(counted("Placed with parents", parents, n));
  placement.items.push_back(counted("Children's homes (including secure)", homes, n));
  placement.items.push_back(
      counted("Semi-independent, supported or independent living", semi, n));
  placement.items.push_back(counted("Other placements (residential schools, health, custody)",
                                    other_place, n));
  if (no_place) placement.items.push_back(counted("Not recorded", no_place, n));
  out.sections.push_back(placement);
}

void add_care_leaver_sections(const IndicatorEngine& engine, const std::vector<Member>& members,
                              Date at, std::string_view unit, PenPortrait& out) {
  const double n = static_cast<double>(members.size());
  PortraitSection s{"Care leavers", {}};
  int former_uasc = 0;
  for (const auto& m : members)
    if (ever_uasc(m.child)) ++former_uasc;
  s.items.push_back(counted("Former unaccompanied asylum-seeking children", former_uasc, n));
  out.sections.push_back(s);
  PortraitSection rates{"In touch, accommodation and activity (birthdays in the 12 months)", {}};
  const Period year = Period::rolling_months(at, 12);
  for (const char* id : {"CARE_LEAVERS_IN_TOUCH_17_18", "CARE_LEAVERS_ACCOMMODATION_17_18",
                         "CARE_LEAVERS_EET_17_18", "CARE_LEAVERS_IN_TOUCH_19_21",
                         "CARE_LEAVERS_ACCOMMODATION_19_21", "KPI9"}) {
    const IndicatorDef* def = find_indicator(id);
    auto a = engine.aggregate(*def, year, unit);
    rates.items.push_back({def->name, a.numerator, value_of(def->value_kind, a), std::nullopt, ""});
  }
  out.sections.push_back(rates);
}

}  // namespace

const char* cohort_id(Cohort c) {
  switch (c) {
    case Cohort::kChildrenInNeed: return "cin";
    case Cohort::kCinPlan: return "cin-plan";
    case Cohort::kChildProtection: return "cp";
    case Cohort::kLookedAfter: return "cla";
    case Cohort::kCareLeavers: return "care-leavers";
  }
  return "cin";
}

const char* cohort_title(Cohort c) {
  switch (c) {
    case Cohort::kChildrenInNeed: return "Children in need";
    case Cohort::kCinPlan: return "Children on child in need plans";
    case Cohort::kChildProtection: return "Children on child protection plans";
    case Cohort::kLookedAfter: return "Children looked after";
    case Cohort::kCareLeavers: return "Care leavers";
  }
  return "";
}

std::optional<Cohort> parse_cohort(std::string_view id) {
  for (Cohort c : {Cohort::kChildrenInNeed, Cohort::kCinPlan, Cohort::kChildProtection,
                   Cohort::kLookedAfter, Cohort::kCareLeavers})
    if (id == cohort_id(c)) return c;
  return std::nullopt;
}

Result<PenPortrait> build_pen_portrait(const IndicatorEngine& engine, Cohort cohort, Date at,
                                       std::string_view unit_id) {
  const CaseIndex& index = engine.index();
  const auto& org = index.organisation();
  if (!unit_id.empty() && !engine.unit_exists(unit_id))
    return Status::not_found("no organisation unit or worker with id " + std::string(unit_id));
  std::vector<Member> members;
  switch (cohort) {
    case Cohort::kChildrenInNeed: members = cin_members(index, at, false); break;
    case Cohort::kCinPlan: members = cin_members(index, at, true); break;
    case Cohort::kChildProtection: members = cp_members(index, at); break;
    case Cohort::kLookedAfter: members = cla_members(index, at); break;
    case Cohort::kCareLeavers: members = care_leaver_members(index, at); break;
  }
  for (auto& m : members) m.child = index.child(m.child_id);
  if (!unit_id.empty() && unit_id != org.root_id()) {
    const bool is_worker = org.worker(unit_id) != nullptr;
    std::erase_if(members, [&](const Member& m) {
      if (is_worker) return m.worker_id != unit_id;
      return m.team_id.empty() || !org.within(m.team_id, unit_id);
    });
  }
  PenPortrait out;
  out.cohort = cohort;
  out.at = at;
  out.unit_id = unit_id.empty() ? org.root_id() : std::string(unit_id);
  out.unit_name = org.name_of(out.unit_id);
  out.count = static_cast<int64_t>(members.size());
  const bool cin_side = cohort == Cohort::kChildrenInNeed || cohort == Cohort::kCinPlan ||
                        cohort == Cohort::kChildProtection;
  add_common_sections(index, members, at, cin_side, out);
  if (cohort == Cohort::kLookedAfter) add_looked_after_sections(index, members, at, out);
  if (cohort == Cohort::kCareLeavers) add_care_leaver_sections(engine, members, at, unit_id, out);
  return out;
}

}  // namespace beacon
