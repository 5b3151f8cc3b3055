// The route table: one line per page or API call. The OpenAPI document
// (openapi.json) describes every /api route here; a test keeps them equal.
#include "web/handlers.h"

namespace beacon::web {

std::vector<Route> all_routes() {
  const Access P = Access::kPublic, S = Access::kSignedIn;
  return {
      // Pages.
      {"GET", "/", S, "Home: the scorecard", home},
      {"GET", "/sign-in", P, "Sign-in form", sign_in_page},
      {"POST", "/sign-in", P, "Sign in", sign_in_submit},
      {"POST", "/sign-out", S, "Sign out", sign_out},
      {"GET", "/scorecard.xlsx", S, "Scorecard workbook", scorecard_xlsx},
      {"GET", "/scorecard.pdf", S, "Scorecard PDF", scorecard_pdf},
      {"GET", "/scorecard", S, "Scorecard", scorecard_page},
      {"GET", "/indicators/{id}/drill.csv", S, "Drill-through list as CSV", drill_csv_download},
      {"GET", "/indicators/{id}/drill.xlsx", S, "Drill-through list as a workbook", drill_xlsx_download},
      {"GET", "/indicators/{id}", S, "Indicator page", indicator_page},
      {"GET", "/portraits", S, "Pen portraits", portraits_index},
      {"GET", "/portraits/{cohort}.pdf", S, "Pen portrait as PDF", portrait_pdf},
      {"GET", "/portraits/{cohort}.png", S, "Pen portrait as an image", portrait_png},
      {"GET", "/portraits/{cohort}", S, "Pen portrait", portrait_page},
      {"GET", "/worklists", S, "Worklist", worklist_page},
      {"GET", "/children/{id}", S, "Child summary", child_page},
      {"GET", "/data", S, "Data: upload and load history", data_page},
      {"POST", "/data/uploads", S, "Upload files to load", upload_submit},
      {"GET", "/data/uploads/{job}", S, "An upload's progress and report", upload_page},
      {"GET", "/data/loads/{id}", S, "A past load's report", load_page},
      // The JSON API.
      {"GET", "/openapi.json", P, "This API's description", openapi_document},
      {"GET", "/healthz", P, "Liveness", health},
      {"GET", "/api/session", S, "The signed-in user and CSRF token", api_session},
      {"GET", "/api/units", S, "The organisation's units and workers", api_units},
      {"GET", "/api/scorecard", S, "Scorecard figures", api_scorecard},
      {"GET", "/api/indicators", S, "The indicator catalogue", api_indicators},
      {"GET", "/api/indicators/{id}", S, "One indicator's figure and series", api_indicator},
      {"GET", "/api/indicators/{id}/breakdown", S, "A figure by the units below", api_breakdown},
      {"GET", "/api/indicators/{id}/drill", S, "The records behind a figure", api_drill},
      {"GET", "/api/portraits/{cohort}", S, "A cohort's pen portrait", api_portrait},
      {"GET", "/api/worklists", S, "What is due and overdue", api_worklist},
      {"GET", "/api/children/{id}", S, "A child's summary and timeline", api_child},
      {"GET", "/api/loads", S, "The load history", api_loads},
      {"GET", "/api/loads/{id}", S, "One load's report", api_load},
      {"POST", "/api/uploads", S, "Upload files to load", api_upload},
      {"GET", "/api/uploads/{job}", S, "An upload's progress and report", api_upload_status},
  };
}

}  // namespace beacon::web
