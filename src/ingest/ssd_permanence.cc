// ssd_missing → MissingEpisode, ssd_care_leavers → CareLeaver,
// ssd_permanence → Adoption, ssd_cla_previous_permanence → PreviousPermanence.
#include "ingest/ssd_load.h"
#include "ingest/ssd_values.h"

namespace beacon {
namespace {

void read_missing(SsdLoad& load) {
  SsdFile* f = load.file("ssd_missing");
  if (!f) return;
  const size_t first = load.batch().records.missing_episodes.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    MissingEpisode m;
    m.child_id = load.person(r, "miss_person_id");
    m.start = r.required_date("miss_missing_episode_start_date");
    m.end = r.date("miss_missing_episode_end_date");
    auto type = r.text("miss_missing_episode_type");
    auto normal = normalise_missing_type(type);
    m.type = normal ? *normal : ascii_upper(type);
    if (!normal && !type.empty())
      r.finding("miss_missing_episode_type",
                "'" + type + "' is neither missing (M) nor away (A); kept as given",
                "dq.code-unknown");
    // RHI columns are free text in the SSD: a value that is not yes or no is
    // left blank rather than refusing the episode.
    for (auto [column, field] : {std::pair{"miss_missing_rhi_offered", &m.rhi_offered},
                                 std::pair{"miss_missing_rhi_accepted", &m.rhi_accepted}}) {
      auto text = r.text(column);
      *field = parse_yes_no(text);
      if (!*field && !text.empty())
        r.finding(column, "'" + text + "' is not a yes/no value; left blank", "dq.flag");
    }
    if (m.end && *m.end < m.start)
      r.finding("miss_missing_episode_end_date", "is before the episode started", "dq.order");
    load.keep(*f, i, r, std::move(m));
  }
  load.number_duplicates<MissingEpisode>(*f, first);
  load.carry<MissingEpisode>(*f, {"type", "end", "rhi_offered", "rhi_accepted"});
}

void read_care_leavers(SsdLoad& load) {
  SsdFile* f = load.file("ssd_care_leavers");
  if (!f) return;
  const size_t first = load.batch().records.care_leavers.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    CareLeaver c;
    c.child_id = load.person(r, "clea_person_id");
    c.eligibility = r.text("clea_care_leaver_eligibility");
    c.in_touch = r.code("clea_care_leaver_in_touch", "903.in_touch", "in-touch");
    c.latest_contact = r.date("clea_care_leaver_latest_contact");
    c.accommodation = ascii_upper(r.text("clea_care_leaver_accommodation"));
    c.accommodation_suitable = r.text("clea_care_leaver_accom_suitable");
    c.activity = r.code("clea_care_leaver_activity", "903.activ", "activity");
    c.pathway_plan_review = r.date("clea_pathway_plan_review_date");
    c.personal_adviser = r.text("clea_care_leaver_personal_advisor");
    c.team_id = r.text("clea_care_leaver_allocated_team");
    load.resolve(r, "clea_care_leaver_allocated_team", SsdRef::kTeam, false);
    c.worker_id = r.text("clea_care_leaver_worker_id");
    load.resolve(r, "clea_care_leaver_worker_id", SsdRef::kWorker, false);
    load.keep(*f, i, r, std::move(c));
  }
  load.number_duplicates<CareLeaver>(*f, first);
  load.carry<CareLeaver>(
      *f, {"eligibility", "in_touch", "latest_contact", "accommodation", "accommodation_suitable",
           "activity", "pathway_plan_review", "personal_adviser", "team_id", "worker_id"});
}

void read_permanence(SsdLoad& load) {
  SsdFile* f = load.file("ssd_permanence");
  if (!f) return;
  const size_t first = load.batch().records.adoptions.size();
  int not_adoption = 0;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    Adoption a;
    a.child_id = load.person(r, "perm_person_id");
    auto* cla = load.resolve(r, "perm_cla_id", SsdRef::kCla, false);
    load.same_child(r, "perm_cla_id", SsdRef::kCla, cla, a.child_id);
    load.resolve(r, "perm_adoption_worker_id", SsdRef::kWorker, false);
    a.decision_date = r.date("perm_adm_decision_date");
    a.placement_order_date = r.date("perm_placement_order_date");
    a.match_date = r.date("perm_matched_date");
    a.placed_date = r.date("perm_placed_for_adoption_date");
    a.placed_with_foster_carer_date = r.date("perm_placed_foster_carer_date");
    a.by_foster_carer = r.flag("perm_adopted_by_carer_flag");
    if (auto n = r.whole_number("perm_number_of_adopters", 1, 2)) a.number_of_adopters = int(*n);
    a.adopters_sex = r.code("perm_adopter_sex", "903.sex_adoptr", "sex of adopters");
    a.adopters_legal_status =
        r.code("perm_adopter_legal_status", "903.ls_adoptr", "legal status of adopters");
    // Special guardianship and other orders share the table; only a row with
    // an adoption milestone is an adoption.
    if (r.ok() && !a.decision_date && !a.placement_order_date && !a.match_date && !a.placed_date) {
      ++not_adoption;
      continue;
    }
    load.keep(*f, i, r, std::move(a));
  }
  load.number_duplicates<Adoption>(*f, first);
  if (not_adoption > 0)
    load.note("ssd_permanence: " + std::to_string(not_adoption) +
              " rows record no adoption decision, order, match or placement and are not used by "
              "Beacon");
  load.carry<Adoption>(
      *f, {"placement_order_date", "match_date", "placed_date", "placed_with_foster_carer_date",
           "by_foster_carer", "number_of_adopters", "adopters_sex", "adopters_legal_status"});
}

void read_previous_permanence(SsdLoad& load) {
  SsdFile* f = load.file("ssd_cla_previous_permanence");
  if (!f) return;
  const size_t first = load.batch().records.previous_permanence.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    PreviousPermanence p;
    p.child_id = load.person(r, "lapp_person_id");
    p.option = r.code("lapp_previous_permanence_option", "903.prev_perm", "previous permanence");
    p.la = ascii_upper(r.text("lapp_previous_permanence_la"));
    p.date = r.text("lapp_previous_permanence_order_date");  // may be partial, as in PrevPerm
    load.keep(*f, i, r, std::move(p));
  }
  load.number_duplicates<PreviousPermanence>(*f, first);
  load.carry<PreviousPermanence>(*f, {"option", "la", "date"});
}

}  // namespace

void read_ssd_permanence(SsdLoad& load) {
  read_missing(load);
  read_care_leavers(load);
  read_permanence(load);
  read_previous_permanence(load);
}

}  // namespace beacon
