#include "worklists/worklist.h"

#include <algorithm>
#include <climits>
#include <map>
#include <tuple>

#include "core/string_map.h"
#include "indicators/logic_support.h"
#include "snapshot/attribution.h"

namespace beacon {
namespace {

// True when the item belongs to the unit: a worker's own, or a team's (or
// any unit's) through the team it is attributed to.
bool in_scope(const WorkItem& item, const std::string& unit_id, const OrganisationTree& org) {
  if (unit_id.empty() || unit_id == org.root_id()) return true;
  if (org.worker(unit_id)) return item.worker_id == unit_id;
  return !item.team_id.empty() && org.within(item.team_id, unit_id);
}

// Upcoming items past the horizon are left out (overdue ones never are).
bool within_horizon(const WorkItem& item, const WorklistOptions& o) {
  if (item.status != WorkStatus::kUpcoming) return true;
  return o.include_upcoming && item.due && o.as_at.days_until(*item.due) <= o.horizon_days;
}

class Builder {
 public:
  Builder(const CaseIndex& index, const Parameters& params, const WorklistOptions& options)
      : index_(index), params_(params), opt_(options), at_(options.as_at) {
    for (const Visit& v : index.history().visits) {
      if (v.status == "draft") continue;
      visits_[{v.kind, v.child_id}].push_back(v.date.date);  // views into the snapshot
    }
    for (auto& [key, dates] : visits_) std::sort(dates.begin(), dates.end());
  }

  std::vector<WorkItem> build() {
    assessments();
    cin_plans();
    cp_plans();
    looked_after();
    pathway_plans();
    plans_not_started();
    draft_visits();
    // Stable, so ties keep the order found and any unit's list is the same
    // items in the same order as the whole organisation's list filtered.
    std::stable_sort(items_.begin(), items_.end(), [](const WorkItem& a, const WorkItem& b) {
      auto rank = [](const WorkItem& i) { return i.past_due() ? 0 : 1; };
      return std::make_tuple(rank(a), a.due.value_or(Date()), a.child_id, a.kind) <
             std::make_tuple(rank(b), b.due.value_or(Date()), b.child_id, b.kind);
    });
    return std::move(items_);
  }

 private:
  // The latest final visit of this kind on or after `from`, else `from`.
  Date last_visit(std::string_view kind, std::string_view child, Date from) const {
    auto it = visits_.find({kind, child});
    Date last = from;
    if (it != visits_.end())
      for (Date d : it->second)
        if (d >= from && d <= at_) last = d;
    return last;
  }

  void add(std::string kind, std::string title, std::string_view child_id, OptDate since, Date due,
           bool working_days) {
    WorkItem item;
    item.kind = std::move(kind);
    item.title = std::move(title);
    item.child_id = child_id;
    item.since = since;
    item.due = due;
    item.working_days = working_days;
    item.days_left = working_days ? index_.calendar().working_days(at_, due) : at_.days_until(due);
    const int warn = params_.get_int("assessment_warning_working_days");
    if (due < at_) item.status = WorkStatus::kOverdue;
    else if (working_days ? item.days_left <= warn : item.days_left <= 7) item.status = WorkStatus::kDueSoon;
    else item.status = WorkStatus::kUpcoming;
    if (!within_horizon(item, opt_)) return;
    finish(item);
  }

  void finish(WorkItem& item) {
    auto a = attribute(index_, item.child_id, at_);
    item.worker_id = a.worker_id;
    item.team_id = a.team_id;
    if (!in_scope(item, opt_.unit_id, index_.organisation())) return;
    if (const Child* c = index_.child(item.child_id)) {
      item.child_name = c->forename;
      if (!c->surname.empty()) item.child_name += (item.child_name.empty() ? "" : " ") + c->surname;
    }
    items_.push_back(std::move(item));
  }

  void assessments() {
    const int limit = params_.get_int("assessment_working_days");
    for (const Assessment& a : index_.history().assessments) {
      if (a.start > at_ || (a.authorised && *a.authorised <= at_)) continue;
      const CinEpisode* e = logic::find_episode(index_, a.episode);
      if (e && e->closure_date && *e->closure_date <= at_) continue;
      add("assessment", "Assessment due (45 working days)", a.episode.child_id, a.start,
          index_.calendar().add_working_days(a.start, limit), true);
    }
  }

  void cin_plans() {
    const int limit = params_.get_int("cin_visit_working_days");
    for (const CinPlan& p : index_.history().cin_plans) {
      if (p.start > at_ || (p.end && *p.end <= at_)) continue;
      Date last = last_visit("cin", p.episode.child_id, p.start);
      add("cin-visit", "CIN plan visit due", p.episode.child_id, last,
          index_.calendar().add_working_days(last, limit), true);
    }
  }

  void cp_plans() {
    const int limit = params_.get_int("cp_visit_working_days");
    std::map<PlanRef, std::vector<Date>> reviews;
    for (const CpReview& r : index_.history().cp_reviews)
      if (r.date <= at_) reviews[r.plan].push_back(r.date);
    for (const CpPlan& p : index_.history().cp_plans) {
      if (p.start > at_ || (p.end && *p.end <= at_)) continue;
      Date last = last_visit("cp", p.child_id, p.start);
      add("cp-visit", "CP visit due", p.child_id, last,
          index_.calendar().add_working_days(last, limit), true);
      auto& held = reviews[p.ref()];
      std::sort(held.begin(), held.end());
      if (held.empty())
        add("cp-review", "First CP review conference due", p.child_id, p.start, p.start.add_months(3), false);
      else
        add("cp-review", "CP review conference due", p.child_id, held.back(), held.back().add_months(6), false);
    }
  }

  void looked_after() {
    std::string_view last_child;
    for (const PeriodOfCare* p : index_.all_periods_of_care()) {
      if (p->child_id == last_child) continue;
      auto la = logic::looked_after_at(index_, p->child_id, at_);
      if (!la.episode) continue;
      last_child = p->child_id;
      const Date start = la.period->start();
      Date last = last_visit("cla", p->child_id, start);
      add("cla-visit", "Looked-after visit due", p->child_id, last, last.add_days(42), false);
      std::vector<Date> held;
      for (const LaReview* r : index_.la_reviews(p->child_id))
        if (r->date >= start && r->date <= at_ && !(r->cancelled && *r->cancelled)) held.push_back(r->date);
      if (held.empty())
        add("cla-review", "First looked-after review due (20 working days)", p->child_id, start,
            index_.calendar().add_working_days(start, 20), true);
      else
        add("cla-review", "Looked-after review due", p->child_id, held.back(),
            held.back().add_months(held.size() == 1 ? 3 : 6), false);
    }
  }

  void pathway_plans() {
    for (const CareLeaver& c : index_.history().care_leavers)
      if (c.pathway_plan_review && *c.pathway_plan_review <= at_)
        add("pathway-plan-review", "Pathway plan review due", c.child_id, c.pathway_plan_review,
            c.pathway_plan_review->add_months(6), false);
  }

  // An open episode whose assessment found a need (not NFA) but where no plan
  // (CIN, CP) or care followed within the CIN-plan working-day limit.
  void plans_not_started() {
    const int limit = params_.get_int("cin_plan_working_days");
    std::map<EpisodeRef, std::vector<const CinPlan*>> plans;
    for (const CinPlan& p : index_.history().cin_plans) plans[p.episode].push_back(&p);
    std::map<EpisodeRef, std::vector<const Section47*>> enquiries;
    for (const Section47& s : index_.history().section47s) enquiries[s.episode].push_back(&s);
    for (const CinEpisode& e : index_.history().cin_episodes) {
      if (e.referral_date > at_ || (e.closure_date && *e.closure_date <= at_)) continue;
      const Assessment* latest = nullptr;
      for (const Assessment* a : index_.assessments(e.child_id))
        if (a->episode == e.ref() && a->authorised && *a->authorised <= at_ &&
            !(a->outcome_nfa && *a->outcome_nfa))
          latest = a;
      if (!latest) continue;
      const Date from = *latest->authorised;
      bool followed = false;
      for (const CinPlan* p : plans[e.ref()])
        if (p->start <= at_ && (!p->end || *p->end > from)) followed = true;
      for (const CpPlan* p : index_.cp_plans(e.child_id))
        if (p->start <= at_ && (!p->end || *p->end > from)) followed = true;
      for (const Section47* s : enquiries[e.ref()])
        if (s->start >= from) followed = true;
      if (!followed && logic::looked_after_at(index_, e.child_id, at_).episode) followed = true;
      if (followed) continue;
      const Date due = index_.calendar().add_working_days(from, limit);
      if (due >= at_) continue;  // still within time
      WorkItem item;
      item.kind = "plan-not-started";
      item.title = "No plan since the assessment";
      item.child_id = e.child_id;
      item.since = from;
      item.due = due;
      item.working_days = true;
      item.days_left = index_.calendar().working_days(at_, due);
      item.status = WorkStatus::kOverdue;
      finish(item);
    }
  }

  void draft_visits() {
    const int64_t now = int64_t{at_.serial() + 1} * 86400;
    for (const Visit& v : index_.history().visits) {
      if (v.status != "draft" || v.date.date > at_) continue;
      const DateTime recorded = v.recorded_at.value_or(v.date);
      if (now - recorded.epoch_seconds() <= 48 * 3600) continue;
      WorkItem item;
      item.kind = "draft-visit";
      item.title = "Visit recorded but still in draft after 48 hours";
      item.child_id = v.child_id;
      item.since = recorded.date;
      item.due = recorded.date.add_days(2);
      item.days_left = at_.days_until(*item.due);
      item.status = WorkStatus::kDraft;
      finish(item);
    }
  }

  const CaseIndex& index_;
  const Parameters& params_;
  const WorklistOptions& opt_;
  const Date at_;
  std::map<std::pair<std::string_view, std::string_view>, std::vector<Date>> visits_;
  std::vector<WorkItem> items_;
};

}  // namespace

std::string time_left_text(const WorkItem& w) {
  if (!w.due) return "–";
  const int n = w.days_left < 0 ? -w.days_left : w.days_left;
  const std::string days =
      std::to_string(n) + (w.working_days ? " working day" : " calendar day") + (n == 1 ? "" : "s");
  if (w.days_left < 0) return days + " overdue";
  if (w.days_left == 0) return w.past_due() ? "Due today, not done" : "Due today";
  return days + " left";
}

const char* work_status_name(WorkStatus s) {
  switch (s) {
    case WorkStatus::kDueSoon: return "due-soon";
    case WorkStatus::kOverdue: return "overdue";
    case WorkStatus::kDraft: return "draft";
    case WorkStatus::kUpcoming: return "upcoming";
  }
  return "upcoming";
}

const char* work_status_label(WorkStatus s) {
  switch (s) {
    case WorkStatus::kDueSoon: return "Due soon";
    case WorkStatus::kOverdue: return "Overdue";
    case WorkStatus::kDraft: return "Overdue (draft)";
    case WorkStatus::kUpcoming: return "Upcoming";
  }
  return "Upcoming";
}

Result<std::vector<WorkItem>> build_worklist(const CaseIndex& index, const Parameters& params,
                                             const WorklistOptions& options) {
  const auto& org = index.organisation();
  if (!options.unit_id.empty() && !org.unit(options.unit_id) && !org.worker(options.unit_id))
    return Status::not_found("no organisation unit or worker with id " + options.unit_id);
  return Builder(index, params, options).build();
}

Result<WorklistView> worklist_view(const IndicatorEngine& engine, const WorklistOptions& options) {
  const auto& org = engine.index().organisation();
  if (!options.unit_id.empty() && !org.unit(options.unit_id) && !org.worker(options.unit_id))
    return Status::not_found("no organisation unit or worker with id " + options.unit_id);
  // The whole organisation's items for the day, every upcoming one kept.
  WorklistView view;
  view.owner = engine.memo<std::vector<WorkItem>>(
      "worklist|" + options.as_at.iso(), [&]() -> std::shared_ptr<const std::vector<WorkItem>> {
        WorklistOptions everything;
        everything.as_at = options.as_at;
        everything.horizon_days = INT_MAX;
        return std::make_shared<const std::vector<WorkItem>>(
            Builder(engine.index(), engine.parameters(), everything).build());
      });
  // Which unit the list is for is decided once, and each team's answer
  // remembered: a request walks every item of the organisation's day.
  const std::string& unit = options.unit_id;
  const bool everyone = unit.empty() || unit == org.root_id();
  const bool worker = !everyone && org.worker(unit) != nullptr;
  StringMap<bool> team_within;
  auto wanted = [&](const WorkItem& item) {
    if (everyone) return true;
    if (worker) return item.worker_id == unit;
    if (item.team_id.empty()) return false;
    auto [it, added] = team_within.try_emplace(item.team_id, false);
    if (added) it->second = org.within(item.team_id, unit);
    return it->second;
  };
  for (const WorkItem& item : *view.owner)
    if (within_horizon(item, options) && wanted(item)) view.items.push_back(&item);
  return view;
}

Result<std::vector<WorkItem>> build_worklist(const IndicatorEngine& engine,
                                             const WorklistOptions& options) {
  auto view = worklist_view(engine, options);
  if (!view) return view.status();
  std::vector<WorkItem> out;
  out.reserve(view->items.size());
  for (const WorkItem* item : view->items) out.push_back(*item);
  return out;
}

}  // namespace beacon
