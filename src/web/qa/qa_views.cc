#include "web/qa/qa_views.h"

#include <algorithm>

#include "indicators/catalogue.h"
#include "indicators/narrative.h"
#include "qa/qa_json.h"
#include "web/view.h"

namespace beacon::web {
namespace {

using nlohmann::json;

json grade_counts_json(const qa::GradeCounts& g) {
  json by = json::object();
  for (qa::Grade grade : qa::kAllGrades)
    by[std::string(qa::grade_name(grade))] = g.n[qa::grade_index(grade)];
  auto share = g.share_good_or_better();
  return {{"total", g.total()},
          {"by_grade", by},
          {"share_good_or_better", share ? json(*share) : json(nullptr)}};
}

json by_pillar_json(const std::map<std::string, qa::GradeCounts>& m) {
  json out = json::object();
  for (const auto& [k, g] : m) out[k] = grade_counts_json(g);
  return out;
}

std::string unit_above(const IndicatorEngine& engine, const std::string& team,
                       const std::string& kind) {
  const auto& org = engine.index().organisation();
  for (const std::string& id : org.chain(team))
    if (const OrgUnit* u = org.unit(id); u && u->kind == kind) return id;
  return "";
}

}  // namespace

bool within_unit(const IndicatorEngine& engine, const std::string& team_id,
                 const std::string& unit) {
  const auto& org = engine.index().organisation();
  if (unit.empty() || unit == org.root_id()) return true;
  return org.within(team_id, unit);
}

std::string percent(std::optional<double> share) {
  if (!share) return "–";
  return std::to_string(static_cast<int>(*share * 100 + 0.5)) + "%";
}

Result<CycleView> cycle_view(QaRequest& q, int64_t cycle_id) {
  auto c = q.store.cycle(cycle_id);
  if (!c) return c.status();
  if (!*c) return Status::not_found("There is no cycle " + std::to_string(cycle_id));
  CycleView v;
  v.cycle = **c;
  auto e = q.store.evaluations({cycle_id, "", ""}, q.scope);
  if (!e) return e.status();
  v.evaluations = std::move(*e);
  auto m = q.store.moderations(cycle_id);
  if (!m) return m.status();
  std::set<int64_t> visible;
  for (const auto& x : v.evaluations) visible.insert(x.id);
  for (auto& x : *m)
    if (visible.count(x.evaluation_id)) v.moderations.push_back(std::move(x));
  v.agreement = qa::agreement(v.evaluations, v.moderations);
  std::map<std::string, std::vector<qa::Moderation>> by_evaluator;
  for (const auto& x : v.moderations) by_evaluator[x.evaluator_id].push_back(x);
  for (const auto& [who, mods] : by_evaluator)
    v.agreement_by_evaluator[who] = qa::agreement(v.evaluations, mods);
  return v;
}

Result<qa::Briefing> briefing_for(QaRequest& q, int64_t cycle_id) {
  auto c = q.store.cycle(cycle_id);
  if (!c) return c.status();
  if (!*c) return Status::not_found("There is no cycle " + std::to_string(cycle_id));
  auto cycles = q.store.cycles();
  if (!cycles) return cycles.status();
  // This cycle and the earlier cycles of the same kind.
  std::vector<qa::Cycle> earlier;
  for (const auto& x : *cycles)
    if (x.kind == (*c)->kind && x.start < (*c)->start) earlier.push_back(x);
  auto evals = q.store.evaluations({}, q.scope);
  if (!evals) return evals.status();
  auto recs = q.store.recommendations(q.scope);
  if (!recs) return recs.status();
  const IndicatorEngine& engine = q.engine;
  return qa::learning_briefing(**c, earlier, *evals, *recs, q.today,
                               [&](const std::string& team, const std::string& kind) {
                                 return unit_above(engine, team, kind);
                               });
}

json briefing_json(const qa::Briefing& b, const IndicatorEngine& engine) {
  const auto& org = engine.index().organisation();
  json previous = json::array();
  for (const auto& p : b.previous)
    previous.push_back({{"cycle_id", p.cycle_id},
                        {"name", p.cycle_name},
                        {"evaluations", p.evaluations},
                        {"by_pillar", by_pillar_json(p.by_pillar)}});
  json themes = json::array();
  for (const auto& t : b.themes)
    themes.push_back({{"theme", t.theme},
                      {"this_cycle", t.this_cycle},
                      {"cycles_seen", t.cycles_seen},
                      {"recurring", t.recurring()}});
  auto named = [&](const std::map<std::string, qa::GradeCounts>& m) {
    json out = json::array();
    for (const auto& [unit, g] : m) {
      json j = grade_counts_json(g);
      j["unit"] = unit;
      j["name"] = unit.empty() ? "Not known" : org.name_of(unit);
      out.push_back(j);
    }
    return out;
  };
  json recs = json::array();
  for (const auto& r : b.recommendations) recs.push_back(qa::to_json(r));
  json impact = json::object();
  for (const auto& [i, n] : b.revisit_impact) impact[std::string(qa::impact_name(i))] = n;
  return {{"cycle", qa::to_json(b.cycle)},
          {"evaluations", b.grades.evaluations},
          {"by_pillar", by_pillar_json(b.grades.by_pillar)},
          {"by_locality", named(b.overall_by_locality)},
          {"by_service", named(b.overall_by_service)},
          {"previous", previous},
          {"themes", themes},
          {"actions",
           {{"made", b.actions.made},
            {"done", b.actions.done},
            {"done_on_time", b.actions.done_on_time},
            {"open", b.actions.open},
            {"overdue", b.actions.overdue}}},
          {"recommendations", recs},
          {"revisits", b.revisits},
          {"revisit_impact", impact}};
}

namespace {

// The unit a QA view names, or the user's own; refused (forbidden) outside
// their area by the same check as the scorecard (access/policy.h).
Result<std::string> unit_in_reach(QaRequest& q, const http::Request& req) {
  const OrganisationTree& org = q.engine.index().organisation();
  std::string unit = req.param("unit");
  if (unit.empty()) unit = access::home_unit(q.principal, org);
  if (!q.engine.unit_exists(unit)) return Status::not_found("There is no unit " + unit);
  if (auto d = access::can_view_unit(q.principal, org, unit); !d) return Status::forbidden(d.reason);
  return unit;
}

}  // namespace

Result<FeedbackView> feedback_view(QaRequest& q, const http::Request& req) {
  FeedbackView f;
  Date latest = default_date(q.engine);
  auto to = date_param(req, "to", latest);
  if (!to) return Status::invalid_input("to: not a date (YYYY-MM-DD)");
  auto from = date_param(req, "from", to->add_months(-12).add_days(1));
  if (!from) return Status::invalid_input("from: not a date (YYYY-MM-DD)");
  if (*to < *from) return Status::invalid_input("from: after to");
  f.from = *from;
  f.to = *to;
  auto unit = unit_in_reach(q, req);
  if (!unit) return unit.status();
  f.unit = *unit;
  auto complaints = q.store.complaints(q.scope);
  if (!complaints) return complaints.status();
  auto compliments = q.store.compliments(q.scope);
  if (!compliments) return compliments.status();
  auto surveys = q.store.survey_returns(q.scope);
  if (!surveys) return surveys.status();
  auto in_unit = [&](const std::string& team) { return within_unit(q.engine, team, f.unit); };
  std::erase_if(*complaints, [&](const qa::Complaint& c) { return !in_unit(c.team_id); });
  std::erase_if(*compliments, [&](const qa::Compliment& c) { return !in_unit(c.team_id); });
  std::erase_if(*surveys, [&](const qa::SurveyReturn& s) { return !in_unit(s.team_id); });
  f.figures = qa::feedback_figures(*complaints, *compliments, *surveys, f.from, f.to);
  f.months = qa::feedback_trend(*complaints, *compliments, *surveys, f.from, f.to);
  for (auto& c : *complaints)
    if (c.received >= f.from && c.received <= f.to) f.complaints.push_back(std::move(c));
  for (auto& c : *compliments)
    if (c.received >= f.from && c.received <= f.to) f.compliments.push_back(std::move(c));
  for (auto& r : *surveys)
    if (r.received >= f.from && r.received <= f.to) f.survey_returns.push_back(std::move(r));
  auto newest_first = [](const auto& a, const auto& b) {
    return a.received != b.received ? a.received > b.received : a.id > b.id;
  };
  std::sort(f.complaints.begin(), f.complaints.end(), newest_first);
  std::sort(f.compliments.begin(), f.compliments.end(), newest_first);
  std::sort(f.survey_returns.begin(), f.survey_returns.end(), newest_first);
  return f;
}

namespace {

json figures_json(const qa::FeedbackFigures& f) {
  auto share = f.share_from_children();
  json stages = json::object();
  for (const auto& [s, n] : f.by_stage) stages[std::to_string(s)] = n;
  return {{"complaints", f.complaints},
          {"responded", f.responded},
          {"responded_on_time", f.responded_on_time},
          {"open_overdue", f.open_overdue},
          {"from_children", f.from_children},
          {"share_from_children", share ? json(*share) : json(nullptr)},
          {"by_theme", f.by_theme},
          {"by_stage", stages},
          {"by_outcome", f.by_outcome},
          {"compliments", f.compliments},
          {"survey_returns", f.survey_returns},
          {"mean_rating", f.mean_rating ? json(*f.mean_rating) : json(nullptr)}};
}

}  // namespace

json feedback_json(const FeedbackView& f) {
  json months = json::array();
  for (const auto& m : f.months) {
    json j = figures_json(m.figures);
    j["month"] = m.month.first_day().iso().substr(0, 7);
    months.push_back(j);
  }
  json complaints = json::array();
  for (const auto& c : f.complaints) complaints.push_back(qa::to_json(c));
  json compliments = json::array();
  for (const auto& c : f.compliments) compliments.push_back(qa::to_json(c));
  return {{"from", f.from.iso()},
          {"to", f.to.iso()},
          {"unit", f.unit},
          {"figures", figures_json(f.figures)},
          {"months", months},
          {"complaints", complaints},
          {"compliments", compliments}};
}

Result<PlanView> plan_view(QaRequest& q, int64_t plan_id, Date as_at) {
  auto plans = q.store.plans();
  if (!plans) return plans.status();
  auto it = std::find_if(plans->begin(), plans->end(),
                         [&](const qa::ImprovementPlan& p) { return p.id == plan_id; });
  if (it == plans->end())
    return Status::not_found("There is no improvement plan " + std::to_string(plan_id));
  auto actions = q.store.actions(plan_id, q.scope);
  if (!actions) return actions.status();
  PlanView v;
  v.plan = *it;
  v.as_at = as_at;
  const std::string root = q.engine.index().organisation().root_id();
  for (auto& a : *actions) {
    ActionView av;
    av.rag = qa::current_rag(a, as_at);
    av.update_missing = qa::update_missing(a, as_at);
    for (const std::string& id : a.indicator_ids) {
      const IndicatorDef* def = find_indicator(id);
      if (!def) continue;
      // Monthly points from the month before the action started to the view date.
      int months = 1;
      for (YearMonth m = YearMonth::of(a.start).plus(-1); m < YearMonth::of(as_at) && months < 36;
           m = m.plus(1))
        ++months;
      std::string unit = a.team_id.empty() || !q.engine.unit_exists(a.team_id) ? root : a.team_id;
      Figure f = q.engine.figure(*def, Period::rolling_months(as_at, 12), unit, months);
      ActionView::Series s{id, def->name, {}, {}};
      for (const auto& p : f.series)
        if (YearMonth::of(p.to) >= YearMonth::of(a.start).plus(-1)) {
          s.months.push_back(p.to);
          s.values.push_back(p.value);
        }
      av.indicators.push_back(std::move(s));
    }
    av.action = std::move(a);
    v.actions.push_back(std::move(av));
  }
  return v;
}

json plan_json(const PlanView& p) {
  json actions = json::array();
  for (const auto& a : p.actions) {
    json j = qa::to_json(a.action);
    j["rag_now"] = a.rag;
    j["update_missing"] = a.update_missing;
    json series = json::array();
    for (const auto& s : a.indicators) {
      json points = json::array();
      for (size_t i = 0; i < s.months.size(); ++i)
        points.push_back({{"to", s.months[i].iso()},
                          {"value", s.values[i] ? json(*s.values[i]) : json(nullptr)}});
      series.push_back({{"indicator", s.indicator_id}, {"name", s.name}, {"series", points}});
    }
    j["indicator_series"] = series;
    actions.push_back(j);
  }
  return {{"plan", qa::to_json(p.plan)}, {"as_at", p.as_at.iso()}, {"actions", actions}};
}

Result<TriangulationView> triangulation_view(QaRequest& q, const http::Request& req) {
  TriangulationView t;
  auto as_at = date_param(req, "to", default_date(q.engine));
  if (!as_at) return Status::invalid_input("to: not a date (YYYY-MM-DD)");
  t.as_at = *as_at;
  auto unit = unit_in_reach(q, req);
  if (!unit) return unit.status();
  t.unit = *unit;
  for (const IndicatorDef& def : indicator_catalogue())
    if (def.contract)
      t.kpis.push_back(q.engine.figure(def, Period::rolling_months(t.as_at, 12), t.unit, 1));
  Date from = t.as_at.add_months(-12).add_days(1);
  auto cycles = q.store.cycles();
  if (!cycles) return cycles.status();
  std::set<int64_t> recent;
  for (const auto& c : *cycles)
    if (c.end >= from && c.start <= t.as_at) recent.insert(c.id);
  auto evals = q.store.evaluations({}, q.scope);
  if (!evals) return evals.status();
  for (const qa::Pillar& p : qa::kPillars) t.grades[std::string(p.id)];
  t.grades["overall"];
  for (const auto& e : *evals) {
    if (!recent.count(e.cycle_id) || e.status != qa::EvaluationStatus::kSubmitted) continue;
    if (!within_unit(q.engine, e.team_id, t.unit)) continue;
    ++t.evaluations;
    for (const qa::Pillar& p : qa::kPillars)
      if (auto g = qa::pillar_grade(e.answers, p.id)) t.grades[std::string(p.id)].add(*g);
    if (auto g = qa::overall_grade(e.answers)) t.grades["overall"].add(*g);
  }
  auto recs = q.store.recommendations(q.scope);
  if (!recs) return recs.status();
  for (auto& r : *recs) {
    if (r.status != qa::RecommendationStatus::kOpen || !within_unit(q.engine, r.team_id, t.unit))
      continue;
    t.overdue_recommendations += qa::is_overdue(r, t.as_at);
    t.open_recommendations.push_back(std::move(r));
  }
  auto complaints = q.store.complaints(q.scope);
  auto compliments = q.store.compliments(q.scope);
  auto surveys = q.store.survey_returns(q.scope);
  if (!complaints || !compliments || !surveys)
    return Status::internal("the feedback records cannot be read");
  std::erase_if(*complaints,
                [&](const qa::Complaint& c) { return !within_unit(q.engine, c.team_id, t.unit); });
  std::erase_if(*compliments,
                [&](const qa::Compliment& c) { return !within_unit(q.engine, c.team_id, t.unit); });
  std::erase_if(*surveys, [&](const qa::SurveyReturn& s) {
    return !within_unit(q.engine, s.team_id, t.unit);
  });
  t.feedback = qa::feedback_figures(*complaints, *compliments, *surveys, from, t.as_at);
  return t;
}

json triangulation_json(const TriangulationView& t) {
  json kpis = json::array();
  for (const auto& f : t.kpis)
    kpis.push_back({{"id", f.def->id},
                    {"name", f.def->name},
                    {"value", f.value ? json(*f.value) : json(nullptr)},
                    {"rag", rag_name(f.rag)},
                    {"display", format_value(*f.def, f.value)}});
  json recs = json::array();
  for (const auto& r : t.open_recommendations) recs.push_back(qa::to_json(r));
  return {{"unit", t.unit},
          {"as_at", t.as_at.iso()},
          {"kpis", kpis},
          {"evaluations", t.evaluations},
          {"grades", by_pillar_json(t.grades)},
          {"open_recommendations", recs},
          {"overdue_recommendations", t.overdue_recommendations},
          {"feedback", figures_json(t.feedback)}};
}

Result<std::vector<qa::Recommendation>> open_recommendations_for(Ctx& ctx,
                                                                 const std::string& unit) {
  std::vector<qa::Recommendation> mine;
  qa::QaStore* store = ctx.app.backend().qa_store();
  if (!store) return mine;
  const auto& org = ctx.engine->index().organisation();
  auto recs = store->recommendations(qa_scope(*ctx.session, ctx.engine->index()));
  if (!recs) return recs.status();
  bool worker = org.worker(unit) != nullptr;
  for (auto& r : *recs) {
    if (r.status != qa::RecommendationStatus::kOpen) continue;
    if (worker ? r.owner_id == unit : within_unit(*ctx.engine, r.team_id, unit))
      mine.push_back(std::move(r));
  }
  std::stable_sort(mine.begin(), mine.end(),
                   [](const auto& a, const auto& b) { return a.due < b.due; });
  return mine;
}

}  // namespace beacon::web
