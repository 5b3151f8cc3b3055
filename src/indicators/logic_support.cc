#include "indicators/logic_support.h"

#include <algorithm>

#include <cstdlib>

#include "snapshot/attribution.h"

namespace beacon::logic {

const CinEpisode* find_episode(const CaseIndex& index, const EpisodeRef& ref) {
  if (!ref.referral_date) return nullptr;
  for (const CinEpisode* e : index.referrals(ref.child_id))
    if (e->referral_date == *ref.referral_date && e->ordinal == ref.ordinal) return e;
  return nullptr;
}

OptDate episode_end(const CaseIndex& index, const EpisodeRef& ref) {
  const CinEpisode* e = find_episode(index, ref);
  return e ? e->closure_date : std::nullopt;
}

OptDate containing_episode_end(const CaseIndex& index, const EpisodeRef& ref, Date reference) {
  if (const CinEpisode* e = find_episode(index, ref)) return e->closure_date;
  const CinEpisode* open = nullptr;
  for (const CinEpisode* e : index.referrals(ref.child_id))
    if (e->referral_date <= reference && (!e->closure_date || *e->closure_date > reference) &&
        (!open || e->referral_date > open->referral_date))
      open = e;
  return open ? open->closure_date : OptDate(reference);
}

void attribute_row(const CaseIndex& index, Row& row, Date reference_date,
                   std::string_view own_worker, std::string_view own_team, OptDate episode_end) {
  auto a = attribute(index, row.child_id, reference_date, own_worker, own_team, episode_end);
  row.worker_id = a.worker_id;
  row.team_id = a.team_id;
}

StringMap<std::vector<const Visit*>> recorded_visits_by_child(const CaseIndex& index,
                                                              std::string_view kind) {
  StringMap<std::vector<const Visit*>> out;
  for (const Visit& v : index.history().visits)
    if (v.kind == kind && v.status != "draft") out[v.child_id].push_back(&v);
  for (auto& [child_id, list] : out)
    std::stable_sort(list.begin(), list.end(),
                     [](const Visit* a, const Visit* b) { return a->date < b->date; });
  return out;
}

void attribute_row(const CaseIndex& index, Row& row, Date reference_date,
                   const ChildInCare& in_care) {
  auto a = attribute(index, in_care.allocations, reference_date);
  row.worker_id = a.worker_id;
  row.team_id = a.team_id;
}

std::optional<int64_t> population_near(const CaseIndex& index, Date d) {
  const PopulationEstimate* best = nullptr;
  int best_distance = 0;
  for (const auto& p : index.history().population_estimates) {
    auto mid = Date::from_ymd(p.year, 6, 30);
    if (!mid) continue;
    int distance = std::abs(mid->days_until(d));
    // Ties go to the later estimate: it is the more recent picture.
    if (!best || distance < best_distance || (distance == best_distance && p.year > best->year)) {
      best = &p;
      best_distance = distance;
    }
  }
  if (!best) return std::nullopt;
  return best->children;
}

void add_population_row(const IndicatorContext& ctx, RowSink& out) {
  if (ctx.every_period) {
    out.population_per_period();
    return;
  }
  auto population = population_near(ctx.index, ctx.period.to);
  if (!population) return;
  Row row;
  row.record = "population";
  row.child_id = "population (ONS mid-year estimate, children aged 0-17)";
  row.numerator = 0;
  row.denominator = static_cast<double>(*population);
  row.reason = "denominator: children aged 0-17 in the area";
  row.measure = static_cast<double>(*population);
  row.measure_label = "children";
  out.add(row);
}

std::optional<int> age_at(const Child* child, Date d) {
  if (!child || !child->birth_date) return std::nullopt;
  Date dob = *child->birth_date;
  if (dob > d) return -1;  // not yet born
  int age = d.year() - dob.year();
  while (age > 0 && dob.add_years(age) > d) --age;
  while (dob.add_years(age + 1) <= d) ++age;
  return age;
}

namespace {
// looked_after_at over one child's periods of care, however they were found.
template <class Periods>
LookedAfter looked_after_in(const Periods& periods, Date d) {
  LookedAfter out;
  for (const PeriodOfCare& p : periods) {
    if (p.start() > d) continue;  // episodes are in date order: none has begun
    LookedAfter here;
    for (size_t i = 0; i < p.episodes.size(); ++i) {
      const LaEpisode* e = p.episodes[i];
      if (open_at(*e, d)) here = {&p, e, i};  // the latest-starting if the data overlap
    }
    // Asked only of a period that holds the date: most do not.
    if (here.episode && !p.short_breaks_only()) out = here;
  }
  if (out.episode && is_short_break(out.episode->legal_status)) return {};
  return out;
}

}  // namespace

LookedAfter looked_after_at(const CaseIndex& index, std::string_view child_id, Date d) {
  return looked_after_in(index.periods_of_care(child_id), d);
}

std::vector<ChildLookedAfter> looked_after_children_at(const CaseIndex& index, Date d) {
  std::vector<ChildLookedAfter> out;
  for (const ChildInCare& c : index.children_in_care()) {
    LookedAfter la = looked_after_in(c.periods, d);
    if (la.episode) out.push_back({c.child_id, la, &c});
  }
  return out;
}

}  // namespace beacon::logic
