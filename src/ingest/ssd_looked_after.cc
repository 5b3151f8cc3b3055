// Children looked after. An SSDA903-style episode (LaEpisode) is built from
// three SSD tables: ssd_cla_episodes gives DECOM, RNE, DEC, REC and the
// category of need; the placement it names (clae_cla_placement_id, in
// ssd_cla_placement) gives PLACE, provider, postcode, URN and the reason for
// a change; ssd_legal_status gives the legal status in force on the day the
// episode starts. The episodes' contribution carries all of these, and the
// placement and legal-status files contribute no records of their own.
// ssd_cla_reviews → LaReview, the child found through clar_cla_id.
#include <algorithm>
#include <map>

#include "ingest/ssd_load.h"

namespace beacon {
namespace {

struct LegalStatus {
  Date start;
  OptDate end;
  std::string code;
};

// ssd_cla_placement, checked and made available to the episodes naming it.
// Returns the sound placements by CLA ID, for episodes naming none.
std::map<std::string, std::vector<SsdPlacement>> read_placements(SsdLoad& load) {
  std::map<std::string, std::vector<SsdPlacement>> by_cla;
  SsdFile* f = load.file("ssd_cla_placement");
  if (!f) return by_cla;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    auto id = load.own_id(r, *f);
    auto* person = load.resolve(r, "clap_person_id", SsdRef::kPerson, false);
    auto* cla = load.resolve(r, "clap_cla_id", SsdRef::kCla, false);
    SsdPlacement p;
    p.cla_id = r.text("clap_cla_id");
    p.start = r.date("clap_cla_placement_start_date");
    p.end = r.date("clap_cla_placement_end_date");
    p.place = r.code("clap_cla_placement_type", "903.place", "placement type");
    p.provider = r.code("clap_cla_placement_provider", "903.place_provider", "placement provider");
    p.postcode = ascii_upper(r.text("clap_cla_placement_postcode"));
    p.urn = r.text("clap_cla_placement_urn");
    p.reason_change = r.code("clap_cla_placement_change_reason", "903.reason_place_change",
                             "reason for placement change");
    if (!r.ok()) {
      f->rejected[i] = 1;
      continue;
    }
    SsdTarget t;
    t.child_id = person ? r.text("clap_person_id") : cla ? cla->child_id : std::string();
    t.placement = p;
    load.provide(SsdRef::kPlacement, id, std::move(t));
    if (!p.cla_id.empty()) by_cla[p.cla_id].push_back(std::move(p));
  }
  load.mark_built(SsdRef::kPlacement);
  return by_cla;
}

// ssd_legal_status by child, or nullopt when the extract lacks the table.
std::optional<std::map<std::string, std::vector<LegalStatus>>> read_legal_statuses(SsdLoad& load) {
  SsdFile* f = load.file("ssd_legal_status");
  if (!f) return std::nullopt;
  std::map<std::string, std::vector<LegalStatus>> by_child;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    auto child = load.person(r, "lega_person_id");
    LegalStatus s;
    s.code = r.code("lega_legal_status", "903.ls", "legal status");
    s.start = r.required_date("lega_legal_status_start_date");
    s.end = r.date("lega_legal_status_end_date");
    if (s.code.empty() && r.ok())
      r.error("lega_legal_status", "is blank; a legal-status row needs its code", "value.blank");
    if (s.end && *s.end < s.start)
      r.error("lega_legal_status_end_date", "is before the legal status started", "value.order");
    if (!r.ok()) {
      f->rejected[i] = 1;
      continue;
    }
    by_child[child].push_back(std::move(s));
  }
  return by_child;
}

// The status in force on `day`: the latest to start on or before it, not ended before it.
const LegalStatus* in_force(const std::vector<LegalStatus>& statuses, Date day) {
  const LegalStatus* best = nullptr;
  for (const auto& s : statuses)
    if (s.start <= day && (!s.end || *s.end >= day) && (!best || best->start < s.start)) best = &s;
  return best;
}

void take_placement(LaEpisode& e, const SsdPlacement& p) {
  e.place = p.place;
  e.provider = p.provider;
  e.placement_postcode = p.postcode;
  e.urn = p.urn;
  e.reason_place_change = p.reason_change;
}

void read_episodes(SsdLoad& load) {
  auto placements_by_cla = read_placements(load);
  auto legal_statuses = read_legal_statuses(load);
  SsdFile* f = load.file("ssd_cla_episodes");
  if (!f) return;
  // Earlier loads' episodes, for what this extract's other tables do not say.
  std::map<std::string, const LaEpisode*> stored;
  for (const auto& e : load.existing().la_episodes)
    if (!e.episode_id.empty()) stored.try_emplace(e.episode_id, &e);
  std::map<std::string, std::pair<std::string, int>> cla_child;  // CLA ID → child, line
  auto& episodes = load.batch().records.la_episodes;
  const size_t first = episodes.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    LaEpisode e;
    e.episode_id = load.own_id(r, *f);
    e.child_id = load.person(r, "clae_person_id");
    e.start = r.required_date("clae_cla_episode_start_date");
    e.rne = r.code("clae_cla_episode_start_reason", "903.rne", "reason for new episode");
    e.need = r.code("clae_cla_primary_need_code", "903.cin", "category of need");
    e.end = r.date("clae_cla_episode_ceased_date");
    e.reason_ceased = r.code("clae_cla_episode_ceased_reason", "903.rec", "reason episode ceased");
    e.cla_id = r.text("clae_cla_id");
    auto* referral = load.resolve(r, "clae_referral_id", SsdRef::kReferral, false);
    load.same_child(r, "clae_referral_id", SsdRef::kReferral, referral, e.child_id);
    if (!e.cla_id.empty()) {
      auto [it, fresh] = cla_child.try_emplace(e.cla_id, e.child_id, r.line());
      if (!fresh && it->second.first != e.child_id)
        r.error("clae_cla_id",
                "'" + e.cla_id + "' belongs to child '" + it->second.first + "' at line " +
                    std::to_string(it->second.second),
                "ref.other-child");
    }
    if (e.end && *e.end < e.start)
      r.error("clae_cla_episode_ceased_date", "is before the episode started", "value.order");

    const LaEpisode* before = nullptr;
    if (auto it = stored.find(e.episode_id); it != stored.end()) before = it->second;
    e.placement_id = r.text("clae_cla_placement_id");
    if (!e.placement_id.empty()) {
      auto* placement = load.resolve(r, "clae_cla_placement_id", SsdRef::kPlacement, false);
      load.same_child(r, "clae_cla_placement_id", SsdRef::kPlacement, placement, e.child_id);
      if (placement) take_placement(e, placement->placement);
    } else if (auto it = placements_by_cla.find(e.cla_id); it != placements_by_cla.end()) {
      // No placement named: the one of the same period of care under way on DECOM.
      const SsdPlacement* best = nullptr;
      for (const auto& p : it->second)
        if (p.start && *p.start <= e.start && (!p.end || *p.end > e.start) &&
            (!best || *best->start < *p.start))
          best = &p;
      if (best) take_placement(e, *best);
    } else if (before) {
      take_placement(e, {"",
                         {},
                         {},
                         before->place,
                         before->provider,
                         before->placement_postcode,
                         before->urn,
                         before->reason_place_change});
    }

    if (legal_statuses) {
      auto it = legal_statuses->find(e.child_id);
      const LegalStatus* status =
          it == legal_statuses->end() ? nullptr : in_force(it->second, e.start);
      if (status)
        e.legal_status = status->code;
      else
        r.finding("clae_cla_episode_start_date",
                  "no legal status in ssd_legal_status is in force on " + e.start.iso(),
                  "dq.no-legal-status");
    } else if (before) {
      e.legal_status = before->legal_status;
    }
    load.keep(*f, i, r, std::move(e));
  }
  load.number_duplicates<LaEpisode>(*f, first);
  for (size_t i = first; i < episodes.size(); ++i)
    if (!episodes[i].cla_id.empty())
      load.provide(SsdRef::kCla, episodes[i].cla_id, {episodes[i].child_id, {}, {}, 1, {}});
  load.mark_built(SsdRef::kCla);
  if (!legal_statuses)
    load.note(
        "ssd_legal_status is not in this extract: looked-after episodes keep the legal "
        "status already loaded for them");
  load.carry<LaEpisode>(
      *f, {"episode_id", "cla_id", "placement_id", "rne", "legal_status", "need", "place",
           "provider", "end", "reason_ceased", "reason_place_change", "placement_postcode", "urn"});
}

void read_cla_reviews(SsdLoad& load) {
  SsdFile* f = load.file("ssd_cla_reviews");
  if (!f) return;
  const size_t first = load.batch().records.la_reviews.size();
  int not_held = 0;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    LaReview v;
    v.review_id = load.own_id(r, *f);
    auto* cla = load.resolve(r, "clar_cla_id", SsdRef::kCla, true);
    if (cla) v.child_id = cla->child_id;
    auto date = r.date("clar_cla_review_date");
    v.due = r.date("clar_cla_review_due_date", DateUse::kPlanned);
    v.cancelled = r.flag("clar_cla_review_cancelled");
    v.participation =
        r.code("clar_cla_review_participation", "903.review_code", "review participation");
    if (r.ok() && !date) {  // scheduled, not yet held
      ++not_held;
      continue;
    }
    v.date = date.value_or(Date());
    load.keep(*f, i, r, std::move(v));
  }
  load.number_duplicates<LaReview>(*f, first);
  if (not_held > 0)
    load.note("ssd_cla_reviews: " + std::to_string(not_held) +
              " reviews have no review date (not yet held) and are not loaded");
  load.carry<LaReview>(*f, {"review_id", "participation", "due", "cancelled"});
}

}  // namespace

void read_ssd_looked_after(SsdLoad& load) {
  read_episodes(load);
  read_cla_reviews(load);
}

}  // namespace beacon
