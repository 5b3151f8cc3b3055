// What the QA pages and API show, built once for both: a cycle with its
// sample and moderation agreement, the learning briefing, feedback figures,
// an improvement plan with its indicators' series, and the triangulation
// view of a team or locality.
#ifndef BEACON_WEB_QA_QA_VIEWS_H_
#define BEACON_WEB_QA_QA_VIEWS_H_

#include <nlohmann/json.hpp>

#include "qa/briefing.h"
#include "qa/feedback.h"
#include "web/qa/workflow.h"

namespace beacon::web {

struct CycleView {
  qa::Cycle cycle;
  std::vector<qa::Evaluation> evaluations;  // in scope
  std::vector<qa::Moderation> moderations;
  qa::AgreementReport agreement;
  std::map<std::string, qa::AgreementReport> agreement_by_evaluator;
};
Result<CycleView> cycle_view(QaRequest& q, int64_t cycle_id);

Result<qa::Briefing> briefing_for(QaRequest& q, int64_t cycle_id);
nlohmann::json briefing_json(const qa::Briefing& b, const IndicatorEngine& engine);
// The share good or better as "62%" (or "–").
std::string percent(std::optional<double> share);

struct FeedbackView {
  Date from, to;
  std::string unit;  // root: everyone
  qa::FeedbackFigures figures;
  std::vector<qa::FeedbackMonth> months;
  std::vector<qa::Complaint> complaints;  // in the period, newest first
  std::vector<qa::Compliment> compliments;
  std::vector<qa::SurveyReturn> survey_returns;  // in the period, newest first
};
// `from`/`to` (default: the 12 months to the latest date in the data) and `unit`.
Result<FeedbackView> feedback_view(QaRequest& q, const http::Request& req);
nlohmann::json feedback_json(const FeedbackView& f);

struct ActionView {
  qa::PlanAction action;
  std::string rag;  // as at
  bool update_missing = false;
  struct Series {
    std::string indicator_id;
    std::string name;
    std::vector<Date> months;
    std::vector<std::optional<double>> values;
  };
  std::vector<Series> indicators;  // each linked indicator since the action started
};
struct PlanView {
  qa::ImprovementPlan plan;
  Date as_at;
  std::vector<ActionView> actions;
};
Result<PlanView> plan_view(QaRequest& q, int64_t plan_id, Date as_at);
nlohmann::json plan_json(const PlanView& p);

struct TriangulationView {
  std::string unit;
  Date as_at;
  std::vector<Figure> kpis;                       // the contract KPIs for the unit
  std::map<std::string, qa::GradeCounts> grades;  // pillar and overall, last 12 months
  int evaluations = 0;
  std::vector<qa::Recommendation> open_recommendations;
  int overdue_recommendations = 0;
  qa::FeedbackFigures feedback;  // last 12 months
};
Result<TriangulationView> triangulation_view(QaRequest& q, const http::Request& req);
nlohmann::json triangulation_json(const TriangulationView& t);

// Open QA recommendations owned by a worker (when `unit` is a worker) or held
// in a unit, within the session's QA scope, due first: the worklist's part,
// for supervision. Empty when no QA records are kept.
Result<std::vector<qa::Recommendation>> open_recommendations_for(Ctx& ctx, const std::string& unit);
// The same as the worklist page shows it: open QA recommendations owned by a worker (when
// `unit` is a worker) or held in a unit, due first, for supervision. Empty
// when there are none or no QA records are kept.
std::string qa_recommendations_due(Ctx& ctx, const std::string& unit, Date as_at);

// True when `team_id` lies within `unit` (the root holds everything).
bool within_unit(const IndicatorEngine& engine, const std::string& team_id,
                 const std::string& unit);

}  // namespace beacon::web

#endif  // BEACON_WEB_QA_QA_VIEWS_H_
