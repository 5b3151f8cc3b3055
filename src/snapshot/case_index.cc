#include "snapshot/case_index.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "snapshot/attribution.h"

namespace beacon {
namespace {

std::vector<Date> holiday_dates(const CaseHistory& h) {
  std::vector<Date> dates;
  for (const auto& b : shipped_bank_holidays()) dates.push_back(b.date);
  for (const auto& b : h.bank_holidays) dates.push_back(b.date);
  return dates;
}

template <class R, class Key>
void index_by_child(const std::vector<R>& records, Key key, StringMap<std::vector<const R*>>& out) {
  for (const auto& r : records) out[key(r)].push_back(&r);
}

template <class R, class DateOf>
void sort_lists(StringMap<std::vector<const R*>>& lists, DateOf date_of) {
  for (auto& [id, list] : lists)
    std::stable_sort(list.begin(), list.end(), [&](const R* a, const R* b) {
      return std::make_pair(date_of(*a), a->ordinal) < std::make_pair(date_of(*b), b->ordinal);
    });
}

template <class Map, class T = typename Map::mapped_type::value_type>
std::span<const T> lookup(const Map& map, std::string_view key) {
  auto it = map.find(key);
  if (it == map.end()) return {};
  return std::span<const T>(it->second.data(), it->second.size());
}

void note_date(OptDate& latest, const Date& d) {
  if (!latest || d > *latest) latest = d;
}
void note_date(OptDate& latest, const OptDate& d) {
  if (d) note_date(latest, *d);
}

}  // namespace

CaseIndex::CaseIndex(CaseHistory history)
    : history_(std::move(history)),
      calendar_(holiday_dates(history_)),
      organisation_(history_.org_units, history_.workers, history_.allocations) {
  for (const auto& c : history_.children) children_.emplace(c.id, &c);

  index_by_child(
      history_.cin_episodes, [](const CinEpisode& r) { return r.child_id; }, referrals_);
  sort_lists(referrals_, [](const CinEpisode& r) { return r.referral_date; });
  index_by_child(
      history_.cp_plans, [](const CpPlan& r) { return r.child_id; }, cp_plans_);
  sort_lists(cp_plans_, [](const CpPlan& r) { return r.start; });
  index_by_child(
      history_.allocations, [](const Allocation& r) { return r.child_id; }, allocations_);
  sort_lists(allocations_, [](const Allocation& r) { return r.start; });
  for (const auto& [child_id, list] : allocations_) {
    auto& views = allocation_views_[child_id];
    for (const Allocation* a : list) {
      std::string_view team = organisation_.team_of(a->worker_id);
      views.push_back(
          {a, is_social_worker_role(a->role), team.empty() ? std::string_view(a->team_id) : team});
    }
  }
  index_by_child(
      history_.adoptions, [](const Adoption& r) { return r.child_id; }, adoptions_);
  sort_lists(adoptions_, [](const Adoption& r) { return r.decision_date.value_or(Date()); });
  index_by_child(
      history_.assessments, [](const Assessment& r) { return r.episode.child_id; }, assessments_);
  sort_lists(assessments_, [](const Assessment& r) { return r.start; });
  index_by_child(
      history_.la_reviews, [](const LaReview& r) { return r.child_id; }, la_reviews_);
  sort_lists(la_reviews_, [](const LaReview& r) { return r.date; });

  std::map<std::string, std::vector<const LaEpisode*>, std::less<>> episodes;
  for (const auto& e : history_.la_episodes) episodes[e.child_id].push_back(&e);
  for (auto& [child_id, list] : episodes) periods_[child_id] = build_periods_of_care(list);
  // In child id order (the ordered map's), whatever the hash map's order.
  for (const auto& [child_id, list] : episodes) {
    const auto& periods = periods_.at(child_id);
    for (const auto& p : periods) all_periods_.push_back(&p);
    auto stored = periods_.find(child_id);  // the map's own key outlives `episodes`
    children_in_care_.push_back({stored->first, child(child_id),
                                 std::span<const PeriodOfCare>(periods.data(), periods.size()),
                                 allocation_views(child_id)});
  }

  {
    StringMap<uint32_t> worker_number, child_number;
    for (const Allocation& a : history_.allocations) {
      if (!is_case_holding_role(a.role)) continue;
      auto [w, new_worker] = worker_number.try_emplace(a.worker_id, caseholding_workers_.size());
      if (new_worker) caseholding_workers_.push_back(a.worker_id);
      auto [c, new_child] = child_number.try_emplace(a.child_id, child_number.size());
      (void)new_child;
      caseholding_.push_back({a.start.serial(), a.end ? a.end->serial() : INT32_MAX, w->second,
                              c->second});
    }
  }

  for (uint32_t i = 0; i < history_.cin_episodes.size(); ++i)
    cin_episode_spans_.add(history_.cin_episodes[i].referral_date,
                           history_.cin_episodes[i].closure_date, i);
  for (uint32_t i = 0; i < history_.cin_plans.size(); ++i)
    cin_plan_spans_.add(history_.cin_plans[i].start, history_.cin_plans[i].end, i);
  for (uint32_t i = 0; i < history_.cp_plans.size(); ++i)
    cp_plan_spans_.add(history_.cp_plans[i].start, history_.cp_plans[i].end, i);
  for (uint32_t i = 0; i < history_.assessments.size(); ++i)
    assessment_spans_.add(history_.assessments[i].start, history_.assessments[i].authorised, i);
  for (OpenSpans* spans : {&cin_episode_spans_, &cin_plan_spans_, &cp_plan_spans_, &assessment_spans_})
    spans->finish();

  for (const auto& s : history_.supervisions) supervisions_[s.worker_id].push_back(s.date);
  for (auto& [id, dates] : supervisions_) std::sort(dates.begin(), dates.end());

  for (const auto& r : history_.cin_episodes) {
    note_date(latest_date_, r.referral_date);
    note_date(latest_date_, r.closure_date);
  }
  for (const auto& r : history_.assessments) note_date(latest_date_, r.authorised);
  for (const auto& r : history_.la_episodes) {
    note_date(latest_date_, r.start);
    note_date(latest_date_, r.end);
  }
  for (const auto& r : history_.cp_plans) note_date(latest_date_, r.start);
  for (const auto& r : history_.contacts) note_date(latest_date_, r.received.date);
}

const Child* CaseIndex::child(std::string_view id) const {
  auto it = children_.find(id);
  return it == children_.end() ? nullptr : it->second;
}

std::span<const CinEpisode* const> CaseIndex::referrals(std::string_view id) const {
  return lookup(referrals_, id);
}
std::span<const CpPlan* const> CaseIndex::cp_plans(std::string_view id) const {
  return lookup(cp_plans_, id);
}
std::span<const PeriodOfCare> CaseIndex::periods_of_care(std::string_view id) const {
  return lookup(periods_, id);
}
std::span<const Allocation* const> CaseIndex::allocations(std::string_view id) const {
  return lookup(allocations_, id);
}
namespace {
template <class R>
std::vector<const R*> records_numbered(const std::vector<R>& table, const std::vector<uint32_t>& numbers) {
  std::vector<const R*> out;
  out.reserve(numbers.size());
  for (uint32_t n : numbers) out.push_back(&table[n]);
  return out;
}
}  // namespace

std::vector<const CinEpisode*> CaseIndex::cin_episodes_open_at(Date d) const {
  return records_numbered(history_.cin_episodes, cin_episode_spans_.open_at(d));
}
std::vector<const CinPlan*> CaseIndex::cin_plans_open_at(Date d) const {
  return records_numbered(history_.cin_plans, cin_plan_spans_.open_at(d));
}
std::vector<const CpPlan*> CaseIndex::cp_plans_open_at(Date d) const {
  return records_numbered(history_.cp_plans, cp_plan_spans_.open_at(d));
}
std::vector<const Assessment*> CaseIndex::assessments_open_at(Date d) const {
  return records_numbered(history_.assessments, assessment_spans_.open_at(d));
}

std::span<const AllocationView> CaseIndex::allocation_views(std::string_view id) const {
  return lookup(allocation_views_, id);
}
std::span<const Adoption* const> CaseIndex::adoptions(std::string_view id) const {
  return lookup(adoptions_, id);
}
std::span<const Assessment* const> CaseIndex::assessments(std::string_view id) const {
  return lookup(assessments_, id);
}
std::span<const LaReview* const> CaseIndex::la_reviews(std::string_view id) const {
  return lookup(la_reviews_, id);
}
std::span<const Date> CaseIndex::supervisions(std::string_view worker_id) const {
  return lookup(supervisions_, worker_id);
}

}  // namespace beacon
