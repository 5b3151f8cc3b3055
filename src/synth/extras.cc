#include "synth/extras.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "synth/dates.h"

namespace beacon::synth {

void build_youth_justice(World& w, Rng& rng) {
  const Date from = w.window.start;
  const Date as_at = w.window.as_at;
  std::vector<int> candidates;
  for (size_t i = 0; i < w.children.size(); ++i) {
    const Child& c = w.children[i];
    if (!c.in_output) continue;
    if (age_at(c.birth, as_at) >= 10 && age_at(c.birth, from) <= 17)
      candidates.push_back(static_cast<int>(i));
  }
  if (candidates.empty()) return;
  const int span = from.days_until(as_at);
  const int per_year = std::max(1, static_cast<int>(std::lround(420 * w.options.scale)));
  const int total = per_year * span / 365;
  std::set<std::pair<int, int32_t>> seen;
  auto add = [&](int child, Date d, const char* type) -> YouthJusticeRow* {
    if (!seen.insert({child, d.serial()}).second) return nullptr;
    YouthJusticeRow row;
    row.child = child;
    row.disposal = d;
    row.type = type;
    // Proven re-offending: about 36% within 12 months, some later.
    double x = rng.uniform();
    if (x < 0.34) row.reoffence = d.add_days(rng.range(14, 365));
    else if (x < 0.46) row.reoffence = d.add_days(rng.range(366, 700));
    if (row.reoffence && *row.reoffence > as_at) row.reoffence.reset();
    w.youth_justice.push_back(row);
    return &w.youth_justice.back();
  };
  static const char* types[] = {"court", "caution", "custody_release"};
  for (int n = 0; n < total; ++n) {
    Date d = from.add_days(rng.range(0, span));
    for (int tries = 0; tries < 30; ++tries) {
      int child = candidates[static_cast<size_t>(rng.range(0, static_cast<int>(candidates.size()) - 1))];
      int age = age_at(w.children[static_cast<size_t>(child)].birth, d);
      if (age < 10 || age > 17) continue;
      YouthJusticeRow* row = add(child, d, types[rng.weighted({55, 35, 10})]);
      // A re-offence usually brings a further disposal.
      for (int k = 0; row && row->reoffence && k < 4; ++k) {
        Date next = row->reoffence->add_days(rng.range(30, 150));
        if (next > as_at || age_at(w.children[static_cast<size_t>(child)].birth, next) > 17) break;
        row = add(child, next, types[rng.weighted({70, 10, 20})]);
      }
      break;
    }
  }
  std::stable_sort(w.youth_justice.begin(), w.youth_justice.end(),
                   [](const YouthJusticeRow& a, const YouthJusticeRow& b) {
                     return a.disposal != b.disposal ? a.disposal < b.disposal : a.child < b.child;
                   });
}

void build_population(World& w) {
  for (int y = w.window.start.year() - 1; y <= w.window.as_at.year(); ++y) {
    double growth = 1.0 + 0.004 * (y - 2021);
    w.population.push_back({y, std::llround(250000.0 * w.options.scale * growth)});
  }
}

void build_targets(World& w) {
  // Domain.md §3: target, tolerance band, polarity (published 2018/19).
  static const TargetRow rows[] = {
      {"KPI1", 85, 75, 95, "high"},   {"KPI2", 21, 17, 24, "low"},
      {"KPI3", 85, 80, 90, "high"},   {"KPI4", 30, 24, 36, "low"},
      {"KPI5", 80, 75, 85, "high"},   {"KPI6", 12, 9, 14, "low"},
      {"KPI7", 65, 62, 69, "high"},   {"KPI8", 96, 86, 100, "high"},
      {"KPI9", 55, 50, 80, "high"},   {"KPI10", 240, 220, 260, "low"},
      {"KPI11", 45, 30, 60, "low"},   {"KPI12", 13, 10, 15, "low"},
      {"KPI13", 25, 20, 30, "band"},  {"KPI14", 15, 12, 20, "band"},
      {"KPI15", 86, 80, 90, "high"}};
  for (const auto& r : rows) w.targets.push_back(r);
}

}  // namespace beacon::synth
