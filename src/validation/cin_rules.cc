// The CIN census rules, one small function each, in the DfE's words
// (../shared/returns/cin-census-rules.csv; readings chosen where the text is
// unclear are in docs/validation.md). A rule reads raw values: absent, blank
// and malformed values never throw; a date that cannot be read counts as no
// date, as the DfE's own tools coerce it.
#include <algorithm>
#include <map>
#include <set>

#include "validation/rule_support.h"

namespace beacon::validation {
namespace {

constexpr std::string_view kIds = "ChildIdentifiers";
constexpr std::string_view kChars = "ChildCharacteristics";
constexpr std::string_view kDisab = "Disabilities";
constexpr std::string_view kEp = "CINdetails";
constexpr std::string_view kAsmt = "Assessments";
constexpr std::string_view kPlan = "CINplanDates";
constexpr std::string_view kS47 = "Section47";
constexpr std::string_view kCpp = "ChildProtectionPlans";
constexpr std::string_view kRev = "Reviews";

// Flags `field` when both dates are readable and `later` comes before `earlier`.
bool before(OptDate later, OptDate earlier) { return later && earlier && *later < *earlier; }

// ---- Header ----

// 100: the ReferenceDate is 31 March ending the census year.
void reference_date_is_31_march(const CinRun& r, Out& o) {
  const RawGroup& h = r.census.header;
  const OptDate d = date_of(h, "ReferenceDate");
  const OptDate want = Date::from_ymd(r.year + 1, 3, 31);
  if (!d || d != want) {
    const RawField* f = h.find("ReferenceDate");
    o.flag_return("Header", "ReferenceDate", f ? f->text : "", f ? f->line : h.line);
  }
}

// ---- The child's identifiers ----

// 1510: the UPN's first character is its check letter.
void upn_check_letter(const CinRun& r, Out& o) {
  static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  for (const auto& c : r.census.children) {
    const std::string_view upn = text_of(c.child, "UPN");
    if (upn.size() != 13) continue;
    if (!std::all_of(upn.begin() + 1, upn.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      continue;
    int sum = 0;
    for (size_t i = 1; i < 13; ++i) sum += (upn[i] - '0') * static_cast<int>(i + 1);
    if (upn[0] != kLetters[static_cast<size_t>(sum % 23)]) o.flag(c, kIds, c.child, "UPN");
  }
}

// 1520: no two children share a UPN.
void upn_unique(const CinRun& r, Out& o) {
  std::map<std::string_view, int> seen;
  for (const auto& c : r.census.children)
    if (has(c.child, "UPN")) ++seen[text_of(c.child, "UPN")];
  for (const auto& c : r.census.children)
    if (has(c.child, "UPN") && seen[text_of(c.child, "UPN")] > 1) o.flag(c, kIds, c.child, "UPN");
}

bool valid_upn_la(int la, int year) {
  static constexpr std::pair<int, int> kRanges[] = {
      {1, 5},     {201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373},
      {380, 384}, {390, 394}, {420, 420}, {660, 681}, {701, 708}, {800, 803}, {805, 808},
      {810, 813}, {815, 816}, {820, 823}, {825, 826}, {830, 831}, {835, 841}, {845, 846},
      {850, 852}, {855, 857}, {860, 861}, {865, 896}, {908, 909}, {916, 916}, {919, 919},
      {921, 921}, {925, 926}, {928, 929}, {931, 931}, {933, 933}, {935, 938}, {940, 941}};
  for (auto [lo, hi] : kRanges)
    if (la >= lo && la <= hi) return true;
  return year >= 2023 && (la == 942 || la == 943);
}

// 1530: characters 2-4 of the UPN are a post-April-1998 LA code (942 and 943
// from 2023-24).
void upn_la_code(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const std::string_view upn = text_of(c.child, "UPN");
    if (upn.empty()) continue;
    bool ok = upn.size() >= 4;
    int la = 0;
    for (size_t i = 1; ok && i < 4; ++i) {
      ok = upn[i] >= '0' && upn[i] <= '9';
      la = la * 10 + (upn[i] - '0');
    }
    if (!ok || !valid_upn_la(la, r.year)) o.flag(c, kIds, c.child, "UPN");
  }
}

// 1540: characters 5-12 of the UPN are digits.
void upn_digits(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const std::string_view upn = text_of(c.child, "UPN");
    if (upn.empty()) continue;
    bool ok = upn.size() >= 12;
    for (size_t i = 4; ok && i < 12; ++i) ok = upn[i] >= '0' && upn[i] <= '9';
    if (!ok) o.flag(c, kIds, c.child, "UPN");
  }
}

// 1550: character 13 of the UPN is a digit or a letter other than I, O and S.
void upn_last_character(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const std::string_view upn = text_of(c.child, "UPN");
    if (upn.empty()) continue;
    bool ok = upn.size() >= 13;
    if (ok) {
      const char ch = upn[12];
      ok = (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z' && ch != 'I' && ch != 'O' && ch != 'S');
    }
    if (!ok) o.flag(c, kIds, c.child, "UPN");
  }
}

// 1560Q: a former UPN is a letter and twelve digits.
void former_upn_format(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const std::string_view f = text_of(c.child, "FormerUPN");
    if (f.empty()) continue;
    bool ok = f.size() == 13 && f[0] >= 'A' && f[0] <= 'Z';
    for (size_t i = 1; ok && i < 13; ++i) ok = f[i] >= '0' && f[i] <= '9';
    if (!ok) o.flag(c, kIds, c.child, "FormerUPN");
  }
}

// 1570: the LA's child identifier is at most 20 characters.
void child_id_length(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children)
    if (text_of(c.child, "LAchildID").size() > 20) o.flag(c, kIds, c.child, "LAchildID");
}

// 1580: the LA's child identifier is letters and digits only.
void child_id_characters(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const std::string_view id = text_of(c.child, "LAchildID");
    if (!std::all_of(id.begin(), id.end(), [](char ch) {
          return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        }))
      o.flag(c, kIds, c.child, "LAchildID");
  }
}

// 4180: sex (GenderCurrent up to 2023-24) is present and a valid code.
void sex_valid(const CinRun& r, Out& o) {
  const bool old = r.year <= 2023;
  const char* field = old ? "GenderCurrent" : "Sex";
  for (const auto& c : r.census.children) {
    const std::string_view v = text_of(c.child, field);
    const bool ok = old ? one_of(v, {"0", "1", "2", "9"}) : one_of(v, {"M", "F", "U"});
    if (!ok) o.flag(c, kIds, c.child, field);
  }
}

// 4220: ethnicity is present and a valid code.
void ethnicity_valid(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children)
    if (!one_of(text_of(c.child, "Ethnicity"),
                {"WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
                 "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}))
      o.flag(c, kChars, c.child, "Ethnicity");
}

// 8500: every child has the LA's child identifier.
void child_id_present(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children)
    if (!has(c.child, "LAchildID")) o.flag(c, kIds, c.child, "LAchildID");
}

// 8510: no two children share an identifier.
void child_id_unique(const CinRun& r, Out& o) {
  std::map<std::string_view, int> seen;
  for (const auto& c : r.census.children)
    if (has(c.child, "LAchildID")) ++seen[text_of(c.child, "LAchildID")];
  for (const auto& c : r.census.children)
    if (has(c.child, "LAchildID") && seen[text_of(c.child, "LAchildID")] > 1)
      o.flag(c, kIds, c.child, "LAchildID");
}

// 8520: a child is born on or before the ReferenceDate.
void born_by_reference_date(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children)
    if (const OptDate b = date_of(c.child, "PersonBirthDate"); b && *b > r.reference)
      o.flag(c, kIds, c.child, "PersonBirthDate");
}

// 8525Q: a birth date or an expected birth date, not both and not neither.
void birth_or_expected_birth(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children)
    if (has(c.child, "PersonBirthDate") == has(c.child, "ExpectedPersonBirthDate")) {
      o.flag(c, kIds, c.child, "PersonBirthDate");
      o.flag(c, kIds, c.child, "ExpectedPersonBirthDate");
    }
}

// 8530Q: an unborn child is expected between 30 days before and 9 months
// after the ReferenceDate (both bounds excluded, as the DfE tool does).
void expected_birth_in_range(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children)
    if (const OptDate e = date_of(c.child, "ExpectedPersonBirthDate");
        e && (*e <= r.reference.add_days(-30) || *e >= r.reference.add_months(9)))
      o.flag(c, kIds, c.child, "ExpectedPersonBirthDate");
}

// 8535Q: a child dies on or after their birth (and a death date needs a birth date).
void death_after_birth(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const OptDate d = date_of(c.child, "PersonDeathDate");
    if (!d) continue;
    const OptDate b = date_of(c.child, "PersonBirthDate");
    if (!b || *d < *b) {
      o.flag(c, kIds, c.child, "PersonDeathDate");
      o.flag(c, kIds, c.child, "PersonBirthDate");
    }
  }
}

// 8545Q: a death date falls within the census year.
void death_in_census_year(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children)
    if (const OptDate d = date_of(c.child, "PersonDeathDate"); d && !r.in_census_period(*d))
      o.flag(c, kIds, c.child, "PersonDeathDate");
}

// 8750: an unborn child's sex is not yet known (GenderCurrent 0; Sex U from 2024-25).
void unborn_sex_unknown(const CinRun& r, Out& o) {
  const bool old = r.year <= 2023;
  const char* field = old ? "GenderCurrent" : "Sex";
  for (const auto& c : r.census.children)
    if (has(c.child, "ExpectedPersonBirthDate") && !has(c.child, "PersonBirthDate") &&
        text_of(c.child, field) != (old ? "0" : "U"))
      o.flag(c, kIds, c.child, field);
}

bool open_referral(const RawCinDetails& e) { return is_false(e.details, "ReferralNFA"); }

// 8770Q: a child of school age with a referral taken forward has a UPN or a
// reason it is unknown (UN2-UN7). School age: born on or before the
// ReferenceDate less 6 years (to 2023-24), on or before 31 August six years
// before the ReferenceDate's year (from 2024-25).
void school_age_child_has_upn(const CinRun& r, Out& o) {
  const Date limit = r.year <= 2023 ? r.reference.add_years(-6)
                                    : *Date::from_ymd(r.reference.year() - 6, 8, 31);
  for (const auto& c : r.census.children) {
    const OptDate b = date_of(c.child, "PersonBirthDate");
    if (!b || *b > limit || has(c.child, "UPN")) continue;
    if (std::none_of(c.episodes.begin(), c.episodes.end(), open_referral)) continue;
    if (!one_of(text_of(c.child, "UPNunknown"), {"UN2", "UN3", "UN4", "UN5", "UN6", "UN7"}))
      o.flag(c, kIds, c.child, "UPNunknown");
  }
}

// 8772: UN7 (referral with no further action) only for a child whose every
// referral was taken no further.
void un7_only_with_nfa(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    if (text_of(c.child, "UPNunknown") != "UN7") continue;
    bool flagged = false;
    for (const auto& e : c.episodes)
      if (!is_true(e.details, "ReferralNFA")) {
        if (!flagged) o.flag(c, kIds, c.child, "UPNunknown");
        flagged = true;
        o.flag(c, kEp, e.details, "ReferralNFA");
      }
  }
}

// 8775Q: a person over 25 at the ReferenceDate has no referral open, nor
// closed after their 25th birthday.
void over_25(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const OptDate b = date_of(c.child, "PersonBirthDate");
    if (!b || *b >= r.reference.add_years(-25)) continue;
    for (const auto& e : c.episodes) {
      const OptDate closed = date_of(e.details, "CINclosureDate");
      if (!closed || *closed > b->add_years(25)) {
        o.flag(c, kIds, c.child, "PersonBirthDate");
        o.flag(c, kEp, e.details, "CINclosureDate");
      }
    }
  }
}

// 8590: every child has at least one CINdetails module.
void child_has_episode(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children)
    if (c.episodes.empty()) o.flag(c, kIds, c.child, "LAchildID");
}

// ---- Disabilities ----

// 8540: a born child with a referral taken forward has disability codes, all valid.
void disabilities_recorded(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    if (!has(c.child, "PersonBirthDate")) continue;
    if (std::none_of(c.episodes.begin(), c.episodes.end(), open_referral)) continue;
    const auto codes = c.child.all("Disability");
    if (codes.empty()) o.flag(c, kDisab, c.child, "Disability");
    for (const RawField* f : codes)
      if (!one_of(f->text, {"NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH",
                            "CON", "AUT", "DDA"}))
        o.flag_field(c, kDisab, *f);
  }
}

// 8790: NONE is the only disability code when given.
void none_alone(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const auto codes = c.child.all("Disability");
    const bool none = std::any_of(codes.begin(), codes.end(), [](auto* f) { return f->text == "NONE"; });
    if (none && codes.size() > 1) o.flag(c, kDisab, c.child, "Disability");
  }
}

// 8794: no disability code twice for one child.
void disability_not_repeated(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    std::set<std::string_view> seen;
    for (const RawField* f : c.child.all("Disability"))
      if (!seen.insert(f->text).second) {
        o.flag(c, kDisab, c.child, "Disability");
        break;
      }
  }
}

// 2887Q: the LA uses more than 7 different disability codes (NONE aside).
void disability_codes_varied(const CinRun& r, Out& o) {
  std::set<std::string_view> codes;
  for (const auto& c : r.census.children)
    for (const RawField* f : c.child.all("Disability"))
      if (!f->text.empty() && f->text != "NONE") codes.insert(f->text);
  if (codes.size() <= 7)
    o.flag_return(kDisab, "Disability", std::to_string(codes.size()) + " different codes",
                  r.census.header.line);
}

// 2888Q: at least one disabled child has more than one disability recorded.
void some_child_has_several_disabilities(const CinRun& r, Out& o) {
  int disabled = 0;
  for (const auto& c : r.census.children) {
    int n = 0;
    for (const RawField* f : c.child.all("Disability"))
      if (!f->text.empty() && f->text != "NONE") ++n;
    if (n > 1) return;
    if (n == 1) ++disabled;
  }
  if (disabled > 0)
    o.flag_return(kDisab, "Disability",
                  std::to_string(disabled) + " children with one code each", r.census.header.line);
}

// 2886Q: at most 2% of children have an unknown sex and no expected birth date.
void unknown_sex_share(const CinRun& r, Out& o) {
  const bool old = r.year <= 2023;
  const char* field = old ? "GenderCurrent" : "Sex";
  size_t unknown = 0;
  for (const auto& c : r.census.children) {
    const std::string_view v = text_of(c.child, field);
    const bool sex_unknown = old ? (v.empty() || v == "0") : (v.empty() || v == "U");
    if (sex_unknown && !has(c.child, "ExpectedPersonBirthDate")) ++unknown;
  }
  if (!r.census.children.empty() && unknown * 50 > r.census.children.size())
    o.flag_return(kIds, "ExpectedPersonBirthDate",
                  std::to_string(unknown) + " of " + std::to_string(r.census.children.size()),
                  r.census.header.line);
}

// ---- Referrals (CINdetails) ----

// 8555Q: no referral after the child's death.
void referral_before_death(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    const OptDate d = date_of(c.child, "PersonDeathDate");
    for (const auto& e : c.episodes)
      if (before(d, date_of(e.details, "CINreferralDate"))) {
        o.flag(c, kEp, e.details, "CINreferralDate");
        o.flag(c, kIds, c.child, "PersonDeathDate");
      }
  }
}

// 8568: ReferralNFA is present and true, false, 1 or 0.
void nfa_valid(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (!is_true(e.details, "ReferralNFA") && !is_false(e.details, "ReferralNFA"))
      o.flag(c, kEp, e.details, "ReferralNFA");
  });
}

// 8569Q: a referral from before the census year (before the working day
// ahead of 1 April) was taken forward, not closed with no further action.
void old_referral_not_nfa(const CinRun& r, Out& o) {
  const Date cut = r.working_days_before(r.year_start, 1);
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const OptDate d = date_of(e.details, "CINreferralDate");
    if (d && *d < cut && is_true(e.details, "ReferralNFA")) o.flag(c, kEp, e.details, "ReferralNFA");
  });
}

// 8585Q: a case closed because the child died has the child's death date.
void died_has_death_date(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (text_of(e.details, "ReasonForClosure") == "RC2" && !date_of(c.child, "PersonDeathDate")) {
      o.flag(c, kEp, e.details, "ReasonForClosure");
      o.flag(c, kIds, c.child, "PersonDeathDate");
    }
  });
}

// 8600: the referral date is present and on or before the ReferenceDate.
void referral_date_present(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const OptDate d = date_of(e.details, "CINreferralDate");
    if (!d || *d > r.reference) o.flag(c, kEp, e.details, "CINreferralDate");
  });
}

// 8606: no referral more than 280 days before the (expected) birth.
void referral_not_long_before_birth(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const OptDate d = date_of(e.details, "CINreferralDate");
    for (const char* f : {"PersonBirthDate", "ExpectedPersonBirthDate"}) {
      const OptDate b = date_of(c.child, f);
      if (d && b && *d < b->add_days(-280)) {
        o.flag(c, kEp, e.details, "CINreferralDate");
        o.flag(c, kIds, c.child, f);
      }
    }
  });
}

// 8610: a referral taken forward has a primary need code.
void primary_need_given(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (is_false(e.details, "ReferralNFA") && !has(e.details, "PrimaryNeedCode"))
      o.flag(c, kEp, e.details, "PrimaryNeedCode");
  });
}

// 8620: a closure date falls within the census year.
void closure_in_census_year(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (const OptDate d = date_of(e.details, "CINclosureDate"); d && !r.in_census_period(*d))
      o.flag(c, kEp, e.details, "CINclosureDate");
  });
}

// 8630: a case closes on or after its referral.
void closure_after_referral(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (before(date_of(e.details, "CINclosureDate"), date_of(e.details, "CINreferralDate"))) {
      o.flag(c, kEp, e.details, "CINreferralDate");
      o.flag(c, kEp, e.details, "CINclosureDate");
    }
  });
}

// 8640: a reason for closure is RC1-RC9.
void closure_reason_valid(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const std::string_view v = text_of(e.details, "ReasonForClosure");
    if (!v.empty() && !one_of(v, {"RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"}))
      o.flag(c, kEp, e.details, "ReasonForClosure");
  });
}

// 8650: a primary need code is N0-N9.
void primary_need_valid(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const std::string_view v = text_of(e.details, "PrimaryNeedCode");
    if (!v.empty() && !one_of(v, {"N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"}))
      o.flag(c, kEp, e.details, "PrimaryNeedCode");
  });
}

// 8805: a closure date comes with a reason for closure.
void closure_has_reason(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (has(e.details, "CINclosureDate") && !has(e.details, "ReasonForClosure"))
      o.flag(c, kEp, e.details, "ReasonForClosure");
  });
}

// 8810: a reason for closure comes with a closure date.
void reason_has_closure(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (has(e.details, "ReasonForClosure") && !has(e.details, "CINclosureDate"))
      o.flag(c, kEp, e.details, "CINclosureDate");
  });
}

bool open_and_taken_forward(const RawCinDetails& e) {
  return !has(e.details, "CINclosureDate") && is_false(e.details, "ReferralNFA");
}

// 8815: a child has at most one open referral that was taken forward.
void one_open_referral(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    if (c.episodes.size() < 2) continue;
    const auto n = std::count_if(c.episodes.begin(), c.episodes.end(), open_and_taken_forward);
    if (n < 2) continue;
    for (const auto& e : c.episodes)
      if (open_and_taken_forward(e)) {
        o.flag(c, kEp, e.details, "CINclosureDate");
        o.flag(c, kEp, e.details, "ReferralNFA");
      }
  }
}

// 8816: the open referral taken forward is the child's latest.
void open_referral_is_latest(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    OptDate latest;
    for (const auto& e : c.episodes)
      if (const OptDate d = date_of(e.details, "CINreferralDate"); d && (!latest || *d > *latest))
        latest = d;
    for (const auto& e : c.episodes)
      if (open_and_taken_forward(e) && before(date_of(e.details, "CINreferralDate"), latest))
        o.flag(c, kEp, e.details, "CINreferralDate");
  }
}

// 8820: a child's referrals do not overlap (one may start on the day
// another closes).
void referrals_do_not_overlap(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    for (size_t i = 0; i < c.episodes.size(); ++i) {
      const OptDate start = date_of(c.episodes[i].details, "CINreferralDate");
      if (!start) continue;
      for (size_t j = 0; j < c.episodes.size(); ++j) {
        if (i == j) continue;
        const RawGroup& other = c.episodes[j].details;
        const OptDate os = date_of(other, "CINreferralDate");
        const OptDate oc = date_of(other, "CINclosureDate");
        if (!os) continue;
        bool overlaps = false;
        if (oc) overlaps = *os <= *start && *start < *oc;
        else if (is_false(other, "ReferralNFA")) overlaps = *os <= *start && *start <= r.reference;
        if (overlaps) {
          o.flag(c, kEp, c.episodes[i].details, "CINreferralDate");
          break;
        }
      }
    }
  }
}

// 8866: a referral from 1 April 2013 has a valid referral source.
void referral_source_valid(const CinRun& r, Out& o) {
  const Date from = *Date::from_ymd(2013, 4, 1);
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const OptDate d = date_of(e.details, "CINreferralDate");
    if (d && *d >= from &&
        !one_of(text_of(e.details, "ReferralSource"),
                {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4",
                 "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"}))
      o.flag(c, kEp, e.details, "ReferralSource");
  });
}

// 2990: a case closed after assessment with no further action (RC8) or as a
// case error (RC9) has no section 47, CP conference, CP plan or CIN plan.
void rc8_rc9_no_further_work(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (!one_of(text_of(e.details, "ReasonForClosure"), {"RC8", "RC9"})) return;
    if (!e.section47s.empty() || !e.protection_plans.empty() || has(e.details, "DateOfInitialCPC") ||
        !e.plans.empty())
      o.flag(c, kEp, e.details, "ReasonForClosure");
  });
}

// 2991Q: a section 47 enquiry comes with an assessment in the same episode.
void s47_has_assessment(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (!e.section47s.empty() && e.assessments.empty()) o.flag(c, kEp, e.details, "CINdetailsID");
  });
}

// 8825Q: a case closed RC8 or RC9 had an assessment.
void rc8_rc9_had_assessment(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (one_of(text_of(e.details, "ReasonForClosure"), {"RC8", "RC9"}) && e.assessments.empty())
      o.flag(c, kEp, e.details, "ReasonForClosure");
  });
}

// 8831: a referral with no further action has no assessment, section 47 or
// initial conference.
void nfa_no_casework(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (!is_true(e.details, "ReferralNFA")) return;
    for (const auto& a : e.assessments)
      for (const char* f : {"AssessmentActualStartDate", "AssessmentAuthorisationDate"})
        if (has(a, f)) o.flag(c, kAsmt, a, f);
    for (const auto& s : e.section47s)
      for (const char* f : {"S47ActualStartDate", "DateOfInitialCPC"})
        if (has(s, f)) o.flag(c, kS47, s, f);
    if (has(e.details, "DateOfInitialCPC")) o.flag(c, kEp, e.details, "DateOfInitialCPC");
  });
}

// 8832: a referral with no further action has no CP plan.
void nfa_no_cp_plan(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (is_true(e.details, "ReferralNFA") && !e.protection_plans.empty())
      o.flag(c, kEp, e.details, "ReferralNFA");
  });
}

// 4000: a referral with no further action has no CIN plan.
void nfa_no_cin_plan(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (is_true(e.details, "ReferralNFA") && !e.plans.empty()) o.flag(c, kEp, e.details, "ReferralNFA");
  });
}

// 8565: a case closes on or after every date recorded in it.
void closure_after_casework(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const OptDate closed = date_of(e.details, "CINclosureDate");
    if (!closed) return;
    bool any = false;
    auto check = [&](std::string_view table, const RawGroup& g, const char* f) {
      if (before(closed, date_of(g, f))) {
        o.flag(c, table, g, f);
        any = true;
      }
    };
    for (const auto& a : e.assessments)
      for (const char* f : {"AssessmentActualStartDate", "AssessmentAuthorisationDate"}) check(kAsmt, a, f);
    for (const auto& s : e.section47s)
      for (const char* f : {"S47ActualStartDate", "DateOfInitialCPC"}) check(kS47, s, f);
    check(kEp, e.details, "DateOfInitialCPC");
    for (const auto& p : e.protection_plans) check(kCpp, p.plan, "CPPendDate");
    for (const auto& p : e.plans)
      for (const char* f : {"CINPlanStartDate", "CINPlanEndDate"}) check(kPlan, p, f);
    if (any) o.flag(c, kEp, e.details, "CINclosureDate");
  });
}

// 8867: a closed case has every assessment authorised.
void closed_assessments_authorised(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (!has(e.details, "CINclosureDate")) return;
    for (const auto& a : e.assessments)
      if (!has(a, "AssessmentAuthorisationDate")) o.flag(c, kAsmt, a, "AssessmentAuthorisationDate");
  });
}

// 8868: a closed case has every section 47 concluded: an initial conference,
// or ICPCnotRequired true.
void closed_s47_concluded(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (!has(e.details, "CINclosureDate")) return;
    for (const auto& s : e.section47s)
      if (!has(s, "DateOfInitialCPC") && !is_true(s, "ICPCnotRequired")) {
        o.flag(c, kS47, s, "DateOfInitialCPC");
        o.flag(c, kS47, s, "ICPCnotRequired");
      }
  });
}

// 2884: an initial conference is recorded in one place only (not both in
// CINdetails and in a Section47 of the same child).
void icpc_recorded_once(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    std::set<Date> s47_dates;
    for (const auto& e : c.episodes)
      for (const auto& s : e.section47s)
        if (const OptDate d = date_of(s, "DateOfInitialCPC")) s47_dates.insert(*d);
    for (const auto& e : c.episodes)
      if (const OptDate d = date_of(e.details, "DateOfInitialCPC"); d && s47_dates.count(*d))
        o.flag(c, kEp, e.details, "DateOfInitialCPC");
  }
}

// ---- Assessments ----

// 1103: an assessment starts on or after its referral.
void assessment_after_referral(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments)
      if (before(date_of(a, "AssessmentActualStartDate"), date_of(e.details, "CINreferralDate"))) {
        o.flag(c, kAsmt, a, "AssessmentActualStartDate");
        o.flag(c, kEp, e.details, "CINreferralDate");
      }
  });
}

// 8608: an assessment is authorised on or after it starts.
void authorised_after_start(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments)
      if (before(date_of(a, "AssessmentAuthorisationDate"), date_of(a, "AssessmentActualStartDate"))) {
        o.flag(c, kAsmt, a, "AssessmentActualStartDate");
        o.flag(c, kAsmt, a, "AssessmentAuthorisationDate");
      }
  });
}

std::vector<const RawField*> factors(const RawGroup& a) {
  std::vector<const RawField*> out;
  for (const RawField* f : a.all("AssessmentFactors"))
    if (!f->text.empty()) out.push_back(f);
  return out;
}

// 8614: an assessment not yet authorised has no factors.
void unauthorised_no_factors(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments)
      if (!has(a, "AssessmentAuthorisationDate") && !factors(a).empty())
        o.flag(c, kAsmt, a, "AssessmentFactors");
  });
}

// 8670Q: an assessment still open at the ReferenceDate started no more than
// 45 working days before it.
void open_assessment_not_overdue(const CinRun& r, Out& o) {
  const Date limit = r.working_days_before(r.reference, 45);
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments)
      if (!has(a, "AssessmentAuthorisationDate") &&
          before(date_of(a, "AssessmentActualStartDate"), limit))
        o.flag(c, kAsmt, a, "AssessmentActualStartDate");
  });
}

// 8696: an authorisation date falls within the census year.
void authorised_in_census_year(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments)
      if (const OptDate d = date_of(a, "AssessmentAuthorisationDate"); d && !r.in_census_period(*d))
        o.flag(c, kAsmt, a, "AssessmentAuthorisationDate");
  });
}

// 8736: an assessment not authorised started within the census year.
void open_assessment_started_in_year(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments)
      if (const OptDate d = date_of(a, "AssessmentActualStartDate");
          d && !has(a, "AssessmentAuthorisationDate") && !r.in_census_period(*d))
        o.flag(c, kAsmt, a, "AssessmentActualStartDate");
  });
}

// 8863Q: an episode's assessments do not overlap.
void assessments_do_not_overlap(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (size_t i = 0; i < e.assessments.size(); ++i) {
      const OptDate s = date_of(e.assessments[i], "AssessmentActualStartDate");
      if (!s) continue;
      for (size_t j = 0; j < e.assessments.size(); ++j) {
        if (i == j) continue;
        const OptDate os = date_of(e.assessments[j], "AssessmentActualStartDate");
        const OptDate oa = date_of(e.assessments[j], "AssessmentAuthorisationDate");
        if (!os) continue;
        const Date end = has(e.assessments[j], "AssessmentAuthorisationDate") ? (oa ? *oa : *os)
                                                                              : r.reference;
        if (in_span(*s, *os, end)) {
          o.flag(c, kAsmt, e.assessments[i], "AssessmentActualStartDate");
          break;
        }
      }
    }
  });
}

// 8896: an episode has at most one assessment not yet authorised.
void one_open_assessment(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const auto open = std::count_if(e.assessments.begin(), e.assessments.end(), [](const RawGroup& a) {
      return !has(a, "AssessmentAuthorisationDate");
    });
    if (open < 2) return;
    for (const auto& a : e.assessments)
      if (!has(a, "AssessmentAuthorisationDate")) o.flag(c, kAsmt, a, "AssessmentAuthorisationDate");
  });
}

bool valid_factor(std::string_view v) {
  return one_of(v, {"1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A",
                    "5B", "5C", "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A",
                    "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18A", "18B", "18C", "19A",
                    "19B", "19C", "20", "21", "22A", "23A", "24A"});
}

// 8897Q: an assessment authorised in the year has valid factors.
void authorised_has_factors(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments) {
      const OptDate d = date_of(a, "AssessmentAuthorisationDate");
      if (!d || *d < r.year_start) continue;
      const auto fs = factors(a);
      if (fs.empty()) o.flag(c, kAsmt, a, "AssessmentFactors");
      for (const RawField* f : fs)
        if (!valid_factor(f->text))
          o.flag_field(c, kAsmt, *f);
    }
  });
}

// 8898: no factor twice in one assessment.
void factor_not_repeated(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments) {
      std::set<std::string_view> seen;
      for (const RawField* f : factors(a))
        if (!seen.insert(f->text).second) {
          o.flag(c, kAsmt, a, "AssessmentFactors");
          break;
        }
    }
  });
}

// 8869: factor 21 (no factors identified) stands alone.
void no_factors_alone(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments) {
      const auto fs = factors(a);
      if (fs.size() > 1 && std::any_of(fs.begin(), fs.end(), [](auto* f) { return f->text == "21"; }))
        o.flag(c, kAsmt, a, "AssessmentFactors");
    }
  });
}

// 8873Q: an episode whose only assessment found no factors (21) closes RC8 or RC9.
void no_factors_closes_rc8_rc9(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (e.assessments.size() != 1) return;
    const auto fs = factors(e.assessments[0]);
    if (std::any_of(fs.begin(), fs.end(), [](auto* f) { return f->text == "21"; }) &&
        !one_of(text_of(e.details, "ReasonForClosure"), {"RC8", "RC9"}))
      o.flag(c, kEp, e.details, "ReasonForClosure");
  });
}

void factor_retired(const CinRun& r, Out& o, std::string_view code) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& a : e.assessments)
      for (const RawField* f : factors(a))
        if (f->text == code) {
          o.flag(c, kAsmt, a, "AssessmentFactors");
          break;
        }
  });
}
// 8945Q: factor 18A is replaced by 18B and 18C.
void factor_18a_retired(const CinRun& r, Out& o) { factor_retired(r, o, "18A"); }
// 8950Q: factor 19A is replaced by 19B and 19C.
void factor_19a_retired(const CinRun& r, Out& o) { factor_retired(r, o, "19A"); }

// ---- Section 47 enquiries ----

// 1104: an initial conference is on or after the referral.
void icpc_after_referral(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& s : e.section47s)
      if (before(date_of(s, "DateOfInitialCPC"), date_of(e.details, "CINreferralDate"))) {
        o.flag(c, kS47, s, "DateOfInitialCPC");
        o.flag(c, kEp, e.details, "CINreferralDate");
      }
  });
}

// 2889: a section 47 enquiry starts on or after the referral.
void s47_after_referral(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& s : e.section47s)
      if (before(date_of(s, "S47ActualStartDate"), date_of(e.details, "CINreferralDate"))) {
        o.flag(c, kS47, s, "S47ActualStartDate");
        o.flag(c, kEp, e.details, "CINreferralDate");
      }
  });
}

// 8615: a section 47 with an initial conference has a start on or before it.
void s47_started_before_icpc(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& s : e.section47s) {
      const OptDate icpc = date_of(s, "DateOfInitialCPC");
      if (!icpc) continue;
      const OptDate start = date_of(s, "S47ActualStartDate");
      if (!start || *start > *icpc) {
        o.flag(c, kS47, s, "S47ActualStartDate");
        o.flag(c, kS47, s, "DateOfInitialCPC");
      }
    }
  });
}

bool awaiting_icpc(const RawGroup& s) {
  return !has(s, "DateOfInitialCPC") && is_false(s, "ICPCnotRequired");
}

// 8675Q: a section 47 still awaiting its conference started no more than 15
// working days before the ReferenceDate.
void open_s47_not_overdue(const CinRun& r, Out& o) {
  const Date limit = r.working_days_before(r.reference, 15);
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& s : e.section47s)
      if (awaiting_icpc(s) && before(date_of(s, "S47ActualStartDate"), limit))
        o.flag(c, kS47, s, "S47ActualStartDate");
  });
}

// 8715: an initial conference falls within the census year.
void icpc_in_census_year(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& s : e.section47s)
      if (const OptDate d = date_of(s, "DateOfInitialCPC"); d && !r.in_census_period(*d))
        o.flag(c, kS47, s, "DateOfInitialCPC");
  });
}

// 8740: a section 47 awaiting its conference started within the census year.
void open_s47_started_in_year(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& s : e.section47s)
      if (awaiting_icpc(s)) {
        const OptDate d = date_of(s, "S47ActualStartDate");
        if (!d || !r.in_census_period(*d)) o.flag(c, kS47, s, "S47ActualStartDate");
      }
  });
}

bool not_concluded(const RawGroup& s) {
  return !has(s, "DateOfInitialCPC") && !is_true(s, "ICPCnotRequired");
}

// 8839: an episode has at most one section 47 not yet concluded.
void one_open_s47(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    if (std::count_if(e.section47s.begin(), e.section47s.end(), not_concluded) < 2) return;
    for (const auto& s : e.section47s)
      if (not_concluded(s)) o.flag(c, kS47, s, "DateOfInitialCPC");
  });
}

// 8870Q: the conference target date is a weekday.
void icpc_target_weekday(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& s : e.section47s)
      if (const OptDate d = date_of(s, "InitialCPCtarget"); d && d->is_weekend())
        o.flag(c, kS47, s, "InitialCPCtarget");
  });
}

// 8875: an initial conference is held on a weekday.
void icpc_weekday(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& s : e.section47s)
      if (const OptDate d = date_of(s, "DateOfInitialCPC"); d && d->is_weekend())
        o.flag(c, kS47, s, "DateOfInitialCPC");
  });
}

// 8890: an episode's section 47 enquiries do not overlap.
void s47s_do_not_overlap(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (size_t i = 0; i < e.section47s.size(); ++i) {
      const OptDate s = date_of(e.section47s[i], "S47ActualStartDate");
      if (!s) continue;
      for (size_t j = 0; j < e.section47s.size(); ++j) {
        if (i == j) continue;
        const RawGroup& other = e.section47s[j];
        const OptDate os = date_of(other, "S47ActualStartDate");
        if (!os) continue;
        std::optional<Date> end = date_of(other, "DateOfInitialCPC");
        if (!end && !is_true(other, "ICPCnotRequired")) end = r.reference;
        if (end && in_span(*s, *os, *end)) {
          o.flag(c, kS47, e.section47s[i], "S47ActualStartDate");
          break;
        }
      }
    }
  });
}

// 2883: across the return, no more CP plans start in the year than initial
// conferences are held in it.
void plans_not_more_than_conferences(const CinRun& r, Out& o) {
  size_t plans = 0, conferences = 0;
  each_episode(r, [&](const RawCinChild&, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans)
      if (const OptDate d = date_of(p.plan, "CPPstartDate"); d && r.in_census_period(*d)) ++plans;
    if (const OptDate d = date_of(e.details, "DateOfInitialCPC"); d && r.in_census_period(*d))
      ++conferences;
    for (const auto& s : e.section47s)
      if (const OptDate d = date_of(s, "DateOfInitialCPC"); d && r.in_census_period(*d)) ++conferences;
  });
  if (plans > conferences)
    o.flag_return(kCpp, "CPPstartDate",
                  std::to_string(plans) + " plans started against " + std::to_string(conferences) +
                      " initial conferences",
                  r.census.header.line);
}

// 2885: a CP plan starting in the year starts on the day of an initial
// conference in the same episode.
void plan_starts_at_conference(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    std::set<Date> conferences;
    for (const auto& s : e.section47s)
      if (const OptDate d = date_of(s, "DateOfInitialCPC")) conferences.insert(*d);
    if (const OptDate d = date_of(e.details, "DateOfInitialCPC")) conferences.insert(*d);
    for (const auto& p : e.protection_plans) {
      const OptDate d = date_of(p.plan, "CPPstartDate");
      if (d && r.in_census_period(*d) && !conferences.count(*d)) o.flag(c, kCpp, p.plan, "CPPstartDate");
    }
  });
}

// ---- CIN plans ----

// 4001: a child is not on an open CP plan and an open CIN plan in one episode.
void not_on_both_open_plans(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const bool open_cp = std::any_of(e.protection_plans.begin(), e.protection_plans.end(),
                                     [](const RawProtectionPlan& p) { return !has(p.plan, "CPPendDate"); });
    if (!open_cp) return;
    for (const auto& p : e.plans)
      if (!has(p, "CINPlanEndDate")) o.flag(c, kPlan, p, "CINPlanEndDate");
  });
}

// 4003: no CP review falls while a CIN plan runs (from its start to before its
// end), unless the review is the day the CP plan ends.
void no_cp_review_during_cin_plan(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans) {
      const OptDate cp_end = date_of(p.plan, "CPPendDate");
      for (const auto& rev : p.reviews) {
        const OptDate d = date_of(rev, "CPPreviewDate");
        if (!d || (cp_end && *d == *cp_end)) continue;
        for (const auto& plan : e.plans) {
          const OptDate s = date_of(plan, "CINPlanStartDate");
          const OptDate end = date_of(plan, "CINPlanEndDate");
          if (s && end && *s <= *d && *d < *end) {
            o.flag(c, kRev, rev, "CPPreviewDate");
            break;
          }
        }
      }
    }
  });
}

// 4004: an episode has at most one CIN plan without an end date.
void one_open_cin_plan(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    const auto open = std::count_if(e.plans.begin(), e.plans.end(),
                                    [](const RawGroup& p) { return !has(p, "CINPlanEndDate"); });
    if (open < 2) return;
    for (const auto& p : e.plans)
      if (!has(p, "CINPlanEndDate")) o.flag(c, kPlan, p, "CINPlanEndDate");
  });
}

// 4008 / 4009Q / 8915 / 8920: no plan starts or ends after the child's death.
template <bool kCinPlan>
void plan_date_before_death(const CinRun& r, Out& o, const char* field) {
  for (const auto& c : r.census.children) {
    const OptDate death = date_of(c.child, "PersonDeathDate");
    if (!death) continue;
    for (const auto& e : c.episodes) {
      auto check = [&](std::string_view table, const RawGroup& g) {
        if (before(death, date_of(g, field))) {
          o.flag(c, table, g, field);
          o.flag(c, kIds, c.child, "PersonDeathDate");
        }
      };
      if constexpr (kCinPlan) {
        for (const auto& p : e.plans) check(kPlan, p);
      } else {
        for (const auto& p : e.protection_plans) check(kCpp, p.plan);
      }
    }
  }
}
void cin_plan_starts_before_death(const CinRun& r, Out& o) {
  plan_date_before_death<true>(r, o, "CINPlanStartDate");
}
void cin_plan_ends_before_death(const CinRun& r, Out& o) {
  plan_date_before_death<true>(r, o, "CINPlanEndDate");
}
void cp_plan_starts_before_death(const CinRun& r, Out& o) {
  plan_date_before_death<false>(r, o, "CPPstartDate");
}
void cp_plan_ends_before_death(const CinRun& r, Out& o) {
  plan_date_before_death<false>(r, o, "CPPendDate");
}

// 4010: a CIN plan has a start date on or before the ReferenceDate.
void cin_plan_start_present(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.plans) {
      const OptDate d = date_of(p, "CINPlanStartDate");
      if (!d || *d > r.reference) o.flag(c, kPlan, p, "CINPlanStartDate");
    }
  });
}

// 4011: a CIN plan ends on or after it starts.
void cin_plan_end_after_start(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.plans)
      if (before(date_of(p, "CINPlanEndDate"), date_of(p, "CINPlanStartDate"))) {
        o.flag(c, kPlan, p, "CINPlanStartDate");
        o.flag(c, kPlan, p, "CINPlanEndDate");
      }
  });
}

// 4012Q: a CIN plan does not end the day it starts.
void cin_plan_not_same_day(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.plans) {
      const OptDate s = date_of(p, "CINPlanStartDate");
      if (s && s == date_of(p, "CINPlanEndDate")) {
        o.flag(c, kPlan, p, "CINPlanStartDate");
        o.flag(c, kPlan, p, "CINPlanEndDate");
      }
    }
  });
}

// 4013: a CIN plan end date falls within the census year.
void cin_plan_end_in_year(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.plans)
      if (const OptDate d = date_of(p, "CINPlanEndDate"); d && !r.in_census_period(*d))
        o.flag(c, kPlan, p, "CINPlanEndDate");
  });
}

struct Span {
  Date from, to;
  Date end_if_given;  // for the "unless equal to the end" exceptions
  bool has_end;
  const RawGroup* g;
};

std::vector<Span> spans(const CinRun& r, const RawCinChild& c, bool cin_plans) {
  std::vector<Span> out;
  for (const auto& e : c.episodes) {
    auto add = [&](const RawGroup& g, const char* start, const char* end) {
      const OptDate s = date_of(g, start);
      if (!s) return;
      const OptDate en = date_of(g, end);
      out.push_back({*s, en ? *en : r.reference, en.value_or(Date()), en.has_value(), &g});
    };
    if (cin_plans)
      for (const auto& p : e.plans) add(p, "CINPlanStartDate", "CINPlanEndDate");
    else
      for (const auto& p : e.protection_plans) add(p.plan, "CPPstartDate", "CPPendDate");
  }
  return out;
}

// 4014 / 8940: a child's plans of one kind do not overlap.
void plans_do_not_overlap(const CinRun& r, Out& o, bool cin_plans) {
  for (const auto& c : r.census.children) {
    const auto all = spans(r, c, cin_plans);
    if (all.size() < 2) continue;
    for (size_t i = 0; i < all.size(); ++i)
      for (size_t j = 0; j < all.size(); ++j)
        if (i != j && in_span(all[i].from, all[j].from, all[j].to)) {
          o.flag(c, cin_plans ? kPlan : kCpp, *all[i].g,
                 cin_plans ? "CINPlanStartDate" : "CPPstartDate");
          break;
        }
  }
}
void cin_plans_do_not_overlap(const CinRun& r, Out& o) { plans_do_not_overlap(r, o, true); }
void cp_plans_do_not_overlap(const CinRun& r, Out& o) { plans_do_not_overlap(r, o, false); }

// 4015: a CIN plan starts on or after its referral.
void cin_plan_after_referral(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.plans)
      if (before(date_of(p, "CINPlanStartDate"), date_of(e.details, "CINreferralDate"))) {
        o.flag(c, kPlan, p, "CINPlanStartDate");
        o.flag(c, kEp, e.details, "CINreferralDate");
      }
  });
}

// 4016 / 4017: a CIN plan does not start during a CP plan (unless the day it
// ends), and a CP plan does not start during a CIN plan (unless the day it ends).
void starts_outside_other_plans(const CinRun& r, Out& o, bool cin_plan_starts) {
  for (const auto& c : r.census.children) {
    const auto starting = spans(r, c, cin_plan_starts);
    const auto others = spans(r, c, !cin_plan_starts);
    for (const auto& s : starting)
      for (const auto& other : others)
        if (in_span(s.from, other.from, other.to) && !(other.has_end && s.from == other.end_if_given)) {
          o.flag(c, cin_plan_starts ? kPlan : kCpp, *s.g,
                 cin_plan_starts ? "CINPlanStartDate" : "CPPstartDate");
          break;
        }
  }
}
void cin_plan_not_during_cp_plan(const CinRun& r, Out& o) { starts_outside_other_plans(r, o, true); }
void cp_plan_not_during_cin_plan(const CinRun& r, Out& o) { starts_outside_other_plans(r, o, false); }

// ---- Child protection plans ----

// 1105: a CP plan starts on or after its referral.
void cp_plan_after_referral(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans)
      if (before(date_of(p.plan, "CPPstartDate"), date_of(e.details, "CINreferralDate"))) {
        o.flag(c, kCpp, p.plan, "CPPstartDate");
        o.flag(c, kEp, e.details, "CINreferralDate");
      }
  });
}

// 8720: a CP plan has a start date on or before the ReferenceDate.
void cp_plan_start_present(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans) {
      const OptDate d = date_of(p.plan, "CPPstartDate");
      if (!d || *d > r.reference) o.flag(c, kCpp, p.plan, "CPPstartDate");
    }
  });
}

// 8730: a CP plan gives the number of previous CP plans, zero or more.
void previous_plans_given(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans) {
      const std::string_view v = text_of(p.plan, "NumberOfPreviousCPP");
      const bool ok = !v.empty() && v.size() <= 6 &&
                      std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (!ok) o.flag(c, kCpp, p.plan, "NumberOfPreviousCPP");
    }
  });
}

void category_valid(const CinRun& r, Out& o, const char* field) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans)
      if (!one_of(text_of(p.plan, field), {"NEG", "PHY", "SAB", "EMO", "MUL"}))
        o.flag(c, kCpp, p.plan, field);
  });
}
// 8905: the initial category of abuse is present and valid.
void initial_category_valid(const CinRun& r, Out& o) { category_valid(r, o, "InitialCategoryOfAbuse"); }
// 8910: the latest category of abuse is present and valid.
void latest_category_valid(const CinRun& r, Out& o) { category_valid(r, o, "LatestCategoryOfAbuse"); }

// 8840: a CP plan does not end the day it starts.
void cp_plan_not_same_day(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans) {
      const OptDate s = date_of(p.plan, "CPPstartDate");
      if (s && s == date_of(p.plan, "CPPendDate")) {
        o.flag(c, kCpp, p.plan, "CPPstartDate");
        o.flag(c, kCpp, p.plan, "CPPendDate");
      }
    }
  });
}

// 8841: a CP review comes after the plan starts.
void review_after_plan_start(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans) {
      const OptDate s = date_of(p.plan, "CPPstartDate");
      for (const auto& rev : p.reviews)
        if (const OptDate d = date_of(rev, "CPPreviewDate"); d && s && *d <= *s) {
          o.flag(c, kRev, rev, "CPPreviewDate");
          o.flag(c, kCpp, p.plan, "CPPstartDate");
        }
    }
  });
}

// 8842Q: a Reviews group holds a review date.
void review_has_date(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans)
      for (const auto& rev : p.reviews)
        if (!date_of(rev, "CPPreviewDate")) o.flag(c, kRev, rev, "CPPreviewDate");
  });
}

// 8925: a CP plan ends on or after it starts.
void cp_plan_end_after_start(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans)
      if (before(date_of(p.plan, "CPPendDate"), date_of(p.plan, "CPPstartDate"))) {
        o.flag(c, kCpp, p.plan, "CPPstartDate");
        o.flag(c, kCpp, p.plan, "CPPendDate");
      }
  });
}

// 8930: a CP plan end date falls within the census year.
void cp_plan_end_in_year(const CinRun& r, Out& o) {
  each_episode(r, [&](const RawCinChild& c, const RawCinDetails& e) {
    for (const auto& p : e.protection_plans)
      if (const OptDate d = date_of(p.plan, "CPPendDate"); d && !r.in_census_period(*d))
        o.flag(c, kCpp, p.plan, "CPPendDate");
  });
}

// 8935: a child has at most one open CP plan.
void one_open_cp_plan(const CinRun& r, Out& o) {
  for (const auto& c : r.census.children) {
    std::vector<std::pair<const RawGroup*, bool>> open;
    for (const auto& e : c.episodes)
      for (const auto& p : e.protection_plans)
        if (!has(p.plan, "CPPendDate")) open.push_back({&p.plan, true});
    if (open.size() < 2) continue;
    for (auto [g, _] : open) o.flag(c, kCpp, *g, "CPPendDate");
  }
}

}  // namespace

const std::vector<CinRule>& cin_rules() {
  static const std::vector<CinRule> rules = {
      {"100", reference_date_is_31_march},
      {"1103", assessment_after_referral},
      {"1104", icpc_after_referral},
      {"1105", cp_plan_after_referral},
      {"1510", upn_check_letter},
      {"1520", upn_unique},
      {"1530", upn_la_code},
      {"1540", upn_digits},
      {"1550", upn_last_character},
      {"1560Q", former_upn_format},
      {"1570", child_id_length},
      {"1580", child_id_characters},
      {"2883", plans_not_more_than_conferences},
      {"2884", icpc_recorded_once},
      {"2885", plan_starts_at_conference},
      {"2886Q", unknown_sex_share},
      {"2887Q", disability_codes_varied},
      {"2888Q", some_child_has_several_disabilities},
      {"2889", s47_after_referral},
      {"2990", rc8_rc9_no_further_work},
      {"2991Q", s47_has_assessment},
      {"4000", nfa_no_cin_plan},
      {"4001", not_on_both_open_plans},
      {"4003", no_cp_review_during_cin_plan},
      {"4004", one_open_cin_plan},
      {"4008", cin_plan_starts_before_death},
      {"4009Q", cin_plan_ends_before_death},
      {"4010", cin_plan_start_present},
      {"4011", cin_plan_end_after_start},
      {"4012Q", cin_plan_not_same_day},
      {"4013", cin_plan_end_in_year},
      {"4014", cin_plans_do_not_overlap},
      {"4015", cin_plan_after_referral},
      {"4016", cin_plan_not_during_cp_plan},
      {"4017", cp_plan_not_during_cin_plan},
      {"4180", sex_valid},
      {"4220", ethnicity_valid},
      {"8500", child_id_present},
      {"8510", child_id_unique},
      {"8520", born_by_reference_date},
      {"8525Q", birth_or_expected_birth},
      {"8530Q", expected_birth_in_range},
      {"8535Q", death_after_birth},
      {"8540", disabilities_recorded},
      {"8545Q", death_in_census_year},
      {"8555Q", referral_before_death},
      {"8565", closure_after_casework},
      {"8568", nfa_valid},
      {"8569Q", old_referral_not_nfa},
      {"8585Q", died_has_death_date},
      {"8590", child_has_episode},
      {"8600", referral_date_present},
      {"8606", referral_not_long_before_birth},
      {"8608", authorised_after_start},
      {"8610", primary_need_given},
      {"8614", unauthorised_no_factors},
      {"8615", s47_started_before_icpc},
      {"8620", closure_in_census_year},
      {"8630", closure_after_referral},
      {"8640", closure_reason_valid},
      {"8650", primary_need_valid},
      {"8670Q", open_assessment_not_overdue},
      {"8675Q", open_s47_not_overdue},
      {"8696", authorised_in_census_year},
      {"8715", icpc_in_census_year},
      {"8720", cp_plan_start_present},
      {"8730", previous_plans_given},
      {"8736", open_assessment_started_in_year},
      {"8740", open_s47_started_in_year},
      {"8750", unborn_sex_unknown},
      {"8770Q", school_age_child_has_upn},
      {"8772", un7_only_with_nfa},
      {"8775Q", over_25},
      {"8790", none_alone},
      {"8794", disability_not_repeated},
      {"8805", closure_has_reason},
      {"8810", reason_has_closure},
      {"8815", one_open_referral},
      {"8816", open_referral_is_latest},
      {"8820", referrals_do_not_overlap},
      {"8825Q", rc8_rc9_had_assessment},
      {"8831", nfa_no_casework},
      {"8832", nfa_no_cp_plan},
      {"8839", one_open_s47},
      {"8840", cp_plan_not_same_day},
      {"8841", review_after_plan_start},
      {"8842Q", review_has_date},
      {"8863Q", assessments_do_not_overlap},
      {"8866", referral_source_valid},
      {"8867", closed_assessments_authorised},
      {"8868", closed_s47_concluded},
      {"8869", no_factors_alone},
      {"8870Q", icpc_target_weekday},
      {"8873Q", no_factors_closes_rc8_rc9},
      {"8875", icpc_weekday},
      {"8890", s47s_do_not_overlap},
      {"8896", one_open_assessment},
      {"8897Q", authorised_has_factors},
      {"8898", factor_not_repeated},
      {"8905", initial_category_valid},
      {"8910", latest_category_valid},
      {"8915", cp_plan_starts_before_death},
      {"8920", cp_plan_ends_before_death},
      {"8925", cp_plan_end_after_start},
      {"8930", cp_plan_end_in_year},
      {"8935", one_open_cp_plan},
      {"8940", cp_plans_do_not_overlap},
      {"8945Q", factor_18a_retired},
      {"8950Q", factor_19a_retired},
  };
  return rules;
}

}  // namespace beacon::validation
