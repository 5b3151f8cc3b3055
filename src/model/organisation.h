// The organisation and its workforce: units (organisation → locality →
// service → team), workers, who holds which child when (allocations),
// supervision and established posts.
#ifndef BEACON_MODEL_ORGANISATION_H_
#define BEACON_MODEL_ORGANISATION_H_

#include "model/record.h"

namespace beacon {

// One node of the structure. The root has kind "organisation" and no parent.
struct OrgUnit : Record {
  static constexpr const char* kTable = "org_units";

  std::string id;
  std::string name;
  std::string kind;        // organisation | locality | service | team
  std::string parent_id;   // empty for the root
  std::string manager_id;  // worker who manages the unit (team manager, head of service)

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("id", s.id, FieldRole::kKey);
    v("name", s.name, FieldRole::kData);
    v("kind", s.kind, FieldRole::kData);
    v("parent_id", s.parent_id, FieldRole::kData);
    v("manager_id", s.manager_id, FieldRole::kData);
  }
};

// A professional: SSD ssd_professionals, completed by the local workers table.
struct Worker : Record {
  static constexpr const char* kTable = "workers";

  std::string id;
  std::string staff_id;
  std::string name;
  std::string registration_no;  // Social Work England number; non-empty = qualified
  std::string job_title;
  // Role category: social_worker | senior_practitioner | team_manager |
  // service_manager | personal_adviser | family_support | other.
  std::string role;
  std::string team_id;
  std::optional<bool> agency;   // agency or interim (not employed directly)
  std::optional<double> fte;
  OptDate in_post_from;
  OptDate in_post_to;
  std::string line_manager_id;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("id", s.id, FieldRole::kKey);
    v("staff_id", s.staff_id, FieldRole::kData);
    v("name", s.name, FieldRole::kData);
    v("registration_no", s.registration_no, FieldRole::kData);
    v("job_title", s.job_title, FieldRole::kData);
    v("role", s.role, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("agency", s.agency, FieldRole::kData);
    v("fte", s.fte, FieldRole::kData);
    v("in_post_from", s.in_post_from, FieldRole::kData);
    v("in_post_to", s.in_post_to, FieldRole::kData);
    v("line_manager_id", s.line_manager_id, FieldRole::kData);
  }
};

// Who holds a child's case, and when (SSD ssd_involvements, SSDA903 SWEpisodes).
struct Allocation : Record {
  static constexpr const char* kTable = "allocations";

  std::string child_id;
  std::string worker_id;
  Date start;
  OptDate end;
  std::string team_id;
  // "social_worker" for the allocated social worker; other roles as given
  // (personal_adviser, iro, family_support, …).
  std::string role;
  std::string referral_id;
  std::string involvement_id;
  std::string change_reason;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("child_id", s.child_id, FieldRole::kKey);
    v("worker_id", s.worker_id, FieldRole::kKey);
    v("start", s.start, FieldRole::kKey);
    v("end", s.end, FieldRole::kData);
    v("team_id", s.team_id, FieldRole::kData);
    v("role", s.role, FieldRole::kData);
    v("referral_id", s.referral_id, FieldRole::kData);
    v("involvement_id", s.involvement_id, FieldRole::kData);
    v("change_reason", s.change_reason, FieldRole::kData);
  }
};

// A recorded supervision of a worker (local table).
struct Supervision : Record {
  static constexpr const char* kTable = "supervisions";

  std::string worker_id;
  Date date;
  std::string supervisor_id;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("worker_id", s.worker_id, FieldRole::kKey);
    v("date", s.date, FieldRole::kKey);
    v("supervisor_id", s.supervisor_id, FieldRole::kData);
  }
};

// Established social-worker posts (including team managers) in a unit, over time.
struct EstablishedPost : Record {
  static constexpr const char* kTable = "established_posts";

  std::string unit_id;
  Date from;
  OptDate to;
  double fte = 0;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("unit_id", s.unit_id, FieldRole::kKey);
    v("from", s.from, FieldRole::kKey);
    v("to", s.to, FieldRole::kData);
    v("fte", s.fte, FieldRole::kData);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_ORGANISATION_H_
