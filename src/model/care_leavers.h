// Care leavers: the SSDA903 OC3 record for each collection year (the birthday
// in that year), and the case system's current picture (SSD ssd_care_leavers).
#ifndef BEACON_MODEL_CARE_LEAVERS_H_
#define BEACON_MODEL_CARE_LEAVERS_H_

#include "model/record.h"

namespace beacon {

struct CareLeaverReturn : Record {
  static constexpr const char* kTable = "care_leaver_returns";

  std::string child_id;
  int collection_year = 0;  // financial year start: 2024 = 2024-25
  std::string in_touch;     // YES NO DIED REFU NREQ RHOM
  std::string activity;     // F1 … P5, G4 G5 G6, 0
  std::string accommodation;  // letter + 1 (suitable) / 2 (unsuitable), or 0
  // The OC3 row's own DOB: used when the child's Header record is not loaded.
  OptDate birth_date;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("collection_year", s.collection_year, FieldRole::kKey);
    v("in_touch", s.in_touch, FieldRole::kData);
    v("activity", s.activity, FieldRole::kData);
    v("accommodation", s.accommodation, FieldRole::kData);
    v("birth_date", s.birth_date, FieldRole::kData);
  }
};

struct CareLeaver : Record {
  static constexpr const char* kTable = "care_leavers";

  std::string child_id;
  std::string eligibility;
  std::string in_touch;
  OptDate latest_contact;
  std::string accommodation;
  std::string accommodation_suitable;
  std::string activity;
  OptDate pathway_plan_review;
  std::string personal_adviser;
  std::string team_id;
  std::string worker_id;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("eligibility", s.eligibility, FieldRole::kData);
    v("in_touch", s.in_touch, FieldRole::kData);
    v("latest_contact", s.latest_contact, FieldRole::kData);
    v("accommodation", s.accommodation, FieldRole::kData);
    v("accommodation_suitable", s.accommodation_suitable, FieldRole::kData);
    v("activity", s.activity, FieldRole::kData);
    v("pathway_plan_review", s.pathway_plan_review, FieldRole::kData);
    v("personal_adviser", s.personal_adviser, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("worker_id", s.worker_id, FieldRole::kData);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_CARE_LEAVERS_H_
