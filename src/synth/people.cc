#include "synth/people.h"

#include <array>
#include <cstdio>

#include "synth/dates.h"
#include "synth/names.h"

namespace beacon::synth {
namespace {

struct Weighted {
  const char* code;
  double weight;
};

const char* pick(Rng& rng, const std::vector<Weighted>& list) {
  std::vector<double> w;
  w.reserve(list.size());
  for (const auto& e : list) w.push_back(e.weight);
  return list[rng.weighted(w)].code;
}

// Five groups as in the May 2023 CIN pen portrait: Asian 19%, Black 13%,
// Mixed 18%, Other 8%, White 42%; about 1% not obtained or refused.
const std::vector<Weighted>& ethnicities() {
  static const std::vector<Weighted> list = {
      {"APKN", 8.6}, {"ABAN", 3.8},  {"AIND", 2.8}, {"AOTH", 3.8}, {"BCRB", 4.4},
      {"BAFR", 6.6}, {"BOTH", 2.0},  {"MWBC", 8.6}, {"MWAS", 2.7}, {"MWBA", 1.9},
      {"MOTH", 4.8}, {"CHNE", 0.8},  {"OOTH", 7.2}, {"WBRI", 35.6}, {"WIRI", 0.9},
      {"WOTH", 3.8}, {"WROM", 1.2},  {"WIRT", 0.6}, {"NOBT", 0.7}, {"REFU", 0.3}};
  return list;
}

const std::vector<Weighted>& uasc_ethnicities() {
  static const std::vector<Weighted> list = {
      {"BAFR", 30}, {"AOTH", 35}, {"OOTH", 25}, {"WOTH", 10}};
  return list;
}

const char* uasc_nationality(Rng& rng, const std::string& ethnicity) {
  static const std::array<const char*, 3> african = {"Eritrea", "Sudan", "Ethiopia"};
  static const std::array<const char*, 2> asian = {"Afghanistan", "Pakistan"};
  static const std::array<const char*, 4> other = {"Iran", "Iraq", "Syria", "Vietnam"};
  if (ethnicity == "BAFR") return african[static_cast<size_t>(rng.range(0, 2))];
  if (ethnicity == "AOTH") return asian[rng.chance(0.9) ? 0 : 1];
  if (ethnicity == "WOTH") return "Albania";
  return other[static_cast<size_t>(rng.range(0, 3))];
}

// Age at first referral: infants most, then a broad school-age spread.
int draw_age(Rng& rng, ChildKind kind) {
  switch (kind) {
    case ChildKind::kUasc:
      return 14 + static_cast<int>(rng.weighted({15, 35, 40, 10}));
    case ChildKind::kDisabled:
      return rng.range(1, 15);
    default: {
      static const std::array<double, 18> w = {10,  4.5, 4.5, 4.5, 4.5, 5.5, 5.5, 5.5, 5.5,
                                               5.5, 6,   6,   6,   6,   6,   6,   4.25, 4.25};
      return static_cast<int>(rng.weighted(w.data(), w.size()));
    }
  }
}

const std::array<const char*, 12> kDisabilityCodes = {"LD",  "AUT", "COMM", "MOB", "BEH", "HAND",
                                                      "PC",  "HEAR", "VIS", "INC", "CON", "DDA"};

}  // namespace

std::string make_upn(Rng& rng) {
  // Characters 2–13: LA code 999, then nine digits; the check letter makes
  // the weighted sum work (DfE UPN rule: weights 2–13, mod 23).
  char body[13];
  std::snprintf(body, sizeof body, "999%04d%02d%03d", rng.range(1000, 9999), rng.range(10, 25),
                rng.range(0, 999));
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (body[i] - '0') * (i + 2);
  static const char* kLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  return std::string(1, kLetters[sum % 23]) + body;
}

std::string make_nhs_number(Rng& rng) {
  for (;;) {
    char digits[11];
    std::snprintf(digits, sizeof digits, "999%06d", rng.range(0, 999999));
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * (10 - i);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10) continue;
    return std::string(digits) + static_cast<char>('0' + check);
  }
}

std::string city_postcode(Rng& rng, int locality) {
  static const char* kInward = "ABDEFGHJLNPQRSTUWXYZ";
  int district = 1 + 10 * (locality < 3 ? locality : rng.range(0, 2)) + rng.range(0, 9);
  char buf[16];
  std::snprintf(buf, sizeof buf, "ZZ%d %d%c%c", district, rng.range(1, 9), kInward[rng.range(0, 19)],
                kInward[rng.range(0, 19)]);
  return buf;
}

std::string out_of_area_postcode(Rng& rng) {
  static const char* kInward = "ABDEFGHJLNPQRSTUWXYZ";
  char buf[16];
  std::snprintf(buf, sizeof buf, "ZY%d %d%c%c", rng.range(1, 40), rng.range(1, 9),
                kInward[rng.range(0, 19)], kInward[rng.range(0, 19)]);
  return buf;
}

Child make_child(Rng& rng, ChildKind kind, Date first_seen) {
  Child c;
  if (kind == ChildKind::kUasc) {
    c.sex = rng.chance(0.92) ? 'M' : 'F';
  } else {
    size_t s = rng.weighted({53.6, 46.1, 0.3});
    c.sex = "MFU"[s];
  }
  c.forename = invent_forename(rng, c.sex);
  c.surname = invent_surname(rng);
  c.ethnicity = pick(rng, kind == ChildKind::kUasc ? uasc_ethnicities() : ethnicities());
  if (kind == ChildKind::kUasc) c.nationality = uasc_nationality(rng, c.ethnicity);

  // Unborn children: referred before birth (about 2% of first referrals).
  if (kind == ChildKind::kOrdinary && rng.chance(0.02)) {
    c.born_before_referral = false;
    c.birth = first_seen.add_days(rng.range(20, 120));
    if (c.sex == 'U' || rng.chance(0.3)) c.sex = rng.chance(0.5) ? 'M' : 'F';
  } else {
    int age = draw_age(rng, kind);
    c.birth = first_seen.add_years(-age).add_days(-rng.range(0, 364));
  }

  // Disability: the disabled children's own codes; otherwise a few known
  // disabilities, mostly "NONE", and some with nothing recorded.
  if (kind == ChildKind::kDisabled) {
    int n = 1 + static_cast<int>(rng.weighted({55, 35, 10}));
    for (int i = 0; i < n; ++i) {
      std::string code = kDisabilityCodes[rng.weighted({30, 30, 12, 8, 6, 3, 3, 2, 2, 2, 1, 1})];
      bool dup = false;
      for (const auto& d : c.disabilities) dup = dup || d == code;
      if (!dup) c.disabilities.push_back(code);
    }
    c.send = true;
  } else if (kind != ChildKind::kContactOnly) {
    double x = rng.uniform();
    if (x < 0.035) {
      c.disabilities.push_back(kDisabilityCodes[rng.weighted({30, 20, 20, 5, 20, 1, 1, 1, 1, 1, 0, 2})]);
      c.send = rng.chance(0.6);
    } else if (x < 0.76) {
      c.disabilities.push_back("NONE");
    }
  }

  c.locality = static_cast<int>(rng.weighted({29, 37, 32}));
  c.home_postcode = city_postcode(rng, c.locality);
  c.nhs_number = make_nhs_number(rng);
  if (kind != ChildKind::kUasc || rng.chance(0.3)) c.upn = make_upn(rng);
  return c;
}

}  // namespace beacon::synth
