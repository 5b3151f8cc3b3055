// The synthetic organisation as one in-memory world: its structure and
// workforce, and every child's journey through children's social care.
//
// The world is built once (build_world) and then written out in each file
// format; every writer reads the same world, so the SSD extract, the CIN
// census, the SSDA903 returns and the local tables agree record by record.
// Indices (int) point into World's vectors; -1 means "none".
#ifndef BEACON_SYNTH_WORLD_H_
#define BEACON_SYNTH_WORLD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "synth/options.h"

namespace beacon::synth {

// ---------------------------------------------------------------- structure

enum class TeamKind : uint8_t {
  kNone,  // not a team (organisation, locality, service)
  kFrontDoor,
  kAsti,  // assessment and short-term intervention
  kSafeguarding,
  kChildrenInCare,
  kLeavingCare,
  kFamilySupport,
  kDisability,
  kUasc,
  kEdgeOfCare,
  kNoRecourse,
  kYouthOffending,
  kFostering,
  kAdoption,
  kIro,  // independent reviewing officers and CP chairs
};

enum Locality : int8_t { kEast = 0, kNorthWestCentral = 1, kSouth = 2, kCitywide = 3 };
constexpr int kLocalities = 4;

struct Unit {
  std::string id;
  std::string name;
  std::string kind;  // organisation | locality | service | team
  int parent = -1;
  int manager = -1;  // worker managing the unit at as_at (or last one), -1 when vacant
  TeamKind team_kind = TeamKind::kNone;
  int locality = -1;
  std::vector<int> workers;  // every worker who has been in this unit (teams and services)
};

struct Worker {
  std::string id;
  std::string staff_id;
  std::string name;
  std::string registration_no;  // Social Work England number; empty = unqualified
  std::string job_title;
  std::string role;        // social_worker | senior_practitioner | team_manager | …
  std::string employment;  // employed | agency | interim
  int unit = -1;
  double fte = 1.0;
  Date from;
  OptDate to;  // last day in post; empty = still in post at as_at
  int line_manager = -1;
  bool case_holding = false;  // takes children's cases (allocations)
  int caseload_30_sept = 0;   // children allocated on the last 30 September
};

struct EstablishedPostRow {
  int unit = -1;
  Date from;
  OptDate to;
  double fte = 0;
};

struct SupervisionRow {
  int worker = -1;
  Date date;
  int supervisor = -1;
};

// ---------------------------------------------------------------- children

struct ContactRec {
  std::string id;
  DateTime received;
  OptDateTime decided;  // empty: not decided by as_at
  std::string source;
  std::string outcome;
  int worker = -1;
  int team = -1;
};

struct AssessmentRec {
  std::string id;
  Date start;
  OptDate authorised;
  std::vector<std::string> factors;
  bool child_seen = true;
  bool outcome_nfa = false;
  int worker = -1;
  int team = -1;
  int ordinal = 1;  // 2 for a duplicate recorded the same day (a data-quality defect)
};

struct CinPlanRec {
  std::string id;
  Date start;
  OptDate end;
  int worker = -1;
  int team = -1;
};

struct Section47Rec {
  std::string id;
  std::string icpc_id;
  Date start;
  OptDate end;        // the enquiry's conclusion: the ICPC, or the decision none is needed
  Date icpc_target;   // 15 working days after the start
  OptDate icpc_date;  // empty: no conference (or not yet held)
  bool icpc_not_required = false;
  bool cp_plan_followed = false;
  int worker = -1;
  int team = -1;
};

struct CpReviewRec {
  std::string id;
  Date due;
  Date date;
  bool plan_continues = true;
};

struct CpPlanRec {
  std::string id;
  Date start;
  OptDate end;
  std::string initial_category;
  std::string latest_category;
  int previous_plans = 0;
  int section47 = -1;  // index in the referral's section47s
  std::vector<CpReviewRec> reviews;
  int worker = -1;
  int team = -1;
};

struct Referral {
  std::string id;
  Date date;
  std::string source;
  std::string need;  // N0–N9
  OptDate closure;
  std::string closure_reason;
  bool nfa = false;
  int worker = -1;  // the front-door worker who took the referral
  int team = -1;
  std::vector<AssessmentRec> assessments;
  std::vector<CinPlanRec> cin_plans;
  std::vector<Section47Rec> section47s;
  std::vector<CpPlanRec> cp_plans;
  // Withdrawn-referral defect: listed only in the CIN census of this
  // collection year (open at its 31 March), then removed from the case system.
  int withdrawn_in_year = 0;
};

struct PlacementRec {
  std::string id;
  Date start;
  OptDate end;
  std::string type;  // PLACE
  std::string provider;
  std::string urn;
  std::string postcode;
  std::string change_reason;  // why the previous placement ended (REASON_PLACE_CHANGE)
  double distance_miles = 0;
  int carer = 0;  // carer number: equal carers mean "same carer" (RNE T/U)
};

struct LegalStatusRec {
  std::string id;
  std::string code;
  Date start;
  OptDate end;
};

struct LaEpisodeRec {
  std::string id;
  Date start;
  OptDate end;
  std::string rne;
  std::string rec;  // empty while open
  std::string reason_place_change;
  int placement = -1;  // index in the period's placements
  int legal = -1;      // index in the period's legal statuses
};

struct LaReviewRec {
  std::string id;
  Date due;
  Date date;
  std::string participation;
};

struct AdoptionRec {
  std::string perm_id;
  Date decision;            // should be placed for adoption (DATE_PLACED / DATE_INT)
  OptDate placement_order;  // E1
  OptDate match;
  OptDate placed;
  OptDate ceased;  // decision reversed
  std::string ceased_reason;
  bool by_foster_carer = false;
  OptDate with_foster_carer_since;
  int adopters = 2;
  std::string adopters_sex;
  std::string adopters_legal_status;
  bool sibling_group = false;
  int siblings_together = 1;
  int adoption_worker = -1;
};

struct CarePeriod {
  std::string cla_id;
  Date start;
  OptDate end;
  bool short_break = false;  // V3/V4 only: ignored by looked-after measures
  int referral = -1;         // index in the child's referrals
  std::string need;          // N1–N8
  std::string home_postcode;
  std::vector<PlacementRec> placements;
  std::vector<LegalStatusRec> legal;
  std::vector<LaEpisodeRec> episodes;
  std::vector<LaReviewRec> reviews;
  bool has_adoption = false;
  AdoptionRec adoption;
  std::string exit_rec() const { return episodes.empty() ? "" : episodes.back().rec; }
};

struct MissingRec {
  std::string id;
  Date start;
  OptDate end;
  char type = 'M';  // M missing, A away
  bool rhi_offered = false;
  bool rhi_accepted = false;
};

struct VisitRec {
  std::string id;
  char kind = 'n';  // n = CIN plan, p = CP plan, l = looked after
  int owner = -1;   // index of the CP plan (in its referral) or care period
  int referral = -1;
  DateTime when;
  bool seen = true;
  bool seen_alone = false;
  bool bedroom_seen = false;
  int worker = -1;
  bool draft = false;
  DateTime recorded;
  OptDateTime finalised;
};

struct AllocationRec {
  std::string id;
  int worker = -1;
  int team = -1;
  Date start;
  OptDate end;
  std::string role;  // social_worker | personal_adviser | family_support
  std::string change_reason;
  int referral = -1;
};

struct Oc3Rec {
  int year = 0;  // collection year
  int age = 0;   // the birthday in that year
  std::string in_touch;
  std::string activity;
  std::string accommodation;
};

struct CareLeaverNow {
  bool present = false;
  std::string id;
  std::string eligibility;
  std::string in_touch;
  Date latest_contact;
  std::string accommodation;  // letter
  std::string suitable;       // 1 or 2
  std::string activity;
  Date pathway_review;
  int worker = -1;
  int team = -1;
};

struct Child {
  std::string id;
  std::string forename;
  std::string surname;
  char sex = 'M';  // M F U
  std::string ethnicity;
  Date birth;       // actual (or expected) birth date
  bool born_before_referral = true;
  std::vector<std::string> disabilities;  // empty: no disability recorded
  bool uasc = false;
  std::string nationality;
  std::string upn;  // given once the child reaches school age
  std::string nhs_number;
  int locality = 0;
  std::string home_postcode;
  bool is_mother = false;
  OptDate mother_child_birth;
  bool send = false;
  bool in_output = false;
  uint64_t stream = 0;  // the child's own random-number streams
  bool missing_ethnicity = false;  // defect: ethnicity left blank everywhere

  std::vector<ContactRec> contacts;
  std::vector<Referral> referrals;
  std::vector<CarePeriod> care;
  std::vector<MissingRec> missing;
  std::vector<VisitRec> visits;
  std::vector<AllocationRec> allocations;
  std::vector<Oc3Rec> oc3;
  CareLeaverNow care_leaver;
  bool care_leaver_eligible = false;
  Date left_care;
};

struct YouthJusticeRow {
  int child = -1;
  Date disposal;
  std::string type;
  OptDate reoffence;
};

struct TargetRow {
  std::string indicator;
  double target = 0;
  double low = 0;
  double high = 0;
  std::string polarity;
};

// Collection years and the look-back of the extract.
struct Window {
  Date as_at;
  Date start;              // 1 April of the first collection year
  std::vector<int> years;  // collection years by starting calendar year, oldest first
  static Date year_start(int y) { return *Date::from_ymd(y, 4, 1); }
  static Date year_end(int y) { return *Date::from_ymd(y + 1, 3, 31); }
};

// What was injected as data-quality defects.
struct DefectCounts {
  int invalid_codes = 0;
  int missing_ethnicity = 0;
  int stale_drafts = 0;
  int duplicate_assessments = 0;
  int withdrawn_referrals = 0;
};

struct World {
  Options options;
  Window window;
  std::vector<Unit> units;
  std::vector<Worker> workers;
  std::vector<EstablishedPostRow> established_posts;
  std::vector<SupervisionRow> supervisions;
  std::vector<Child> children;
  std::vector<YouthJusticeRow> youth_justice;
  std::vector<std::pair<int, int64_t>> population;  // mid-year, children 0–17
  std::vector<TargetRow> targets;
  DefectCounts defects;
};

World build_world(const Options& options);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_WORLD_H_
