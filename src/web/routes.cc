// The route table: one line per page or API call, with what the signed-in
// user's roles must allow (Need) and the audit action recorded for every
// call. The OpenAPI document (openapi.json) describes every /api route here;
// a test keeps them equal, and another walks every route as every role.
#include "web/handlers.h"

namespace beacon::web {

std::vector<Route> all_routes() {
  const Access P = Access::kPublic, S = Access::kSignedIn;
  const Need any = Need::kSignedIn, figures = Need::kAggregates, children = Need::kChildLevel,
             load = Need::kLoadData, users = Need::kManageUsers, audit = Need::kAudit;
  return {
      // Pages.
      {"GET", "/", S, "Home", home, any, ""},
      {"GET", "/sign-in", P, "Sign-in form", sign_in_page, any, ""},
      {"POST", "/sign-in", P, "Sign in", sign_in_submit, any, ""},
      {"POST", "/sign-out", S, "Sign out", sign_out, any, ""},
      {"GET", "/account", S, "Your account", account_page, any, ""},
      {"POST", "/account/password", S, "Change your password", account_password, any, ""},
      {"GET", "/scorecard.xlsx", S, "Scorecard workbook", scorecard_xlsx, figures, "export-scorecard"},
      {"GET", "/scorecard.pdf", S, "Scorecard PDF", scorecard_pdf, figures, "export-scorecard"},
      {"GET", "/scorecard", S, "Scorecard", scorecard_page, figures, ""},
      {"GET", "/indicators/{id}/drill.csv", S, "Drill-through list as CSV", drill_csv_download, children, "export-drill"},
      {"GET", "/indicators/{id}/drill.xlsx", S, "Drill-through list as a workbook", drill_xlsx_download, children, "export-drill"},
      {"GET", "/indicators/{id}", S, "Indicator page", indicator_page, figures, ""},
      {"GET", "/portraits", S, "Pen portraits", portraits_index, figures, ""},
      {"GET", "/portraits/{cohort}.pdf", S, "Pen portrait as PDF", portrait_pdf, figures, "export-portrait"},
      {"GET", "/portraits/{cohort}.png", S, "Pen portrait as an image", portrait_png, figures, "export-portrait"},
      {"GET", "/portraits/{cohort}", S, "Pen portrait", portrait_page, figures, ""},
      {"GET", "/worklists", S, "Worklist", worklist_page, children, "view-worklist"},
      {"GET", "/children/{id}", S, "Child summary", child_page, children, "view-child"},
      {"GET", "/data", S, "Data: upload and load history", data_page, load, ""},
      {"POST", "/data/uploads", S, "Upload files to load", upload_submit, load, "upload"},
      {"GET", "/data/uploads/{job}", S, "An upload's progress and report", upload_page, load, ""},
      {"GET", "/data/loads/{id}", S, "A past load's report", load_page, load, ""},
      {"GET", "/admin/users", S, "Users", users_page, users, ""},
      {"POST", "/admin/users", S, "Create a user", user_create, users, ""},
      {"GET", "/admin/users/{id}", S, "One user", user_page, users, ""},
      {"POST", "/admin/users/{id}", S, "Change a user's roles, scope or status", user_update, users, ""},
      {"POST", "/admin/users/{id}/password", S, "Reset a user's password", user_reset_password, users, ""},
      {"GET", "/admin/audit", S, "The audit trail", audit_page, audit, ""},
      {"GET", "/admin/audit.csv", S, "The audit trail as CSV", audit_csv, audit, "export-audit"},
      // The JSON API.
      {"GET", "/openapi.json", P, "This API's description", openapi_document, any, ""},
      {"GET", "/healthz", P, "Liveness", health, any, ""},
      {"GET", "/api/session", S, "The signed-in user and CSRF token", api_session, any, ""},
      {"GET", "/api/units", S, "The organisation's units and workers", api_units, figures, ""},
      {"GET", "/api/scorecard", S, "Scorecard figures", api_scorecard, figures, ""},
      {"GET", "/api/indicators", S, "The indicator catalogue", api_indicators, figures, ""},
      {"GET", "/api/indicators/{id}", S, "One indicator's figure and series", api_indicator, figures, ""},
      {"GET", "/api/indicators/{id}/breakdown", S, "A figure by the units below", api_breakdown, figures, ""},
      {"GET", "/api/indicators/{id}/drill", S, "The records behind a figure", api_drill, children, "view-drill"},
      {"GET", "/api/portraits/{cohort}", S, "A cohort's pen portrait", api_portrait, figures, ""},
      {"GET", "/api/worklists", S, "What is due and overdue", api_worklist, children, "view-worklist"},
      {"GET", "/api/children/{id}", S, "A child's summary and timeline", api_child, children, "view-child"},
      {"GET", "/api/loads", S, "The load history", api_loads, load, ""},
      {"GET", "/api/loads/{id}", S, "One load's report", api_load, load, ""},
      {"POST", "/api/uploads", S, "Upload files to load", api_upload, load, "upload"},
      {"GET", "/api/uploads/{job}", S, "An upload's progress and report", api_upload_status, load, ""},
      {"GET", "/api/audit", S, "The audit trail", api_audit, audit, ""},
  };
}

}  // namespace beacon::web
