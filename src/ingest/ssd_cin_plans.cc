// Children in need after assessment: ssd_cin_plans → CinPlan,
// ssd_s47_enquiry → Section47, and ssd_initial_cp_conference → the ICPC of
// the section 47 enquiry it names (a contribution of its own carrying the
// conference's date, target date and identifier).
#include <map>

#include "ingest/ssd_load.h"

namespace beacon {
namespace {

// The referral a row names, as the episode its record hangs from; a row
// naming none hangs from the child alone.
EpisodeRef episode_of(SsdLoad& load, RowFields& r, std::string_view column,
                      const std::string& child) {
  auto* referral = load.resolve(r, column, SsdRef::kReferral, false);
  load.same_child(r, column, SsdRef::kReferral, referral, child);
  return referral ? referral->episode : EpisodeRef{child, std::nullopt, 1};
}

void read_cin_plans(SsdLoad& load) {
  SsdFile* f = load.file("ssd_cin_plans");
  if (!f) return;
  const size_t first = load.batch().records.cin_plans.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    CinPlan p;
    p.plan_id = load.own_id(r, *f);
    auto child = load.person(r, "cinp_person_id");
    p.episode = episode_of(load, r, "cinp_referral_id", child);
    p.start = r.required_date("cinp_cin_plan_start_date");
    p.end = r.date("cinp_cin_plan_end_date");
    p.team_id = r.text("cinp_cin_plan_team");
    load.resolve(r, "cinp_cin_plan_team", SsdRef::kTeam, false);
    p.worker_id = r.text("cinp_cin_plan_worker_id");
    load.resolve(r, "cinp_cin_plan_worker_id", SsdRef::kWorker, false);
    if (p.end && *p.end < p.start)
      r.finding("cinp_cin_plan_end_date", "is before the plan started", "dq.order");
    load.keep(*f, i, r, std::move(p));
  }
  load.number_duplicates<CinPlan>(*f, first);
  load.carry<CinPlan>(*f, {"plan_id", "end", "team_id", "worker_id"});
}

void read_s47_enquiries(SsdLoad& load) {
  SsdFile* f = load.file("ssd_s47_enquiry");
  if (!f) return;
  auto& enquiries = load.batch().records.section47s;
  const size_t first = enquiries.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Section47 s;
    s.s47_id = load.own_id(r, *f);
    auto child = load.person(r, "s47e_person_id");
    s.episode = episode_of(load, r, "s47e_referral_id", child);
    s.start = r.required_date("s47e_s47_start_date");
    s.end = r.date("s47e_s47_end_date");
    s.team_id = r.text("s47e_s47_completed_by_team");
    load.resolve(r, "s47e_s47_completed_by_team", SsdRef::kTeam, false);
    s.worker_id = r.text("s47e_s47_completed_by_worker_id");
    load.resolve(r, "s47e_s47_completed_by_worker_id", SsdRef::kWorker, false);
    load.keep(*f, i, r, std::move(s));
  }
  load.number_duplicates<Section47>(*f, first);
  for (size_t i = first; i < enquiries.size(); ++i) {
    const auto& s = enquiries[i];
    load.provide(SsdRef::kS47, s.s47_id, {s.episode.child_id, s.episode, s.start, s.ordinal, {}});
  }
  load.mark_built(SsdRef::kS47);
  load.carry<Section47>(*f, {"s47_id", "end", "team_id", "worker_id"});
}

void read_conferences(SsdLoad& load) {
  SsdFile* f = load.file("ssd_initial_cp_conference");
  if (!f) return;
  std::map<std::string, int> conference_of;  // S47 id → line of the conference used
  std::vector<Section47> records;
  int without_enquiry = 0;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    auto id = load.own_id(r, *f);
    auto child = load.person(r, "icpc_person_id");
    auto* enquiry = load.resolve(r, "icpc_s47_enquiry_id", SsdRef::kS47, false);
    load.same_child(r, "icpc_s47_enquiry_id", SsdRef::kS47, enquiry, child);
    auto* referral = load.resolve(r, "icpc_referral_id", SsdRef::kReferral, false);
    load.same_child(r, "icpc_referral_id", SsdRef::kReferral, referral, child);
    load.resolve(r, "icpc_cp_plan_id", SsdRef::kCpPlan, false);
    load.resolve(r, "icpc_icpc_team", SsdRef::kTeam, false);
    load.resolve(r, "icpc_icpc_worker_id", SsdRef::kWorker, false);
    Section47 s;
    s.icpc_id = id;
    s.icpc_date = r.date("icpc_icpc_date");
    s.icpc_target = r.date("icpc_icpc_target_date", DateUse::kPlanned);
    if (!r.ok()) {
      f->rejected[i] = 1;
      continue;
    }
    load.provide(SsdRef::kConference, id, {child, {}, {}, 1, {}});
    if (!enquiry) {  // e.g. a conference transferred in from another authority
      ++without_enquiry;
      continue;
    }
    auto s47 = r.text("icpc_s47_enquiry_id");
    auto [it, fresh] = conference_of.try_emplace(s47, r.line());
    if (!fresh) {
      r.finding("icpc_s47_enquiry_id",
                "section 47 enquiry '" + s47 + "' already has its conference at line " +
                    std::to_string(it->second) + "; this one is not used",
                "dq.second-conference");
      continue;
    }
    s.episode = enquiry->episode;
    s.start = enquiry->start;
    s.ordinal = enquiry->ordinal;
    s.line = r.line();
    records.push_back(std::move(s));
  }
  load.mark_built(SsdRef::kConference);
  for (auto& s : records) load.add(*f, s.line, std::move(s));
  if (without_enquiry > 0)
    load.note("ssd_initial_cp_conference: " + std::to_string(without_enquiry) +
              " conferences name no section 47 enquiry (transferred in, say) and are not used by "
              "Beacon");
  load.carry<Section47>(*f, {"icpc_id", "icpc_date", "icpc_target"});
}

}  // namespace

void read_ssd_cin_plans(SsdLoad& load) {
  read_cin_plans(load);
  read_s47_enquiries(load);
  read_conferences(load);
}

}  // namespace beacon
