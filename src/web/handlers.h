// Every route's handler (pages/*.cc, api/*.cc); routes.cc lists them.
#ifndef BEACON_WEB_HANDLERS_H_
#define BEACON_WEB_HANDLERS_H_

#include <optional>

#include "casefile/timeline.h"
#include "web/app.h"

namespace beacon::web {

// pages/sign_in.cc
void sign_in_page(Ctx& ctx);
void sign_in_submit(Ctx& ctx);
void sign_out(Ctx& ctx);
// Unix seconds: the clock the lock-out reads.
int64_t now_seconds();
// pages/account.cc
void account_page(Ctx& ctx);
void account_password(Ctx& ctx);
// pages/admin_users.cc
void users_page(Ctx& ctx);
void user_create(Ctx& ctx);
void user_page(Ctx& ctx);
void user_update(Ctx& ctx);
void user_reset_password(Ctx& ctx);
// pages/admin_audit.cc
void audit_page(Ctx& ctx);
void audit_csv(Ctx& ctx);
void api_audit(Ctx& ctx);
// pages/home.cc: where each role lands, and the homes of their own
void home(Ctx& ctx);
void my_children_page(Ctx& ctx);
void my_team_page(Ctx& ctx);
// pages/scorecard.cc
void scorecard_page(Ctx& ctx);
void scorecard_xlsx(Ctx& ctx);
void scorecard_pdf(Ctx& ctx);
// pages/indicator.cc
void indicator_page(Ctx& ctx);
void drill_csv_download(Ctx& ctx);
void drill_xlsx_download(Ctx& ctx);
// pages/portraits.cc
void portraits_index(Ctx& ctx);
void portrait_page(Ctx& ctx);
void portrait_pdf(Ctx& ctx);
void portrait_png(Ctx& ctx);
// pages/worklists.cc
void worklist_page(Ctx& ctx);
// pages/child.cc
void child_page(Ctx& ctx);
// The child the URL names when the user may see them in the period viewed
// (`as_at` set to its date); otherwise the error is written and nullopt.
std::optional<ChildSummary> child_in_scope(Ctx& ctx, Date& as_at);
// pages/data.cc
void data_page(Ctx& ctx);
void upload_submit(Ctx& ctx);
void upload_page(Ctx& ctx);
void load_page(Ctx& ctx);
// qa/qa_cycle_pages.cc, qa_evaluation_pages.cc, qa_followup_pages.cc
void qa_home_page(Ctx& ctx);
void qa_cycle_create(Ctx& ctx);
void qa_cycle_page(Ctx& ctx);
void qa_evaluation_page(Ctx& ctx);
void qa_evaluation_submit(Ctx& ctx);
void qa_recommendation_add(Ctx& ctx);
void qa_moderation_page(Ctx& ctx);
void qa_moderation_submit(Ctx& ctx);
void qa_recommendations_page(Ctx& ctx);
void qa_recommendation_close(Ctx& ctx);
void qa_recommendations_close_selected(Ctx& ctx);
void qa_recommendation_revisit(Ctx& ctx);
void qa_briefing_page(Ctx& ctx);
void qa_briefing_pdf(Ctx& ctx);
void qa_briefing_xlsx(Ctx& ctx);
void qa_feedback_page(Ctx& ctx);
void qa_complaint_submit(Ctx& ctx);
void qa_plans_page(Ctx& ctx);
void qa_plan_page(Ctx& ctx);
void qa_action_progress(Ctx& ctx);
void qa_triangulation_page(Ctx& ctx);
// qa/qa_record_pages.cc
void qa_compliment_form(Ctx& ctx);
void qa_compliment_submit(Ctx& ctx);
void qa_survey_form(Ctx& ctx);
void qa_survey_submit(Ctx& ctx);
void qa_plan_form(Ctx& ctx);
void qa_plan_submit(Ctx& ctx);
void qa_action_form(Ctx& ctx);
void qa_action_submit(Ctx& ctx);

// api/*.cc
void api_session(Ctx& ctx);
void api_units(Ctx& ctx);
void api_scorecard(Ctx& ctx);
void api_indicators(Ctx& ctx);
void api_indicator(Ctx& ctx);
void api_breakdown(Ctx& ctx);
void api_drill(Ctx& ctx);
void api_portrait(Ctx& ctx);
void api_worklist(Ctx& ctx);
void api_child(Ctx& ctx);
void api_loads(Ctx& ctx);
void api_load(Ctx& ctx);
void api_upload(Ctx& ctx);
void api_upload_status(Ctx& ctx);
// qa/qa_api.cc
void api_qa_question_set(Ctx& ctx);
void api_qa_cycles(Ctx& ctx);
void api_qa_cycle_create(Ctx& ctx);
void api_qa_cycle(Ctx& ctx);
void api_qa_evaluation(Ctx& ctx);
void api_qa_evaluation_update(Ctx& ctx);
void api_qa_moderate(Ctx& ctx);
void api_qa_recommendations(Ctx& ctx);
void api_qa_recommendation_add(Ctx& ctx);
void api_qa_recommendation_close(Ctx& ctx);
void api_qa_recommendation_revisit(Ctx& ctx);
void api_qa_briefing(Ctx& ctx);
void api_qa_feedback(Ctx& ctx);
void api_qa_complaint_add(Ctx& ctx);
void api_qa_compliment_add(Ctx& ctx);
void api_qa_plans(Ctx& ctx);
void api_qa_plan(Ctx& ctx);
void api_qa_action_progress(Ctx& ctx);
void api_qa_triangulation(Ctx& ctx);
void openapi_document(Ctx& ctx);
void health(Ctx& ctx);

}  // namespace beacon::web

#endif  // BEACON_WEB_HANDLERS_H_
