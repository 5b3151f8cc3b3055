// Children looked after (SSDA903): episodes of legal status and placement,
// reviews, missing episodes, and the smaller tables of the return.
#ifndef BEACON_MODEL_LOOKED_AFTER_H_
#define BEACON_MODEL_LOOKED_AFTER_H_

#include "model/record.h"

namespace beacon {

// One SSDA903 episode: a new one starts on any change of legal status and/or
// placement. Periods of care are derived from RNE/REC (indicators.md).
struct LaEpisode : Record {
  static constexpr const char* kTable = "la_episodes";

  std::string child_id;
  Date start;  // DECOM
  std::string episode_id;  // SSD clae_cla_episode_id
  std::string cla_id;        // SSD clae_cla_id: the period of care its reviews and visits name
  std::string placement_id;  // SSD clae_cla_placement_id
  std::string rne;           // S L P T B U
  std::string legal_status;  // C1 C2 D1 E1 V2 V3 V4 L1 L2 L3 J1 J2 J3
  std::string need;          // CIN: category of need N1–N8
  std::string place;         // PLACE (A3 … Z1)
  std::string provider;      // PLACE_PROVIDER PR0–PR5
  OptDate end;               // DEC
  std::string reason_ceased; // REC (X1, E11, …)
  std::string reason_place_change;
  std::string home_postcode;
  std::string placement_postcode;
  std::string urn;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("start", s.start, FieldRole::kKey);
    v("episode_id", s.episode_id, FieldRole::kData);
    v("cla_id", s.cla_id, FieldRole::kData);
    v("placement_id", s.placement_id, FieldRole::kData);
    v("rne", s.rne, FieldRole::kData);
    v("legal_status", s.legal_status, FieldRole::kData);
    v("need", s.need, FieldRole::kData);
    v("place", s.place, FieldRole::kData);
    v("provider", s.provider, FieldRole::kData);
    v("end", s.end, FieldRole::kData);
    v("reason_ceased", s.reason_ceased, FieldRole::kData);
    v("reason_place_change", s.reason_place_change, FieldRole::kData);
    v("home_postcode", s.home_postcode, FieldRole::kData);
    v("placement_postcode", s.placement_postcode, FieldRole::kData);
    v("urn", s.urn, FieldRole::kData);
  }
};

// A looked-after review (SSDA903 Reviews; SSD ssd_cla_reviews).
struct LaReview : Record {
  static constexpr const char* kTable = "la_reviews";

  std::string child_id;
  Date date;
  std::string review_id;
  std::string participation;  // PN0–PN7
  OptDate due;
  std::optional<bool> cancelled;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("date", s.date, FieldRole::kKey);
    v("review_id", s.review_id, FieldRole::kData);
    v("participation", s.participation, FieldRole::kData);
    v("due", s.due, FieldRole::kData);
    v("cancelled", s.cancelled, FieldRole::kData);
  }
};

// A missing or away-from-placement episode (SSDA903 Missing; SSD ssd_missing).
struct MissingEpisode : Record {
  static constexpr const char* kTable = "missing_episodes";

  std::string child_id;
  Date start;
  std::string type;  // M missing, A away
  OptDate end;
  std::optional<bool> rhi_offered;
  std::optional<bool> rhi_accepted;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("start", s.start, FieldRole::kKey);
    v("type", s.type, FieldRole::kData);
    v("end", s.end, FieldRole::kData);
    v("rhi_offered", s.rhi_offered, FieldRole::kData);
    v("rhi_accepted", s.rhi_accepted, FieldRole::kData);
  }
};

// SSDA903 OC2: outcomes for children continuously looked after 12 months at 31 March.
struct Oc2Outcome : Record {
  static constexpr const char* kTable = "oc2_outcomes";

  std::string child_id;
  int collection_year = 0;  // financial year start: 2024 = 2024-25
  std::optional<int> sdq_score;
  std::string sdq_reason;
  std::optional<bool> convicted;
  std::optional<bool> health_check;
  std::optional<bool> immunisations;
  std::optional<bool> teeth_check;
  std::optional<bool> health_assessment;
  std::optional<bool> substance_misuse;
  std::optional<bool> intervention_received;
  std::optional<bool> intervention_offered;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("collection_year", s.collection_year, FieldRole::kKey);
    v("sdq_score", s.sdq_score, FieldRole::kData);
    v("sdq_reason", s.sdq_reason, FieldRole::kData);
    v("convicted", s.convicted, FieldRole::kData);
    v("health_check", s.health_check, FieldRole::kData);
    v("immunisations", s.immunisations, FieldRole::kData);
    v("teeth_check", s.teeth_check, FieldRole::kData);
    v("health_assessment", s.health_assessment, FieldRole::kData);
    v("substance_misuse", s.substance_misuse, FieldRole::kData);
    v("intervention_received", s.intervention_received, FieldRole::kData);
    v("intervention_offered", s.intervention_offered, FieldRole::kData);
  }
};

// SSDA903 PrevPerm; SSD ssd_cla_previous_permanence.
struct PreviousPermanence : Record {
  static constexpr const char* kTable = "previous_permanence";

  std::string child_id;
  std::string option;  // P1 P2 P3 P4 Z1
  std::string la;
  std::string date;    // as given: the return allows partial dates

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("option", s.option, FieldRole::kData);
    v("la", s.la, FieldRole::kData);
    v("date", s.date, FieldRole::kData);
  }
};

// SSDA903 DoLo: deprivation of liberty orders.
struct DeprivationOfLiberty : Record {
  static constexpr const char* kTable = "deprivation_of_liberty";

  std::string child_id;
  Date start;
  OptDate end;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("start", s.start, FieldRole::kKey);
    v("end", s.end, FieldRole::kData);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_LOOKED_AFTER_H_
