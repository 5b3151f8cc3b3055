#include "qa/moderation.h"

#include <algorithm>
#include <set>

#include "qa/sampling.h"

namespace beacon::qa {

Result<std::map<std::string, Grade>> moderation_grades(const Answers& given) {
  std::map<std::string, Grade> out;
  std::string missing;
  auto take = [&](const std::string& key, std::string_view label, bool overall) {
    auto it = given.find(key + ".grade");
    std::optional<Grade> g;
    if (it != given.end()) g = parse_grade(it->second);
    if (!g || (!overall && *g == Grade::kGoodWithOutstanding)) {
      missing += (missing.empty() ? "" : ", ") + std::string(label);
      return;
    }
    out[key] = *g;
  };
  for (const Pillar& p : kPillars) take(std::string(p.id), p.label, false);
  take("overall", "Overall grade", true);
  if (!missing.empty())
    return Status::invalid_input("grade every pillar and overall; missing: " + missing);
  return out;
}

AgreementReport agreement(const std::vector<Evaluation>& evaluations,
                          const std::vector<Moderation>& moderations) {
  std::map<int64_t, const Evaluation*> by_id;
  for (const Evaluation& e : evaluations)
    if (e.status == EvaluationStatus::kSubmitted) by_id[e.id] = &e;
  AgreementReport report;
  for (const Pillar& p : kPillars) report.by_pillar[std::string(p.id)];
  report.by_pillar["overall"];
  for (const Moderation& m : moderations) {
    auto it = by_id.find(m.evaluation_id);
    if (it == by_id.end()) continue;
    for (const auto& [key, moderated] : m.grades) {
      std::optional<Grade> original = key == "overall" ? overall_grade(it->second->answers)
                                                       : pillar_grade(it->second->answers, key);
      if (!original) continue;
      Agreement& a = report.by_pillar[key];
      ++a.compared;
      a.agreed += *original == moderated;
      ++a.confusion[grade_index(*original)][grade_index(moderated)];
    }
  }
  return report;
}

std::vector<int64_t> choose_for_moderation(const std::vector<Evaluation>& evaluations,
                                           const std::vector<Moderation>& done, int count,
                                           uint64_t seed) {
  std::set<int64_t> moderated;
  for (const Moderation& m : done) moderated.insert(m.evaluation_id);
  std::vector<int64_t> pool;
  for (const Evaluation& e : evaluations)
    if (e.status == EvaluationStatus::kSubmitted && !moderated.count(e.id)) pool.push_back(e.id);
  std::sort(pool.begin(), pool.end());
  SeededRandom rng(seed);
  rng.shuffle(pool);
  if (count >= 0 && static_cast<size_t>(count) < pool.size()) pool.resize(count);
  std::sort(pool.begin(), pool.end());
  return pool;
}

}  // namespace beacon::qa
