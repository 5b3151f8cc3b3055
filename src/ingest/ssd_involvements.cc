// ssd_involvements → Allocation (who holds a child's case, when),
// ssd_pre_proceedings → PreProceedings.
#include "ingest/ssd_load.h"
#include "ingest/ssd_values.h"

namespace beacon {
namespace {

void read_involvements(SsdLoad& load) {
  SsdFile* f = load.file("ssd_involvements");
  if (!f) return;
  const size_t first = load.batch().records.allocations.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Allocation a;
    a.involvement_id = load.own_id(r, *f);
    a.child_id = load.person(r, "invo_person_id");
    load.resolve(r, "invo_professional_id", SsdRef::kWorker, true);
    a.worker_id = r.text("invo_professional_id");
    a.team_id = r.text("invo_professional_team");
    load.resolve(r, "invo_professional_team", SsdRef::kTeam, false);
    a.role = normalise_involvement_role(r.text("invo_professional_role_id"));
    a.start = r.required_date("invo_involvement_start_date");
    a.end = r.date("invo_involvement_end_date");
    a.change_reason = r.text("invo_worker_change_reason");
    auto* referral = load.resolve(r, "invo_referral_id", SsdRef::kReferral, false);
    load.same_child(r, "invo_referral_id", SsdRef::kReferral, referral, a.child_id);
    a.referral_id = r.text("invo_referral_id");
    if (a.end && *a.end < a.start)
      r.finding("invo_involvement_end_date", "is before the involvement started", "dq.order");
    load.keep(*f, i, r, std::move(a));
  }
  load.number_duplicates<Allocation>(*f, first);
  load.carry<Allocation>(
      *f, {"end", "team_id", "role", "referral_id", "involvement_id", "change_reason"});
}

void read_pre_proceedings(SsdLoad& load) {
  SsdFile* f = load.file("ssd_pre_proceedings");
  if (!f) return;
  const size_t first = load.batch().records.pre_proceedings.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    PreProceedings p;
    p.child_id = load.person(r, "prep_person_id");
    p.start = r.required_date("prep_pre_pro_decision_date");
    p.initial_meeting = r.date("prep_initial_pre_pro_meeting_date");
    p.letter_before_proceedings = r.date("prep_pre_pro_letter_date");
    p.step_decision = r.date("prep_agree_stepdown_issue_date");
    p.letter_issue_care_proceedings = r.date("prep_care_pro_letter_date");
    if (auto n = r.whole_number("prep_pre_pro_meetings_num", 0, 1000))
      p.review_meetings = static_cast<int>(*n);
    p.outcome = r.text("prep_pre_pro_outcome");
    load.keep(*f, i, r, std::move(p));
  }
  load.number_duplicates<PreProceedings>(*f, first);
  load.carry<PreProceedings>(*f, {"letter_before_proceedings", "initial_meeting", "step_decision",
                                  "letter_issue_care_proceedings", "review_meetings", "outcome"});
}

}  // namespace

void read_ssd_involvements(SsdLoad& load) {
  read_involvements(load);
  read_pre_proceedings(load);
}

}  // namespace beacon
