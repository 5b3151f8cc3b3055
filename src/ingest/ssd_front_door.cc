// The front door: ssd_contacts → Contact, ssd_cin_episodes → CinEpisode,
// ssd_cin_assessments → Assessment, ssd_assessment_factors → the factors of
// an assessment (a contribution of its own, carrying only the factors).
#include <algorithm>
#include <map>

#include "ingest/ssd_json.h"
#include "ingest/ssd_load.h"

namespace beacon {
namespace {

void read_contacts(SsdLoad& load) {
  SsdFile* f = load.file("ssd_contacts");
  if (!f) return;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Contact c;
    c.id = load.own_id(r, *f);
    c.child_id = load.person(r, "cont_person_id");
    c.received = r.required_date_time("cont_contact_date");
    c.source = r.code("cont_contact_source_code", "cin.referral_source", "contact source");
    c.outcome = outcome_text(r.text("cont_contact_outcome_json"));
    load.keep(*f, i, r, std::move(c));
  }
  load.carry<Contact>(*f, {"child_id", "received", "source", "outcome"});
}

void read_cin_episodes(SsdLoad& load) {
  SsdFile* f = load.file("ssd_cin_episodes");
  if (!f) return;
  auto& episodes = load.batch().records.cin_episodes;
  const size_t first = episodes.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    CinEpisode e;
    e.referral_id = load.own_id(r, *f);
    e.child_id = load.person(r, "cine_person_id");
    e.referral_date = r.required_date("cine_referral_date");
    e.referral_source =
        r.code("cine_referral_source_code", "cin.referral_source", "referral source");
    e.primary_need = r.code("cine_cin_primary_need_code", "cin.primary_need", "primary need");
    e.nfa = r.flag("cine_referral_nfa");
    e.closure_date = r.date("cine_close_date");
    e.closure_reason = r.code("cine_close_reason", "cin.closure_reason", "reason for closure");
    e.team_id = r.text("cine_referral_team");
    load.resolve(r, "cine_referral_team", SsdRef::kTeam, false);
    e.worker_id = r.text("cine_referral_worker_id");
    load.resolve(r, "cine_referral_worker_id", SsdRef::kWorker, false);
    if (e.closure_date && *e.closure_date < e.referral_date)
      r.finding("cine_close_date", "is before the referral date", "dq.order");
    load.keep(*f, i, r, std::move(e));
  }
  load.number_duplicates<CinEpisode>(*f, first);
  for (size_t i = first; i < episodes.size(); ++i)
    load.provide(SsdRef::kReferral, episodes[i].referral_id,
                 {episodes[i].child_id, episodes[i].ref(), {}, 1, {}});
  load.mark_built(SsdRef::kReferral);
  load.carry<CinEpisode>(*f, {"referral_id", "referral_source", "primary_need", "closure_date",
                              "closure_reason", "nfa", "team_id", "worker_id"});
}

void read_assessments(SsdLoad& load) {
  SsdFile* f = load.file("ssd_cin_assessments");
  if (!f) return;
  auto& assessments = load.batch().records.assessments;
  const size_t first = assessments.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Assessment a;
    a.assessment_id = load.own_id(r, *f);
    auto child = load.person(r, "cina_person_id");
    auto* referral = load.resolve(r, "cina_referral_id", SsdRef::kReferral, false);
    load.same_child(r, "cina_referral_id", SsdRef::kReferral, referral, child);
    a.episode = referral ? referral->episode : EpisodeRef{child, std::nullopt, 1};
    a.start = r.required_date("cina_assessment_start_date");
    a.authorised = r.date("cina_assessment_auth_date");
    a.child_seen = r.flag("cina_assessment_child_seen");
    a.outcome_nfa = r.flag("cina_assessment_outcome_nfa");
    a.team_id = r.text("cina_assessment_team");
    load.resolve(r, "cina_assessment_team", SsdRef::kTeam, false);
    a.worker_id = r.text("cina_assessment_worker_id");
    load.resolve(r, "cina_assessment_worker_id", SsdRef::kWorker, false);
    if (a.authorised && *a.authorised < a.start)
      r.finding("cina_assessment_auth_date", "is before the assessment started", "dq.order");
    load.keep(*f, i, r, std::move(a));
  }
  load.number_duplicates<Assessment>(*f, first);
  for (size_t i = first; i < assessments.size(); ++i) {
    const auto& a = assessments[i];
    load.provide(SsdRef::kAssessment, a.assessment_id,
                 {a.episode.child_id, a.episode, a.start, a.ordinal, {}});
  }
  load.mark_built(SsdRef::kAssessment);
  load.carry<Assessment>(
      *f, {"assessment_id", "authorised", "child_seen", "outcome_nfa", "team_id", "worker_id"});
}

void read_assessment_factors(SsdLoad& load) {
  SsdFile* f = load.file("ssd_assessment_factors");
  if (!f) return;
  std::map<std::string, size_t> index;  // assessment id → position in `records`
  std::vector<Assessment> records;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    auto* assessment = load.resolve(r, "cinf_assessment_id", SsdRef::kAssessment, true);
    auto codes = parse_code_list(r.text("cinf_assessment_factors_json"));
    if (!codes) {
      r.error("cinf_assessment_factors_json",
              "is not a list of factor codes (write a JSON list such as [\"1A\",\"3B\"], or "
              "codes separated by commas)",
              "value.code-list");
    } else {
      for (auto& code : *codes) {
        code = ascii_upper(code);
        r.check_code("cinf_assessment_factors_json", code, "cin.assessment_factor",
                     "assessment factor");
      }
    }
    if (!r.ok() || !assessment) {
      f->rejected[i] = 1;
      continue;
    }
    auto [it, fresh] = index.try_emplace(r.text("cinf_assessment_id"), records.size());
    if (fresh) {
      Assessment a;
      a.episode = assessment->episode;
      a.start = assessment->start;
      a.ordinal = assessment->ordinal;
      a.line = r.line();
      records.push_back(std::move(a));
    }
    auto& factors = records[it->second].factors;
    for (auto& code : *codes)
      if (std::find(factors.begin(), factors.end(), code) == factors.end())
        factors.push_back(std::move(code));
  }
  for (auto& a : records) load.add(*f, a.line, std::move(a));
  load.carry<Assessment>(*f, {"factors"});
}

}  // namespace

void read_ssd_front_door(SsdLoad& load) {
  read_contacts(load);
  read_cin_episodes(load);
  read_assessments(load);
  read_assessment_factors(load);
}

}  // namespace beacon
