// The route table: one line per page or API call, with what the signed-in
// user's roles must allow (Need) and the audit action recorded for every
// call, and whether its answer is kept for the next asker. The OpenAPI
// document (openapi.json) describes every /api route here; a test keeps them
// equal, and another walks every route as every role.
#include "web/handlers.h"

namespace beacon::web {

std::vector<Route> all_routes() {
  const Access P = Access::kPublic, S = Access::kSignedIn;
  const Need any = Need::kSignedIn, figures = Need::kAggregates, children = Need::kChildLevel,
             load = Need::kLoadData, users = Need::kManageUsers, audit = Need::kAudit,
             read_qa = Need::kReadQa, record_qa = Need::kRecordQa;
  // Figures of the snapshot alone: kept and served again until the next load
  // (response_cache.h). Worklists also show the open QA recommendations, so
  // theirs are kept until those change too; the QA reports and pages until
  // any QA record changes. A load's report never changes.
  // Nothing that writes is kept, nor anything audited as a view of one record.
  // Every answer that shows a child's identity (id, name) names an audit
  // action, kept or not: the dispatcher writes the line on every call, a
  // kept answer included (a test walks this table to hold it so).
  const Keep kCached = Keep::kPerSnapshot, kCachedWithQa = Keep::kPerSnapshotAndRecommendations,
             kCachedWithAllQa = Keep::kPerSnapshotAndQa;
  return {
      // Pages.
      {"GET", "/", S, "Home", home, any, ""},
      {"GET", "/my-children", S, "My children: a social worker's children and figures", my_children_page, children, "view-my-children", kCachedWithQa},
      {"GET", "/my-team", S, "My team: a team manager's figures, workers and overdue work", my_team_page, children, "view-my-team", kCachedWithQa},
      {"GET", "/sign-in", P, "Sign-in form", sign_in_page, any, ""},
      {"POST", "/sign-in", P, "Sign in", sign_in_submit, any, ""},
      {"POST", "/sign-out", S, "Sign out", sign_out, any, ""},
      {"GET", "/account", S, "Your account", account_page, any, ""},
      {"POST", "/account/password", S, "Change your password", account_password, any, ""},
      {"GET", "/scorecard.xlsx", S, "Scorecard workbook", scorecard_xlsx, figures, "export-scorecard"},
      {"GET", "/scorecard.pdf", S, "Scorecard PDF", scorecard_pdf, figures, "export-scorecard"},
      {"GET", "/scorecard", S, "Scorecard", scorecard_page, figures, "", kCached},
      {"GET", "/indicators/{id}/drill.csv", S, "Drill-through list as CSV", drill_csv_download, children, "export-drill"},
      {"GET", "/indicators/{id}/drill.xlsx", S, "Drill-through list as a workbook", drill_xlsx_download, children, "export-drill"},
      {"GET", "/indicators/{id}", S, "Indicator page", indicator_page, figures, "", kCached},
      {"GET", "/portraits", S, "Pen portraits", portraits_index, figures, "", kCached},
      {"GET", "/portraits/{cohort}.pdf", S, "Pen portrait as PDF", portrait_pdf, figures, "export-portrait"},
      {"GET", "/portraits/{cohort}.png", S, "Pen portrait as an image", portrait_png, figures, "export-portrait"},
      {"GET", "/portraits/{cohort}", S, "Pen portrait", portrait_page, figures, "", kCached},
      {"GET", "/worklists", S, "Worklist", worklist_page, children, "view-worklist", kCachedWithQa},
      {"GET", "/children/{id}", S, "Child summary", child_page, children, "view-child", kCachedWithQa},
      {"GET", "/data", S, "Data: upload and load history", data_page, load, ""},
      {"POST", "/data/uploads", S, "Upload files to load", upload_submit, load, "upload"},
      {"GET", "/data/uploads/{job}", S, "An upload's progress and report", upload_page, load, ""},
      {"GET", "/data/loads/{id}", S, "A past load's report", load_page, load, "", kCached},
      {"GET", "/admin/users", S, "Users", users_page, users, ""},
      {"POST", "/admin/users", S, "Create a user", user_create, users, ""},
      {"GET", "/admin/users/{id}", S, "One user", user_page, users, ""},
      {"POST", "/admin/users/{id}", S, "Change a user's roles, scope or status", user_update, users, ""},
      {"POST", "/admin/users/{id}/password", S, "Reset a user's password", user_reset_password, users, ""},
      {"GET", "/admin/audit", S, "The audit trail", audit_page, audit, ""},
      {"GET", "/admin/audit.csv", S, "The audit trail as CSV", audit_csv, audit, "export-audit"},
      // Quality assurance (docs/qa.md).
      {"GET", "/qa", S, "Quality assurance: evaluation cycles", qa_home_page, read_qa, "", kCachedWithAllQa},
      {"POST", "/qa/cycles", S, "Start a cycle: draw and assign its sample", qa_cycle_create, record_qa, ""},
      {"GET", "/qa/cycles/{id}/briefing.pdf", S, "Learning briefing as PDF", qa_briefing_pdf, read_qa, "export-qa-briefing"},
      {"GET", "/qa/cycles/{id}/briefing.xlsx", S, "Learning briefing as a workbook", qa_briefing_xlsx, read_qa, "export-qa-briefing"},
      {"GET", "/qa/cycles/{id}/briefing", S, "Learning briefing", qa_briefing_page, read_qa, "view-qa-briefing", kCachedWithAllQa},
      {"GET", "/qa/cycles/{id}", S, "A cycle's sample and moderation", qa_cycle_page, read_qa, "view-qa-cycle", kCachedWithAllQa},
      {"GET", "/qa/evaluations/{id}/moderate", S, "Moderation: blind re-grade", qa_moderation_page, read_qa, "view-qa-evaluation"},
      {"POST", "/qa/evaluations/{id}/moderate", S, "Record the panel's grades", qa_moderation_submit, record_qa, ""},
      {"POST", "/qa/evaluations/{id}/recommendations", S, "Add a recommendation", qa_recommendation_add, record_qa, ""},
      {"GET", "/qa/evaluations/{id}", S, "An evaluation's form", qa_evaluation_page, read_qa, "view-qa-evaluation"},
      {"POST", "/qa/evaluations/{id}", S, "Save, submit or change an evaluation", qa_evaluation_submit, record_qa, ""},
      {"GET", "/qa/recommendations", S, "Recommendations", qa_recommendations_page, read_qa, "view-qa-recommendations", kCachedWithAllQa},
      {"POST", "/qa/recommendations/close", S, "Close the ticked recommendations with evidence", qa_recommendations_close_selected, record_qa, ""},
      {"POST", "/qa/recommendations/{id}/close", S, "Close a recommendation with evidence", qa_recommendation_close, record_qa, ""},
      {"POST", "/qa/recommendations/{id}/revisit", S, "Record what a revisit found", qa_recommendation_revisit, record_qa, ""},
      {"GET", "/qa/feedback", S, "Complaints and compliments", qa_feedback_page, read_qa, "view-qa-feedback", kCachedWithAllQa},
      {"POST", "/qa/complaints", S, "Record a complaint", qa_complaint_submit, record_qa, ""},
      {"GET", "/qa/compliments/new", S, "Form: record a compliment", qa_compliment_form, record_qa, "", kCachedWithAllQa},
      {"POST", "/qa/compliments", S, "Record a compliment", qa_compliment_submit, record_qa, ""},
      {"GET", "/qa/surveys/new", S, "Form: record a survey return", qa_survey_form, record_qa, "", kCachedWithAllQa},
      {"POST", "/qa/surveys", S, "Record a survey return", qa_survey_submit, record_qa, ""},
      {"GET", "/qa/plans", S, "Improvement plans", qa_plans_page, read_qa, "", kCachedWithAllQa},
      {"GET", "/qa/plans/new", S, "Form: start an improvement plan", qa_plan_form, record_qa, "", kCachedWithAllQa},
      {"POST", "/qa/plans", S, "Start an improvement plan", qa_plan_submit, record_qa, ""},
      {"GET", "/qa/plans/{id}/actions/new", S, "Form: add an action to a plan", qa_action_form, record_qa, "", kCachedWithAllQa},
      {"POST", "/qa/plans/{id}/actions", S, "Add a numbered action to a plan", qa_action_submit, record_qa, ""},
      {"GET", "/qa/plans/{id}", S, "An improvement plan", qa_plan_page, read_qa, "", kCachedWithAllQa},
      {"POST", "/qa/actions/{id}/progress", S, "A plan action's monthly update", qa_action_progress, record_qa, ""},
      {"GET", "/qa/triangulation", S, "Triangulation: a unit's figures and QA", qa_triangulation_page, read_qa, "view-qa-triangulation", kCachedWithAllQa},
      // The JSON API.
      {"GET", "/openapi.json", P, "This API's description", openapi_document, any, ""},
      {"GET", "/healthz", P, "Liveness", health, any, ""},
      {"GET", "/api/session", S, "The signed-in user and CSRF token", api_session, any, ""},
      {"GET", "/api/units", S, "The organisation's units and workers", api_units, figures, "", kCached},
      {"GET", "/api/scorecard", S, "Scorecard figures", api_scorecard, figures, "", kCached},
      {"GET", "/api/indicators", S, "The indicator catalogue", api_indicators, figures, "", kCached},
      {"GET", "/api/indicators/{id}", S, "One indicator's figure and series", api_indicator, figures, "", kCached},
      {"GET", "/api/indicators/{id}/breakdown", S, "A figure by the units below", api_breakdown, figures, "", kCached},
      {"GET", "/api/indicators/{id}/drill", S, "The records behind a figure", api_drill, children, "view-drill", kCached},
      {"GET", "/api/portraits/{cohort}", S, "A cohort's pen portrait", api_portrait, figures, "", kCached},
      {"GET", "/api/worklists", S, "What is due and overdue", api_worklist, children, "view-worklist", kCachedWithQa},
      {"GET", "/api/children/{id}", S, "A child's summary and timeline", api_child, children, "view-child", kCached},
      {"GET", "/api/loads", S, "The load history", api_loads, load, ""},
      {"GET", "/api/loads/{id}", S, "One load's report", api_load, load, "", kCached},
      {"POST", "/api/uploads", S, "Upload files to load", api_upload, load, "upload"},
      {"GET", "/api/uploads/{job}", S, "An upload's progress and report", api_upload_status, load, ""},
      {"GET", "/api/audit", S, "The audit trail", api_audit, audit, ""},
      {"GET", "/api/qa/question-sets/{id}", S, "A question set", api_qa_question_set, read_qa, ""},
      {"GET", "/api/qa/cycles", S, "Evaluation cycles", api_qa_cycles, read_qa, "", kCachedWithAllQa},
      {"POST", "/api/qa/cycles", S, "Start a cycle: draw and assign its sample", api_qa_cycle_create, record_qa, ""},
      {"GET", "/api/qa/cycles/{id}/briefing", S, "A cycle's learning briefing", api_qa_briefing, read_qa, "view-qa-briefing", kCachedWithAllQa},
      {"GET", "/api/qa/cycles/{id}", S, "A cycle's sample and moderation agreement", api_qa_cycle, read_qa, "view-qa-cycle", kCachedWithAllQa},
      {"GET", "/api/qa/evaluations/{id}", S, "An evaluation with its versions", api_qa_evaluation, read_qa, "view-qa-evaluation"},
      {"POST", "/api/qa/evaluations/{id}", S, "Save, submit or change an evaluation", api_qa_evaluation_update, record_qa, ""},
      {"POST", "/api/qa/evaluations/{id}/moderation", S, "Record a blind re-grade", api_qa_moderate, record_qa, ""},
      {"POST", "/api/qa/evaluations/{id}/recommendations", S, "Add a recommendation", api_qa_recommendation_add, record_qa, ""},
      {"GET", "/api/qa/recommendations", S, "Recommendations and the report by team", api_qa_recommendations, read_qa, "view-qa-recommendations", kCachedWithAllQa},
      {"POST", "/api/qa/recommendations/{id}/close", S, "Close a recommendation with evidence", api_qa_recommendation_close, record_qa, ""},
      {"POST", "/api/qa/recommendations/{id}/revisit", S, "Record what a revisit found", api_qa_recommendation_revisit, record_qa, ""},
      {"GET", "/api/qa/feedback", S, "Complaints, compliments and surveys: figures and trend", api_qa_feedback, read_qa, "view-qa-feedback", kCachedWithAllQa},
      {"POST", "/api/qa/complaints", S, "Record a complaint", api_qa_complaint_add, record_qa, ""},
      {"POST", "/api/qa/compliments", S, "Record a compliment", api_qa_compliment_add, record_qa, ""},
      {"GET", "/api/qa/plans", S, "Improvement plans", api_qa_plans, read_qa, "", kCachedWithAllQa},
      {"GET", "/api/qa/plans/{id}", S, "A plan's actions with their indicators' series", api_qa_plan, read_qa, "", kCachedWithAllQa},
      {"POST", "/api/qa/actions/{id}/progress", S, "A plan action's monthly update", api_qa_action_progress, record_qa, ""},
      {"GET", "/api/qa/triangulation", S, "A unit's KPIs, grades, recommendations and feedback", api_qa_triangulation, read_qa, "view-qa-triangulation", kCachedWithAllQa},
  };
}

}  // namespace beacon::web
