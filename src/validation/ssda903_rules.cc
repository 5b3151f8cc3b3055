// The SSDA903 rules Beacon checks so far, one small function each, in the
// DfE's words (../shared/returns/ssda903-rules.csv). The rules still to come
// are listed, with why, in not_implemented.cc; docs/validation.md keeps the
// account. A cell may be absent, blank or malformed: rules never throw.
#include <algorithm>
#include <map>
#include <set>

#include "validation/rule_support.h"

namespace beacon::validation {
namespace {

template <typename F>
void each_row(const Ssda903Run& r, std::string_view table, F&& f) {
  if (const RawTable* t = r.table(table))
    for (const RawRow& row : t->rows) f(*t, row);
}

// A date written DD/MM/YYYY, as the return requires.
bool valid_903_date(std::string_view v) {
  if (v.size() != 10 || v[2] != '/' || v[5] != '/') return false;
  for (size_t i : {0, 1, 3, 4, 6, 7, 8, 9})
    if (v[i] < '0' || v[i] > '9') return false;
  return parse_date(v).has_value();
}

// A code column that, when filled in, holds one of `codes`.
void code_if_present(const Ssda903Run& r, Out& o, std::string_view table, std::string_view column,
                     std::initializer_list<std::string_view> codes) {
  each_row(r, table, [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, column);
    if (!v.empty() && !one_of(v, codes)) o.flag_cell(t, row, column);
  });
}

// A code column that must be filled in with one of `codes`.
void code_required(const Ssda903Run& r, Out& o, std::string_view table, std::string_view column,
                   std::initializer_list<std::string_view> codes) {
  each_row(r, table, [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, column), codes)) o.flag_cell(t, row, column);
  });
}

// A date column that, when filled in, is a real DD/MM/YYYY date.
void date_if_present(const Ssda903Run& r, Out& o, std::string_view table, std::string_view column) {
  each_row(r, table, [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, column);
    if (!v.empty() && !valid_903_date(v)) o.flag_cell(t, row, column);
  });
}

// Columns that are all filled in or all blank.
void all_or_none(const Ssda903Run& r, Out& o, std::string_view table,
                 std::initializer_list<std::string_view> columns) {
  each_row(r, table, [&](const RawTable& t, const RawRow& row) {
    size_t filled = 0;
    for (auto c : columns) filled += cell(t, row, c).empty() ? 0 : 1;
    if (filled != 0 && filled != columns.size())
      for (auto c : columns) o.flag_cell(t, row, c);
  });
}

// ---- Header ----

// 101: the child's sex is recorded (1 or 2 to 2023-24; M, F or U from 2024-25).
void sex_valid(const Ssda903Run& r, Out& o) {
  if (r.year <= 2023) code_required(r, o, "Header", "SEX", {"1", "2"});
  else code_required(r, o, "Header", "SEX", {"M", "F", "U"});
}

// 102: the date of birth is present and a real date.
void dob_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (!valid_903_date(cell(t, row, "DOB"))) o.flag_cell(t, row, "DOB");
  });
}

// 103: ethnicity is present and a valid code.
void ethnicity_valid(const Ssda903Run& r, Out& o) {
  code_required(r, o, "Header", "ETHNIC",
                {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
                 "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"});
}

// 171: the mother's child's date of birth, when given, is a real date.
void mc_dob_valid(const Ssda903Run& r, Out& o) { date_if_present(r, o, "Header", "MC_DOB"); }

// 174: a boy is not recorded as a mother.
void male_not_mother(const Ssda903Run& r, Out& o) {
  const std::string_view male = r.year <= 2023 ? "1" : "M";
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "SEX") == male && !cell(t, row, "MC_DOB").empty()) {
      o.flag_cell(t, row, "SEX");
      o.flag_cell(t, row, "MC_DOB");
    }
  });
}

// 232: the child's sex is reported as unknown.
void sex_unknown(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "SEX") == "U") o.flag_cell(t, row, "SEX");
  });
}

// 301: the child is born by the end of the collection year.
void born_by_year_end(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "DOB"); d && *d > r.collection_end) o.flag_cell(t, row, "DOB");
  });
}

// 351: the child is not over 25 at the start of the collection year.
void not_over_25(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "DOB"); d && r.collection_start > d->add_years(25))
      o.flag_cell(t, row, "DOB");
  });
}

// 168: a UPN is a letter (not I, O or S) and 12 digits, or 11 digits and a
// letter, or UN1-UN5.
void upn_format(const Ssda903Run& r, Out& o) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto letter = [](char c) { return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'S'; };
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, "UPN");
    if (v.empty() || one_of(v, {"UN1", "UN2", "UN3", "UN4", "UN5"})) return;
    bool ok = v.size() == 13 && letter(v[0]);
    for (size_t i = 1; ok && i < 12; ++i) ok = digit(v[i]);
    ok = ok && (digit(v[12]) || (v[12] >= 'A' && v[12] <= 'Z'));
    if (!ok) o.flag_cell(t, row, "UPN");
  });
}

// 444: no two children share a UPN (UN1-UN5 aside).
void upn_unique(const Ssda903Run& r, Out& o) {
  std::map<std::string_view, int> seen;
  auto counts = [](std::string_view v) { return !v.empty() && !one_of(v, {"UN1", "UN2", "UN3", "UN4", "UN5"}); };
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (counts(cell(t, row, "UPN"))) ++seen[cell(t, row, "UPN")];
  });
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, "UPN");
    if (counts(v) && seen[v] > 1) o.flag_cell(t, row, "UPN");
  });
}

// ---- Episodes ----

// 141: DECOM, when given, is a real date.
void decom_valid(const Ssda903Run& r, Out& o) { date_if_present(r, o, "Episodes", "DECOM"); }
// 147: DEC, when given, is a real date.
void dec_valid(const Ssda903Run& r, Out& o) { date_if_present(r, o, "Episodes", "DEC"); }

// 143: the reason for new episode is a valid code.
void rne_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "Episodes", "RNE", {"S", "P", "L", "T", "U", "B"});
}

// 144: the legal status is a valid code.
void ls_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "Episodes", "LS",
                  {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"});
}

// 145: the category of need is N1-N8.
void cin_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "Episodes", "CIN", {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"});
}

// 146: the placement type is a valid code for the year.
void place_valid(const Ssda903Run& r, Out& o) {
  if (r.year <= 2023)
    code_if_present(r, o, "Episodes", "PLACE",
                    {"A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5",
                     "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"});
  else if (r.year == 2024)
    code_if_present(r, o, "Episodes", "PLACE",
                    {"A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3",
                     "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"});
  else
    code_if_present(r, o, "Episodes", "PLACE",
                    {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
                     "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12",
                     "Z13", "Z14"});
}

// 148: the date and reason an episode ceased are both given or both blank.
void dec_and_rec_together(const Ssda903Run& r, Out& o) { all_or_none(r, o, "Episodes", {"DEC", "REC"}); }

// 149: the reason an episode ceased is a valid code.
void rec_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "Episodes", "REC",
                  {"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
                   "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1"});
}

bool temporary(std::string_view place) { return one_of(place, {"T0", "T1", "T2", "T3", "T4"}); }

// 353: no episode starts before 14 October 1991.
void decom_not_before_1991(const Ssda903Run& r, Out& o) {
  const Date from = *Date::from_ymd(1991, 10, 14);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "DECOM"); d && *d < from) o.flag_cell(t, row, "DECOM");
  });
}

// 354: an episode starts by the end of the collection year.
void decom_by_year_end(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "DECOM"); d && *d > r.collection_end) o.flag_cell(t, row, "DECOM");
  });
}

// 355: an episode does not start and end on the same day.
void episode_not_same_day(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DECOM");
    if (s && s == cell_date(t, row, "DEC")) {
      o.flag_cell(t, row, "DECOM");
      o.flag_cell(t, row, "DEC");
    }
  });
}

// 356: an episode ends on or after it starts.
void dec_after_decom(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DECOM");
    const OptDate e = cell_date(t, row, "DEC");
    if (s && e && *e < *s) o.flag_cell(t, row, "DECOM");
  });
}

// 385: an episode ends by the end of the collection year.
void dec_by_year_end(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "DEC"); d && *d > r.collection_end) o.flag_cell(t, row, "DEC");
  });
}

// 366: a short-term break (V3) does not change placement (RNE S).
void respite_starts_care(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "LS") == "V3" && cell(t, row, "RNE") != "S") o.flag_cell(t, row, "RNE");
  });
}

// 378: a child placed with parents (P1) is not on a series of short breaks (V2).
void placed_with_parents_not_v2(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "PLACE") == "P1" && cell(t, row, "LS") == "V2") {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "LS");
    }
  });
}

// 380: a period of care does not start with a temporary placement.
void temporary_placement_not_first(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (temporary(cell(t, row, "PLACE")) && !one_of(cell(t, row, "RNE"), {"P", "B"})) {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "RNE");
    }
  });
}

// 381: a period of care does not end with a temporary placement.
void temporary_placement_not_last(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view rec = cell(t, row, "REC");
    if (temporary(cell(t, row, "PLACE")) && !rec.empty() && rec != "X1") {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "REC");
    }
  });
}

// 382: a child on short breaks (V3, V4) is not in a temporary placement.
void short_break_not_temporary(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (one_of(cell(t, row, "LS"), {"V3", "V4"}) && temporary(cell(t, row, "PLACE"))) {
      o.flag_cell(t, row, "LS");
      o.flag_cell(t, row, "PLACE");
    }
  });
}

// 384: a child on short breaks is not placed with U1 or U4 carers.
void short_break_not_u1_u4(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (one_of(cell(t, row, "LS"), {"V3", "V4"}) && one_of(cell(t, row, "PLACE"), {"U1", "U4"})) {
      o.flag_cell(t, row, "LS");
      o.flag_cell(t, row, "PLACE");
    }
  });
}

// 390: adopted (E11, E12) follows a placement for adoption (A3-A6).
void adopted_from_adoption_placement(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (one_of(cell(t, row, "REC"), {"E11", "E12"}) &&
        !one_of(cell(t, row, "PLACE"), {"A3", "A4", "A5", "A6"})) {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "REC");
    }
  });
}

// 408: a child placed for adoption with consent or a placement order (A5, A6)
// has legal status E1.
void adoption_placement_has_e1(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (one_of(cell(t, row, "PLACE"), {"A5", "A6"}) && cell(t, row, "LS") != "E1") {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "LS");
    }
  });
}

// 446: a placement order (E1) is not dated before 1 December 2005.
void e1_not_before_2005(const Ssda903Run& r, Out& o) {
  const Date from = *Date::from_ymd(2005, 12, 1);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (cell(t, row, "LS") == "E1" && d && *d < from) {
      o.flag_cell(t, row, "LS");
      o.flag_cell(t, row, "DECOM");
    }
  });
}

// 516: a special guardianship order ending (E45, E46) follows a placement with
// a connected person's or other foster carer (U1-U6).
void sgo_from_foster_placement(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (one_of(cell(t, row, "REC"), {"E45", "E46"}) &&
        !one_of(cell(t, row, "PLACE"), {"U1", "U2", "U3", "U4", "U5", "U6"})) {
      o.flag_cell(t, row, "REC");
      o.flag_cell(t, row, "PLACE");
    }
  });
}

// ---- Reviews ----

// 166: a review has a real date.
void review_date_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "Reviews", [&](const RawTable& t, const RawRow& row) {
    if (!valid_903_date(cell(t, row, "REVIEW"))) o.flag_cell(t, row, "REVIEW");
  });
}

// ---- Placed for adoption ----

// 115: the date placed for adoption, when given, is a real date.
void date_placed_valid(const Ssda903Run& r, Out& o) { date_if_present(r, o, "PlacedAdoption", "DATE_PLACED"); }
// 116: the date the adoption placement ceased, when given, is a real date.
void date_placed_ceased_valid(const Ssda903Run& r, Out& o) {
  date_if_present(r, o, "PlacedAdoption", "DATE_PLACED_CEASED");
}
// 119: the date and reason an adoption placement ceased go together.
void placed_ceased_together(const Ssda903Run& r, Out& o) {
  all_or_none(r, o, "PlacedAdoption", {"REASON_PLACED_CEASED", "DATE_PLACED_CEASED"});
}
// 120: the reason an adoption placement ceased is RD1-RD4.
void reason_placed_ceased_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "PlacedAdoption", "REASON_PLACED_CEASED", {"RD1", "RD2", "RD3", "RD4"});
}

// ---- Care leavers (OC3) ----

// 131: whether the authority is in touch is present and valid.
void in_touch_valid(const Ssda903Run& r, Out& o) {
  code_required(r, o, "OC3", "IN_TOUCH", {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"});
}
// 132: the care leaver's activity is present and valid.
void activity_valid(const Ssda903Run& r, Out& o) {
  code_required(r, o, "OC3", "ACTIV", {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"});
}
// 133: the care leaver's accommodation is present and valid.
void accommodation_valid(const Ssda903Run& r, Out& o) {
  code_required(r, o, "OC3", "ACCOM",
                {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2",
                 "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2",
                 "Z1", "Z2", "0"});
}
// 153: in touch, activity and accommodation go together.
void care_leaver_all_or_none(const Ssda903Run& r, Out& o) {
  all_or_none(r, o, "OC3", {"IN_TOUCH", "ACTIV", "ACCOM"});
}

// ---- Adoption (AD1) ----

// 112: the date of the decision that the child should be placed for adoption is a real date.
void date_int_valid(const Ssda903Run& r, Out& o) { date_if_present(r, o, "AD1", "DATE_INT"); }
// 113: the date matched with adopters is a real date.
void date_match_valid(const Ssda903Run& r, Out& o) { date_if_present(r, o, "AD1", "DATE_MATCH"); }
// 114: adopted by former foster carers is 0 or 1.
void foster_care_valid(const Ssda903Run& r, Out& o) { code_if_present(r, o, "AD1", "FOSTER_CARE", {"0", "1"}); }
// 175: the number of adopters is 1 or 2.
void adopter_count_valid(const Ssda903Run& r, Out& o) { code_if_present(r, o, "AD1", "NB_ADOPTR", {"1", "2"}); }
// 176: the adopters' sex is a valid code.
void adopter_sex_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "AD1", "SEX_ADOPTR", {"M1", "F1", "MM", "FF", "MF"});
}
// 177: the adopters' legal status is a valid code.
void adopter_status_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "AD1", "LS_ADOPTR", {"L0", "L11", "L12", "L2", "L3", "L4"});
}

// ---- Missing ----

}  // namespace

const std::vector<Ssda903Rule>& ssda903_rules() {
  static const std::vector<Ssda903Rule> rules = {
      {"101", sex_valid},
      {"102", dob_valid},
      {"103", ethnicity_valid},
      {"112", date_int_valid},
      {"113", date_match_valid},
      {"114", foster_care_valid},
      {"115", date_placed_valid},
      {"116", date_placed_ceased_valid},
      {"119", placed_ceased_together},
      {"120", reason_placed_ceased_valid},
      {"131", in_touch_valid},
      {"132", activity_valid},
      {"133", accommodation_valid},
      {"141", decom_valid},
      {"143", rne_valid},
      {"144", ls_valid},
      {"145", cin_valid},
      {"146", place_valid},
      {"147", dec_valid},
      {"148", dec_and_rec_together},
      {"149", rec_valid},
      {"153", care_leaver_all_or_none},
      {"166", review_date_valid},
      {"168", upn_format},
      {"171", mc_dob_valid},
      {"174", male_not_mother},
      {"175", adopter_count_valid},
      {"176", adopter_sex_valid},
      {"177", adopter_status_valid},
      {"232", sex_unknown},
      {"301", born_by_year_end},
      {"351", not_over_25},
      {"353", decom_not_before_1991},
      {"354", decom_by_year_end},
      {"355", episode_not_same_day},
      {"356", dec_after_decom},
      {"366", respite_starts_care},
      {"378", placed_with_parents_not_v2},
      {"380", temporary_placement_not_first},
      {"381", temporary_placement_not_last},
      {"382", short_break_not_temporary},
      {"384", short_break_not_u1_u4},
      {"385", dec_by_year_end},
      {"390", adopted_from_adoption_placement},
      {"408", adoption_placement_has_e1},
      {"444", upn_unique},
      {"446", e1_not_before_2005},
      {"516", sgo_from_foster_placement},
  };
  return rules;
}

}  // namespace beacon::validation
