#include "synth/record_counter.h"

#include <algorithm>

#include "model/case_history.h"
#include "model/field_text.h"

namespace beacon::synth {
namespace {

// Two independent 64-bit FNV-1a style hashes of the key: 128 bits make a
// collision among a few million keys vanishingly unlikely, at 16 bytes a key.
std::pair<uint64_t, uint64_t> hash128(const std::string& s) {
  uint64_t a = 0xcbf29ce484222325ull, b = 0x84222325cbf29ce4ull;
  for (unsigned char ch : s) {
    a = (a ^ ch) * 0x100000001b3ull;
    b = (b ^ ch) * 0x9E3779B97F4A7C15ull;
    b ^= b >> 29;
  }
  return {a, b};
}

EpisodeRef episode(const std::string& child, Date referral) { return {child, referral, 1}; }

}  // namespace

void RecordCounter::add(const char* table, const std::string& natural_key) {
  keys_[table].push_back(hash128(natural_key));
}

void RecordCounter::child(const std::string& id) {
  beacon::Child r;
  r.id = id;
  add(Child::kTable, natural_key(r));
}
void RecordCounter::contact(const std::string& id) {
  Contact r;
  r.id = id;
  add(Contact::kTable, natural_key(r));
}
void RecordCounter::cin_episode(const std::string& child, Date referral) {
  CinEpisode r;
  r.child_id = child;
  r.referral_date = referral;
  add(CinEpisode::kTable, natural_key(r));
}
void RecordCounter::assessment(const std::string& child, Date referral, Date start, int ordinal) {
  Assessment r;
  r.episode = episode(child, referral);
  r.start = start;
  r.ordinal = ordinal;
  add(Assessment::kTable, natural_key(r));
}
void RecordCounter::cin_plan(const std::string& child, Date referral, Date start) {
  CinPlan r;
  r.episode = episode(child, referral);
  r.start = start;
  add(CinPlan::kTable, natural_key(r));
}
void RecordCounter::section47(const std::string& child, Date referral, Date start) {
  Section47 r;
  r.episode = episode(child, referral);
  r.start = start;
  add(Section47::kTable, natural_key(r));
}
void RecordCounter::cp_plan(const std::string& child, Date start) {
  CpPlan r;
  r.child_id = child;
  r.start = start;
  add(CpPlan::kTable, natural_key(r));
}
void RecordCounter::cp_review(const std::string& child, Date plan_start, Date date) {
  CpReview r;
  r.plan = {child, plan_start, 1};
  r.date = date;
  add(CpReview::kTable, natural_key(r));
}
void RecordCounter::visit(const char* kind, const std::string& visit_id) {
  Visit r;
  r.kind = kind;
  r.visit_id = visit_id;
  add(Visit::kTable, natural_key(r));
}
void RecordCounter::la_episode(const std::string& child, Date start) {
  LaEpisode r;
  r.child_id = child;
  r.start = start;
  add(LaEpisode::kTable, natural_key(r));
}
void RecordCounter::la_review(const std::string& child, Date date) {
  LaReview r;
  r.child_id = child;
  r.date = date;
  add(LaReview::kTable, natural_key(r));
}
void RecordCounter::missing_episode(const std::string& child, Date start) {
  MissingEpisode r;
  r.child_id = child;
  r.start = start;
  add(MissingEpisode::kTable, natural_key(r));
}
void RecordCounter::oc2_outcome(const std::string& child, int year) {
  Oc2Outcome r;
  r.child_id = child;
  r.collection_year = year;
  add(Oc2Outcome::kTable, natural_key(r));
}
void RecordCounter::care_leaver_return(const std::string& child, int year) {
  CareLeaverReturn r;
  r.child_id = child;
  r.collection_year = year;
  add(CareLeaverReturn::kTable, natural_key(r));
}
void RecordCounter::care_leaver(const std::string& child) {
  CareLeaver r;
  r.child_id = child;
  add(CareLeaver::kTable, natural_key(r));
}
void RecordCounter::adoption(const std::string& child, Date decision) {
  Adoption r;
  r.child_id = child;
  r.decision_date = decision;
  add(Adoption::kTable, natural_key(r));
}
void RecordCounter::placement_decision(const std::string& child, Date decision) {
  PlacementDecision r;
  r.child_id = child;
  r.decision_date = decision;
  add(PlacementDecision::kTable, natural_key(r));
}
void RecordCounter::org_unit(const std::string& id) {
  OrgUnit r;
  r.id = id;
  add(OrgUnit::kTable, natural_key(r));
}
void RecordCounter::worker(const std::string& id) {
  beacon::Worker r;
  r.id = id;
  add(Worker::kTable, natural_key(r));
}
void RecordCounter::allocation(const std::string& child, const std::string& worker, Date start) {
  Allocation r;
  r.child_id = child;
  r.worker_id = worker;
  r.start = start;
  add(Allocation::kTable, natural_key(r));
}
void RecordCounter::supervision(const std::string& worker, Date date) {
  Supervision r;
  r.worker_id = worker;
  r.date = date;
  add(Supervision::kTable, natural_key(r));
}
void RecordCounter::established_post(const std::string& unit, Date from) {
  EstablishedPost r;
  r.unit_id = unit;
  r.from = from;
  add(EstablishedPost::kTable, natural_key(r));
}
void RecordCounter::population_estimate(int year) {
  PopulationEstimate r;
  r.year = year;
  add(PopulationEstimate::kTable, natural_key(r));
}
void RecordCounter::youth_justice(const std::string& person, Date disposal) {
  YouthJusticeDisposal r;
  r.person_id = person;
  r.disposal_date = disposal;
  add(YouthJusticeDisposal::kTable, natural_key(r));
}
void RecordCounter::indicator_target(const std::string& indicator, int year) {
  IndicatorTarget r;
  r.indicator_id = indicator;
  r.financial_year = year;
  add(IndicatorTarget::kTable, natural_key(r));
}

std::map<std::string, int64_t> RecordCounter::counts() const {
  std::map<std::string, int64_t> out;
  CaseHistory every;
  every.for_each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table)>::value_type;
    out[R::kTable] = 0;
  });
  for (const auto& [table, keys] : keys_) {
    std::vector<Hash> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    out[table] = std::unique(sorted.begin(), sorted.end()) - sorted.begin();
  }
  return out;
}

}  // namespace beacon::synth
