// The child (or young person): one identifier across every source —
// CIN census LAchildID = SSDA903 CHILD = SSD pers_person_id.
#ifndef BEACON_MODEL_PERSON_H_
#define BEACON_MODEL_PERSON_H_

#include "model/record.h"

namespace beacon {

struct Child : Record {
  static constexpr const char* kTable = "children";

  std::string id;
  std::string upn;
  std::string former_upn;
  std::string upn_unknown;   // UN1–UN7
  std::string forename;      // SSD only
  std::string surname;       // SSD only
  // Normalised: "M", "F" or "U" (not recorded, unborn, indeterminate).
  // CIN GenderCurrent 1/2/0/9 and SSDA903 SEX 1/2 map to M/F/U/U.
  std::string sex;
  std::string ethnicity;     // four-letter code as given, upper case (e.g. WBRI)
  OptDate birth_date;
  OptDate expected_birth_date;
  OptDate death_date;
  // Disability codes (NONE, MOB, … AUT, DDA). Empty: no disability recorded.
  Codes disabilities;
  std::optional<bool> uasc;  // unaccompanied asylum-seeking child (SSDA903)
  OptDate uasc_ceased;       // DUC: date UASC status ceased
  std::optional<bool> is_mother;
  OptDate mother_child_birth_date;
  std::string nationality;   // SSD pers_nationality (country of origin, UASC)

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("id", s.id, FieldRole::kKey);
    v("upn", s.upn, FieldRole::kData);
    v("former_upn", s.former_upn, FieldRole::kData);
    v("upn_unknown", s.upn_unknown, FieldRole::kData);
    v("forename", s.forename, FieldRole::kData);
    v("surname", s.surname, FieldRole::kData);
    v("sex", s.sex, FieldRole::kData);
    v("ethnicity", s.ethnicity, FieldRole::kData);
    v("birth_date", s.birth_date, FieldRole::kData);
    v("expected_birth_date", s.expected_birth_date, FieldRole::kData);
    v("death_date", s.death_date, FieldRole::kData);
    v("disabilities", s.disabilities, FieldRole::kData);
    v("uasc", s.uasc, FieldRole::kData);
    v("uasc_ceased", s.uasc_ceased, FieldRole::kData);
    v("is_mother", s.is_mother, FieldRole::kData);
    v("mother_child_birth_date", s.mother_child_birth_date, FieldRole::kData);
    v("nationality", s.nationality, FieldRole::kData);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_PERSON_H_
