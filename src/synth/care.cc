#include "synth/care.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "synth/dates.h"
#include "synth/people.h"

namespace beacon::synth {
namespace {

int days(double d) { return static_cast<int>(std::lround(d)); }

enum class Exit : uint8_t { kHome, kAdoption, kSgo, kLongTerm, kOther, kUasc, kRemand };

// A placement as planned: what, with which carer, from when.
struct Spec {
  Date date;
  std::string type;
  int carer = 0;
  std::string reason;  // REASON_PLACE_CHANGE for the move into it
  bool temporary = false;
  // Filled when the placement is made concrete.
  std::string provider, urn, postcode;
  double distance = 0;
};

struct Legal {
  Date date;
  std::string code;
};

bool is_foster(const std::string& t) { return !t.empty() && t[0] == 'U'; }

std::string supported_accommodation(Date d) {
  // H5 until 2023-24; registered supported accommodation K3 from 2024-25.
  return d < ymd(2024, 4, 1) ? "H5" : "K3";
}

std::string placement_type(Rng& rng, int age, Date d, bool uasc) {
  if (uasc) {
    if (age < 16) return rng.chance(0.75) ? "U6" : "K2";
    size_t i = rng.weighted({30, 10, 60});
    return i == 0 ? "U6" : i == 1 ? "K2" : supported_accommodation(d);
  }
  if (age < 1) {
    static const char* t[] = {"U6", "U3", "R3", "U5"};
    return t[rng.weighted({60, 22, 12, 6})];
  }
  if (age < 5) {
    static const char* t[] = {"U6", "U3", "U5"};
    return t[rng.weighted({65, 30, 5})];
  }
  if (age < 12) {
    static const char* t[] = {"U6", "U3", "K2", "S1"};
    return t[rng.weighted({62, 25, 12, 1})];
  }
  if (age < 16) {
    static const char* t[] = {"U6", "U3", "K2", "K1", "S1"};
    return t[rng.weighted({45, 15, 37, 2, 1})];
  }
  size_t i = rng.weighted({25, 8, 25, 42});
  static const char* t[] = {"U6", "U3", "K2"};
  return i < 3 ? t[i] : supported_accommodation(d);
}

const char* move_reason(Rng& rng) {
  static const char* r[] = {"CARPL", "CREQB", "CREQO", "STAND", "CLOSE", "ALLEG",
                            "CHILD", "LAREQ", "OTHER"};
  return r[rng.weighted({40, 15, 10, 5, 5, 3, 7, 5, 10})];
}

// Provider, URN and postcode for a placement type (SSDA903 compatibility
// rules: PR0 only with P1; no provider for temporary placements).
void make_concrete(Spec& s, Rng& rng, int locality, const std::string& home) {
  const std::string& t = s.type;
  char buf[16];
  bool in_city = true;
  if (t == "P1") {
    s.provider = "PR0";
    s.urn = "XXXXXXX";
    s.postcode = home;
    s.distance = 0;
    return;
  }
  if (t[0] == 'T') {
    s.provider = "";
    s.urn = "XXXXXXX";
  } else if (t == "U1" || t == "U2" || t == "U3") {
    s.provider = "PR1";
    s.urn = "SC900001";
    in_city = rng.chance(0.8);
  } else if (is_foster(t)) {
    size_t p = rng.weighted({55, 40, 5});
    s.provider = p == 0 ? "PR1" : p == 1 ? "PR4" : "PR5";
    if (p == 0) {
      s.urn = "SC900001";
    } else {
      std::snprintf(buf, sizeof buf, "SC91%04d", rng.range(1, 30));
      s.urn = buf;
    }
    in_city = p == 0 ? rng.chance(0.85) : rng.chance(0.55);
  } else if (t == "K2" || t == "S1") {
    size_t p = rng.weighted({20, 70, 10});
    s.provider = p == 0 ? "PR1" : p == 1 ? "PR4" : "PR5";
    std::snprintf(buf, sizeof buf, "SC92%04d", rng.range(1, 80));
    s.urn = buf;
    in_city = rng.chance(0.5);
  } else if (t == "K1") {
    s.provider = rng.chance(0.5) ? "PR1" : "PR2";
    std::snprintf(buf, sizeof buf, "SC95%04d", rng.range(1, 6));
    s.urn = buf;
    in_city = false;
  } else if (t == "H5" || t == "K3") {
    s.provider = rng.chance(0.6) ? "PR4" : "PR5";
    std::snprintf(buf, sizeof buf, "SC93%04d", rng.range(1, 40));
    s.urn = buf;
    in_city = rng.chance(0.8);
  } else if (t == "R3") {
    s.provider = rng.chance(0.7) ? "PR4" : "PR5";
    std::snprintf(buf, sizeof buf, "SC94%04d", rng.range(1, 5));
    s.urn = buf;
  } else {  // A3–A6: placed for adoption
    size_t p = rng.weighted({70, 20, 10});
    s.provider = p == 0 ? "PR1" : p == 1 ? "PR2" : "PR5";
    s.urn = "XXXXXXX";
    in_city = rng.chance(0.6);
  }
  if (in_city) {
    do {
      s.postcode = city_postcode(rng, locality);
    } while (s.postcode == home);
    s.distance = std::min(12.0, 0.5 + rng.exponential(2.5));
  } else {
    s.postcode = out_of_area_postcode(rng);
    s.distance = std::min(200.0, 15 + rng.exponential(30));
  }
  s.distance = std::round(s.distance * 10) / 10;
}

const char* participation(Rng& rng, int age) {
  if (age < 4) return "PN0";
  static const char* c[] = {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"};
  return c[rng.weighted({45, 10, 5, 5, 15, 12, 8})];
}

// Reviews: within 20 working days, then 3 months, then every 6 months.
void add_reviews(CarePeriod& p, const Child& c, Rng& rng) {
  Date last = p.end ? *p.end : p.start.add_years(30);
  LaReviewRec r;
  r.due = add_wd(p.start, 20);
  r.date = rng.chance(0.97) ? add_wd(p.start, rng.range(8, 20)) : add_wd(p.start, rng.range(21, 32));
  for (int k = 0; r.date < last && k < 80; ++k) {
    r.participation = participation(rng, age_at(c.birth, r.date));
    p.reviews.push_back(r);
    r.due = p.reviews.back().date.add_months(k == 0 ? 3 : 6);
    if (rng.chance(0.97)) {
      Date d = r.due.add_days(-rng.range(0, 20));
      while (!calendar().is_working_day(d)) d = d.add_days(-1);
      r.date = max_date(d, p.reviews.back().date.add_days(1));
    } else {
      r.date = working_day_on_or_after(r.due.add_days(rng.range(1, 25)));
    }
  }
}

// Adds the placement in force from `d` to the plan, replacing every later one.
void place_from(std::vector<Spec>& plan, Spec s) {
  while (!plan.empty() && plan.back().date >= s.date) plan.pop_back();
  plan.push_back(std::move(s));
}

// Adds a placement from `d`, keeping each later move with probability `keep`
// (a placement confirmed as long-term breaks down less often).
void place_keeping(std::vector<Spec>& plan, Spec s, double keep, Rng& rng) {
  std::vector<Spec> later;
  while (!plan.empty() && plan.back().date >= s.date) {
    if (plan.back().date > s.date && rng.chance(keep)) later.push_back(plan.back());
    plan.pop_back();
  }
  plan.push_back(std::move(s));
  for (auto it = later.rbegin(); it != later.rend(); ++it) plan.push_back(*it);
}

// The placement in force on d.
const Spec* placement_on(const std::vector<Spec>& plan, Date d) {
  const Spec* out = nullptr;
  for (const auto& s : plan)
    if (s.date <= d) out = &s;
  return out;
}

const char* to_eighteen_rec(Rng& rng, const std::string& place, bool disabled) {
  if (disabled && rng.chance(0.3)) return "E7";
  if (is_foster(place) && rng.chance(0.3)) return "E17";
  static const char* r[] = {"E5", "E6", "E8", "E17"};
  return r[rng.weighted({62, 15, 10, 13})];
}

}  // namespace

CarePeriod simulate_care(const Child& c, Date start, CareRoute route, const std::string& need,
                         int referral, Rng& rng) {
  CarePeriod p;
  p.start = start;
  p.referral = referral;
  p.need = (need.size() == 2 && need[1] >= '1' && need[1] <= '8') ? need : "N1";
  p.home_postcode = c.home_postcode;
  const int age = std::max(0, age_at(c.birth, start));
  const Date eighteen = birthday(c.birth, 18);
  const bool uasc = route == CareRoute::kUasc;
  const bool disabled = !c.disabilities.empty() && c.disabilities[0] != "NONE";

  // How the period will end.
  Exit exit;
  if (uasc) {
    exit = Exit::kUasc;
  } else if (route == CareRoute::kRemand) {
    exit = Exit::kRemand;
  } else if (age < 5) {
    static const Exit e[] = {Exit::kAdoption, Exit::kSgo, Exit::kHome, Exit::kLongTerm};
    exit = e[rng.weighted({45, 18, 24, 13})];
  } else if (age < 12) {
    static const Exit e[] = {Exit::kHome, Exit::kSgo, Exit::kLongTerm};
    exit = e[rng.weighted({46, 15, 39})];
  } else if (age < 16) {
    static const Exit e[] = {Exit::kHome, Exit::kLongTerm, Exit::kOther};
    exit = e[rng.weighted({49, 39, 12})];
  } else {
    static const Exit e[] = {Exit::kHome, Exit::kLongTerm, Exit::kOther};
    exit = e[rng.weighted({27, 65, 8})];
  }

  // Legal status: the route in, then care proceedings where the plan needs them.
  std::vector<Legal> legal;
  OptDate interim;  // C1 from
  switch (route) {
    case CareRoute::kCourt:
      legal.push_back({start, "C1"});
      interim = start;
      break;
    case CareRoute::kEmergency: {
      bool epo = rng.chance(0.4);
      legal.push_back({start, epo ? "L2" : "L1"});
      Date c1 = start.add_days(epo ? rng.range(3, 8) : rng.range(1, 3));
      legal.push_back({c1, "C1"});
      interim = c1;
      break;
    }
    case CareRoute::kRemand:
      legal.push_back({start, "J1"});
      break;
    default: {
      legal.push_back({start, "V2"});
      bool proceedings = false;
      if (!uasc) {
        if (exit == Exit::kAdoption || exit == Exit::kSgo) proceedings = true;
        else if (exit == Exit::kLongTerm) proceedings = rng.chance(age < 15 ? 0.8 : 0.3);
        else if (exit == Exit::kHome) proceedings = rng.chance(0.15);
      }
      if (proceedings) {
        Date c1 = start.add_days(rng.range(14, 150));
        legal.push_back({c1, "C1"});
        interim = c1;
      }
    }
  }
  OptDate final_hearing;
  if (interim) final_hearing = interim->add_days(std::max(70, days(rng.lognormal(225, 0.25))));

  // When and how it ends.
  Date end;
  std::string rec;
  switch (exit) {
    case Exit::kUasc: {
      end = eighteen;
      double x = rng.uniform();
      if (x < 0.05) {
        end = start.add_days(rng.range(30, 200));
        rec = "E15";
      } else if (x < 0.13) {
        end = start.add_days(rng.range(10, 60));
        rec = "E3";
      }
      break;
    }
    case Exit::kRemand:
      end = start.add_days(rng.range(5, 60));
      rec = rng.chance(0.3) ? "E9" : "E14";
      break;
    case Exit::kHome: {
      double median = route == CareRoute::kVoluntary ? 120 : 260;
      end = start.add_days(std::max(7, days(rng.lognormal(median, 0.8))));
      static const char* r[] = {"E4A", "E4B", "E13"};
      rec = r[rng.weighted({85, 5, 10})];
      break;
    }
    case Exit::kSgo:
      end = *final_hearing;
      break;
    case Exit::kAdoption:
      end = eighteen;  // set from the adoption milestones below
      break;
    case Exit::kLongTerm:
      end = eighteen;
      if (rng.chance(0.10)) {
        end = start.add_days(std::max(60, days(rng.lognormal(700, 0.6))));
        static const char* r[] = {"E13", "E8", "E3"};
        rec = r[rng.weighted({40, 30, 30})];
      }
      break;
    case Exit::kOther: {
      end = start.add_days(std::max(14, days(rng.lognormal(300, 0.8))));
      static const char* r[] = {"E13", "E8", "E3", "E9"};
      rec = r[rng.weighted({35, 25, 25, age >= 12 ? 10.0 : 0.0})];
      break;
    }
  }

  // Placements: the first, then moves (frequent early, rarer once settled).
  std::vector<Spec> plan;
  int carers = 0;
  auto new_spec = [&](Date d, std::string type, const std::string& reason) {
    Spec s;
    s.date = d;
    s.type = std::move(type);
    s.carer = ++carers;
    s.reason = reason;
    return s;
  };
  plan.push_back(new_spec(start, placement_type(rng, age, start, uasc), ""));
  for (Date t = start;;) {
    double years_in = t.days_until(start) / -365.0;
    double rate = years_in < 0.5 ? 0.9 : 0.33;
    t = t.add_days(std::max(7, days(rng.exponential(365.0 / rate))));
    if (t >= end.add_days(-7)) break;
    plan.push_back(new_spec(t, placement_type(rng, age_at(c.birth, t), t, uasc), move_reason(rng)));
  }

  // Adoption: decision, placement order at the final hearing, match, placed, order.
  if (exit == Exit::kAdoption) {
    AdoptionRec& a = p.adoption;
    p.has_adoption = true;
    const Date po = *final_hearing;
    a.decision = max_date(start.add_days(1), po.add_days(-rng.range(20, 120)));
    a.placement_order = po;
    legal.push_back({po, "E1"});
    if (rng.chance(0.07)) {  // the plan changes: no longer to be placed
      a.ceased = po.add_days(rng.range(60, 300));
      static const char* r[] = {"RD3", "RD1", "RD4"};
      a.ceased_reason = r[rng.weighted({40, 30, 30})];
      legal.push_back({*a.ceased, "C2"});
      exit = Exit::kLongTerm;
      end = eighteen;
    } else {
      a.match = po.add_days(std::max(0, days(rng.lognormal(150, 0.5))));
      a.placed = a.match->add_days(rng.range(7, 45));
      end = a.placed->add_days(std::max(70, days(rng.lognormal(290, 0.35))));
      rec = rng.chance(0.75) ? "E11" : "E12";
      a.by_foster_carer = rng.chance(0.15);
      const Spec* current = placement_on(plan, *a.placed);
      if (a.by_foster_carer && current && is_foster(current->type)) {
        Spec s = *current;
        s.date = *a.placed;
        s.type = "A5";
        s.reason = "CARPL";
        for (const auto& x : plan)
          if (x.carer == current->carer) {
            a.with_foster_carer_since = x.date;
            break;
          }
        place_from(plan, s);
      } else {
        a.by_foster_carer = false;
        place_from(plan, new_spec(*a.placed, "A6", "CARPL"));
      }
      a.adopters = rng.chance(0.8) ? 2 : 1;
      if (a.adopters == 1) {
        a.adopters_sex = rng.chance(0.85) ? "F1" : "M1";
        a.adopters_legal_status = "L0";
      } else {
        size_t s = rng.weighted({75, 13, 12});
        a.adopters_sex = s == 0 ? "MF" : s == 1 ? "FF" : "MM";
        if (s == 0) a.adopters_legal_status = rng.chance(0.7) ? "L11" : "L3";
        else a.adopters_legal_status = std::array{"L2", "L12", "L4"}[rng.weighted({30, 40, 30})];
      }
      a.sibling_group = rng.chance(0.3);
      a.siblings_together = a.sibling_group ? rng.range(1, 3) : 1;
    }
  }
  // Final hearing outcomes other than adoption.
  if (final_hearing && *final_hearing < end && !p.has_adoption) {
    if (exit == Exit::kLongTerm || exit == Exit::kHome || exit == Exit::kOther)
      legal.push_back({*final_hearing, "C2"});
  }
  if (exit == Exit::kSgo) {
    const Spec* current = placement_on(plan, end);
    if (current && (current->type == "U1" || current->type == "U2" || current->type == "U3"))
      rec = "E45";
    else if (current && is_foster(current->type))
      rec = "E46";
    else
      rec = rng.chance(0.7) ? "E47" : "E48";
  }
  // Long-term fostering: the placement is confirmed as long-term with the same carer.
  if (exit == Exit::kLongTerm && final_hearing && rng.chance(0.7)) {
    Date d = final_hearing->add_days(rng.range(30, 180));
    const Spec* current = placement_on(plan, d);
    if (d < end.add_days(-30) && current && (current->type == "U6" || current->type == "U3")) {
      Spec s = *current;
      s.date = d;
      s.type = current->type == "U6" ? "U4" : "U1";
      s.reason = "PLACE";
      place_keeping(plan, s, 0.2, rng);
    }
  }
  // Older teenagers move on to supported accommodation.
  if ((exit == Exit::kLongTerm || exit == Exit::kUasc) && rng.chance(0.4)) {
    Date d = birthday(c.birth, 16).add_days(rng.range(180, 540));
    const Spec* current = placement_on(plan, d);
    if (d > start && d < end.add_days(-30) && current && current->type != "K3" &&
        current->type != "H5")
      place_from(plan, new_spec(d, supported_accommodation(d), "CARPL"));
  }
  // Going home: some children live with their parents under the order first.
  if (exit == Exit::kHome && interim && rng.chance(0.35)) {
    Date d = max_date(interim->add_days(7), end.add_days(-rng.range(30, 150)));
    if (d > start.add_days(7) && d < end.add_days(-7)) place_from(plan, new_spec(d, "P1", "CARPL"));
  }
  if (end >= eighteen) {
    end = eighteen;
    if (rec.empty() || rec == "E11" || rec == "E12" || rec[1] == '4') rec.clear();
  }
  if (rec.empty()) {
    const Spec* last = placement_on(plan, end);
    rec = to_eighteen_rec(rng, last ? last->type : "", disabled);
  }
  if (end <= start) end = start.add_days(1);
  while (!plan.empty() && plan.back().date >= end) plan.pop_back();

  // H5 left the list of placement types after 2024-25: a semi-independent
  // placement still running at the end of 2024-25 continues as registered supported
  // accommodation (K3) with the same provider.
  {
    const Date change = ymd(2025, 3, 31);
    for (size_t i = 0; i < plan.size(); ++i) {
      const Date until = i + 1 < plan.size() ? plan[i + 1].date : end;
      if (plan[i].type == "H5" && plan[i].date < change && until > change) {
        Spec s = plan[i];
        s.date = change;
        s.type = "K3";
        s.reason = "PLACE";
        plan.insert(plan.begin() + static_cast<long>(i) + 1, s);
        ++i;
      }
    }
  }

  // Temporary moves from foster care (carer's holiday, a short stay), back to
  // the same placement afterwards.
  {
    std::vector<Spec> with_temps;
    for (size_t i = 0; i < plan.size(); ++i) {
      with_temps.push_back(plan[i]);
      if (!is_foster(plan[i].type)) continue;
      Date until = i + 1 < plan.size() ? plan[i + 1].date : end;
      Date t = plan[i].date;
      for (int n = 0; n < 6; ++n) {
        t = t.add_days(30 + days(rng.exponential(365.0 / 0.25)));
        int len = rng.chance(0.8) ? rng.range(3, 14) : rng.range(1, 7);
        if (t.add_days(len + 14) >= until) break;
        Spec temp;
        temp.date = t;
        temp.type = len <= 7 && rng.chance(0.3) ? "T4" : "T3";
        temp.carer = ++carers;
        temp.temporary = true;
        with_temps.push_back(temp);
        Spec back = plan[i];
        back.date = t.add_days(len);
        back.reason = "OTHER";
        with_temps.push_back(back);
      }
    }
    plan.swap(with_temps);
  }

  // Make the placements concrete. A return from a temporary placement is the
  // same placement again (same place, postcode and URN); a new placement type
  // with the same carer (long-term confirmation, A5) keeps the carer's home.
  for (size_t i = 0; i < plan.size(); ++i) {
    Spec& s = plan[i];
    if (i >= 2 && plan[i - 1].temporary && !s.temporary && s.carer == plan[i - 2].carer) {
      const Spec& before = plan[i - 2];
      s.type = before.type;
      s.provider = before.provider;
      s.urn = before.urn;
      s.postcode = before.postcode;
      s.distance = before.distance;
      continue;
    }
    make_concrete(s, rng, c.locality, c.home_postcode);
    if (i > 0 && !s.temporary && plan[i - 1].carer == s.carer) {
      const Spec& prev = plan[i - 1];
      s.postcode = prev.postcode;
      s.distance = prev.distance;
      if (s.type[0] == 'U' || s.type == "K3") s.urn = prev.urn, s.provider = prev.provider;
    }
  }

  // Records: placements and legal statuses, then the episodes their changes make.
  for (size_t i = 0; i < plan.size(); ++i) {
    PlacementRec r;
    r.start = plan[i].date;
    r.end = i + 1 < plan.size() ? plan[i + 1].date : end;
    r.type = plan[i].type;
    r.provider = plan[i].provider;
    r.urn = plan[i].urn;
    r.postcode = plan[i].postcode;
    r.distance_miles = plan[i].distance;
    r.change_reason = plan[i].temporary ? "" : plan[i].reason;
    r.carer = plan[i].carer;
    p.placements.push_back(std::move(r));
  }
  std::stable_sort(legal.begin(), legal.end(),
                   [](const Legal& a, const Legal& b) { return a.date < b.date; });
  std::vector<Legal> statuses;
  for (const auto& l : legal) {
    if (l.date >= end) continue;
    if (!statuses.empty() && statuses.back().date == l.date) statuses.pop_back();
    if (!statuses.empty() && statuses.back().code == l.code) continue;
    statuses.push_back(l);
  }
  for (size_t i = 0; i < statuses.size(); ++i) {
    LegalStatusRec r;
    r.code = statuses[i].code;
    r.start = statuses[i].date;
    r.end = i + 1 < statuses.size() ? statuses[i + 1].date : end;
    p.legal.push_back(std::move(r));
  }

  // Episodes: a new one on every change of legal status and/or placement.
  std::vector<Date> changes;
  for (const auto& r : p.placements) changes.push_back(r.start);
  for (const auto& r : p.legal) changes.push_back(r.start);
  std::sort(changes.begin(), changes.end());
  changes.erase(std::unique(changes.begin(), changes.end()), changes.end());
  int place_i = -1, legal_i = -1;
  for (size_t i = 0; i < changes.size(); ++i) {
    const Date d = changes[i];
    int new_place = place_i, new_legal = legal_i;
    while (new_place + 1 < static_cast<int>(p.placements.size()) &&
           p.placements[static_cast<size_t>(new_place + 1)].start <= d)
      ++new_place;
    while (new_legal + 1 < static_cast<int>(p.legal.size()) &&
           p.legal[static_cast<size_t>(new_legal + 1)].start <= d)
      ++new_legal;
    LaEpisodeRec e;
    e.start = d;
    e.end = i + 1 < changes.size() ? changes[i + 1] : end;
    e.placement = new_place;
    e.legal = new_legal;
    if (i == 0) {
      e.rne = "S";
    } else {
      const bool legal_changed = new_legal != legal_i;
      const bool place_changed = new_place != place_i;
      const bool same_carer =
          place_changed && p.placements[static_cast<size_t>(new_place)].carer ==
                               p.placements[static_cast<size_t>(place_i)].carer;
      if (legal_changed && place_changed) e.rne = same_carer ? "U" : "B";
      else if (legal_changed) e.rne = "L";
      else e.rne = same_carer ? "T" : "P";
      if (place_changed) e.reason_place_change = p.placements[static_cast<size_t>(new_place)].change_reason;
    }
    e.rec = i + 1 < changes.size() ? "X1" : rec;
    p.episodes.push_back(std::move(e));
    place_i = new_place;
    legal_i = new_legal;
  }
  p.end = end;
  add_reviews(p, c, rng);
  return p;
}

void simulate_short_breaks(Child& c, Date from, Date to, int referral, Rng& rng) {
  if (to <= from) return;
  auto one = [&](Date s, Date e, const char* ls) {
    CarePeriod p;
    p.start = s;
    p.end = e;
    p.short_break = true;
    p.referral = referral;
    p.need = "N2";
    p.home_postcode = c.home_postcode;
    PlacementRec pl;
    pl.start = s;
    pl.end = e;
    pl.type = rng.chance(0.7) ? "K2" : "U6";
    pl.provider = "PR1";
    pl.urn = pl.type == "K2" ? "SC920099" : "SC900001";
    pl.postcode = city_postcode(rng, c.locality);
    pl.distance_miles = std::round((0.5 + rng.exponential(2)) * 10) / 10;
    pl.carer = 1;
    p.placements.push_back(pl);
    p.legal.push_back({"", ls, s, e});
    LaEpisodeRec ep;
    ep.start = s;
    ep.end = e;
    ep.rne = "S";
    ep.rec = "E4A";
    ep.placement = 0;
    ep.legal = 0;
    p.episodes.push_back(ep);
    c.care.push_back(std::move(p));
  };
  if (rng.chance(0.15)) {  // one agreement recorded as a single V4 episode
    Date e = min_date(to, from.add_days(rng.range(180, 365)));
    if (e > from) one(from, e, "V4");
    return;
  }
  for (Date t = from;;) {
    int nights = rng.range(1, 4);
    Date e = t.add_days(nights);
    if (e >= to) break;
    one(t, e, "V3");
    t = e.add_days(10 + static_cast<int>(rng.exponential(25)));
  }
}

void simulate_missing(Child& c, Rng& rng) {
  for (const auto& p : c.care) {
    if (p.short_break) continue;
    const Date end = p.end ? *p.end : p.start.add_years(30);
    Date t = max_date(p.start, birthday(c.birth, 11));
    if (t >= end) continue;
    const double rate = rng.chance(0.15) ? 5.0 : 0.15;
    for (int n = 0; n < 200; ++n) {
      t = t.add_days(1 + static_cast<int>(rng.exponential(365.0 / rate)));
      if (t >= end) break;
      MissingRec m;
      m.start = t;
      size_t len = rng.weighted({40, 35, 25});
      int nights = len == 0 ? 0 : len == 1 ? 1 : rng.range(2, 7);
      m.end = min_date(t.add_days(nights), end);
      m.type = rng.chance(0.7) ? 'M' : 'A';
      m.rhi_offered = rng.chance(m.type == 'M' ? 0.92 : 0.5);
      m.rhi_accepted = m.rhi_offered && rng.chance(0.65);
      if (!c.missing.empty() && c.missing.back().end && *c.missing.back().end >= m.start) continue;
      c.missing.push_back(m);
      t = *m.end;
    }
  }
}

}  // namespace beacon::synth
