#include "qa/briefing.h"

#include <algorithm>
#include <set>

namespace beacon::qa {

int GradeCounts::total() const {
  int t = 0;
  for (int x : n) t += x;
  return t;
}

int GradeCounts::good_or_better() const { return n[0] + n[1] + n[2]; }

std::optional<double> GradeCounts::share_good_or_better() const {
  int t = total();
  return t ? std::optional<double>(static_cast<double>(good_or_better()) / t) : std::nullopt;
}

CycleGrades cycle_grades(const Cycle& cycle, const std::vector<Evaluation>& evaluations) {
  CycleGrades g;
  g.cycle_id = cycle.id;
  g.cycle_name = cycle.name;
  for (const Pillar& p : kPillars) g.by_pillar[std::string(p.id)];
  g.by_pillar["overall"];
  for (const Evaluation& e : evaluations) {
    if (e.cycle_id != cycle.id || e.status != EvaluationStatus::kSubmitted) continue;
    ++g.evaluations;
    for (const Pillar& p : kPillars)
      if (auto x = pillar_grade(e.answers, p.id)) g.by_pillar[std::string(p.id)].add(*x);
    if (auto x = overall_grade(e.answers)) g.by_pillar["overall"].add(*x);
  }
  return g;
}

Briefing learning_briefing(const Cycle& cycle, const std::vector<Cycle>& previous_cycles,
                           const std::vector<Evaluation>& evaluations,
                           const std::vector<Recommendation>& recommendations, Date as_at,
                           const std::function<std::string(const std::string& team_id,
                                                           const std::string& kind)>& unit_of) {
  Briefing b;
  b.cycle = cycle;
  b.grades = cycle_grades(cycle, evaluations);
  std::vector<Cycle> earlier = previous_cycles;
  std::sort(earlier.begin(), earlier.end(), [](const Cycle& x, const Cycle& y) {
    return x.start != y.start ? x.start < y.start : x.id < y.id;
  });
  for (const Cycle& c : earlier)
    if (c.id != cycle.id) b.previous.push_back(cycle_grades(c, evaluations));

  // Themes: how often each was tagged this cycle, and in how many cycles.
  std::map<std::string, ThemeCount> themes;
  std::map<std::string, std::set<int64_t>> seen_in;
  for (const Evaluation& e : evaluations) {
    if (e.status != EvaluationStatus::kSubmitted) continue;
    auto it = e.answers.find("learning.themes");
    if (it == e.answers.end()) continue;
    for (const std::string& t : split_tags(it->second)) {
      themes[t].theme = t;
      seen_in[t].insert(e.cycle_id);
      if (e.cycle_id == cycle.id) ++themes[t].this_cycle;
    }
  }
  for (auto& [t, c] : themes) {
    c.cycles_seen = static_cast<int>(seen_in[t].size());
    b.themes.push_back(c);
  }
  std::stable_sort(b.themes.begin(), b.themes.end(), [](const ThemeCount& x, const ThemeCount& y) {
    return x.this_cycle != y.this_cycle ? x.this_cycle > y.this_cycle
                                        : x.cycles_seen > y.cycles_seen;
  });

  std::set<int64_t> revisit_ids;
  for (const Evaluation& e : evaluations) {
    if (e.cycle_id != cycle.id || e.status != EvaluationStatus::kSubmitted) continue;
    if (e.revisit) {
      ++b.revisits;
      revisit_ids.insert(e.id);
    }
    auto g = overall_grade(e.answers);
    if (!g) continue;
    b.overall_by_locality[unit_of(e.team_id, "locality")].add(*g);
    b.overall_by_service[unit_of(e.team_id, "service")].add(*g);
  }
  std::vector<Recommendation> mine;
  for (const Recommendation& r : recommendations) {
    if (r.cycle_id == cycle.id) mine.push_back(r);
    if (r.revisit_evaluation_id && revisit_ids.count(r.revisit_evaluation_id))
      ++b.revisit_impact[r.impact];
  }
  std::stable_sort(mine.begin(), mine.end(), [](const Recommendation& x, const Recommendation& y) {
    return x.due != y.due ? x.due < y.due : x.id < y.id;
  });
  b.actions = recommendation_report(mine, as_at)[""];
  b.recommendations = std::move(mine);
  return b;
}

}  // namespace beacon::qa
