#include "qa/sampling.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace beacon::qa {

uint64_t SeededRandom::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t SeededRandom::below(uint64_t n) {
  // Rejection sampling keeps every value equally likely.
  uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  for (;;) {
    uint64_t x = next();
    if (x < limit) return x % n;
  }
}

std::string_view sample_mode_name(SampleMode m) {
  switch (m) {
    case SampleMode::kRandom:
      return "random";
    case SampleMode::kPerTeam:
      return "per-team";
    case SampleMode::kPerCohort:
      return "per-cohort";
    case SampleMode::kStratified:
      return "stratified";
  }
  return "";
}

std::optional<SampleMode> parse_sample_mode(std::string_view name) {
  for (auto m :
       {SampleMode::kRandom, SampleMode::kPerTeam, SampleMode::kPerCohort, SampleMode::kStratified})
    if (sample_mode_name(m) == name) return m;
  return std::nullopt;
}

namespace {

const std::string& stratum_of(const Candidate& c, Stratum s) {
  switch (s) {
    case Stratum::kTeam:
      return c.team_id;
    case Stratum::kLocality:
      return c.locality_id;
    case Stratum::kCohort:
      return c.cohort;
  }
  return c.team_id;
}

// Largest-remainder shares of `total` in proportion to `sizes`, never more
// than a group holds.
std::vector<int> proportional(const std::vector<int>& sizes, int total) {
  int64_t all = 0;
  for (int s : sizes) all += s;
  std::vector<int> out(sizes.size(), 0);
  if (all == 0 || total <= 0) return out;
  total = static_cast<int>(std::min<int64_t>(total, all));
  std::vector<std::pair<double, size_t>> remainders;
  int given = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    double exact = static_cast<double>(sizes[i]) * total / static_cast<double>(all);
    out[i] = static_cast<int>(std::floor(exact));
    given += out[i];
    remainders.push_back({exact - out[i], i});
  }
  // Biggest remainder first; ties to the earlier group, so the result is stable.
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < total && k < remainders.size(); ++k) {
    size_t i = remainders[k].second;
    if (out[i] < sizes[i]) {
      ++out[i];
      ++given;
    }
  }
  return out;
}

}  // namespace

Result<Sample> draw_sample(const std::vector<Candidate>& candidates, const SamplingRules& rules,
                           const std::vector<std::string>& previous) {
  if (rules.size < 0 || rules.per_group < 0)
    return Status::invalid_input("the sample size cannot be negative");
  if (!(rules.revisit_share >= 0 && rules.revisit_share <= 1))
    return Status::invalid_input("the share of children revisited must be between 0% and 100%");
  // Sorted and de-duplicated so the caller's order cannot change the draw.
  std::vector<Candidate> pool = candidates;
  std::sort(pool.begin(), pool.end(),
            [](const Candidate& a, const Candidate& b) { return a.child_id < b.child_id; });
  pool.erase(
      std::unique(pool.begin(), pool.end(),
                  [](const Candidate& a, const Candidate& b) { return a.child_id == b.child_id; }),
      pool.end());
  std::erase_if(pool, [&](const Candidate& c) {
    return (!rules.teams.empty() && !rules.teams.count(c.team_id)) ||
           (!rules.cohorts.empty() && !rules.cohorts.count(c.cohort));
  });

  SeededRandom rng(rules.seed);
  Sample out;
  std::set<std::string> taken;

  // Revisits: a share of the previous cycle's children, still open.
  std::vector<std::string> prev = previous;
  std::sort(prev.begin(), prev.end());
  prev.erase(std::unique(prev.begin(), prev.end()), prev.end());
  out.revisits_wanted = static_cast<int>(std::ceil(rules.revisit_share * prev.size() - 1e-9));
  rng.shuffle(prev);
  std::map<std::string, const Candidate*> by_id;
  for (const Candidate& c : pool) by_id[c.child_id] = &c;
  int revisits = 0;
  for (const std::string& id : prev) {
    if (revisits == out.revisits_wanted) break;
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      out.revisits_not_open.push_back(id);
      continue;
    }
    out.children.push_back({*it->second, true, "revisit"});
    taken.insert(id);
    ++revisits;
  }
  std::sort(out.revisits_not_open.begin(), out.revisits_not_open.end());

  // The rest, by group (a single group for a random draw).
  auto key = [&](const Candidate& c) -> std::string {
    switch (rules.mode) {
      case SampleMode::kRandom:
        return "all";
      case SampleMode::kPerTeam:
        return c.team_id;
      case SampleMode::kPerCohort:
        return c.cohort;
      case SampleMode::kStratified:
        return stratum_of(c, rules.stratify_by);
    }
    return "all";
  };
  std::map<std::string, std::vector<const Candidate*>> groups;
  for (const Candidate& c : pool)
    if (!taken.count(c.child_id)) groups[key(c)].push_back(&c);

  std::vector<int> wanted;
  if (rules.mode == SampleMode::kPerTeam || rules.mode == SampleMode::kPerCohort) {
    for (const auto& [name, members] : groups)
      wanted.push_back(std::min<int>(rules.per_group, static_cast<int>(members.size())));
  } else {
    std::vector<int> sizes;
    for (const auto& [name, members] : groups) sizes.push_back(static_cast<int>(members.size()));
    wanted = proportional(sizes, std::max(0, rules.size - revisits));
  }
  size_t g = 0;
  for (auto& [name, members] : groups) {
    rng.shuffle(members);
    for (int i = 0; i < wanted[g]; ++i) out.children.push_back({*members[i], false, name});
    ++g;
  }
  return out;
}

}  // namespace beacon::qa
