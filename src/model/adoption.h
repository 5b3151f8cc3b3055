// Adoption milestones: SSDA903 AD1 (children adopted) and PlacedAdoption
// (decisions that a child should be placed), SSD ssd_permanence.
#ifndef BEACON_MODEL_ADOPTION_H_
#define BEACON_MODEL_ADOPTION_H_

#include "model/record.h"

namespace beacon {

// One adoption (AD1). Keyed by child + the date of the decision that the
// child should be placed (DATE_INT).
struct Adoption : Record {
  static constexpr const char* kTable = "adoptions";

  std::string child_id;
  OptDate decision_date;  // DATE_INT / perm_adm_decision_date
  OptDate placement_order_date;  // SSD perm_placement_order_date
  OptDate match_date;            // DATE_MATCH / perm_matched_date
  OptDate placed_date;           // SSD perm_placed_for_adoption_date
  OptDate placed_with_foster_carer_date;  // SSD perm_placed_foster_carer_date
  std::optional<bool> by_foster_carer;    // FOSTER_CARE
  std::optional<int> number_of_adopters;  // NB_ADOPTR
  std::string adopters_sex;               // SEX_ADOPTR
  std::string adopters_legal_status;      // LS_ADOPTR

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("decision_date", s.decision_date, FieldRole::kKey);
    v("placement_order_date", s.placement_order_date, FieldRole::kData);
    v("match_date", s.match_date, FieldRole::kData);
    v("placed_date", s.placed_date, FieldRole::kData);
    v("placed_with_foster_carer_date", s.placed_with_foster_carer_date, FieldRole::kData);
    v("by_foster_carer", s.by_foster_carer, FieldRole::kData);
    v("number_of_adopters", s.number_of_adopters, FieldRole::kData);
    v("adopters_sex", s.adopters_sex, FieldRole::kData);
    v("adopters_legal_status", s.adopters_legal_status, FieldRole::kData);
  }
};

// SSDA903 PlacedAdoption: a decision that the child should be placed for adoption.
struct PlacementDecision : Record {
  static constexpr const char* kTable = "placement_decisions";

  std::string child_id;
  Date decision_date;  // DATE_PLACED
  OptDate ceased;      // DATE_PLACED_CEASED
  std::string reason_ceased;  // RD1–RD4

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("decision_date", s.decision_date, FieldRole::kKey);
    v("ceased", s.ceased, FieldRole::kData);
    v("reason_ceased", s.reason_ceased, FieldRole::kData);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_ADOPTION_H_
