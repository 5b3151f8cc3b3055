// The practice hub's workflow as the pages and the API both run it: drawing
// and assigning a cycle's sample from the current snapshot, saving,
// submitting and editing evaluations, moderation, recommendations and their
// revisit, complaints, compliments and plan updates. Each change goes to the
// store and then through the backend's audit hook (qa/audit.h), so pages and
// API cannot differ in what they check or record.
#ifndef BEACON_WEB_QA_WORKFLOW_H_
#define BEACON_WEB_QA_WORKFLOW_H_

#include <string>
#include <utility>
#include <vector>

#include "indicators/engine.h"
#include "qa/assignment.h"
#include "qa/qa_store.h"
#include "qa/sampling.h"
#include "web/app.h"

namespace beacon::web {


// What one request may do with QA records.
struct QaRequest {
  qa::QaStore& store;
  Backend& backend;
  const IndicatorEngine& engine;
  std::string user;
  qa::UnitScope scope;
  // Beacon's today: the date the loaded data runs to (view.h default_date).
  // New records are made on it and due dates are judged against it.
  Date today;
  std::string now;  // ISO date-time stamps for versions and moderations
  std::string client;  // the client's address, for the audit trail
  access::Principal principal;  // who is asking (unit checks: access/policy.h)
};

// The QA store and the caller's scope, or a failure already sent (503 when
// this backend keeps no QA records).
std::optional<QaRequest> qa_request(Ctx& ctx);
// The QA records a session may read (access::qa_reach): records about a
// child exactly when the user may see the child (or evaluates it), records
// about a unit alone within their reach; everything for whole-organisation
// roles, nothing without child-level access.
qa::UnitScope qa_scope(const Session& session, const CaseIndex& index);

// The snapshot as sampling and assignment see it on `as_at`.
std::vector<qa::Candidate> sampling_candidates(const CaseIndex& index, Date as_at);
std::vector<qa::Evaluator> available_evaluators(const CaseIndex& index, Date as_at);
qa::LineManagement line_management(const CaseIndex& index);

struct CycleCreated {
  int64_t cycle_id = 0;
  int sampled = 0;
  int revisits = 0;
  int revisits_wanted = 0;
  std::vector<std::string> revisits_not_open;
  std::vector<std::pair<std::string, std::string>> unassigned;  // child, why
};
// Stores the cycle, draws its sample (revisiting the previous cycle's
// children when it names one) and assigns evaluators, all in the store.
Result<CycleCreated> create_cycle(QaRequest& q, qa::Cycle cycle);

// An evaluation the caller may see (404 outside their scope).
Result<qa::Evaluation> find_evaluation(QaRequest& q, int64_t id);

struct EvaluationResult {
  qa::Evaluation evaluation;
  std::vector<qa::Missing> missing;  // the refusal, when submitting was refused
};
// action: "save" (a draft), "submit", or "edit" (a submitted one, with a reason).
Result<EvaluationResult> act_on_evaluation(QaRequest& q, int64_t id, const std::string& action,
                                           const qa::Answers& answers, const std::string& reason);

Result<int64_t> moderate(QaRequest& q, int64_t evaluation_id, const qa::Answers& grades,
                         const std::string& note);

Result<qa::Recommendation> add_recommendation(QaRequest& q, int64_t evaluation_id,
                                              const std::string& text, const std::string& owner,
                                              Date due);
Result<qa::Recommendation> close_recommendation(QaRequest& q, int64_t id,
                                                const std::string& evidence);
// What a revisit found: the evaluation must be a submitted revisit of the
// recommendation's child in a later cycle.
Result<qa::Recommendation> record_revisit(QaRequest& q, int64_t id, int64_t revisit_evaluation_id,
                                          const std::string& impact, const std::string& note);

Result<qa::Complaint> add_complaint(QaRequest& q, qa::Complaint c);
Result<qa::Compliment> add_compliment(QaRequest& q, qa::Compliment c);
Result<qa::SurveyReturn> add_survey_return(QaRequest& q, qa::SurveyReturn s);
// A new improvement plan (plans belong to the whole organisation).
Result<qa::ImprovementPlan> add_plan(QaRequest& q, qa::ImprovementPlan p);
// A plan, or kNotFound.
Result<qa::ImprovementPlan> find_plan(QaRequest& q, int64_t plan_id);
// A numbered action added to a plan; its indicators must be in the catalogue.
Result<qa::PlanAction> add_plan_action(QaRequest& q, int64_t plan_id, qa::PlanAction a);
Result<qa::PlanAction> add_plan_progress(QaRequest& q, int64_t action_id, qa::ProgressUpdate u);

// A query or form date, or `fallback` when absent; nullopt when malformed.
std::optional<Date> date_param(const http::Request& req, const std::string& name, Date fallback);
// A positive integer path parameter, or 0.
int64_t id_param(const http::Request& req, size_t index);
// Form fields as answers (every field except the CSRF token and controls).
qa::Answers answers_from_form(const http::Request& req);

}  // namespace beacon::web

#endif  // BEACON_WEB_QA_WORKFLOW_H_
