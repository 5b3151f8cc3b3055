// The SSDA903 rules Beacon checks so far, one small function each, in the
// DfE's words (../shared/returns/ssda903-rules.csv). The rules still to come
// are listed, with why, in not_implemented.cc; docs/validation.md keeps the
// account. A cell may be absent, blank or malformed: rules never throw.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

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


// ---- Episodes: placements and providers ----

bool z_placement(std::string_view place, int year) {
  return year <= 2024 ? place == "Z1" : one_of(place, {"Z11", "Z12", "Z13", "Z14"});
}

// 178: the placement provider is PR0-PR5, and none is given for a temporary
// placement or Z1 (to 2024-25: T0-T4, Z1; from 2025-26: T0-T3, Z11-Z14).
void provider_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, "PLACE_PROVIDER");
    if (v.empty()) return;
    const std::string_view place = cell(t, row, "PLACE");
    const bool no_provider = r.year <= 2024 ? (temporary(place) || place == "Z1")
                                            : (one_of(place, {"T0", "T1", "T2", "T3"}) || z_placement(place, r.year));
    if (!one_of(v, {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}) || no_provider)
      o.flag_cell(t, row, "PLACE_PROVIDER");
  });
}

// 213: a temporary placement (and from 2025-26 a Z11-Z14 placement) has no provider.
void temporary_has_no_provider(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view place = cell(t, row, "PLACE");
    const bool none = temporary(place) || (r.year >= 2025 && z_placement(place, r.year));
    if (none && !cell(t, row, "PLACE_PROVIDER").empty()) o.flag_cell(t, row, "PLACE_PROVIDER");
  });
}

// 526: a placement other than temporary or Z1 (Z11-Z14 from 2025-26) has a provider.
void placement_has_provider(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view place = cell(t, row, "PLACE");
    if (place.empty() || temporary(place) || z_placement(place, r.year)) return;
    if (cell(t, row, "PLACE_PROVIDER").empty()) {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "PLACE_PROVIDER");
    }
  });
}

// A placement type that cannot have a given provider.
void place_not_with_provider(const Ssda903Run& r, Out& o, std::initializer_list<std::string_view> places,
                             std::string_view provider) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (one_of(cell(t, row, "PLACE"), places) && cell(t, row, "PLACE_PROVIDER") == provider) {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "PLACE_PROVIDER");
    }
  });
}
// 527: placed with parents or in a residential setting (P1, R2, R5) is not provided by the LA (PR1).
void p1_r2_r5_not_pr1(const Ssda903Run& r, Out& o) { place_not_with_provider(r, o, {"P1", "R2", "R5"}, "PR1"); }
// 528: P1, R2, R5 are not provided by another LA (PR2).
void p1_r2_r5_not_pr2(const Ssda903Run& r, Out& o) { place_not_with_provider(r, o, {"P1", "R2", "R5"}, "PR2"); }
// 529: adoption and foster placements are not provided by the private sector's PR3.
void family_placements_not_pr3(const Ssda903Run& r, Out& o) {
  place_not_with_provider(r, o, {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"}, "PR3");
}
// 530: placed with parents is not provided by a voluntary organisation (PR4).
void p1_not_pr4(const Ssda903Run& r, Out& o) { place_not_with_provider(r, o, {"P1"}, "PR4"); }
// 531: placed with parents is not provided privately (PR5).
void p1_not_pr5(const Ssda903Run& r, Out& o) { place_not_with_provider(r, o, {"P1"}, "PR5"); }

// 550: provider PR0 (parents) goes with placement P1.
void pr0_is_placed_with_parents(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "PLACE_PROVIDER") == "PR0" && cell(t, row, "PLACE") != "P1") {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "PLACE_PROVIDER");
    }
  });
}

// 214: a child on short breaks (V3, V4) has no placement postcode or URN.
void short_break_no_placement_details(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, "LS"), {"V3", "V4"})) return;
    for (const char* c : {"PL_POST", "URN"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 398: a child on short breaks has no home or placement postcode.
void short_break_no_postcodes(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, "LS"), {"V3", "V4"})) return;
    for (const char* c : {"HOME_POST", "PL_POST"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

std::string postcode_key(std::string_view v) {
  std::string out;
  for (char c : v)
    if (c != ' ') out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

// 392d: unless placed with parents (P1), the placement is not at the home postcode.
void placed_away_from_home(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string home = postcode_key(cell(t, row, "HOME_POST"));
    if (cell(t, row, "PLACE") != "P1" && !home.empty() && home == postcode_key(cell(t, row, "PL_POST"))) {
      o.flag_cell(t, row, "HOME_POST");
      o.flag_cell(t, row, "PL_POST");
    }
  });
}

// 217: a placement for adoption with current foster carers (A3, A5) from 1 April
// 2015 starts a period of care or changes placement (RNE S, T or U).
void adoption_with_carers_reason(const Ssda903Run& r, Out& o) {
  const Date from = *Date::from_ymd(2015, 4, 1);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (one_of(cell(t, row, "PLACE"), {"A3", "A5"}) && d && *d >= from &&
        !one_of(cell(t, row, "RNE"), {"S", "T", "U"}))
      o.flag_cell(t, row, "RNE");
  });
}

// 222: no URN for a placement type that has none (the list changes by year).
void no_urn_for_placement(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view urn = cell(t, row, "URN");
    if (urn.empty() || urn == "XXXXXXX") return;
    const std::string_view p = cell(t, row, "PLACE");
    bool none = one_of(p, {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4"});
    if (r.year <= 2024) none = none || p == "Z1";
    else none = none || z_placement(p, r.year);
    if (r.year <= 2023) none = none || p == "P2";
    if (r.year == 2022) none = none || p == "H5";
    if (none) o.flag_cell(t, row, "URN");
  });
}

// 233: an open episode (no DEC) has no reason for placement change.
void open_episode_no_change_reason(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "DEC").empty() && !cell(t, row, "REASON_PLACE_CHANGE").empty())
      o.flag_cell(t, row, "REASON_PLACE_CHANGE");
  });
}

// 365: a short-term break (V3) lasts at most 17 days (an open one to 31 March).
void respite_at_most_17_days(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DECOM");
    if (cell(t, row, "LS") != "V3" || !s) return;
    const Date end = cell_date(t, row, "DEC").value_or(r.collection_end);
    if (end > s->add_days(17)) o.flag_cell(t, row, "LS");
  });
}

// 445: a freeing order (D1) is not dated after 31 December 2005 (to 2023-24).
void d1_not_after_2005(const Ssda903Run& r, Out& o) {
  const Date last = *Date::from_ymd(2005, 12, 31);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (cell(t, row, "LS") == "D1" && d && *d > last) {
      o.flag_cell(t, row, "LS");
      o.flag_cell(t, row, "DECOM");
    }
  });
}

// 451: no episode still open under a freeing order (D1) (to 2023-24).
void no_open_freeing_order(const Ssda903Run& r, Out& o) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "LS") == "D1" && cell(t, row, "DEC").empty() && cell(t, row, "REC").empty())
      o.flag_cell(t, row, "LS");
  });
}

// ---- Header: UPN and age ----

// 209: a child aged 4 or over on 31 August before the collection year is not UN1.
void un1_only_under_school_age(const Ssda903Run& r, Out& o) {
  const Date august = *Date::from_ymd(r.year - 1, 8, 31);
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = cell_date(t, row, "DOB");
    if (cell(t, row, "UPN") == "UN1" && dob && dob->add_years(4) <= august) {
      o.flag_cell(t, row, "UPN");
      o.flag_cell(t, row, "DOB");
    }
  });
}

// ---- UASC ----

// 104: the date UASC status ceased, when given, is a real date in or after the collection year.
void duc_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "UASC", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, "DUC");
    if (v.empty()) return;
    const OptDate d = valid_903_date(v) ? parse_date(v) : std::nullopt;
    if (!d || *d < r.collection_start) o.flag_cell(t, row, "DUC");
  });
}

// 304: UASC status ceases by the child's 18th birthday.
void duc_by_18th_birthday(const Ssda903Run& r, Out& o) {
  each_row(r, "UASC", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DUC");
    const OptDate dob = cell_date(t, row, "DOB");
    if (d && dob && *d > dob->add_years(18)) o.flag_cell(t, row, "DUC");
  });
}

// ---- Reviews ----

// 167: a review has a participation code PN0-PN7; no review date, no code.
void review_code_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "Reviews", [&](const RawTable& t, const RawRow& row) {
    const std::string_view code = cell(t, row, "REVIEW_CODE");
    const bool ok = cell(t, row, "REVIEW").empty()
                        ? code.empty()
                        : one_of(code, {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"});
    if (!ok) o.flag_cell(t, row, "REVIEW_CODE");
  });
}

// 440 / 441: PN0 (too young to participate) only before the 4th birthday; PN1-PN7 only from it.
void review_code_for_age(const Ssda903Run& r, Out& o, bool under_four_code) {
  each_row(r, "Reviews", [&](const RawTable& t, const RawRow& row) {
    const OptDate review = cell_date(t, row, "REVIEW");
    const OptDate dob = cell_date(t, row, "DOB");
    if (!review || !dob) return;
    const std::string_view code = cell(t, row, "REVIEW_CODE");
    const bool fails = under_four_code
                           ? code == "PN0" && *review > dob->add_years(4)
                           : one_of(code, {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"}) &&
                                 *review < dob->add_years(4);
    if (fails) {
      o.flag_cell(t, row, "REVIEW");
      o.flag_cell(t, row, "REVIEW_CODE");
    }
  });
}
void pn0_under_four(const Ssda903Run& r, Out& o) { review_code_for_age(r, o, true); }
void pn1_to_pn7_from_four(const Ssda903Run& r, Out& o) { review_code_for_age(r, o, false); }

// ---- Health and offending (OC2) ----

constexpr std::string_view kOc2Flags[] = {
    "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"};

// 180: the SDQ score is a whole number 0-40.
void sdq_score_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, "SDQ_SCORE");
    if (v.empty()) return;
    bool ok = v.size() <= 2 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (ok) ok = std::stoi(std::string(v)) <= 40;
    if (!ok) o.flag_cell(t, row, "SDQ_SCORE");
  });
}

// 181: the OC2 yes/no items are 0 or 1 where given.
void oc2_flags_valid(const Ssda903Run& r, Out& o) {
  for (auto c : kOc2Flags) code_if_present(r, o, "OC2", c, {"0", "1"});
}

// 182: if immunisations, teeth, health assessment or substance misuse is blank,
// conviction, health check and interventions are blank too.
void oc2_blank_together(const Ssda903Run& r, Out& o) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    bool any_blank = false;
    for (const char* c : {"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"})
      any_blank = any_blank || cell(t, row, c).empty();
    if (!any_blank) return;
    for (const char* c : {"CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 158: an intervention received means none is recorded as only offered.
void received_not_offered(const Ssda903Run& r, Out& o) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "INTERVENTION_RECEIVED") == "1" && !cell(t, row, "INTERVENTION_OFFERED").empty())
      o.flag_cell(t, row, "INTERVENTION_OFFERED");
  });
}

// 159: substance misuse with no intervention received says whether one was offered.
void offered_when_not_received(const Ssda903Run& r, Out& o) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "SUBSTANCE_MISUSE") == "1" && cell(t, row, "INTERVENTION_RECEIVED") == "0" &&
        cell(t, row, "INTERVENTION_OFFERED").empty())
      o.flag_cell(t, row, "INTERVENTION_OFFERED");
  });
}

// 192: substance misuse says whether an intervention was received.
void received_when_misuse(const Ssda903Run& r, Out& o) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "SUBSTANCE_MISUSE") == "1" && cell(t, row, "INTERVENTION_RECEIVED").empty())
      o.flag_cell(t, row, "INTERVENTION_RECEIVED");
  });
}

// 193: no substance misuse, no intervention recorded.
void no_intervention_without_misuse(const Ssda903Run& r, Out& o) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    const std::string_view m = cell(t, row, "SUBSTANCE_MISUSE");
    if (!m.empty() && m != "0") return;
    for (const char* c : {"INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 196: the reason for no SDQ is SDQ1-SDQ5.
void sdq_reason_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "OC2", "SDQ_REASON", {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"});
}

// 197a: an SDQ score and a reason for no score are not both given.
void sdq_score_or_reason(const Ssda903Run& r, Out& o) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    if (!cell(t, row, "SDQ_SCORE").empty() && !cell(t, row, "SDQ_REASON").empty()) {
      o.flag_cell(t, row, "SDQ_SCORE");
      o.flag_cell(t, row, "SDQ_REASON");
    }
  });
}

// 188 / 189: no SDQ for a child under 4 at 31 March, or over 17 at 1 April.
void sdq_for_age(const Ssda903Run& r, Out& o, bool too_young) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = cell_date(t, row, "DOB");
    if (!dob) return;
    const bool out_of_age = too_young ? dob->add_years(4) > r.collection_end
                                      : dob->add_years(17) < r.collection_start;
    if (!out_of_age) return;
    for (const char* c : {"SDQ_SCORE", "SDQ_REASON"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}
void no_sdq_under_4(const Ssda903Run& r, Out& o) { sdq_for_age(r, o, true); }
void no_sdq_over_17(const Ssda903Run& r, Out& o) { sdq_for_age(r, o, false); }

// 542: no conviction recorded for a child under 10 at 31 March.
void no_conviction_under_10(const Ssda903Run& r, Out& o) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = cell_date(t, row, "DOB");
    if (dob && dob->add_years(10) > r.collection_end && !cell(t, row, "CONVICTED").empty())
      o.flag_cell(t, row, "CONVICTED");
  });
}

// 544 / 547: a conviction, or a health check, comes with the health items completed.
void health_items_completed(const Ssda903Run& r, Out& o, const char* trigger) {
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, trigger) != "1") return;
    for (const char* c : {"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"})
      if (cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}
void convicted_has_health_items(const Ssda903Run& r, Out& o) { health_items_completed(r, o, "CONVICTED"); }
void health_check_has_health_items(const Ssda903Run& r, Out& o) { health_items_completed(r, o, "HEALTH_CHECK"); }

// ---- Care leavers (OC3), continued ----

// 344: a care leaver who died or went home (DIED, RHOM) has activity and accommodation 0.
void died_or_home_no_activity(const Ssda903Run& r, Out& o) {
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, "IN_TOUCH"), {"DIED", "RHOM"})) return;
    for (const char* c : {"ACTIV", "ACCOM"}) {
      const std::string_view v = cell(t, row, c);
      if (!v.empty() && v != "0") o.flag_cell(t, row, c);
    }
  });
}

// 345: a care leaver in touch (YES) has an activity and accommodation, not 0.
void in_touch_has_activity(const Ssda903Run& r, Out& o) {
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "IN_TOUCH") != "YES") return;
    for (const char* c : {"ACTIV", "ACCOM"})
      if (cell(t, row, c) == "0") o.flag_cell(t, row, c);
  });
}

// 391: no care leaver information for a young person under 17 at 31 March.
void care_leaver_at_least_17(const Ssda903Run& r, Out& o) {
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = cell_date(t, row, "DOB");
    if (!dob || dob->add_years(17) <= r.collection_end) return;
    for (const char* c : {"IN_TOUCH", "ACTIV", "ACCOM"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// ---- Adoption (AD1), continued ----

// 151: the adoption items are all given or all blank.
void adoption_all_or_none(const Ssda903Run& r, Out& o) {
  all_or_none(r, o, "AD1", {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"});
}

// 333: a match with adopters follows the decision to place for adoption.
void decision_before_match(const Ssda903Run& r, Out& o) {
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    const OptDate match = cell_date(t, row, "DATE_MATCH");
    if (!match) return;
    const OptDate decision = cell_date(t, row, "DATE_INT");
    if (!decision || *decision > *match) o.flag_cell(t, row, "DATE_INT");
  });
}

// 511: two adopters are not recorded as a single man or woman (M1, F1).
void two_adopters_sex(const Ssda903Run& r, Out& o) {
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "NB_ADOPTR") == "2" && one_of(cell(t, row, "SEX_ADOPTR"), {"M1", "F1"})) {
      o.flag_cell(t, row, "NB_ADOPTR");
      o.flag_cell(t, row, "SEX_ADOPTR");
    }
  });
}

// The adopters' legal status fixes which sexes are possible.
void adopter_status_and_sex(const Ssda903Run& r, Out& o, std::string_view status,
                            std::initializer_list<std::string_view> sexes) {
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "LS_ADOPTR") == status && !one_of(cell(t, row, "SEX_ADOPTR"), sexes)) {
      o.flag_cell(t, row, "LS_ADOPTR");
      o.flag_cell(t, row, "SEX_ADOPTR");
    }
  });
}
// 514: a single adopter (L0) is M1 or F1.
void single_adopter_sex(const Ssda903Run& r, Out& o) { adopter_status_and_sex(r, o, "L0", {"M1", "F1"}); }
// 517: L3 adopters are a man and a woman (MF).
void l3_adopters_sex(const Ssda903Run& r, Out& o) { adopter_status_and_sex(r, o, "L3", {"MF"}); }
// 518: L4 adopters are two men or two women.
void l4_adopters_sex(const Ssda903Run& r, Out& o) { adopter_status_and_sex(r, o, "L4", {"MM", "FF"}); }
// 519: L2 adopters are a couple (MM, FF or MF).
void l2_adopters_sex(const Ssda903Run& r, Out& o) { adopter_status_and_sex(r, o, "L2", {"MM", "FF", "MF"}); }
// 520: L11 adopters are a man and a woman (MF).
void l11_adopters_sex(const Ssda903Run& r, Out& o) { adopter_status_and_sex(r, o, "L11", {"MF"}); }
// 524: L12 adopters are two men or two women.
void l12_adopters_sex(const Ssda903Run& r, Out& o) { adopter_status_and_sex(r, o, "L12", {"MM", "FF"}); }

// ---- Placed for adoption, continued ----

// 522: an adoption placement ceases on or after the decision to place.
void placed_ceased_after_placed(const Ssda903Run& r, Out& o) {
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    const OptDate placed = cell_date(t, row, "DATE_PLACED");
    const OptDate ceased = cell_date(t, row, "DATE_PLACED_CEASED");
    if (placed && ceased && *ceased < *placed) {
      o.flag_cell(t, row, "DATE_PLACED");
      o.flag_cell(t, row, "DATE_PLACED_CEASED");
    }
  });
}

// 563: a ceased adoption placement has the date it was decided.
void ceased_has_placed_date(const Ssda903Run& r, Out& o) {
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    if (!cell(t, row, "REASON_PLACED_CEASED").empty() && !cell(t, row, "DATE_PLACED_CEASED").empty() &&
        cell(t, row, "DATE_PLACED").empty())
      o.flag_cell(t, row, "DATE_PLACED");
  });
}

// ---- Missing ----

// 564: a missing or away episode (M, A) has a start date.
void missing_has_start(const Ssda903Run& r, Out& o) {
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    if (one_of(cell(t, row, "MISSING"), {"M", "A"}) && cell(t, row, "MIS_START").empty())
      o.flag_cell(t, row, "MIS_START");
  });
}

// 565 / 566: a missing start or end date comes with whether missing or away.
void missing_type_given(const Ssda903Run& r, Out& o, const char* column) {
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    if (!cell(t, row, column).empty() && cell(t, row, "MISSING").empty()) {
      o.flag_cell(t, row, "MISSING");
      o.flag_cell(t, row, column);
    }
  });
}
void start_has_missing_type(const Ssda903Run& r, Out& o) { missing_type_given(r, o, "MIS_START"); }
void end_has_missing_type(const Ssda903Run& r, Out& o) { missing_type_given(r, o, "MIS_END"); }

// 567: a missing episode ends on or after it starts.
void missing_end_after_start(const Ssda903Run& r, Out& o) {
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "MIS_START");
    const OptDate e = cell_date(t, row, "MIS_END");
    if (s && e && *e < *s) {
      o.flag_cell(t, row, "MIS_START");
      o.flag_cell(t, row, "MIS_END");
    }
  });
}

// 570: a missing episode starts by the end of the collection year.
void missing_start_by_year_end(const Ssda903Run& r, Out& o) {
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate s = cell_date(t, row, "MIS_START"); s && *s > r.collection_end)
      o.flag_cell(t, row, "MIS_START");
  });
}

// 571: a missing episode's end falls within the collection year.
void missing_end_in_year(const Ssda903Run& r, Out& o) {
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate e = cell_date(t, row, "MIS_END"); e && (*e < r.collection_start || *e > r.collection_end))
      o.flag_cell(t, row, "MIS_END");
  });
}

// ---- A child's episodes in order ----

// Each child's rows of a table, ordered by a date column (then by line);
// rows whose date cannot be read come last.
std::map<std::string, std::vector<const RawRow*>> rows_by_child(const RawTable& t, std::string_view order,
                                                                std::string_view then = {}) {
  std::map<std::string, std::vector<const RawRow*>> out;
  for (const RawRow& row : t.rows) out[std::string(cell(t, row, "CHILD"))].push_back(&row);
  const Date never = Date::from_serial(1 << 30);
  for (auto& [child, rows] : out)
    std::stable_sort(rows.begin(), rows.end(), [&](const RawRow* a, const RawRow* b) {
      const Date da = cell_date(t, *a, order).value_or(never), db = cell_date(t, *b, order).value_or(never);
      if (da != db) return da < db;
      if (!then.empty()) return cell_date(t, *a, then).value_or(never) < cell_date(t, *b, then).value_or(never);
      return false;
    });
  return out;
}

template <typename F>
void each_child_episodes(const Ssda903Run& r, F&& f) {
  const RawTable* t = r.table("Episodes");
  if (!t) return;
  for (const auto& [child, eps] : rows_by_child(*t, "DECOM", "DEC")) f(*t, eps);
}

// 142: every episode but the child's latest has ended (DEC and REC).
void earlier_episodes_ended(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 0; i + 1 < eps.size(); ++i)
      for (const char* c : {"DEC", "REC"})
        if (cell(t, *eps[i], c).empty()) o.flag_cell(t, *eps[i], c);
  });
}

// 426: a child does not have both V3 and V4 short breaks in one year.
void not_both_v3_and_v4(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    bool v3 = false, v4 = false;
    for (const RawRow* e : eps) {
      v3 = v3 || cell(t, *e, "LS") == "V3";
      v4 = v4 || cell(t, *e, "LS") == "V4";
    }
    if (v3 && v4)
      for (const RawRow* e : eps)
        if (one_of(cell(t, *e, "LS"), {"V3", "V4"})) o.flag_cell(t, *e, "LS");
  });
}

// 437: after a child died (E2) or left care at 18 (E15) there is no later episode.
void no_episode_after_death_or_18(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 0; i + 1 < eps.size(); ++i)
      if (one_of(cell(t, *eps[i], "REC"), {"E2", "E15"})) o.flag_cell(t, *eps[i], "REC");
  });
}

// 501: an episode does not start before the previous one ended.
void episodes_do_not_overlap(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 1; i < eps.size(); ++i) {
      const OptDate start = cell_date(t, *eps[i], "DECOM");
      const OptDate prev_end = cell_date(t, *eps[i - 1], "DEC");
      if (start && prev_end && *start < *prev_end) o.flag_cell(t, *eps[i], "DECOM");
    }
  });
}

// 504: an episode continuing the previous one (X1, starting on its DEC) keeps its category of need.
void continuing_episode_keeps_need(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 1; i < eps.size(); ++i) {
      const RawRow& prev = *eps[i - 1];
      const OptDate start = cell_date(t, *eps[i], "DECOM");
      if (cell(t, prev, "REC") == "X1" && start && start == cell_date(t, prev, "DEC") &&
          cell(t, prev, "CIN") != cell(t, *eps[i], "CIN"))
        o.flag_cell(t, *eps[i], "CIN");
    }
  });
}

// 431: a new period of care (RNE S) starts after the previous episode ended.
void new_period_after_last_ended(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 1; i < eps.size(); ++i) {
      const OptDate start = cell_date(t, *eps[i], "DECOM");
      const OptDate prev_end = cell_date(t, *eps[i - 1], "DEC");
      if (cell(t, *eps[i], "RNE") == "S" && start && prev_end && *start <= *prev_end) {
        o.flag_cell(t, *eps[i], "RNE");
        o.flag_cell(t, *eps[i], "DECOM");
      }
    }
  });
}

// 433: a continuation episode (RNE P, L, T, U, B) starts the day the previous one ended.
void continuation_starts_on_last_end(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 1; i < eps.size(); ++i) {
      if (!one_of(cell(t, *eps[i], "RNE"), {"P", "L", "T", "U", "B"})) continue;
      const OptDate start = cell_date(t, *eps[i], "DECOM");
      const OptDate prev_end = cell_date(t, *eps[i - 1], "DEC");
      if (!start || !prev_end || *start != *prev_end) {
        o.flag_cell(t, *eps[i], "RNE");
        o.flag_cell(t, *eps[i], "DECOM");
      }
    }
  });
}

// 377: at most two temporary placements for a foster carer's holiday (T3) in the return.
void at_most_two_holiday_placements(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    const auto n = std::count_if(eps.begin(), eps.end(), [&](const RawRow* e) { return cell(t, *e, "PLACE") == "T3"; });
    if (n > 2)
      for (const RawRow* e : eps)
        if (cell(t, *e, "PLACE") == "T3") o.flag_cell(t, *e, "PLACE");
  });
}

// 375 / 376 / 379: temporary placements last at most six weeks (T1), three weeks (T3), a week (T4).
void temporary_placement_length(const Ssda903Run& r, Out& o, std::string_view place, int days) {
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DECOM");
    const OptDate e = cell_date(t, row, "DEC");
    if (cell(t, row, "PLACE") == place && s && e && *e > s->add_days(days)) {
      o.flag_cell(t, row, "PLACE");
      o.flag_cell(t, row, "DECOM");
    }
  });
}
void t1_at_most_42_days(const Ssda903Run& r, Out& o) { temporary_placement_length(r, o, "T1", 42); }
void t3_at_most_21_days(const Ssda903Run& r, Out& o) { temporary_placement_length(r, o, "T3", 21); }
void t4_at_most_7_days(const Ssda903Run& r, Out& o) { temporary_placement_length(r, o, "T4", 7); }

// 367: a child's short-term breaks (V3) within the year total at most 75 days
// (days between DECOM and DEC, each cut to the year; open breaks to 31 March).
void respite_at_most_75_days(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    int total = 0;
    for (const RawRow* e : eps) {
      const OptDate s = cell_date(t, *e, "DECOM");
      if (cell(t, *e, "LS") != "V3" || !s) continue;
      const Date from = std::max(*s, r.collection_start);
      const Date to = std::min(cell_date(t, *e, "DEC").value_or(r.collection_end), r.collection_end);
      if (to > from) total += from.days_until(to);
    }
    if (total > 75)
      for (const RawRow* e : eps)
        if (cell(t, *e, "LS") == "V3") o.flag_cell(t, *e, "LS");
  });
}

// 1009: the reason for a placement change is a valid code.
void change_reason_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "Episodes", "REASON_PLACE_CHANGE",
                  {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE",
                   "CUSTOD", "OTHER"});
}

// ---- Header with Episodes ----

std::map<std::string, const RawRow*> header_by_child(const Ssda903Run& r) {
  std::map<std::string, const RawRow*> out;
  if (const RawTable* h = r.table("Header"))
    for (const RawRow& row : h->rows) out.emplace(std::string(cell(*h, row, "CHILD")), &row);
  return out;
}

// The child's date of birth from the Header, when both are there and readable.
OptDate header_dob(const Ssda903Run& r, const std::map<std::string, const RawRow*>& headers, std::string_view child) {
  const RawTable* h = r.table("Header");
  auto it = headers.find(std::string(child));
  if (!h || it == headers.end()) return std::nullopt;
  return cell_date(*h, *it->second, "DOB");
}

// Flags `columns` of each episode for which `fails(dob, row)` holds.
template <typename F>
void episodes_with_dob(const Ssda903Run& r, Out& o, std::initializer_list<std::string_view> columns, F&& fails) {
  const auto headers = header_by_child(r);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = header_dob(r, headers, cell(t, row, "CHILD"));
    if (dob && fails(*dob, t, row))
      for (auto c : columns) o.flag_cell(t, row, c);
  });
}

// 302: the child's first episode does not start before their birth.
void first_episode_after_birth(const Ssda903Run& r, Out& o) {
  const auto headers = header_by_child(r);
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    const OptDate dob = header_dob(r, headers, cell(t, *eps.front(), "CHILD"));
    const OptDate start = cell_date(t, *eps.front(), "DECOM");
    if (dob && start && *start < *dob) o.flag_cell(t, *eps.front(), "DECOM");
  });
}

// 352: a child does not start to be looked after (RNE S) at 18 or over.
void not_starting_care_at_18(const Ssda903Run& r, Out& o) {
  episodes_with_dob(r, o, {"DECOM", "RNE"}, [](Date dob, const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    return cell(t, row, "RNE") == "S" && d && dob.add_years(18) <= *d;
  });
}

// 358: a youth-justice legal status (J1-J3) is for a child aged 10 or over.
void youth_justice_from_10(const Ssda903Run& r, Out& o) {
  episodes_with_dob(r, o, {"LS", "DECOM"}, [](Date dob, const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    return one_of(cell(t, row, "LS"), {"J1", "J2", "J3"}) && d && dob.add_years(10) >= *d;
  });
}

// A placement type needs a minimum age when it starts.
void placement_minimum_age(const Ssda903Run& r, Out& o, std::string_view place, int years) {
  episodes_with_dob(r, o, {"PLACE", "DECOM"}, [&](Date dob, const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    return cell(t, row, "PLACE") == place && d && *d < dob.add_years(years);
  });
}
// 370: independent living (P2) from 15 (2022-23) or 16 (2023-24).
void p2_minimum_age(const Ssda903Run& r, Out& o) { placement_minimum_age(r, o, "P2", r.year <= 2022 ? 15 : 16); }
// 371: H5 from 14 (2022-23) or 16 (2023-24); supported accommodation (K3) from 16 (from 2024-25).
void supported_accommodation_minimum_age(const Ssda903Run& r, Out& o) {
  if (r.year <= 2023) placement_minimum_age(r, o, "H5", r.year == 2022 ? 14 : 16);
  else placement_minimum_age(r, o, "K3", 16);
}
// 372: R5 from 10.
void r5_minimum_age(const Ssda903Run& r, Out& o) { placement_minimum_age(r, o, "R5", 10); }
// 373: a residential school (S1) from 4.
void s1_minimum_age(const Ssda903Run& r, Out& o) { placement_minimum_age(r, o, "S1", 4); }
// 374: residential employment (P3) from 14.
void p3_minimum_age(const Ssda903Run& r, Out& o) { placement_minimum_age(r, o, "P3", 14); }

// The age a reason for ceasing care implies on the day care ended.
void ceased_at_age(const Ssda903Run& r, Out& o, std::initializer_list<std::string_view> recs,
                   bool (*fails)(Date dob, Date dec)) {
  episodes_with_dob(r, o, {"REC", "DEC"}, [&](Date dob, const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DEC");
    return one_of(cell(t, row, "REC"), recs) && d && fails(dob, *d);
  });
}
// 386: a child is adopted (E11, E12) before 18.
void adopted_before_18(const Ssda903Run& r, Out& o) {
  ceased_at_age(r, o, {"E11", "E12"}, [](Date dob, Date dec) { return dob.add_years(18) <= dec; });
}
// 387: moving to independent living (E5, E6) is from 14.
void independent_living_from_14(const Ssda903Run& r, Out& o) {
  ceased_at_age(r, o, {"E5", "E6"}, [](Date dob, Date dec) { return dec < dob.add_years(14); });
}
// 389: transfer to adult residential care (E7) is from 16.
void adult_care_from_16(const Ssda903Run& r, Out& o) {
  ceased_at_age(r, o, {"E7"}, [](Date dob, Date dec) { return dob.add_years(16) > dec; });
}
// 407: a special guardianship order (E45-E48) ends care by the 18th birthday.
void sgo_before_18(const Ssda903Run& r, Out& o) {
  ceased_at_age(r, o, {"E45", "E46", "E47", "E48"}, [](Date dob, Date dec) { return dec > dob.add_years(18); });
}
// 460: staying put with carers at 18 (E17) is from the 18th birthday.
void staying_put_from_18(const Ssda903Run& r, Out& o) {
  ceased_at_age(r, o, {"E17"}, [](Date dob, Date dec) { return dob.add_years(18) > dec; });
}

// 442: a child looked after other than on short breaks has a UPN.
void looked_after_child_has_upn(const Ssda903Run& r, Out& o) {
  std::set<std::string_view> in_care;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, "LS"), {"V3", "V4"})) in_care.insert(cell(t, row, "CHILD"));
  });
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (in_care.count(cell(t, row, "CHILD")) && cell(t, row, "UPN").empty()) o.flag_cell(t, row, "UPN");
  });
}

// 210: a child whose UPN was not obtained in time (UN4) did not start care in the last week of the year.
void un4_not_late_entrant(const Ssda903Run& r, Out& o) {
  const Date cut = *Date::from_ymd(r.year + 1, 3, 24);
  std::set<std::string_view> late;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "DECOM"); d && *d >= cut) late.insert(cell(t, row, "CHILD"));
  });
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "UPN") == "UN4" && late.count(cell(t, row, "CHILD"))) o.flag_cell(t, row, "UPN");
  });
}

bool female(const Ssda903Run& r, std::string_view sex) { return sex == (r.year <= 2023 ? "2" : "F"); }

// 393: a girl looked after other than on short breaks says whether she is a mother.
void girl_mother_recorded(const Ssda903Run& r, Out& o) {
  std::set<std::string_view> in_care;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, "LS"), {"V3", "V4"})) in_care.insert(cell(t, row, "CHILD"));
  });
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (female(r, cell(t, row, "SEX")) && in_care.count(cell(t, row, "CHILD")) && cell(t, row, "MOTHER").empty())
      o.flag_cell(t, row, "MOTHER");
  });
}

// ---- Header: mothers ----

// 611: a mother has her child's date of birth.
void mother_has_child_dob(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "MOTHER") == "1" && cell(t, row, "MC_DOB").empty()) o.flag_cell(t, row, "MC_DOB");
  });
}

// 612: a girl not recorded as a mother has no child's date of birth.
void not_mother_no_child_dob(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const std::string_view m = cell(t, row, "MOTHER");
    if (female(r, cell(t, row, "SEX")) && (m.empty() || m == "0") && !cell(t, row, "MC_DOB").empty()) {
      o.flag_cell(t, row, "MOTHER");
      o.flag_cell(t, row, "MC_DOB");
    }
  });
}

// 620: a mother is at least 11 at the start of the collection year.
void mother_at_least_11(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = cell_date(t, row, "DOB");
    if (cell(t, row, "MOTHER") == "1" && dob && dob->add_years(11) > r.collection_start) {
      o.flag_cell(t, row, "DOB");
      o.flag_cell(t, row, "MOTHER");
    }
  });
}

// 621: the mother's child is born after the mother.
void child_born_after_mother(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = cell_date(t, row, "DOB");
    const OptDate mc = cell_date(t, row, "MC_DOB");
    if (dob && mc && *mc <= *dob) {
      o.flag_cell(t, row, "DOB");
      o.flag_cell(t, row, "MC_DOB");
    }
  });
}

// ---- Missing, continued ----

// 1004: a missing episode has a real start date.
void missing_start_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    if (!valid_903_date(cell(t, row, "MIS_START"))) o.flag_cell(t, row, "MIS_START");
  });
}
// 1005: a missing episode's end, when given, is a real date.
void missing_end_valid(const Ssda903Run& r, Out& o) { date_if_present(r, o, "Missing", "MIS_END"); }
// 1006: missing (M) or away without authorisation (A).
void missing_type_valid(const Ssda903Run& r, Out& o) { code_if_present(r, o, "Missing", "MISSING", {"M", "A"}); }

// 586: a child goes missing after they are born.
void missing_after_birth(const Ssda903Run& r, Out& o) {
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "MIS_START");
    const OptDate dob = cell_date(t, row, "DOB");
    if (s && dob && *s <= *dob) o.flag_cell(t, row, "MIS_START");
  });
}

// 574: a child's missing episodes do not overlap.
void missing_do_not_overlap(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("Missing");
  if (!t) return;
  std::map<std::string, std::vector<const RawRow*>> by_child;
  for (const RawRow& row : t->rows) by_child[std::string(cell(*t, row, "CHILD"))].push_back(&row);
  const Date never = Date::from_serial(1 << 30);
  for (auto& [child, rows] : by_child) {
    auto key = [&](const RawRow* row) {
      const Date s = cell_date(*t, *row, "MIS_START").value_or(never);
      return std::make_pair(cell_date(*t, *row, "MIS_END").value_or(s), s);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const RawRow* a, const RawRow* b) { return key(a) < key(b); });
    for (size_t i = 1; i < rows.size(); ++i) {
      const OptDate prev_end = cell_date(*t, *rows[i - 1], "MIS_END");
      const OptDate start = cell_date(*t, *rows[i], "MIS_START");
      if (!prev_end || (start && *start < *prev_end)) o.flag_cell(*t, *rows[i], "MIS_START");
    }
  }
}

// ---- Placed for adoption, continued ----

// 579: a child's decisions to place for adoption do not overlap.
void adoption_decisions_do_not_overlap(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("PlacedAdoption");
  if (!t) return;
  for (const auto& [child, rows] : rows_by_child(*t, "DATE_PLACED"))
    for (size_t i = 1; i < rows.size(); ++i) {
      const OptDate prev_ceased = cell_date(*t, *rows[i - 1], "DATE_PLACED_CEASED");
      const OptDate placed = cell_date(*t, *rows[i], "DATE_PLACED");
      if (!prev_ceased || (placed && *placed < *prev_ceased)) o.flag_cell(*t, *rows[i], "DATE_PLACED");
    }
}

// 583: all but a child's latest decision to place for adoption have ceased.
void earlier_adoption_decisions_ceased(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("PlacedAdoption");
  if (!t) return;
  for (const auto& [child, rows] : rows_by_child(*t, "DATE_PLACED")) {
    std::vector<const RawRow*> placed;
    for (const RawRow* row : rows)
      if (!cell(*t, *row, "DATE_PLACED").empty()) placed.push_back(row);
    for (size_t i = 0; i + 1 < placed.size(); ++i)
      if (cell(*t, *placed[i], "DATE_PLACED_CEASED").empty()) o.flag_cell(*t, *placed[i], "DATE_PLACED_CEASED");
  }
}

// 184: a decision to place for adoption comes after the child's birth.
void adoption_decision_after_birth(const Ssda903Run& r, Out& o) {
  const auto headers = header_by_child(r);
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = header_dob(r, headers, cell(t, row, "CHILD"));
    const OptDate placed = cell_date(t, row, "DATE_PLACED");
    if (dob && placed && *placed < *dob) o.flag_cell(t, row, "DATE_PLACED");
  });
}

// ---- Previous permanence ----

// 631: the previous permanence option is P1-P4 or Z1.
void prev_perm_valid(const Ssda903Run& r, Out& o) {
  code_if_present(r, o, "PrevPerm", "PREV_PERM", {"P1", "P2", "P3", "P4", "Z1"});
}

// 635: the authority or date of a previous permanence order comes with the order.
void prev_perm_given(const Ssda903Run& r, Out& o) {
  each_row(r, "PrevPerm", [&](const RawTable& t, const RawRow& row) {
    if ((!cell(t, row, "LA_PERM").empty() || !cell(t, row, "DATE_PERM").empty()) && cell(t, row, "PREV_PERM").empty())
      o.flag_cell(t, row, "PREV_PERM");
  });
}

// ---- Compared with last year's return ----

const RawTable* last_year(const Ssda903Run& r, std::string_view name) {
  if (!r.previous) return nullptr;
  auto it = r.previous->find(std::string(name));
  return it == r.previous->end() ? nullptr : &it->second;
}

// A Header item that does not change between years (202 SEX, 203 DOB, 204 ETHNIC, 624 MC_DOB).
void header_item_unchanged(const Ssda903Run& r, Out& o, std::string_view column, bool ignore_case,
                           bool only_when_recorded) {
  const RawTable* last = last_year(r, "Header");
  if (!last) return;
  std::map<std::string, std::string> before;
  for (const RawRow& row : last->rows) before.emplace(std::string(cell(*last, row, "CHILD")), std::string(cell(*last, row, column)));
  auto norm = [&](std::string_view v) { return ignore_case ? postcode_key(v) : std::string(v); };
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    auto it = before.find(std::string(cell(t, row, "CHILD")));
    if (it == before.end() || (only_when_recorded && it->second.empty())) return;
    if (norm(cell(t, row, column)) != norm(it->second)) o.flag_cell(t, row, column);
  });
}
// 202: a child's sex is as last year.
void sex_as_last_year(const Ssda903Run& r, Out& o) { header_item_unchanged(r, o, "SEX", false, false); }
// 203: a child's date of birth is as last year.
void dob_as_last_year(const Ssda903Run& r, Out& o) { header_item_unchanged(r, o, "DOB", false, false); }
// 204: a child's ethnicity is as last year (any case).
void ethnicity_as_last_year(const Ssda903Run& r, Out& o) { header_item_unchanged(r, o, "ETHNIC", true, false); }
// 624: the mother's child's date of birth recorded last year is unchanged.
void mc_dob_as_last_year(const Ssda903Run& r, Out& o) { header_item_unchanged(r, o, "MC_DOB", false, true); }

// 348: a care leaver recorded as died last year is recorded as died this year.
void died_stays_died(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "OC3");
  if (!last) return;
  std::set<std::string> died;
  for (const RawRow& row : last->rows)
    if (cell(*last, row, "IN_TOUCH") == "DIED") died.insert(std::string(cell(*last, row, "CHILD")));
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    if (died.count(std::string(cell(t, row, "CHILD"))) && cell(t, row, "IN_TOUCH") != "DIED")
      o.flag_cell(t, row, "IN_TOUCH");
  });
}

// Each child's episode still open at the end of last year's return (its latest, with no DEC).
std::map<std::string, const RawRow*> open_last_year(const RawTable& last) {
  std::map<std::string, const RawRow*> out;
  for (const auto& [child, eps] : rows_by_child(last, "DECOM", "DEC"))
    if (cell(last, *eps.back(), "DEC").empty()) out[child] = eps.back();
  return out;
}

// 502, 503A-C, 503E, 503F: the first episode this year continues the episode
// open at the end of last year: same DECOM, RNE, LS, CIN, provider, URN.
void continues_last_years_episode(const Ssda903Run& r, Out& o, std::string_view column) {
  const RawTable* last = last_year(r, "Episodes");
  if (!last) return;
  const auto open = open_last_year(*last);
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    auto it = open.find(std::string(cell(t, *eps.front(), "CHILD")));
    if (it == open.end()) return;
    const std::string_view now = cell(t, *eps.front(), column), then = cell(*last, *it->second, column);
    const bool same = column == "DECOM" ? cell_date(t, *eps.front(), column) == cell_date(*last, *it->second, column) &&
                                              !now.empty()
                                        : now == then;
    if (!same) o.flag_cell(t, *eps.front(), column);
  });
}
void decom_continues_last_year(const Ssda903Run& r, Out& o) { continues_last_years_episode(r, o, "DECOM"); }
void rne_continues_last_year(const Ssda903Run& r, Out& o) { continues_last_years_episode(r, o, "RNE"); }
void ls_continues_last_year(const Ssda903Run& r, Out& o) { continues_last_years_episode(r, o, "LS"); }
void cin_continues_last_year(const Ssda903Run& r, Out& o) { continues_last_years_episode(r, o, "CIN"); }
void provider_continues_last_year(const Ssda903Run& r, Out& o) { continues_last_years_episode(r, o, "PLACE_PROVIDER"); }
void urn_continues_last_year(const Ssda903Run& r, Out& o) { continues_last_years_episode(r, o, "URN"); }

// 562: an episode this year that started before 1 April was last year's latest episode.
void earlier_start_was_in_last_return(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "Episodes");
  if (!last) return;
  std::map<std::string, OptDate> latest;
  for (const auto& [child, eps] : rows_by_child(*last, "DECOM", "DEC")) latest[child] = cell_date(*last, *eps.back(), "DECOM");
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    const OptDate first = cell_date(t, *eps.front(), "DECOM");
    if (!first || *first >= r.collection_start) return;
    auto it = latest.find(std::string(cell(t, *eps.front(), "CHILD")));
    if (it == latest.end() || it->second != first) o.flag_cell(t, *eps.front(), "DECOM");
  });
}

// ---- Across this year's tables ----

std::set<std::string> children_in(const Ssda903Run& r, std::string_view table) {
  std::set<std::string> out;
  each_row(r, table, [&](const RawTable& t, const RawRow& row) { out.insert(std::string(cell(t, row, "CHILD"))); });
  return out;
}

constexpr std::string_view kAd1Items[] = {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"};

// 523: the decision to place for adoption has the same date in PlacedAdoption and AD1.
void placed_date_matches_ad1(const Ssda903Run& r, Out& o) {
  std::map<std::string, std::string> decided;
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    if (!cell(t, row, "DATE_INT").empty()) decided[std::string(cell(t, row, "CHILD"))] = std::string(cell(t, row, "DATE_INT"));
  });
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    auto it = decided.find(std::string(cell(t, row, "CHILD")));
    const std::string_view placed = cell(t, row, "DATE_PLACED");
    if (it != decided.end() && !placed.empty() && parse_date(placed) != parse_date(it->second))
      o.flag_cell(t, row, "DATE_PLACED");
  });
}

// 525: a child whose adoption placement ceased has no adoption (AD1) items.
void ceased_placement_no_adoption(const Ssda903Run& r, Out& o) {
  std::set<std::string> ceased;
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    if (!cell(t, row, "DATE_PLACED_CEASED").empty()) ceased.insert(std::string(cell(t, row, "CHILD")));
  });
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    if (!ceased.count(std::string(cell(t, row, "CHILD")))) return;
    for (auto c : kAd1Items)
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 551: a child placed for adoption (A3-A6) has a decision to place in PlacedAdoption.
void adoption_placement_has_decision(const Ssda903Run& r, Out& o) {
  std::set<std::string> decided;
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    if (!cell(t, row, "DATE_PLACED").empty()) decided.insert(std::string(cell(t, row, "CHILD")));
  });
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (one_of(cell(t, row, "PLACE"), {"A3", "A4", "A5", "A6"}) && !decided.count(std::string(cell(t, row, "CHILD"))))
      o.flag_cell(t, row, "PLACE");
  });
}

// 582: a child is not adopted (E11, E12) on the day they were matched with adopters.
void adoption_not_on_match_day(const Ssda903Run& r, Out& o) {
  std::map<std::string, OptDate> matched;
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    matched[std::string(cell(t, row, "CHILD"))] = cell_date(t, row, "DATE_MATCH");
  });
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, "REC"), {"E11", "E12"})) return;
    auto it = matched.find(std::string(cell(t, row, "CHILD")));
    const OptDate dec = cell_date(t, row, "DEC");
    if (it != matched.end() && dec && it->second == dec) o.flag_cell(t, row, "DEC");
  });
}

std::set<std::string> adopted_in_year(const Ssda903Run& r) {
  std::set<std::string> out;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate dec = cell_date(t, row, "DEC");
    if (one_of(cell(t, row, "REC"), {"E11", "E12"}) && dec && *dec >= r.collection_start && *dec <= r.collection_end)
      out.insert(std::string(cell(t, row, "CHILD")));
  });
  return out;
}

// 601: a child adopted in the year with an AD1 row has every adoption item.
void adopted_child_has_adoption_items(const Ssda903Run& r, Out& o) {
  const auto adopted = adopted_in_year(r);
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    if (!adopted.count(std::string(cell(t, row, "CHILD")))) return;
    for (auto c : kAd1Items)
      if (cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 602: adoption items only for a child adopted in the year.
void adoption_items_only_when_adopted(const Ssda903Run& r, Out& o) {
  const auto adopted = adopted_in_year(r);
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    bool any = false;
    for (auto c : kAd1Items) any = any || !cell(t, row, c).empty();
    if (any && !adopted.count(std::string(cell(t, row, "CHILD")))) o.flag_cell(t, row, "CHILD");
  });
}

// 1003: a decision to place for adoption is not before the child's first episode starting care (RNE S).
void adoption_decision_after_care_began(const Ssda903Run& r, Out& o) {
  std::map<std::string, Date> first_start;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (cell(t, row, "RNE") != "S" || !d) return;
    auto [it, fresh] = first_start.emplace(std::string(cell(t, row, "CHILD")), *d);
    if (!fresh && *d < it->second) it->second = *d;
  });
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    auto it = first_start.find(std::string(cell(t, row, "CHILD")));
    const OptDate placed = cell_date(t, row, "DATE_PLACED");
    if (it != first_start.end() && placed && *placed < it->second) o.flag_cell(t, row, "DATE_PLACED");
  });
}

std::set<std::string> care_leavers_reported(const Ssda903Run& r) {
  std::set<std::string> out;
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    if (!cell(t, row, "IN_TOUCH").empty() || !cell(t, row, "ACTIV").empty() || !cell(t, row, "ACCOM").empty())
      out.insert(std::string(cell(t, row, "CHILD")));
  });
  return out;
}

// 215: a care leaver reported in OC3 has no OC2 health and offending items.
void care_leaver_no_oc2(const Ssda903Run& r, Out& o) {
  const auto leavers = care_leavers_reported(r);
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    if (!leavers.count(std::string(cell(t, row, "CHILD")))) return;
    for (auto c : kOc2Flags)
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 134: a care leaver reported in OC3 has no adoption (AD1) items.
void care_leaver_no_adoption(const Ssda903Run& r, Out& o) {
  const auto leavers = care_leavers_reported(r);
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    if (!leavers.count(std::string(cell(t, row, "CHILD")))) return;
    for (auto c : kAd1Items)
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 1011: no care leaver information for a child whose care moved to another authority (final REC E3).
void transferred_child_no_care_leaver_data(const Ssda903Run& r, Out& o) {
  std::set<std::string> transferred;
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    if (cell(t, *eps.back(), "REC") == "E3") transferred.insert(std::string(cell(t, *eps.back(), "CHILD")));
  });
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    if (!transferred.count(std::string(cell(t, row, "CHILD")))) return;
    for (const char* c : {"IN_TOUCH", "ACTIV", "ACCOM"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 1012: a child with no episode this year has no PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 rows.
void no_episode_no_care_tables(const Ssda903Run& r, Out& o) {
  const auto in_care = children_in(r, "Episodes");
  for (const char* table : {"PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2"})
    each_row(r, table, [&](const RawTable& t, const RawRow& row) {
      if (!in_care.count(std::string(cell(t, row, "CHILD")))) o.flag_cell(t, row, "CHILD");
    });
}

// EPI: a child in the Header has episodes or care leaver information.
void header_child_has_episodes(const Ssda903Run& r, Out& o) {
  const auto in_care = children_in(r, "Episodes");
  const auto leavers = children_in(r, "OC3");
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    if (!in_care.count(child) && !leavers.count(child)) o.flag_cell(t, row, "CHILD");
  });
}

// 575 / 581: a missing episode starts within one of the child's episodes, and
// one that started in an episode now ended has an end date.
void missing_within_episodes(const Ssda903Run& r, Out& o, bool needs_end) {
  std::map<std::string, std::vector<std::pair<OptDate, OptDate>>> spans;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    spans[std::string(cell(t, row, "CHILD"))].push_back({cell_date(t, row, "DECOM"), cell_date(t, row, "DEC")});
  });
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    const OptDate start = cell_date(t, row, "MIS_START");
    if (!start) return;
    bool within = false, within_ended = false;
    for (const auto& [from, to] : spans[std::string(cell(t, row, "CHILD"))]) {
      if (!from || *start < *from) continue;
      if (!to) within = true;
      else if (*start <= *to) within = within_ended = true;
    }
    if (needs_end) {
      if (within_ended && cell(t, row, "MIS_END").empty()) o.flag_cell(t, row, "MIS_END");
    } else if (!within) {
      o.flag_cell(t, row, "MIS_START");
    }
  });
}
void missing_in_ended_episode_has_end(const Ssda903Run& r, Out& o) { missing_within_episodes(r, o, true); }
void missing_starts_in_care(const Ssda903Run& r, Out& o) { missing_within_episodes(r, o, false); }

// ---- The OC2 cohort: looked after continuously for 12 months at 31 March ----

// The open validator's reading of the DfE definition (../shared/returns/README.md):
// an episode during the year and none of: a new period of care (RNE S) starting
// after 1 April; an episode ending in the year (on or after 1 April, before 31
// March) other than X1; a short break (V3, V4) during the year.
std::set<std::string> looked_after_12_months(const Ssda903Run& r) {
  std::map<std::string, bool> cohort;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DECOM");
    const OptDate e = cell_date(t, row, "DEC");
    if (!s || *s > r.collection_end || (e && *e < r.collection_start)) return;
    const std::string child(cell(t, row, "CHILD"));
    bool ok = !(cell(t, row, "RNE") == "S" && *s > r.collection_start);
    if (e && *e >= r.collection_start && *e < r.collection_end && cell(t, row, "REC") != "X1") ok = false;
    if (one_of(cell(t, row, "LS"), {"V3", "V4"})) ok = false;
    auto [it, fresh] = cohort.emplace(child, ok);
    if (!fresh) it->second = it->second && ok;
  });
  std::set<std::string> out;
  for (const auto& [child, ok] : cohort)
    if (ok) out.insert(child);
  return out;
}

template <typename F>
void each_oc2_row(const Ssda903Run& r, F&& f) {
  const auto cohort = looked_after_12_months(r);
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    f(t, row, cohort.count(std::string(cell(t, row, "CHILD"))) > 0, cell_date(t, row, "DOB"));
  });
}

// 157: a child of SDQ age (4 to 16) in the cohort with no score is not given reason SDQ1.
void sdq1_not_for_sdq_age(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate dob) {
    if (cohort && dob && dob->add_years(4) <= r.collection_start && dob->add_years(16) >= r.collection_end &&
        cell(t, row, "SDQ_SCORE").empty() && cell(t, row, "SDQ_REASON") == "SDQ1")
      o.flag_cell(t, row, "SDQ_REASON");
  });
}
// 185: an SDQ score only for a child in the cohort.
void sdq_score_only_in_cohort(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate) {
    if (!cohort && !cell(t, row, "SDQ_SCORE").empty()) o.flag_cell(t, row, "SDQ_SCORE");
  });
}
// 198: a reason for no SDQ only for a child in the cohort.
void sdq_reason_only_in_cohort(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate) {
    if (!cohort && !cell(t, row, "SDQ_REASON").empty()) o.flag_cell(t, row, "SDQ_REASON");
  });
}
// 186: a child of SDQ age in the cohort has a score or a reason for none.
void sdq_given_for_sdq_age(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate dob) {
    if (cohort && dob && dob->add_years(4) <= r.collection_start && dob->add_years(17) > r.collection_end &&
        cell(t, row, "SDQ_SCORE").empty() && cell(t, row, "SDQ_REASON").empty())
      o.flag_cell(t, row, "SDQ_SCORE");
  });
}
// 197B: a child turning 4 or 17 in the year, in the cohort, has a score or a reason for none.
void sdq_given_at_4_or_17(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate dob) {
    if (!cohort || !dob) return;
    const bool birthday = in_span(dob->add_years(4), r.collection_start, r.collection_end) ||
                          in_span(dob->add_years(17), r.collection_start, r.collection_end);
    if (birthday && cell(t, row, "SDQ_SCORE").empty() && cell(t, row, "SDQ_REASON").empty())
      o.flag_cell(t, row, "SDQ_REASON");
  });
}
// 190: no OC2 health and offending items for a child outside the cohort.
void oc2_items_only_in_cohort(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate) {
    if (cohort) return;
    for (auto c : kOc2Flags)
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}
// 191: a child in the cohort has an OC2 row with immunisations, teeth, health assessment and substance misuse.
void cohort_has_health_items(const Ssda903Run& r, Out& o) {
  const auto cohort = looked_after_12_months(r);
  std::set<std::string> with_oc2;
  each_row(r, "OC2", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    with_oc2.insert(child);
    if (!cohort.count(child)) return;
    for (const char* c : {"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"})
      if (cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    const std::string child(cell(t, *eps.front(), "CHILD"));
    if (cohort.count(child) && !with_oc2.count(child)) o.flag_cell(t, *eps.front(), "CHILD");
  });
}
// 187: no care leaver (OC3) or adoption (AD1) items for a child in the cohort.
void cohort_no_oc3_or_adoption(const Ssda903Run& r, Out& o) {
  const auto cohort = looked_after_12_months(r);
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    if (!cohort.count(std::string(cell(t, row, "CHILD")))) return;
    for (const char* c : {"IN_TOUCH", "ACTIV", "ACCOM"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
  each_row(r, "AD1", [&](const RawTable& t, const RawRow& row) {
    if (!cohort.count(std::string(cell(t, row, "CHILD")))) return;
    for (auto c : kAd1Items)
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}
// 543: a child in the cohort aged 10 or over at 31 March says whether convicted.
void cohort_conviction_recorded(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate dob) {
    if (cohort && dob && dob->add_years(10) <= r.collection_end && cell(t, row, "CONVICTED").empty())
      o.flag_cell(t, row, "CONVICTED");
  });
}
// 545: a child in the cohort under 5 at 31 March says whether health checks are up to date.
void cohort_under_5_health_check(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate dob) {
    if (cohort && dob && dob->add_years(5) > r.collection_end && cell(t, row, "HEALTH_CHECK").empty())
      o.flag_cell(t, row, "HEALTH_CHECK");
  });
}
// 546: no development (health) check recorded for a child in the cohort aged 5 or over.
void cohort_over_5_no_health_check(const Ssda903Run& r, Out& o) {
  each_oc2_row(r, [&](const RawTable& t, const RawRow& row, bool cohort, OptDate dob) {
    if (cohort && dob && dob->add_years(5) <= r.collection_end && !cell(t, row, "HEALTH_CHECK").empty())
      o.flag_cell(t, row, "HEALTH_CHECK");
  });
}

// ---- Placement changes between a child's episodes ----

// 225: a placement change (X1 then P, B, T or U, neither temporary) gives its reason.
void placement_change_has_reason(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 0; i + 1 < eps.size(); ++i) {
      const RawRow& e = *eps[i];
      const RawRow& next = *eps[i + 1];
      if (cell(t, e, "REC") == "X1" && !temporary(cell(t, e, "PLACE")) &&
          one_of(cell(t, next, "RNE"), {"P", "B", "T", "U"}) && !temporary(cell(t, next, "PLACE")) &&
          cell(t, e, "REASON_PLACE_CHANGE").empty())
        o.flag_cell(t, e, "REASON_PLACE_CHANGE");
    }
  });
}

// 226: no reason for placement change on a temporary placement or on the episode before it.
void temporary_placement_no_change_reason(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    std::set<const RawRow*> flagged;
    for (size_t i = 0; i < eps.size(); ++i) {
      if (!temporary(cell(t, *eps[i], "PLACE"))) continue;
      for (const RawRow* e : {eps[i], i > 0 ? eps[i - 1] : nullptr})
        if (e && !cell(t, *e, "REASON_PLACE_CHANGE").empty() && flagged.insert(e).second)
          o.flag_cell(t, *e, "REASON_PLACE_CHANGE");
    }
  });
}

// 234: a child under 10 is not moved into custody (CUSTOD on the previous episode).
void no_custody_under_10(const Ssda903Run& r, Out& o) {
  const auto headers = header_by_child(r);
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    const OptDate dob = header_dob(r, headers, cell(t, *eps.front(), "CHILD"));
    if (!dob) return;
    for (size_t i = 1; i < eps.size(); ++i) {
      const OptDate start = cell_date(t, *eps[i], "DECOM");
      if (start && *start < dob->add_years(10) && cell(t, *eps[i - 1], "REASON_PLACE_CHANGE") == "CUSTOD")
        o.flag_cell(t, *eps[i - 1], "REASON_PLACE_CHANGE");
    }
  });
}

// 336: a placement for adoption with current foster carers (A3, A5) follows a
// foster or adoption placement (A3-A6, U1-U6).
void adoption_by_carers_follows_foster_care(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 1; i < eps.size(); ++i)
      if (one_of(cell(t, *eps[i], "PLACE"), {"A3", "A5"}) &&
          !one_of(cell(t, *eps[i - 1], "PLACE"), {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"}))
        o.flag_cell(t, *eps[i], "PLACE");
  });
}

// 383: after a temporary placement the child returns (RNE P) to the placement
// before it (and, from 2025-26, the same postcode).
void return_after_temporary_placement(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 1; i < eps.size(); ++i) {
      if (!temporary(cell(t, *eps[i - 1], "PLACE"))) continue;
      const RawRow& e = *eps[i];
      if (cell(t, e, "RNE") != "P") o.flag_cell(t, e, "RNE");
      if (i < 2) continue;
      const RawRow& before = *eps[i - 2];
      if (cell(t, e, "PLACE") != cell(t, before, "PLACE")) o.flag_cell(t, e, "PLACE");
      if (r.year >= 2025 && postcode_key(cell(t, e, "PL_POST")) != postcode_key(cell(t, before, "PL_POST")))
        o.flag_cell(t, e, "PL_POST");
    }
  });
}

// 388: X1 (the period of care continues) is used exactly when the next episode starts on this one's DEC.
void x1_when_care_continues(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 0; i < eps.size(); ++i) {
      const RawRow& e = *eps[i];
      const bool x1 = cell(t, e, "REC") == "X1";
      const OptDate dec = cell_date(t, e, "DEC");
      if (i + 1 == eps.size()) {
        if (x1 && dec) o.flag_cell(t, e, "REC");
        continue;
      }
      const bool continues = dec && cell_date(t, *eps[i + 1], "DECOM") == dec;
      if (x1 != continues) o.flag_cell(t, e, "REC");
    }
  });
}

constexpr std::string_view kPlacementItems[] = {"PLACE", "PL_POST", "URN", "PLACE_PROVIDER"};

// 434 / 435 / 436: what changed between episodes matches the reason for the new episode.
void change_matches_reason(const Ssda903Run& r, Out& o, std::initializer_list<std::string_view> reasons,
                           bool legal_status_changes, bool placement_changes) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 1; i < eps.size(); ++i) {
      const RawRow& e = *eps[i];
      const RawRow& prev = *eps[i - 1];
      if (!one_of(cell(t, e, "RNE"), reasons)) continue;
      const bool ls_changed = cell(t, e, "LS") != cell(t, prev, "LS");
      bool moved = false;
      for (auto c : kPlacementItems) moved = moved || cell(t, e, c) != cell(t, prev, c);
      if (ls_changed != legal_status_changes) o.flag_cell(t, e, "LS");
      if (moved != placement_changes) {
        if (placement_changes) o.flag_cell(t, e, "PLACE");
        else
          for (auto c : kPlacementItems)
            if (cell(t, e, c) != cell(t, prev, c)) o.flag_cell(t, e, c);
      }
    }
  });
}
// 434: RNE L: the legal status changed, the placement did not.
void legal_status_change_only(const Ssda903Run& r, Out& o) { change_matches_reason(r, o, {"L"}, true, false); }
// 435: RNE P or T: the placement changed, the legal status did not.
void placement_change_only(const Ssda903Run& r, Out& o) { change_matches_reason(r, o, {"P", "T"}, false, true); }
// 436: RNE U or B: both changed.
void placement_and_status_change(const Ssda903Run& r, Out& o) { change_matches_reason(r, o, {"U", "B"}, true, true); }

// ---- The open validator's internal checks (INT: not DfE codes) ----

// INT01-INT09: every child in a table is in the Header.
void child_in_header(const Ssda903Run& r, Out& o, std::string_view table) {
  if (!r.table("Header")) return;
  const auto headers = header_by_child(r);
  each_row(r, table, [&](const RawTable& t, const RawRow& row) {
    if (!headers.count(std::string(cell(t, row, "CHILD")))) o.flag_cell(t, row, "CHILD");
  });
}
void ad1_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "AD1"); }
void placed_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "PlacedAdoption"); }
void episode_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "Episodes"); }
void missing_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "Missing"); }
void oc2_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "OC2"); }
void oc3_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "OC3"); }
void prev_perm_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "PrevPerm"); }
void review_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "Reviews"); }
void uasc_child_in_header(const Ssda903Run& r, Out& o) { child_in_header(r, o, "UASC"); }

// INT11-INT18, INT21: a child's DOB (or SEX) in a table is the Header's.
void same_as_header(const Ssda903Run& r, Out& o, std::string_view table, std::string_view column) {
  const RawTable* h = r.table("Header");
  if (!h) return;
  const auto headers = header_by_child(r);
  each_row(r, table, [&](const RawTable& t, const RawRow& row) {
    auto it = headers.find(std::string(cell(t, row, "CHILD")));
    if (it == headers.end()) return;
    const std::string_view here = cell(t, row, column), there = cell(*h, *it->second, column);
    if (here.empty() || there.empty()) return;
    const bool same = column == "DOB" ? parse_date(here) == parse_date(there) : here == there;
    if (!same) o.flag_cell(t, row, column);
  });
}
void ad1_dob_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "AD1", "DOB"); }
void placed_dob_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "PlacedAdoption", "DOB"); }
void missing_dob_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "Missing", "DOB"); }
void oc2_dob_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "OC2", "DOB"); }
void oc3_dob_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "OC3", "DOB"); }
void prev_perm_dob_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "PrevPerm", "DOB"); }
void review_dob_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "Reviews", "DOB"); }
void uasc_dob_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "UASC", "DOB"); }
void uasc_sex_as_header(const Ssda903Run& r, Out& o) { same_as_header(r, o, "UASC", "SEX"); }

// INT31-INT36: a child appears at most once in a one-row-per-child table.
void child_once(const Ssda903Run& r, Out& o, std::string_view table) {
  std::map<std::string, int> seen;
  each_row(r, table, [&](const RawTable& t, const RawRow& row) { ++seen[std::string(cell(t, row, "CHILD"))]; });
  each_row(r, table, [&](const RawTable& t, const RawRow& row) {
    if (seen[std::string(cell(t, row, "CHILD"))] > 1) o.flag_cell(t, row, "CHILD");
  });
}
void ad1_child_once(const Ssda903Run& r, Out& o) { child_once(r, o, "AD1"); }
void header_child_once(const Ssda903Run& r, Out& o) { child_once(r, o, "Header"); }
void oc2_child_once(const Ssda903Run& r, Out& o) { child_once(r, o, "OC2"); }
void oc3_child_once(const Ssda903Run& r, Out& o) { child_once(r, o, "OC3"); }
void prev_perm_child_once(const Ssda903Run& r, Out& o) { child_once(r, o, "PrevPerm"); }
void uasc_child_once(const Ssda903Run& r, Out& o) { child_once(r, o, "UASC"); }

// ---- Deprivation of liberty (DoLo, from 2026-27) ----

// 700: a deprivation of liberty order has a real start date.
void dolo_start_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "DoLo", [&](const RawTable& t, const RawRow& row) {
    if (!valid_903_date(cell(t, row, "DOLO_START"))) o.flag_cell(t, row, "DOLO_START");
  });
}
// 701: its end, when given, is a real date.
void dolo_end_valid(const Ssda903Run& r, Out& o) { date_if_present(r, o, "DoLo", "DOLO_END"); }
// 702: it ends on or after it starts.
void dolo_end_after_start(const Ssda903Run& r, Out& o) {
  each_row(r, "DoLo", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DOLO_START");
    const OptDate e = cell_date(t, row, "DOLO_END");
    if (s && e && *e < *s) {
      o.flag_cell(t, row, "DOLO_START");
      o.flag_cell(t, row, "DOLO_END");
    }
  });
}
// 703: it starts by the end of the collection year.
void dolo_start_by_year_end(const Ssda903Run& r, Out& o) {
  each_row(r, "DoLo", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate s = cell_date(t, row, "DOLO_START"); s && *s > r.collection_end) o.flag_cell(t, row, "DOLO_START");
  });
}
// 704: its end falls within the collection year.
void dolo_end_in_year(const Ssda903Run& r, Out& o) {
  each_row(r, "DoLo", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate e = cell_date(t, row, "DOLO_END"); e && !in_span(*e, r.collection_start, r.collection_end))
      o.flag_cell(t, row, "DOLO_END");
  });
}
// 705: a child's orders do not overlap.
void dolos_do_not_overlap(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("DoLo");
  if (!t) return;
  std::map<std::string, std::vector<const RawRow*>> by_child;
  for (const RawRow& row : t->rows) by_child[std::string(cell(*t, row, "CHILD"))].push_back(&row);
  const Date never = Date::from_serial(1 << 30);
  for (auto& [child, rows] : by_child) {
    auto key = [&](const RawRow* row) {
      const Date s = cell_date(*t, *row, "DOLO_START").value_or(never);
      return std::make_pair(cell_date(*t, *row, "DOLO_END").value_or(s), s);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const RawRow* a, const RawRow* b) { return key(a) < key(b); });
    for (size_t i = 1; i < rows.size(); ++i) {
      const OptDate prev_end = cell_date(*t, *rows[i - 1], "DOLO_END");
      const OptDate start = cell_date(*t, *rows[i], "DOLO_START");
      if (!prev_end || (start && *start < *prev_end)) o.flag_cell(*t, *rows[i], "DOLO_START");
    }
  }
}
// 708: an order starts after the child's birth.
void dolo_after_birth(const Ssda903Run& r, Out& o) {
  each_row(r, "DoLo", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DOLO_START");
    const OptDate dob = cell_date(t, row, "DOB");
    if (s && dob && *s <= *dob) o.flag_cell(t, row, "DOLO_START");
  });
}

// ---- Social worker episodes (SWEpisodes, from 2023-24) ----

// DD/MM/YYYY, where an unknown day or month may be ZZ and an unknown year ZZZZ.
bool valid_sw_date(std::string_view v) {
  if (v.size() != 10 || v[2] != '/' || v[5] != '/') return false;
  const std::string_view d = v.substr(0, 2), m = v.substr(3, 2), y = v.substr(6, 4);
  auto digits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  if (!(digits(d) || d == "ZZ") || !(digits(m) || m == "ZZ") || !(digits(y) || y == "ZZZZ")) return false;
  if (digits(d) && digits(m) && digits(y)) return parse_date(v).has_value();
  if (digits(m)) return std::stoi(std::string(m)) >= 1 && std::stoi(std::string(m)) <= 12;
  return true;
}
bool sw_reason_valid(std::string_view v) {
  return one_of(v, {"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"});
}
const Date kSwStart = *Date::from_ymd(2023, 4, 1);

// SW02STG1: a social worker's identifier begins SW or XX.
void sw_id_format(const Ssda903Run& r, Out& o) {
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view id = cell(t, row, "SW_ID");
    if (!id.empty() && id.substr(0, 2) != "SW" && id.substr(0, 2) != "XX") o.flag_cell(t, row, "SW_ID");
  });
}
// SW04STG1 / SW05STG1: the social worker episode's start and end, when given, are dates (ZZ allowed).
void sw_date_format(const Ssda903Run& r, Out& o, const char* column) {
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, column);
    if (!v.empty() && !valid_sw_date(v)) o.flag_cell(t, row, column);
  });
}
void sw_start_valid(const Ssda903Run& r, Out& o) { sw_date_format(r, o, "SW_DECOM"); }
void sw_end_valid(const Ssda903Run& r, Out& o) { sw_date_format(r, o, "SW_DEC"); }
// SW06STG2: a social worker episode starts by the end of the collection year.
void sw_start_by_year_end(const Ssda903Run& r, Out& o) {
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "SW_DECOM"); d && *d > r.collection_end) o.flag_cell(t, row, "SW_DECOM");
  });
}
// SW07STG2: a social worker episode ends within the reporting period (the
// collection year; from 2024-25 from 1 April of the year before).
void sw_end_in_period(const Ssda903Run& r, Out& o) {
  const Date from = r.year <= 2023 ? r.collection_start : r.collection_start.add_years(-1);
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "SW_DEC"); d && !in_span(*d, from, r.collection_end))
      o.flag_cell(t, row, "SW_DEC");
  });
}
// SW08STG2 / SW14STG2: every social worker episode but the child's latest has ended.
void sw_earlier_episodes_ended(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("SWEpisodes");
  if (!t) return;
  for (const auto& [child, eps] : rows_by_child(*t, "SW_DECOM", "SW_DEC"))
    for (size_t i = 0; i + 1 < eps.size(); ++i)
      if (cell(*t, *eps[i], "SW_DEC").empty()) o.flag_cell(*t, *eps[i], "SW_DEC");
}
// SW17STG2: the child's latest social worker episode is open at 31 March.
void sw_latest_open(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("SWEpisodes");
  if (!t) return;
  for (const auto& [child, eps] : rows_by_child(*t, "SW_DECOM", "SW_DEC"))
    if (!cell(*t, *eps.back(), "SW_DEC").empty()) o.flag_cell(*t, *eps.back(), "SW_DEC");
}
// SW09STG2: a social worker episode lasts at least a day.
void sw_not_same_day(const Ssda903Run& r, Out& o) {
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "SW_DECOM");
    if (s && s == cell_date(t, row, "SW_DEC")) {
      o.flag_cell(t, row, "SW_DECOM");
      o.flag_cell(t, row, "SW_DEC");
    }
  });
}
// SW13STG1: the reason for a social worker change is a valid code (to 2023-24
// always required; from 2024-25 required for episodes from 1 April 2023).
void sw_reason_code(const Ssda903Run& r, Out& o) {
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, "SW_REASON");
    const OptDate start = cell_date(t, row, "SW_DECOM");
    const bool required = r.year <= 2023 || (start && *start >= kSwStart);
    if (v.empty() ? required : !sw_reason_valid(v)) o.flag_cell(t, row, "SW_REASON");
  });
}
// SW03STG1 (2023-24): every social worker episode has its identifier, start and reason.
void sw_all_items(const Ssda903Run& r, Out& o) {
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    for (const char* c : {"SW_ID", "SW_DECOM", "SW_REASON"})
      if (cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}
// SW01aSTG1: a social worker episode has a start, and one from before 1 April 2023 has the worker.
void sw_before_2023_has_worker(const Ssda903Run& r, Out& o) {
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate start = cell_date(t, row, "SW_DECOM");
    if (cell(t, row, "SW_DECOM").empty()) o.flag_cell(t, row, "SW_DECOM");
    else if (start && *start < kSwStart && cell(t, row, "SW_ID").empty()) o.flag_cell(t, row, "SW_ID");
  });
}
// SW01bSTG1: one from 1 April 2023 has the worker and the reason.
void sw_from_2023_complete(const Ssda903Run& r, Out& o) {
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate start = cell_date(t, row, "SW_DECOM");
    if (!start || *start < kSwStart) return;
    for (const char* c : {"SW_ID", "SW_REASON"})
      if (cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// ---- More checks across a child's records ----

// 217t (2023-24): no episode in independent living (P2) open after 28 October 2023.
void p2_closed_by_october_2023(const Ssda903Run& r, Out& o) {
  const Date cut = *Date::from_ymd(2023, 10, 28);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate dec = cell_date(t, row, "DEC");
    if (cell(t, row, "PLACE") == "P2" && (cell(t, row, "DEC").empty() || (dec && *dec > cut)))
      o.flag_cell(t, row, "PLACE");
  });
}

// 347: a care leaver in a foyer (accommodation T1, T2) was 18 or over on 1 April.
void foyer_from_18(const Ssda903Run& r, Out& o) {
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = cell_date(t, row, "DOB");
    if (one_of(cell(t, row, "ACCOM"), {"T1", "T2"}) && dob && dob->add_years(18) > r.collection_start)
      o.flag_cell(t, row, "ACCOM");
  });
}

// 3001: a young person turning 17 in the year is not yet with former foster carers (Z1, Z2).
void not_staying_put_at_17(const Ssda903Run& r, Out& o) {
  const auto headers = header_by_child(r);
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    OptDate dob = header_dob(r, headers, cell(t, row, "CHILD"));
    if (!dob) dob = cell_date(t, row, "DOB");
    if (one_of(cell(t, row, "ACCOM"), {"Z1", "Z2"}) && dob &&
        in_span(dob->add_years(17), r.collection_start, r.collection_end))
      o.flag_cell(t, row, "ACCOM");
  });
}

// 357: a child's first episode in the return, starting in the year, starts a period of care (RNE S).
void first_episode_starts_care(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    const OptDate d = cell_date(t, *eps.front(), "DECOM");
    if (d && *d >= r.collection_start && cell(t, *eps.front(), "RNE") != "S") o.flag_cell(t, *eps.front(), "RNE");
  });
}

// 359: a young person 18 or over at 31 March still looked after is on short breaks (V2) in K2.
void over_18_still_in_care(const Ssda903Run& r, Out& o) {
  const auto headers = header_by_child(r);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate dob = header_dob(r, headers, cell(t, row, "CHILD"));
    if (!dob || dob->add_years(18) >= r.collection_end || !cell(t, row, "DEC").empty()) return;
    if (cell(t, row, "LS") != "V2") o.flag_cell(t, row, "LS");
    if (cell(t, row, "PLACE") != "K2") o.flag_cell(t, row, "PLACE");
  });
}

// 432: after care ends (an E reason), the next episode starts a new period of care (RNE S).
void new_period_after_care_ends(const Ssda903Run& r, Out& o) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    for (size_t i = 1; i < eps.size(); ++i) {
      const std::string_view rec = cell(t, *eps[i - 1], "REC");
      if (!rec.empty() && rec != "X1" && rec[0] == 'E' && cell(t, *eps[i], "RNE") != "S")
        o.flag_cell(t, *eps[i], "RNE");
    }
  });
}

// Each child's AD1 row.
std::map<std::string, const RawRow*> ad1_by_child(const Ssda903Run& r) {
  std::map<std::string, const RawRow*> out;
  if (const RawTable* t = r.table("AD1"))
    for (const RawRow& row : t->rows) out.emplace(std::string(cell(*t, row, "CHILD")), &row);
  return out;
}

// 521 / 331 / 334: adoption dates against the episodes they decide.
void adoption_date_against_episodes(const Ssda903Run& r, Out& o, const char* column) {
  const RawTable* ad1 = r.table("AD1");
  if (!ad1) return;
  const auto rows = ad1_by_child(r);
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    auto it = rows.find(std::string(cell(t, *eps.front(), "CHILD")));
    if (it == rows.end()) return;
    const OptDate d = cell_date(*ad1, *it->second, column);
    if (!d) return;
    bool fails = false;
    const bool match = std::string_view(column) == "DATE_MATCH";
    for (const RawRow* e : eps) {
      const OptDate decom = cell_date(t, *e, "DECOM");
      const bool applies = match ? one_of(cell(t, *e, "REC"), {"E11", "E12"})
                                 : one_of(cell(t, *e, "PLACE"), {"A3", "A4", "A5", "A6"});
      if (applies && decom && *d > *decom) fails = true;
    }
    if (fails) o.flag_cell(*ad1, *it->second, column);
  });
}
// 521: the decision that adoption is best comes on or before each placement for adoption.
void decision_before_adoption_placements(const Ssda903Run& r, Out& o) { adoption_date_against_episodes(r, o, "DATE_INT"); }
// 331: the match with adopters comes on or before the episode that ends in adoption.
void match_before_adopted_episode(const Ssda903Run& r, Out& o) { adoption_date_against_episodes(r, o, "DATE_MATCH"); }

// 334: the decision that adoption is best comes on or after the latest period of care began (RNE S).
void decision_after_care_began(const Ssda903Run& r, Out& o) {
  const RawTable* ad1 = r.table("AD1");
  if (!ad1) return;
  const auto rows = ad1_by_child(r);
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    auto it = rows.find(std::string(cell(t, *eps.front(), "CHILD")));
    if (it == rows.end()) return;
    const OptDate d = cell_date(*ad1, *it->second, "DATE_INT");
    OptDate latest;
    for (const RawRow* e : eps)
      if (cell(t, *e, "RNE") == "S")
        if (const OptDate s = cell_date(t, *e, "DECOM"); s && (!latest || *s > *latest)) latest = s;
    if (d && latest && *d < *latest) o.flag_cell(*ad1, *it->second, "DATE_INT");
  });
}

// Each child's PlacedAdoption rows.
std::map<std::string, std::vector<const RawRow*>> placed_by_child(const Ssda903Run& r) {
  std::map<std::string, std::vector<const RawRow*>> out;
  if (const RawTable* t = r.table("PlacedAdoption"))
    for (const RawRow& row : t->rows) out[std::string(cell(*t, row, "CHILD"))].push_back(&row);
  return out;
}

// 552 / 554 / 556: the decision to place for adoption comes before the
// episodes it leads to (the first A3-A6 placement; the first E1 episode; each D1 episode).
void decision_before(const Ssda903Run& r, Out& o, bool (*leads)(const RawTable&, const RawRow&), bool latest_decision) {
  const RawTable* pa = r.table("PlacedAdoption");
  if (!pa) return;
  const auto placed = placed_by_child(r);
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    auto it = placed.find(std::string(cell(t, *eps.front(), "CHILD")));
    if (it == placed.end()) return;
    const RawRow* pick = nullptr;
    OptDate decided;
    for (const RawRow* row : it->second)
      if (const OptDate d = cell_date(*pa, *row, "DATE_PLACED"); d && (!decided || (latest_decision ? *d > *decided : *d < *decided))) {
        decided = d;
        pick = row;
      }
    if (!pick) return;
    for (const RawRow* e : eps)
      if (leads(t, *e)) {
        const OptDate decom = cell_date(t, *e, "DECOM");
        if (decom && *decided > *decom) {
          o.flag_cell(*pa, *pick, "DATE_PLACED");
          return;
        }
        if (decom) return;  // only the first such episode (eps are in DECOM order)
      }
  });
}
void decision_before_first_adoption_placement(const Ssda903Run& r, Out& o) {
  decision_before(r, o, [](const RawTable& t, const RawRow& e) { return one_of(cell(t, e, "PLACE"), {"A3", "A4", "A5", "A6"}); }, true);
}
void decision_before_placement_order(const Ssda903Run& r, Out& o) {
  decision_before(r, o, [](const RawTable& t, const RawRow& e) { return cell(t, e, "LS") == "E1"; }, false);
}
void decision_before_freeing_order(const Ssda903Run& r, Out& o) {
  decision_before(r, o, [](const RawTable& t, const RawRow& e) { return cell(t, e, "LS") == "D1"; }, false);
}

// 557: an adoption plan that ended without adoption has its ceased date and reason in PlacedAdoption.
void ended_adoption_plan_recorded(const Ssda903Run& r, Out& o) {
  const RawTable* pa = r.table("PlacedAdoption");
  const auto placed = placed_by_child(r);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string_view rec = cell(t, row, "REC");
    const bool adoption = one_of(cell(t, row, "PLACE"), {"A3", "A4", "A5", "A6"}) || cell(t, row, "LS") == "E1" ||
                          (r.year <= 2023 && cell(t, row, "LS") == "D1");
    if (!adoption || rec.empty() || one_of(rec, {"X1", "E11", "E12"})) return;
    bool recorded = false;
    auto it = placed.find(std::string(cell(t, row, "CHILD")));
    if (pa && it != placed.end())
      for (const RawRow* p : it->second)
        recorded = recorded || (!cell(*pa, *p, "DATE_PLACED_CEASED").empty() && !cell(*pa, *p, "REASON_PLACED_CEASED").empty());
    if (!recorded) o.flag_cell(t, row, "REC");
  });
}

// 607: a girl who left care in the year (other than from short breaks) says whether she is a mother.
void leaver_mother_recorded(const Ssda903Run& r, Out& o) {
  std::set<std::string> left;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate dec = cell_date(t, row, "DEC");
    const std::string_view rec = cell(t, row, "REC");
    if (dec && in_span(*dec, r.collection_start, r.collection_end) && !rec.empty() && rec != "X1" &&
        !one_of(cell(t, row, "LS"), {"V3", "V4"}))
      left.insert(std::string(cell(t, row, "CHILD")));
  });
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (female(r, cell(t, row, "SEX")) && left.count(std::string(cell(t, row, "CHILD"))) && cell(t, row, "MOTHER").empty())
      o.flag_cell(t, row, "MOTHER");
  });
}

// 625: the mother's child is born by 31 March and by the day the mother's latest episode ended.
void child_born_by_leaving_care(const Ssda903Run& r, Out& o) {
  std::map<std::string, Date> last_dec;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "DEC")) {
      auto [it, fresh] = last_dec.emplace(std::string(cell(t, row, "CHILD")), *d);
      if (!fresh && *d > it->second) it->second = *d;
    }
  });
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const OptDate mc = cell_date(t, row, "MC_DOB");
    if (!mc) return;
    auto it = last_dec.find(std::string(cell(t, row, "CHILD")));
    if (*mc > r.collection_end || (it != last_dec.end() && *mc > it->second)) o.flag_cell(t, row, "MC_DOB");
  });
}

// 628: a care leaver with no episode this year has MOTHER blank.
void care_leaver_mother_blank(const Ssda903Run& r, Out& o) {
  const auto in_care = children_in(r, "Episodes");
  const auto leavers = care_leavers_reported(r);
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    if (!in_care.count(child) && leavers.count(child) && !cell(t, row, "MOTHER").empty()) o.flag_cell(t, row, "MOTHER");
  });
}

// 630: a child starting care in the year has their previous permanence recorded.
void new_entrant_has_prev_perm(const Ssda903Run& r, Out& o) {
  std::map<std::string, const RawRow*> perm;
  const RawTable* pp = r.table("PrevPerm");
  if (pp)
    for (const RawRow& row : pp->rows) perm.emplace(std::string(cell(*pp, row, "CHILD")), &row);
  std::set<std::string> flagged;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (cell(t, row, "RNE") != "S" || !d || *d < r.collection_start) return;
    const std::string child(cell(t, row, "CHILD"));
    auto it = perm.find(child);
    if (it == perm.end() || cell(*pp, *it->second, "PREV_PERM").empty()) {
      o.flag_cell(t, row, "RNE");
      return;
    }
    if (cell(*pp, *it->second, "PREV_PERM") == "Z1" || !flagged.insert(child).second) return;
    for (const char* c : {"LA_PERM", "DATE_PERM"})
      if (cell(*pp, *it->second, c).empty()) o.flag_cell(*pp, *it->second, c);
  });
}

// 634: previous permanence is recorded only for a child with an episode starting after 1 April 2016.
void prev_perm_for_recent_entrant(const Ssda903Run& r, Out& o) {
  const Date from = *Date::from_ymd(2016, 4, 1);
  std::set<std::string> recent;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "DECOM"); d && *d > from) recent.insert(std::string(cell(t, row, "CHILD")));
  });
  each_row(r, "PrevPerm", [&](const RawTable& t, const RawRow& row) {
    if (recent.count(std::string(cell(t, row, "CHILD")))) return;
    for (const char* c : {"PREV_PERM", "LA_PERM", "DATE_PERM"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 1002 / 1010: care leaver information needs episodes of care (this year or last),
// and is not given for a child still looked after at the end of last year with no episode this year.
void care_leaver_has_care_history(const Ssda903Run& r, Out& o, bool open_last_year_only) {
  const RawTable* last = last_year(r, "Episodes");
  if (!last) return;
  const auto now = children_in(r, "Episodes");
  std::set<std::string> before;
  for (const RawRow& row : last->rows) before.insert(std::string(cell(*last, row, "CHILD")));
  const auto open = open_last_year(*last);
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    if (now.count(child)) return;
    const bool fails = open_last_year_only ? open.count(child) > 0 : !before.count(child);
    if (!fails) return;
    for (const char* c : {"IN_TOUCH", "ACTIV", "ACCOM"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}
void care_leaver_was_looked_after(const Ssda903Run& r, Out& o) { care_leaver_has_care_history(r, o, false); }
void care_leaver_not_still_in_care(const Ssda903Run& r, Out& o) { care_leaver_has_care_history(r, o, true); }

// NoE: an episode starting before 1 April has its child in last year's return (a check of the open validator).
void earlier_episode_child_in_last_return(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "Episodes");
  if (!last) return;
  std::set<std::string> before;
  for (const RawRow& row : last->rows) before.insert(std::string(cell(*last, row, "CHILD")));
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (d && *d < r.collection_start && !before.count(std::string(cell(t, row, "CHILD")))) o.flag_cell(t, row, "DECOM");
  });
}

// 207: a young mother recorded last year is still recorded as a mother.
void mother_stays_mother(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "Header");
  if (!last) return;
  std::set<std::string> mothers;
  for (const RawRow& row : last->rows)
    if (cell(*last, row, "MOTHER") == "1") mothers.insert(std::string(cell(*last, row, "CHILD")));
  const auto in_care = children_in(r, "Episodes");
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    if (mothers.count(child) && in_care.count(child) && cell(t, row, "MOTHER") != "1") o.flag_cell(t, row, "MOTHER");
  });
}

// 706: a deprivation of liberty order open at the end of last year is in this year's return.
void open_dolo_continues(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "DoLo");
  if (!last) return;
  std::set<std::pair<std::string, Date>> now;
  each_row(r, "DoLo", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate s = cell_date(t, row, "DOLO_START")) now.insert({std::string(cell(t, row, "CHILD")), *s});
  });
  for (const RawRow& row : last->rows) {
    const OptDate s = cell_date(*last, row, "DOLO_START");
    if (s && cell(*last, row, "DOLO_END").empty() && !now.count({std::string(cell(*last, row, "CHILD")), *s}))
      o.flag_cell(*last, row, "DOLO_START");
  }
}

// SW10STG2: a new social worker starts within 7 days of the last one ending
// (from 2024-25 unless the reason is FCONTA).
void sw_handover_within_7_days(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("SWEpisodes");
  if (!t) return;
  for (const auto& [child, eps] : rows_by_child(*t, "SW_DECOM", "SW_DEC"))
    for (size_t i = 1; i < eps.size(); ++i) {
      if (r.year >= 2024 && cell(*t, *eps[i], "SW_REASON") == "FCONTA") continue;
      const OptDate start = cell_date(*t, *eps[i], "SW_DECOM");
      const OptDate prev_end = cell_date(*t, *eps[i - 1], "SW_DEC");
      if (!prev_end || (start && std::abs(prev_end->days_until(*start)) > 7)) o.flag_cell(*t, *eps[i], "SW_DECOM");
    }
}

// ---- Short legal statuses, adoption plans, last year's records ----

// 361-364: a run of episodes under a short legal status (each starting on the
// previous one's DEC) lasts at most so many days (an open one to 31 March).
void short_status_run(const Ssda903Run& r, Out& o, std::string_view status, int max_days) {
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    size_t i = 0;
    while (i < eps.size()) {
      if (cell(t, *eps[i], "LS") != status) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j + 1 < eps.size() && cell(t, *eps[j + 1], "LS") == status && cell_date(t, *eps[j], "DEC") &&
             cell_date(t, *eps[j + 1], "DECOM") == cell_date(t, *eps[j], "DEC"))
        ++j;
      const OptDate from = cell_date(t, *eps[i], "DECOM");
      const Date to = cell_date(t, *eps[j], "DEC").value_or(r.collection_end);
      if (from && from->days_until(to) > max_days)
        for (size_t k = i; k <= j; ++k) o.flag_cell(t, *eps[k], "LS");
      i = j + 1;
    }
  });
}
// 361: police protection (L1) lasts at most 3 days.
void police_protection_3_days(const Ssda903Run& r, Out& o) { short_status_run(r, o, "L1", 3); }
// 362: an emergency protection order (L2) lasts at most 21 days.
void emergency_protection_21_days(const Ssda903Run& r, Out& o) { short_status_run(r, o, "L2", 21); }
// 363: a child assessment order (L3) lasts at most 7 days.
void assessment_order_7_days(const Ssda903Run& r, Out& o) { short_status_run(r, o, "L3", 7); }
// 364: detention under PACE (J2) lasts at most 21 days.
void pace_21_days(const Ssda903Run& r, Out& o) { short_status_run(r, o, "J2", 21); }

// 399: a child only ever on short breaks (V3, V4) has no MOTHER or reviews.
void short_breaks_only_no_mother_or_reviews(const Ssda903Run& r, Out& o) {
  std::map<std::string, bool> only_breaks;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const bool brk = one_of(cell(t, row, "LS"), {"V3", "V4"});
    auto [it, fresh] = only_breaks.emplace(std::string(cell(t, row, "CHILD")), brk);
    if (!fresh) it->second = it->second && brk;
  });
  auto breaks_only = [&](std::string_view child) {
    auto it = only_breaks.find(std::string(child));
    return it != only_breaks.end() && it->second;
  };
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (breaks_only(cell(t, row, "CHILD")) && !cell(t, row, "MOTHER").empty()) o.flag_cell(t, row, "MOTHER");
  });
  each_row(r, "Reviews", [&](const RawTable& t, const RawRow& row) {
    if (!breaks_only(cell(t, row, "CHILD"))) return;
    for (const char* c : {"REVIEW", "REVIEW_CODE"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 553 / 555: a placement order (E1) or freeing order (D1) has a PlacedAdoption
// row, not yet ceased while the episode is open.
void order_has_adoption_decision(const Ssda903Run& r, Out& o, std::string_view status) {
  const RawTable* pa = r.table("PlacedAdoption");
  const auto placed = placed_by_child(r);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "LS") != status) return;
    auto it = placed.find(std::string(cell(t, row, "CHILD")));
    if (!pa || it == placed.end()) {
      o.flag_cell(t, row, "LS");
      return;
    }
    if (!cell(t, row, "DEC").empty()) return;
    for (const RawRow* p : it->second)
      for (const char* c : {"DATE_PLACED_CEASED", "REASON_PLACED_CEASED"})
        if (!cell(*pa, *p, c).empty()) o.flag_cell(*pa, *p, c);
  });
}
void placement_order_has_decision(const Ssda903Run& r, Out& o) { order_has_adoption_decision(r, o, "E1"); }
void freeing_order_has_decision(const Ssda903Run& r, Out& o) { order_has_adoption_decision(r, o, "D1"); }

// 117: adoption decision dates fall by 31 March and by the end of the child's latest episode (unless X1).
void adoption_dates_by_care_end(const Ssda903Run& r, Out& o) {
  std::map<std::string, OptDate> ended;
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    const RawRow& last = *eps.back();
    if (cell(t, last, "REC") != "X1") ended[std::string(cell(t, last, "CHILD"))] = cell_date(t, last, "DEC");
  });
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    auto it = ended.find(std::string(cell(t, row, "CHILD")));
    for (const char* c : {"DATE_PLACED", "DATE_PLACED_CEASED"}) {
      const OptDate d = cell_date(t, row, c);
      if (d && (*d > r.collection_end || (it != ended.end() && it->second && *d > *it->second))) o.flag_cell(t, row, c);
    }
  });
}

// 118: an adoption decision ceases within the year and after care began (other than short breaks).
void adoption_ceased_after_care_began(const Ssda903Run& r, Out& o) {
  std::map<std::string, Date> began;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (!d || one_of(cell(t, row, "LS"), {"V3", "V4"})) return;
    auto [it, fresh] = began.emplace(std::string(cell(t, row, "CHILD")), *d);
    if (!fresh && *d < it->second) it->second = *d;
  });
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DATE_PLACED_CEASED");
    if (!d) return;
    auto it = began.find(std::string(cell(t, row, "CHILD")));
    if (*d < r.collection_start || (it != began.end() && *d < it->second)) o.flag_cell(t, row, "DATE_PLACED_CEASED");
  });
}

// 559 / 560 / 561 / 584: this year's decisions to place for adoption follow last year's.
std::map<std::string, std::vector<const RawRow*>> last_placed(const RawTable& last) {
  std::map<std::string, std::vector<const RawRow*>> out;
  for (const RawRow& row : last.rows) out[std::string(cell(last, row, "CHILD"))].push_back(&row);
  return out;
}
// 559: a decision from before 1 April was in last year's return.
void earlier_decision_in_last_return(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "PlacedAdoption");
  if (!last) return;
  const auto before = last_placed(*last);
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DATE_PLACED");
    if (!d || *d >= r.collection_start) return;
    auto it = before.find(std::string(cell(t, row, "CHILD")));
    bool found = false;
    if (it != before.end())
      for (const RawRow* p : it->second) found = found || !cell(*last, *p, "DATE_PLACED").empty();
    if (!found) o.flag_cell(t, row, "DATE_PLACED");
  });
}
// 560: a decision still open last year is carried with the same date.
void open_decision_carried(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "PlacedAdoption");
  if (!last) return;
  const auto before = last_placed(*last);
  const auto now = placed_by_child(r);
  const RawTable* t = r.table("PlacedAdoption");
  for (const auto& [child, rows] : now) {
    auto it = before.find(child);
    if (it == before.end()) continue;
    for (const RawRow* p : it->second) {
      const OptDate then = cell_date(*last, *p, "DATE_PLACED");
      if (!then || !cell(*last, *p, "DATE_PLACED_CEASED").empty()) continue;
      const bool carried = std::any_of(rows.begin(), rows.end(), [&](const RawRow* row) { return cell_date(*t, *row, "DATE_PLACED") == then; });
      if (!carried) o.flag_cell(*t, *rows.front(), "DATE_PLACED");
    }
  }
}
// 561: a decision carried from last year had not ceased last year.
void carried_decision_not_ceased(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "PlacedAdoption");
  if (!last) return;
  const auto before = last_placed(*last);
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DATE_PLACED");
    auto it = before.find(std::string(cell(t, row, "CHILD")));
    if (!d || it == before.end()) return;
    for (const RawRow* p : it->second)
      if (cell_date(*last, *p, "DATE_PLACED") == d &&
          (!cell(*last, *p, "DATE_PLACED_CEASED").empty() || !cell(*last, *p, "REASON_PLACED_CEASED").empty()))
        o.flag_cell(t, row, "DATE_PLACED");
  });
}
// 584: after a decision ceased last year, a new decision is dated later.
void new_decision_after_ceased(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "PlacedAdoption");
  if (!last) return;
  const auto before = last_placed(*last);
  each_row(r, "PlacedAdoption", [&](const RawTable& t, const RawRow& row) {
    auto it = before.find(std::string(cell(t, row, "CHILD")));
    if (it == before.end()) return;
    for (const RawRow* p : it->second) {
      const OptDate then = cell_date(*last, *p, "DATE_PLACED");
      const bool ceased = !cell(*last, *p, "DATE_PLACED_CEASED").empty() || !cell(*last, *p, "REASON_PLACED_CEASED").empty();
      const OptDate now = cell_date(t, row, "DATE_PLACED");
      if (then && ceased && (!now || *now <= *then)) {
        o.flag_cell(t, row, "DATE_PLACED");
        return;
      }
    }
  });
}

// 576: a missing episode open at the end of last year is this year's first.
void open_missing_continues(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "Missing");
  if (!last) return;
  std::map<std::string, const RawRow*> first;
  if (const RawTable* t = r.table("Missing"))
    for (const auto& [child, rows] : rows_by_child(*t, "MIS_START")) first[child] = rows.front();
  const RawTable* t = r.table("Missing");
  for (const RawRow& row : last->rows) {
    const OptDate s = cell_date(*last, row, "MIS_START");
    if (!s || !cell(*last, row, "MIS_END").empty()) continue;
    auto it = first.find(std::string(cell(*last, row, "CHILD")));
    if (it == first.end()) o.flag_cell(*last, row, "MIS_START");
    else if (cell_date(*t, *it->second, "MIS_START") != s) o.flag_cell(*t, *it->second, "MIS_START");
  }
}

// 1000: no care leaver information for a child who died in care (E2) this year or last.
void no_care_leaver_data_after_death(const Ssda903Run& r, Out& o) {
  std::set<std::string> died;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "REC") == "E2") died.insert(std::string(cell(t, row, "CHILD")));
  });
  if (const RawTable* last = last_year(r, "Episodes"))
    for (const RawRow& row : last->rows)
      if (cell(*last, row, "REC") == "E2") died.insert(std::string(cell(*last, row, "CHILD")));
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    if (!died.count(std::string(cell(t, row, "CHILD")))) return;
    for (const char* c : {"IN_TOUCH", "ACTIV", "ACCOM"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 626: a girl who became a mother this year (MOTHER 0 last year) had her child in this year.
void new_mother_child_born_this_year(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "Header");
  if (!last) return;
  std::set<std::string> not_mother;
  for (const RawRow& row : last->rows)
    if (cell(*last, row, "MOTHER") == "0") not_mother.insert(std::string(cell(*last, row, "CHILD")));
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const OptDate mc = cell_date(t, row, "MC_DOB");
    if (cell(t, row, "MOTHER") == "1" && not_mother.count(std::string(cell(t, row, "CHILD"))) && mc &&
        *mc < r.collection_start)
      o.flag_cell(t, row, "MC_DOB");
  });
}

// 1014: no UASC information for a care leaver who was not looked after during the year.
void care_leaver_not_in_care_no_uasc(const Ssda903Run& r, Out& o) {
  std::set<std::string> in_year;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DECOM");
    const OptDate e = cell_date(t, row, "DEC");
    if (s && *s <= r.collection_end && (!e || *e >= r.collection_start)) in_year.insert(std::string(cell(t, row, "CHILD")));
  });
  const auto leavers = care_leavers_reported(r);
  each_row(r, "UASC", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    if (leavers.count(child) && !in_year.count(child) && !cell(t, row, "DUC").empty()) o.flag_cell(t, row, "DUC");
  });
}

// ---- Periods of care, UPNs across years, birthdays ----

struct Period {
  Date from;
  OptDate to;  // nullopt while open
};

// Each child's periods of care: runs of episodes each starting on the previous one's DEC.
std::map<std::string, std::vector<Period>> periods_of_care(const Ssda903Run& r) {
  std::map<std::string, std::vector<Period>> out;
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    auto& periods = out[std::string(cell(t, *eps.front(), "CHILD"))];
    OptDate prev_end;
    bool open = false;
    for (const RawRow* e : eps) {
      const OptDate s = cell_date(t, *e, "DECOM");
      if (!s) continue;
      const OptDate end = cell_date(t, *e, "DEC");
      if (!periods.empty() && !open && prev_end && *s == *prev_end) periods.back().to = end;
      else periods.push_back({*s, end});
      prev_end = end;
      open = !end;
    }
  });
  return out;
}

// 578 / 577 / 707: a missing episode (or deprivation of liberty) starts, and
// ends, within one of the child's periods of care.
void within_periods(const Ssda903Run& r, Out& o, std::string_view table, const char* start_col, const char* end_col,
                    bool check_end) {
  const auto periods = periods_of_care(r);
  each_row(r, table, [&](const RawTable& t, const RawRow& row) {
    const OptDate start = cell_date(t, row, start_col);
    if (!start) return;
    const OptDate end = cell_date(t, row, end_col);
    const bool blank_end = cell(t, row, end_col).empty();
    auto it = periods.find(std::string(cell(t, row, "CHILD")));
    bool fits = false;
    if (it != periods.end())
      for (const Period& p : it->second) {
        if (!check_end) {
          fits = fits || (*start >= p.from && (!p.to || *start <= *p.to));
          continue;
        }
        const bool bad = (blank_end && p.to) || p.from > *start || (end && p.to && *end > *p.to) || (end && *end < p.from);
        fits = fits || !bad;
      }
    if (!fits) o.flag_cell(t, row, check_end ? end_col : start_col);
  });
}
void missing_starts_in_period_of_care(const Ssda903Run& r, Out& o) { within_periods(r, o, "Missing", "MIS_START", "MIS_END", false); }
void missing_within_period_of_care(const Ssda903Run& r, Out& o) { within_periods(r, o, "Missing", "MIS_START", "MIS_END", true); }
void dolo_within_period_of_care(const Ssda903Run& r, Out& o) { within_periods(r, o, "DoLo", "DOLO_START", "DOLO_END", true); }

// 709 / 710: the placement during a deprivation of liberty order is K2, Z12 or
// Z13 (709), and never K1, P1, R5 or K3 (710).
void placement_during_dolo(const Ssda903Run& r, Out& o, bool allowed_list) {
  std::map<std::string, std::vector<std::tuple<OptDate, OptDate, std::string>>> eps;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    eps[std::string(cell(t, row, "CHILD"))].emplace_back(cell_date(t, row, "DECOM"), cell_date(t, row, "DEC"),
                                                         std::string(cell(t, row, "PLACE")));
  });
  each_row(r, "DoLo", [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DOLO_START");
    const OptDate e = cell_date(t, row, "DOLO_END");
    if (!s || !e) return;
    for (const auto& [from, to, place] : eps[std::string(cell(t, row, "CHILD"))]) {
      if (!from || *from > *e || (to && *to < *s)) continue;
      const bool fails = allowed_list ? !one_of(place, {"K2", "Z12", "Z13"}) : one_of(place, {"K1", "P1", "R5", "K3"});
      if (fails) {
        o.flag_cell(t, row, "DOLO_START");
        return;
      }
    }
  });
}
void dolo_placement_allowed(const Ssda903Run& r, Out& o) { placement_during_dolo(r, o, true); }
void dolo_placement_not_excluded(const Ssda903Run& r, Out& o) { placement_during_dolo(r, o, false); }

// 633: the authority of a previous permanence order is a valid LA code (or WAL, SCO, NUK, NIR).
void prev_perm_la_valid(const Ssda903Run& r, Out& o) {
  static const std::set<std::string_view> kCodes = {
      "800", "889", "822", "301", "304", "303", "330", "825", "837", "302", "846", "370", "350", "890", "867", "380",
      "305", "801", "351", "873", "823", "895", "896", "381", "909", "202", "908", "331", "306", "841", "830", "831",
      "878", "371", "835", "332", "840", "307", "308", "811", "881", "845", "390", "916", "203", "876", "850", "311",
      "204", "884", "312", "205", "313", "805", "919", "310", "309", "420", "921", "206", "207", "886", "810", "382",
      "314", "340", "888", "208", "856", "383", "855", "209", "925", "341", "201", "821", "352", "806", "887", "826",
      "315", "929", "812", "391", "926", "892", "813", "802", "928", "891", "392", "316", "815", "353", "931", "879",
      "836", "851", "874", "807", "354", "317", "870", "318", "372", "857", "333", "935", "343", "803", "373", "342",
      "893", "356", "355", "871", "394", "334", "933", "882", "936", "861", "852", "319", "860", "808", "393", "866",
      "210", "357", "894", "883", "880", "358", "211", "937", "869", "320", "359", "865", "384", "335", "336", "212",
      "868", "872", "885", "344", "877", "213", "938", "816", "999", "WAL", "SCO", "NUK", "NIR"};
  each_row(r, "PrevPerm", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, "LA_PERM");
    if (!v.empty() && !kCodes.count(v)) o.flag_cell(t, row, "LA_PERM");
  });
}

// 208: a child's UPN is as last year's, unless it was found since (UN1 or blank
// to UN2-UN5; blank or UN1-UN5 to a real UPN).
void upn_as_last_year(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "Header");
  if (!last) return;
  std::map<std::string, std::string> before;
  for (const RawRow& row : last->rows) before.emplace(std::string(cell(*last, row, "CHILD")), postcode_key(cell(*last, row, "UPN")));
  auto un = [](const std::string& v) { return v.size() == 3 && v.rfind("UN", 0) == 0; };
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    auto it = before.find(std::string(cell(t, row, "CHILD")));
    if (it == before.end()) return;
    const std::string now = postcode_key(cell(t, row, "UPN")), then = it->second;
    if (now == then) return;
    const bool found_reason = (then.empty() || then == "UN1") && one_of(now, {"UN2", "UN3", "UN4", "UN5"});
    const bool found_upn = (then.empty() || un(then)) && !now.empty() && !un(now);
    if (!found_reason && !found_upn) o.flag_cell(t, row, "UPN");
  });
}

// 199: a child adopted from care (E11, E12) does not come back into care in the return.
void no_episode_after_adoption(const Ssda903Run& r, Out& o) {
  std::map<std::string, Date> adopted;
  auto note = [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (!d || !one_of(cell(t, row, "REC"), {"E11", "E12"})) return;
    auto [it, fresh] = adopted.emplace(std::string(cell(t, row, "CHILD")), *d);
    if (!fresh && *d < it->second) it->second = *d;
  };
  if (const RawTable* last = last_year(r, "Episodes"))
    for (const RawRow& row : last->rows) note(*last, row);
  each_row(r, "Episodes", note);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    auto it = adopted.find(std::string(cell(t, row, "CHILD")));
    const OptDate d = cell_date(t, row, "DECOM");
    if (it != adopted.end() && d && *d > it->second) o.flag_cell(t, row, "CHILD");
  });
}

// 335: adopted by former foster carers (FOSTER_CARE) fits the placement (A3, A5 yes; A4, A6 no).
void foster_care_fits_placement(const Ssda903Run& r, Out& o) {
  const RawTable* ad1 = r.table("AD1");
  if (!ad1) return;
  const auto rows = ad1_by_child(r);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, "REC"), {"E1", "E11", "E12"})) return;
    auto it = rows.find(std::string(cell(t, row, "CHILD")));
    if (it == rows.end()) return;
    const std::string_view fc = cell(*ad1, *it->second, "FOSTER_CARE"), place = cell(t, row, "PLACE");
    if ((one_of(place, {"A2", "A3", "A5"}) && fc == "0") || (one_of(place, {"A1", "A4", "A6"}) && fc == "1"))
      o.flag_cell(*ad1, *it->second, "FOSTER_CARE");
  });
}

// 558: for an adopted child with several adoption decisions, the latest has not ceased.
void adopted_latest_decision_open(const Ssda903Run& r, Out& o) {
  const RawTable* pa = r.table("PlacedAdoption");
  if (!pa) return;
  std::set<std::string> adopted;
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    if (one_of(cell(t, *eps.back(), "REC"), {"E11", "E12"})) adopted.insert(std::string(cell(t, *eps.back(), "CHILD")));
  });
  for (const auto& [child, rows] : rows_by_child(*pa, "DATE_PLACED"))
    if (adopted.count(child) && rows.size() > 1 && !cell(*pa, *rows.back(), "DATE_PLACED_CEASED").empty())
      o.flag_cell(*pa, *rows.back(), "DATE_PLACED_CEASED");
}

// 580: a child missing when leaving care on their 18th birthday left care as E8.
void missing_at_18_leaves_e8(const Ssda903Run& r, Out& o) {
  std::set<std::pair<std::string, Date>> missing_at_18;
  each_row(r, "Missing", [&](const RawTable& t, const RawRow& row) {
    const OptDate end = cell_date(t, row, "MIS_END");
    const OptDate dob = cell_date(t, row, "DOB");
    if (end && dob && *end == dob->add_years(18)) missing_at_18.insert({std::string(cell(t, row, "CHILD")), *end});
  });
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate dec = cell_date(t, row, "DEC");
    if (dec && missing_at_18.count({std::string(cell(t, row, "CHILD")), *dec}) && cell(t, row, "REC") != "E8")
      o.flag_cell(t, row, "REC");
  });
}

// 1007 / 1016: no care leaver information for a young person of 17 or 18 still
// looked after on (1007) or after (1016) their latest birthday.
void care_leaver_still_in_care(const Ssda903Run& r, Out& o, bool current_episode_rule) {
  const auto headers = header_by_child(r);
  std::map<std::string, std::vector<std::pair<OptDate, OptDate>>> eps;
  std::map<std::string, OptDate> last_dec;
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& rows) {
    const std::string child(cell(t, *rows.front(), "CHILD"));
    for (const RawRow* e : rows) eps[child].push_back({cell_date(t, *e, "DECOM"), cell_date(t, *e, "DEC")});
    last_dec[child] = cell_date(t, *rows.back(), "DEC");
  });
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    OptDate dob = header_dob(r, headers, child);
    if (!dob) dob = cell_date(t, row, "DOB");
    if (!dob || dob->add_years(17) > r.collection_end || dob->add_years(19) <= r.collection_end) return;
    const Date birthday = dob->add_years(18) <= r.collection_end ? dob->add_years(18) : dob->add_years(17);
    bool in_care = false;
    if (current_episode_rule) {
      auto it = last_dec.find(child);
      in_care = it != last_dec.end() && it->second && *it->second >= birthday;
    } else {
      for (const auto& [from, to] : eps[child]) in_care = in_care || (from && *from <= birthday && (!to || *to > birthday));
    }
    if (!in_care) return;
    for (const char* c : {"IN_TOUCH", "ACTIV", "ACCOM"})
      if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}
void care_leaver_not_in_care_on_birthday(const Ssda903Run& r, Out& o) { care_leaver_still_in_care(r, o, false); }
void care_leaver_left_before_birthday(const Ssda903Run& r, Out& o) { care_leaver_still_in_care(r, o, true); }

// SW01STG1 (2023-24): a child looked after at 31 March has social worker episodes (worker, start, reason).
void looked_after_child_has_social_worker(const Ssda903Run& r, Out& o) {
  std::map<std::string, std::array<bool, 3>> given;
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    auto& g = given[std::string(cell(t, row, "CHILD"))];
    g[0] = g[0] || !cell(t, row, "SW_ID").empty();
    g[1] = g[1] || !cell(t, row, "SW_DECOM").empty();
    g[2] = g[2] || !cell(t, row, "SW_REASON").empty();
  });
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (!cell(t, row, "DEC").empty() || one_of(cell(t, row, "LS"), {"V3", "V4"})) return;
    auto it = given.find(std::string(cell(t, row, "CHILD")));
    if (it == given.end() || !it->second[0] || !it->second[1] || !it->second[2]) o.flag_cell(t, row, "DEC");
  });
}

// SW11bSTG2: a social worker episode ending in the last 5 days of the year is followed by another.
void sw_change_at_year_end_followed(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("SWEpisodes");
  if (!t) return;
  const Date from = r.collection_end.add_days(-5);
  for (const auto& [child, eps] : rows_by_child(*t, "SW_DECOM", "SW_DEC"))
    for (size_t i = 0; i < eps.size(); ++i) {
      const OptDate end = cell_date(*t, *eps[i], "SW_DEC");
      if (!end || !in_span(*end, from, r.collection_end)) continue;
      const bool followed = i + 1 < eps.size() && !cell(*t, *eps[i + 1], "SW_DECOM").empty();
      if (!followed) o.flag_cell(*t, *eps[i], "SW_DEC");
    }
}

// ---- UASC status, placement carried over, previous permanence dates ----

// A child's UASC status: the Header's UASC (or UASC_STATUS) column when the
// file has one and it is filled, else whether the UASC table gives a DUC for
// the child (the CSV return's way of saying so, as the open validator reads it).
std::map<std::string, bool> uasc_status_of(const Ssda903Tables& tables) {
  std::map<std::string, bool> out;
  if (auto u = tables.find("UASC"); u != tables.end())
    for (const RawRow& row : u->second.rows)
      if (!cell(u->second, row, "DUC").empty()) out[std::string(cell(u->second, row, "CHILD"))] = true;
  if (auto h = tables.find("Header"); h != tables.end())
    for (const RawRow& row : h->second.rows) {
      std::string_view v = cell(h->second, row, "UASC");
      if (v.empty()) v = cell(h->second, row, "UASC_STATUS");
      if (!v.empty()) out[std::string(cell(h->second, row, "CHILD"))] = v == "1";
    }
  return out;
}
std::map<std::string, bool> uasc_status(const Ssda903Run& r) { return uasc_status_of(r.tables); }

// 105: the Header's UASC flag, where the return carries one, is 0 or 1.
void uasc_flag_valid(const Ssda903Run& r, Out& o) {
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    if (t.column("UASC") >= 0 && !one_of(cell(t, row, "UASC"), {"0", "1"})) o.flag_cell(t, row, "UASC");
  });
}

// 303: a date UASC status ceased is only for a child recorded as UASC.
void duc_only_for_uasc(const Ssda903Run& r, Out& o) {
  const auto status = uasc_status(r);
  each_row(r, "UASC", [&](const RawTable& t, const RawRow& row) {
    auto it = status.find(std::string(cell(t, row, "CHILD")));
    if (!cell(t, row, "DUC").empty() && (it == status.end() || !it->second)) o.flag_cell(t, row, "DUC");
  });
}

// 231: a UASC child under 11 at 31 March is queried (from 2024-25).
void uasc_under_11(const Ssda903Run& r, Out& o) {
  const auto status = uasc_status(r);
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    auto it = status.find(std::string(cell(t, row, "CHILD")));
    const OptDate dob = cell_date(t, row, "DOB");
    if (it != status.end() && it->second && dob && dob->add_years(11) > r.collection_end) o.flag_cell(t, row, "DOB");
  });
}

// 165: MOTHER is 0 or 1 and only for a girl; it is left blank only for a boy,
// or a care leaver with no episode this year (other than short breaks).
void mother_recorded_for_girls(const Ssda903Run& r, Out& o) {
  std::set<std::string> in_care;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (!one_of(cell(t, row, "LS"), {"V3", "V4"})) in_care.insert(std::string(cell(t, row, "CHILD")));
  });
  const auto leavers = care_leavers_reported(r);
  const std::string_view male = r.year <= 2023 ? "1" : "M";
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const std::string_view m = cell(t, row, "MOTHER"), sex = cell(t, row, "SEX");
    const std::string child(cell(t, row, "CHILD"));
    const bool ok = m.empty() ? (sex == male || (!in_care.count(child) && leavers.count(child)))
                              : (one_of(m, {"0", "1"}) && female(r, sex));
    if (!ok) o.flag_cell(t, row, "MOTHER");
  });
}

// 503D: the first episode this year has the placement of the one open at the end
// of last year (H5 may become K3 in 2023-24 and 2024-25; Z1 may become Z11-Z14 in 2025-26).
void place_continues_last_year(const Ssda903Run& r, Out& o) {
  const RawTable* last = last_year(r, "Episodes");
  if (!last) return;
  const auto open = open_last_year(*last);
  each_child_episodes(r, [&](const RawTable& t, const std::vector<const RawRow*>& eps) {
    auto it = open.find(std::string(cell(t, *eps.front(), "CHILD")));
    if (it == open.end()) return;
    const std::string_view now = cell(t, *eps.front(), "PLACE"), then = cell(*last, *it->second, "PLACE");
    if (now == then) return;
    if ((r.year == 2023 || r.year == 2024) && then == "H5" && now == "K3") return;
    if (r.year == 2025 && then == "Z1" && one_of(now, {"Z11", "Z12", "Z13", "Z14"})) return;
    o.flag_cell(t, *eps.front(), "PLACE");
  });
}

// A previous permanence date, where ZZ stands for an unknown day (the month's
// last), ZZ for an unknown month (December) and ZZZZ for an unknown year (2000).
OptDate perm_date(std::string_view v) {
  if (!valid_sw_date(v)) return std::nullopt;
  const std::string_view d = v.substr(0, 2), m = v.substr(3, 2), y = v.substr(6, 4);
  const int year = y == "ZZZZ" ? 2000 : std::stoi(std::string(y));
  const int month = m == "ZZ" ? 12 : std::stoi(std::string(m));
  if (d == "ZZ") {
    const OptDate first = Date::from_ymd(year, month, 1);
    return first ? OptDate(first->month_end()) : std::nullopt;
  }
  return Date::from_ymd(year, month, std::stoi(std::string(d)));
}

// 632: the date of a previous permanence order is a date (ZZ allowed) before the child's first episode.
void prev_perm_date_before_care(const Ssda903Run& r, Out& o) {
  std::map<std::string, Date> first;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const OptDate d = cell_date(t, row, "DECOM");
    if (!d) return;
    auto [it, fresh] = first.emplace(std::string(cell(t, row, "CHILD")), *d);
    if (!fresh && *d < it->second) it->second = *d;
  });
  each_row(r, "PrevPerm", [&](const RawTable& t, const RawRow& row) {
    const std::string_view v = cell(t, row, "DATE_PERM");
    if (v.empty()) return;
    const OptDate d = perm_date(v);
    auto it = first.find(std::string(cell(t, row, "CHILD")));
    if (!d || (it != first.end() && *d >= it->second)) o.flag_cell(t, row, "DATE_PERM");
  });
}

// ---- UASC status across years ----

bool is_uasc(const std::map<std::string, bool>& status, const std::string& child) {
  auto it = status.find(child);
  return it != status.end() && it->second;
}

// Each child's DUC in a year's UASC table.
std::map<std::string, OptDate> ducs(const Ssda903Tables& tables) {
  std::map<std::string, OptDate> out;
  if (auto u = tables.find("UASC"); u != tables.end())
    for (const RawRow& row : u->second.rows)
      out[std::string(cell(u->second, row, "CHILD"))] = cell_date(u->second, row, "DUC");
  return out;
}

// 205A-205D: a child's UASC status and DUC fit last year's.
template <typename F>
void uasc_against_last_year(const Ssda903Run& r, F&& check) {
  if (!r.previous) return;
  const auto now = uasc_status(r), then = uasc_status_of(*r.previous);
  const auto duc_now = ducs(r.tables), duc_then = ducs(*r.previous);
  std::set<std::string> last_header;
  if (auto h = r.previous->find("Header"); h != r.previous->end())
    for (const RawRow& row : h->second.rows) last_header.insert(std::string(cell(h->second, row, "CHILD")));
  each_row(r, "Header", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    auto get = [](const std::map<std::string, OptDate>& m, const std::string& c) {
      auto it = m.find(c);
      return it == m.end() ? OptDate() : it->second;
    };
    check(t, row, is_uasc(now, child), is_uasc(then, child), last_header.count(child) > 0, get(duc_now, child),
          get(duc_then, child));
  });
}
// 205A: a child no longer UASC had status end within last year, and no DUC this year.
void uasc_ended_last_year(const Ssda903Run& r, Out& o) {
  const Date from = r.collection_start.add_years(-1), to = r.collection_end.add_years(-1);
  uasc_against_last_year(r, [&](const RawTable& t, const RawRow& row, bool now, bool then, bool, OptDate duc_now, OptDate duc_then) {
    if (then && !now && (!duc_then || !in_span(*duc_then, from, to) || duc_now)) o.flag_cell(t, row, "CHILD");
  });
}
// 205B: a child UASC both years had last year's DUC at 18, and this year's in the year or unchanged.
void uasc_both_years(const Ssda903Run& r, Out& o) {
  uasc_against_last_year(r, [&](const RawTable& t, const RawRow& row, bool now, bool then, bool, OptDate duc_now, OptDate duc_then) {
    if (!now || !then) return;
    const OptDate dob = cell_date(t, row, "DOB");
    const bool last_ok = duc_then && dob && *duc_then == dob->add_years(18);
    const bool now_ok = duc_now && (in_span(*duc_now, r.collection_start, r.collection_end) || duc_now == duc_then);
    if (!last_ok || !now_ok) o.flag_cell(t, row, "CHILD");
  });
}
// 205C: a child UASC in neither year has no DUC in either.
void not_uasc_no_duc(const Ssda903Run& r, Out& o) {
  uasc_against_last_year(r, [&](const RawTable& t, const RawRow& row, bool now, bool then, bool, OptDate duc_now, OptDate duc_then) {
    if (!now && !then && (duc_now || duc_then)) o.flag_cell(t, row, "CHILD");
  });
}
// 205D: a child is not newly UASC when last year's return had them as not UASC.
void not_newly_uasc(const Ssda903Run& r, Out& o) {
  uasc_against_last_year(r, [&](const RawTable& t, const RawRow& row, bool now, bool then, bool in_last, OptDate, OptDate) {
    if (now && in_last && !then) o.flag_cell(t, row, "CHILD");
  });
}

// 392b: a child not UASC (this year or last) and looked after other than on
// short breaks has home and placement postcodes.
void postcodes_given(const Ssda903Run& r, Out& o) {
  if (!r.previous) return;
  const auto now = uasc_status(r), then = uasc_status_of(*r.previous);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    if (one_of(cell(t, row, "LS"), {"V3", "V4"}) || is_uasc(now, child) || is_uasc(then, child)) return;
    for (const char* c : {"HOME_POST", "PL_POST"})
      if (cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// 1001: care leaver information only for a relevant or former relevant child:
// 91 days or more in care since the 14th birthday, some of it after the 16th,
// and not adopted at the end (this year's and last year's episodes; short breaks aside).
void care_leaver_is_relevant(const Ssda903Run& r, Out& o) {
  const auto headers = header_by_child(r);
  std::map<std::string, std::vector<std::pair<Date, Date>>> spans;
  std::map<std::string, std::pair<Date, std::string>> latest;
  auto note = [&](const RawTable& t, const RawRow& row) {
    const OptDate s = cell_date(t, row, "DECOM");
    if (!s || one_of(cell(t, row, "LS"), {"V3", "V4"})) return;
    const std::string child(cell(t, row, "CHILD"));
    spans[child].push_back({*s, cell_date(t, row, "DEC").value_or(r.collection_end)});
    auto it = latest.find(child);
    if (it == latest.end() || *s >= it->second.first) latest[child] = {*s, std::string(cell(t, row, "REC"))};
  };
  if (const RawTable* last = last_year(r, "Episodes"))
    for (const RawRow& row : last->rows) note(*last, row);
  each_row(r, "Episodes", note);
  each_row(r, "OC3", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    if (cell(t, row, "IN_TOUCH").empty() && cell(t, row, "ACTIV").empty() && cell(t, row, "ACCOM").empty()) return;
    OptDate dob = header_dob(r, headers, child);
    if (!dob) dob = cell_date(t, row, "DOB");
    if (!dob) return;
    int days = 0;
    bool after_16 = false;
    for (const auto& [from, to] : spans[child]) {
      const Date a = std::max(from, dob->add_years(14));
      if (to > a) days += a.days_until(to);
      after_16 = after_16 || to > dob->add_years(16);
    }
    auto it = latest.find(child);
    const bool adopted = it != latest.end() && one_of(it->second.second, {"E11", "E12"});
    if (days < 91 || !after_16 || adopted)
      for (const char* c : {"IN_TOUCH", "ACTIV", "ACCOM"})
        if (!cell(t, row, c).empty()) o.flag_cell(t, row, c);
  });
}

// SW11aSTG2 (2023-24): after a social worker episode ends (before the year's
// last 5 days) the next starts within 5 days of it.
void sw_next_within_5_days(const Ssda903Run& r, Out& o) {
  const RawTable* t = r.table("SWEpisodes");
  if (!t) return;
  const Date cut = r.collection_end.add_days(-5);
  for (const auto& [child, eps] : rows_by_child(*t, "SW_DECOM", "SW_DEC"))
    for (size_t i = 0; i < eps.size(); ++i) {
      const OptDate end = cell_date(*t, *eps[i], "SW_DEC");
      if (!end || *end > cut) continue;
      const OptDate next = i + 1 < eps.size() ? cell_date(*t, *eps[i + 1], "SW_DECOM") : OptDate();
      if (!next || std::abs(end->days_until(*next)) > 5) o.flag_cell(*t, *eps[i], "SW_DEC");
    }
}

// SW12STG2: a child looked after at 31 March has social worker episodes for the
// whole year: one starting on or after each start of care (RNE S) and one
// starting on or before each end of care (REC other than X1) in the period
// (from 2024-25 the period runs from 1 April of the year before).
void sw_episodes_cover_care(const Ssda903Run& r, Out& o) {
  std::map<std::string, std::vector<Date>> sw_starts;
  each_row(r, "SWEpisodes", [&](const RawTable& t, const RawRow& row) {
    if (const OptDate d = cell_date(t, row, "SW_DECOM")) sw_starts[std::string(cell(t, row, "CHILD"))].push_back(*d);
  });
  std::set<std::string> looked_after;
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    if (cell(t, row, "DEC").empty() && !one_of(cell(t, row, "LS"), {"V3", "V4"}))
      looked_after.insert(std::string(cell(t, row, "CHILD")));
  });
  const Date from = r.year <= 2023 ? Date::from_serial(0) : r.collection_start.add_years(-1);
  each_row(r, "Episodes", [&](const RawTable& t, const RawRow& row) {
    const std::string child(cell(t, row, "CHILD"));
    if (!looked_after.count(child) || one_of(cell(t, row, "LS"), {"V3", "V4"})) return;
    const OptDate start = cell_date(t, row, "DECOM"), end = cell_date(t, row, "DEC");
    if (end && (*end < from || *end > r.collection_end)) return;
    const auto& starts = sw_starts[child];
    bool ok = true;
    if (cell(t, row, "RNE") == "S" && start)
      ok = ok && std::any_of(starts.begin(), starts.end(), [&](Date d) { return d >= *start; });
    const std::string_view rec = cell(t, row, "REC");
    if (!rec.empty() && rec != "X1" && end)
      ok = ok && std::any_of(starts.begin(), starts.end(), [&](Date d) { return d <= *end; });
    if (!ok) o.flag_cell(t, row, "CHILD");
  });
}

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
      {"104", duc_valid},
      {"151", adoption_all_or_none},
      {"158", received_not_offered},
      {"159", offered_when_not_received},
      {"167", review_code_valid},
      {"178", provider_valid},
      {"180", sdq_score_valid},
      {"181", oc2_flags_valid},
      {"182", oc2_blank_together},
      {"188", no_sdq_under_4},
      {"189", no_sdq_over_17},
      {"192", received_when_misuse},
      {"193", no_intervention_without_misuse},
      {"196", sdq_reason_valid},
      {"197a", sdq_score_or_reason},
      {"209", un1_only_under_school_age},
      {"213", temporary_has_no_provider},
      {"214", short_break_no_placement_details},
      {"217", adoption_with_carers_reason},
      {"222", no_urn_for_placement},
      {"233", open_episode_no_change_reason},
      {"304", duc_by_18th_birthday},
      {"333", decision_before_match},
      {"344", died_or_home_no_activity},
      {"345", in_touch_has_activity},
      {"365", respite_at_most_17_days},
      {"391", care_leaver_at_least_17},
      {"392d", placed_away_from_home},
      {"398", short_break_no_postcodes},
      {"440", pn0_under_four},
      {"441", pn1_to_pn7_from_four},
      {"445", d1_not_after_2005},
      {"451", no_open_freeing_order},
      {"511", two_adopters_sex},
      {"514", single_adopter_sex},
      {"517", l3_adopters_sex},
      {"518", l4_adopters_sex},
      {"519", l2_adopters_sex},
      {"520", l11_adopters_sex},
      {"522", placed_ceased_after_placed},
      {"524", l12_adopters_sex},
      {"526", placement_has_provider},
      {"527", p1_r2_r5_not_pr1},
      {"528", p1_r2_r5_not_pr2},
      {"529", family_placements_not_pr3},
      {"530", p1_not_pr4},
      {"531", p1_not_pr5},
      {"542", no_conviction_under_10},
      {"544", convicted_has_health_items},
      {"547", health_check_has_health_items},
      {"550", pr0_is_placed_with_parents},
      {"563", ceased_has_placed_date},
      {"564", missing_has_start},
      {"565", start_has_missing_type},
      {"566", end_has_missing_type},
      {"567", missing_end_after_start},
      {"570", missing_start_by_year_end},
      {"571", missing_end_in_year},
      {"142", earlier_episodes_ended},
      {"184", adoption_decision_after_birth},
      {"210", un4_not_late_entrant},
      {"302", first_episode_after_birth},
      {"352", not_starting_care_at_18},
      {"358", youth_justice_from_10},
      {"367", respite_at_most_75_days},
      {"370", p2_minimum_age},
      {"371", supported_accommodation_minimum_age},
      {"372", r5_minimum_age},
      {"373", s1_minimum_age},
      {"374", p3_minimum_age},
      {"375", t1_at_most_42_days},
      {"376", t3_at_most_21_days},
      {"377", at_most_two_holiday_placements},
      {"379", t4_at_most_7_days},
      {"386", adopted_before_18},
      {"387", independent_living_from_14},
      {"389", adult_care_from_16},
      {"393", girl_mother_recorded},
      {"407", sgo_before_18},
      {"426", not_both_v3_and_v4},
      {"431", new_period_after_last_ended},
      {"433", continuation_starts_on_last_end},
      {"437", no_episode_after_death_or_18},
      {"442", looked_after_child_has_upn},
      {"460", staying_put_from_18},
      {"501", episodes_do_not_overlap},
      {"504", continuing_episode_keeps_need},
      {"574", missing_do_not_overlap},
      {"579", adoption_decisions_do_not_overlap},
      {"583", earlier_adoption_decisions_ceased},
      {"586", missing_after_birth},
      {"611", mother_has_child_dob},
      {"612", not_mother_no_child_dob},
      {"620", mother_at_least_11},
      {"621", child_born_after_mother},
      {"631", prev_perm_valid},
      {"635", prev_perm_given},
      {"1004", missing_start_valid},
      {"1005", missing_end_valid},
      {"1006", missing_type_valid},
      {"1009", change_reason_valid},
      {"134", care_leaver_no_adoption},
      {"202", sex_as_last_year},
      {"203", dob_as_last_year},
      {"204", ethnicity_as_last_year},
      {"215", care_leaver_no_oc2},
      {"348", died_stays_died},
      {"502", decom_continues_last_year},
      {"503A", rne_continues_last_year},
      {"503B", ls_continues_last_year},
      {"503C", cin_continues_last_year},
      {"503E", provider_continues_last_year},
      {"503F", urn_continues_last_year},
      {"523", placed_date_matches_ad1},
      {"525", ceased_placement_no_adoption},
      {"551", adoption_placement_has_decision},
      {"562", earlier_start_was_in_last_return},
      {"575", missing_in_ended_episode_has_end},
      {"581", missing_starts_in_care},
      {"582", adoption_not_on_match_day},
      {"601", adopted_child_has_adoption_items},
      {"602", adoption_items_only_when_adopted},
      {"624", mc_dob_as_last_year},
      {"1003", adoption_decision_after_care_began},
      {"1011", transferred_child_no_care_leaver_data},
      {"1012", no_episode_no_care_tables},
      {"EPI", header_child_has_episodes},
      {"157", sdq1_not_for_sdq_age},
      {"185", sdq_score_only_in_cohort},
      {"186", sdq_given_for_sdq_age},
      {"187", cohort_no_oc3_or_adoption},
      {"190", oc2_items_only_in_cohort},
      {"191", cohort_has_health_items},
      {"197B", sdq_given_at_4_or_17},
      {"198", sdq_reason_only_in_cohort},
      {"225", placement_change_has_reason},
      {"226", temporary_placement_no_change_reason},
      {"234", no_custody_under_10},
      {"336", adoption_by_carers_follows_foster_care},
      {"383", return_after_temporary_placement},
      {"388", x1_when_care_continues},
      {"434", legal_status_change_only},
      {"435", placement_change_only},
      {"436", placement_and_status_change},
      {"543", cohort_conviction_recorded},
      {"545", cohort_under_5_health_check},
      {"546", cohort_over_5_no_health_check},
      {"INT01", ad1_child_in_header},
      {"INT02", placed_child_in_header},
      {"INT03", episode_child_in_header},
      {"INT04", missing_child_in_header},
      {"INT05", oc2_child_in_header},
      {"INT06", oc3_child_in_header},
      {"INT07", prev_perm_child_in_header},
      {"INT08", review_child_in_header},
      {"INT09", uasc_child_in_header},
      {"INT11", ad1_dob_as_header},
      {"INT12", placed_dob_as_header},
      {"INT13", missing_dob_as_header},
      {"INT14", oc2_dob_as_header},
      {"INT15", oc3_dob_as_header},
      {"INT16", prev_perm_dob_as_header},
      {"INT17", review_dob_as_header},
      {"INT18", uasc_dob_as_header},
      {"INT21", uasc_sex_as_header},
      {"INT31", ad1_child_once},
      {"INT32", header_child_once},
      {"INT33", oc2_child_once},
      {"INT34", oc3_child_once},
      {"INT35", prev_perm_child_once},
      {"INT36", uasc_child_once},
      {"700", dolo_start_valid},
      {"701", dolo_end_valid},
      {"702", dolo_end_after_start},
      {"703", dolo_start_by_year_end},
      {"704", dolo_end_in_year},
      {"705", dolos_do_not_overlap},
      {"708", dolo_after_birth},
      {"SW01aSTG1", sw_before_2023_has_worker},
      {"SW01bSTG1", sw_from_2023_complete},
      {"SW02STG1", sw_id_format},
      {"SW03STG1", sw_all_items},
      {"SW04STG1", sw_start_valid},
      {"SW05STG1", sw_end_valid},
      {"SW06STG2", sw_start_by_year_end},
      {"SW07STG2", sw_end_in_period},
      {"SW08STG2", sw_earlier_episodes_ended},
      {"SW09STG2", sw_not_same_day},
      {"SW13STG1", sw_reason_code},
      {"SW14STG2", sw_earlier_episodes_ended},
      {"SW17STG2", sw_latest_open},
      {"207", mother_stays_mother},
      {"217t", p2_closed_by_october_2023},
      {"331", match_before_adopted_episode},
      {"334", decision_after_care_began},
      {"347", foyer_from_18},
      {"357", first_episode_starts_care},
      {"359", over_18_still_in_care},
      {"432", new_period_after_care_ends},
      {"521", decision_before_adoption_placements},
      {"552", decision_before_first_adoption_placement},
      {"554", decision_before_placement_order},
      {"556", decision_before_freeing_order},
      {"557", ended_adoption_plan_recorded},
      {"607", leaver_mother_recorded},
      {"625", child_born_by_leaving_care},
      {"628", care_leaver_mother_blank},
      {"630", new_entrant_has_prev_perm},
      {"634", prev_perm_for_recent_entrant},
      {"706", open_dolo_continues},
      {"1002", care_leaver_was_looked_after},
      {"1010", care_leaver_not_still_in_care},
      {"3001", not_staying_put_at_17},
      {"NoE", earlier_episode_child_in_last_return},
      {"SW10STG2", sw_handover_within_7_days},
      {"117", adoption_dates_by_care_end},
      {"118", adoption_ceased_after_care_began},
      {"361", police_protection_3_days},
      {"362", emergency_protection_21_days},
      {"363", assessment_order_7_days},
      {"364", pace_21_days},
      {"399", short_breaks_only_no_mother_or_reviews},
      {"553", placement_order_has_decision},
      {"555", freeing_order_has_decision},
      {"559", earlier_decision_in_last_return},
      {"560", open_decision_carried},
      {"561", carried_decision_not_ceased},
      {"576", open_missing_continues},
      {"584", new_decision_after_ceased},
      {"626", new_mother_child_born_this_year},
      {"1000", no_care_leaver_data_after_death},
      {"1014", care_leaver_not_in_care_no_uasc},
      {"199", no_episode_after_adoption},
      {"208", upn_as_last_year},
      {"335", foster_care_fits_placement},
      {"558", adopted_latest_decision_open},
      {"577", missing_within_period_of_care},
      {"578", missing_starts_in_period_of_care},
      {"580", missing_at_18_leaves_e8},
      {"633", prev_perm_la_valid},
      {"707", dolo_within_period_of_care},
      {"709", dolo_placement_allowed},
      {"710", dolo_placement_not_excluded},
      {"1007", care_leaver_not_in_care_on_birthday},
      {"1016", care_leaver_left_before_birthday},
      {"SW01STG1", looked_after_child_has_social_worker},
      {"SW11bSTG2", sw_change_at_year_end_followed},
      {"105", uasc_flag_valid},
      {"165", mother_recorded_for_girls},
      {"231", uasc_under_11},
      {"303", duc_only_for_uasc},
      {"503D", place_continues_last_year},
      {"632", prev_perm_date_before_care},
      {"205A", uasc_ended_last_year},
      {"205B", uasc_both_years},
      {"205C", not_uasc_no_duc},
      {"205D", not_newly_uasc},
      {"392b", postcodes_given},
      {"1001", care_leaver_is_relevant},
      {"SW11aSTG2", sw_next_within_5_days},
      {"SW12STG2", sw_episodes_cover_care},
  };
  return rules;
}

}  // namespace beacon::validation
