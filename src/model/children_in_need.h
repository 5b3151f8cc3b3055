// The front door and children in need: contacts, referrals (CIN episodes),
// assessments, CIN plans, section 47 enquiries with their initial child
// protection conferences, and statutory visits.
#ifndef BEACON_MODEL_CHILDREN_IN_NEED_H_
#define BEACON_MODEL_CHILDREN_IN_NEED_H_

#include "model/record.h"

namespace beacon {

// A request to the front door (SSD ssd_contacts; decision time from the local
// contact_decisions table). KPI1.
struct Contact : Record {
  static constexpr const char* kTable = "contacts";

  std::string id;
  std::string child_id;
  DateTime received;
  OptDateTime decided;
  std::string source;   // referral-source code (1A … 10)
  std::string outcome;
  std::string team_id;
  std::string worker_id;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("id", s.id, FieldRole::kKey);
    v("child_id", s.child_id, FieldRole::kData);
    v("received", s.received, FieldRole::kData);
    v("decided", s.decided, FieldRole::kData);
    v("source", s.source, FieldRole::kData);
    v("outcome", s.outcome, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("worker_id", s.worker_id, FieldRole::kData);
  }
};

// A referral: one episode of need (CIN census CINdetails; SSD ssd_cin_episodes).
struct CinEpisode : Record {
  static constexpr const char* kTable = "cin_episodes";

  std::string child_id;
  Date referral_date;
  std::string referral_id;  // SSD cine_referral_id
  std::string referral_source;
  std::string primary_need;  // N0–N9
  OptDate closure_date;
  std::string closure_reason;  // RC1–RC9
  std::optional<bool> nfa;     // ReferralNFA
  OptDate icpc_date;           // CINdetails-level DateOfInitialCPC (older layouts)
  std::string team_id;
  std::string worker_id;

  EpisodeRef ref() const { return {child_id, referral_date, ordinal}; }

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("referral_date", s.referral_date, FieldRole::kKey);
    v("referral_id", s.referral_id, FieldRole::kData);
    v("referral_source", s.referral_source, FieldRole::kData);
    v("primary_need", s.primary_need, FieldRole::kData);
    v("closure_date", s.closure_date, FieldRole::kData);
    v("closure_reason", s.closure_reason, FieldRole::kData);
    v("nfa", s.nfa, FieldRole::kData);
    v("icpc_date", s.icpc_date, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("worker_id", s.worker_id, FieldRole::kData);
  }
};

// Visits the three fields of an EpisodeRef as key fields.
template <class Ref, class V>
void visit_episode_ref(Ref& e, V&& v) {
  v("child_id", e.child_id, FieldRole::kKey);
  v("referral_date", e.referral_date, FieldRole::kKey);
  v("episode_ordinal", e.ordinal, FieldRole::kKey);
}

struct Assessment : Record {
  static constexpr const char* kTable = "assessments";

  EpisodeRef episode;
  Date start;
  std::string assessment_id;  // SSD cina_assessment_id
  OptDate authorised;         // AssessmentAuthorisationDate: the completion date
  Codes factors;
  std::optional<bool> child_seen;
  std::optional<bool> outcome_nfa;
  std::string team_id;
  std::string worker_id;  // completing worker: the assessment's responsible worker

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    visit_episode_ref(s.episode, v);
    v("start", s.start, FieldRole::kKey);
    v("assessment_id", s.assessment_id, FieldRole::kData);
    v("authorised", s.authorised, FieldRole::kData);
    v("factors", s.factors, FieldRole::kData);
    v("child_seen", s.child_seen, FieldRole::kData);
    v("outcome_nfa", s.outcome_nfa, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("worker_id", s.worker_id, FieldRole::kData);
  }
};

struct CinPlan : Record {
  static constexpr const char* kTable = "cin_plans";

  EpisodeRef episode;
  Date start;
  std::string plan_id;
  OptDate end;
  std::string team_id;
  std::string worker_id;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    visit_episode_ref(s.episode, v);
    v("start", s.start, FieldRole::kKey);
    v("plan_id", s.plan_id, FieldRole::kData);
    v("end", s.end, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("worker_id", s.worker_id, FieldRole::kData);
  }
};

// A section 47 enquiry and its initial child protection conference.
struct Section47 : Record {
  static constexpr const char* kTable = "section47s";

  EpisodeRef episode;
  Date start;  // S47ActualStartDate
  std::string s47_id;
  OptDate end;
  OptDate icpc_target;
  OptDate icpc_date;  // DateOfInitialCPC (the conference on this enquiry)
  std::optional<bool> icpc_not_required;
  std::string icpc_id;
  std::string team_id;
  std::string worker_id;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    visit_episode_ref(s.episode, v);
    v("start", s.start, FieldRole::kKey);
    v("s47_id", s.s47_id, FieldRole::kData);
    v("end", s.end, FieldRole::kData);
    v("icpc_target", s.icpc_target, FieldRole::kData);
    v("icpc_date", s.icpc_date, FieldRole::kData);
    v("icpc_not_required", s.icpc_not_required, FieldRole::kData);
    v("icpc_id", s.icpc_id, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("worker_id", s.worker_id, FieldRole::kData);
  }
};

// A statutory visit to a child: on a CIN plan, on a CP plan, or looked after.
struct Visit : Record {
  static constexpr const char* kTable = "visits";

  std::string kind;  // cin | cp | cla
  std::string visit_id;
  std::string child_id;
  DateTime date;
  std::optional<bool> seen;
  std::optional<bool> seen_alone;
  std::optional<bool> bedroom_seen;
  std::string worker_id;
  // Case-system form status (local visit_status table): "draft" or "final";
  // empty when not supplied (taken as final).
  std::string status;
  OptDateTime recorded_at;
  OptDateTime finalised_at;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("kind", s.kind, FieldRole::kKey);
    v("visit_id", s.visit_id, FieldRole::kKey);
    v("child_id", s.child_id, FieldRole::kData);
    v("date", s.date, FieldRole::kData);
    v("seen", s.seen, FieldRole::kData);
    v("seen_alone", s.seen_alone, FieldRole::kData);
    v("bedroom_seen", s.bedroom_seen, FieldRole::kData);
    v("worker_id", s.worker_id, FieldRole::kData);
    v("status", s.status, FieldRole::kData);
    v("recorded_at", s.recorded_at, FieldRole::kData);
    v("finalised_at", s.finalised_at, FieldRole::kData);
  }
};

// Pre-proceedings (Public Law Outline) and family group decision making:
// CIN census 2025-26 PreProceedingsandFGDM, SSD ssd_pre_proceedings.
struct PreProceedings : Record {
  static constexpr const char* kTable = "pre_proceedings";

  std::string child_id;
  Date start;  // PPStartDate / prep_pre_pro_decision_date
  OptDate referral_date;  // the CIN episode it was recorded under, when known
  int episode_ordinal = 1;
  OptDate letter_before_proceedings;
  OptDate initial_meeting;
  OptDate step_decision;
  OptDate court_application;
  OptDate letter_issue_care_proceedings;
  std::optional<bool> fgdm_offered;
  std::optional<bool> fgdm_facilitated;
  std::optional<int> review_meetings;
  std::string outcome;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("start", s.start, FieldRole::kKey);
    v("referral_date", s.referral_date, FieldRole::kData);
    v("episode_ordinal", s.episode_ordinal, FieldRole::kData);
    v("letter_before_proceedings", s.letter_before_proceedings, FieldRole::kData);
    v("initial_meeting", s.initial_meeting, FieldRole::kData);
    v("step_decision", s.step_decision, FieldRole::kData);
    v("court_application", s.court_application, FieldRole::kData);
    v("letter_issue_care_proceedings", s.letter_issue_care_proceedings, FieldRole::kData);
    v("fgdm_offered", s.fgdm_offered, FieldRole::kData);
    v("fgdm_facilitated", s.fgdm_facilitated, FieldRole::kData);
    v("review_meetings", s.review_meetings, FieldRole::kData);
    v("outcome", s.outcome, FieldRole::kData);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_CHILDREN_IN_NEED_H_
