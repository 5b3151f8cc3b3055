// The page forms for compliments, survey returns, improvement plans, their
// actions and the actions' monthly updates, against a real server on a loopback port: each record
// is stored, shown on its list page and audited; refused without the CSRF token or the practice-hub
// role; and a bad field comes back named beside the field, with what was typed kept.
#include <gtest/gtest.h>

#include "web/test_support.h"

namespace beacon::web {
namespace {

using nlohmann::json;
using testing::TestServer;
using Fields = std::vector<std::pair<std::string, std::string>>;

class Hub {
 public:
  explicit Hub(TestServer& s, const std::string& user = "admin") : c(s.signed_in(user)) {
    csrf = json::parse(c.get("/api/session").body)["csrf_token"];
  }
  http::ClientResponse post(const std::string& path, Fields fields) {
    fields.push_back({"csrf", csrf});
    return c.post_form(path, fields);
  }
  http::Client c;
  std::string csrf;
};

std::vector<std::string> qa_actions(TestServer& s) {
  std::vector<std::string> out;
  for (const auto& e : s.backend.audit_lines())
    if (e.action.rfind("qa.", 0) == 0) out.push_back(e.action + " " + e.user);
  return out;
}

// Without the token, and as a team manager (who reads QA but does not record
// it), the post is refused and nothing is audited.
void expect_refused_without_csrf_or_role(TestServer& s, const std::string& path, const Fields& good,
                                         bool form_page = true) {
  SCOPED_TRACE(path);
  auto before = qa_actions(s);
  Hub admin(s);
  EXPECT_EQ(admin.c.post_form(path, good).status, 403);
  static int managers = 0;
  std::string name = "manager" + std::to_string(++managers);
  testing::add_test_user(s.backend.users(), name, {access::Role::kTeamManager}, "T1");
  Hub manager(s, name);
  EXPECT_EQ(manager.post(path, good).status, 403);
  if (form_page) {
    EXPECT_EQ(manager.c.get(path + "/new").status, 403);
  }
  EXPECT_EQ(qa_actions(s), before);
}

bool has(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

TEST(QaRecordPagesTest, ACompliment) {
  TestServer s;
  Hub hub(s);
  auto form = hub.c.get("/qa/compliments/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, "<label class=\"govuk-label\" for=\"compliment-summary\">"));
  Fields good = {{"received", "2025-02-10"},
                 {"team", "T2"},
                 {"from", "carer"},
                 {"summary", "Thank you for listening to Di"}};
  expect_refused_without_csrf_or_role(s, "/qa/compliments", good);

  Fields blank = good;
  blank[3].second = "   ";
  auto refused = hub.post("/qa/compliments", blank);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has(refused.body,
                  "<a href=\"#compliment-summary\">What was said: say what the "
                  "compliment was</a>"));
  EXPECT_TRUE(has(refused.body, "id=\"compliment-summary-error\""));
  EXPECT_TRUE(has(refused.body, "value=\"2025-02-10\""));  // what was typed is kept
  EXPECT_TRUE(has(refused.body, "<option value=\"T2\" selected>"));
  EXPECT_TRUE(has(refused.body, "<option value=\"carer\" selected>"));
  Fields bad_date = good;
  bad_date[0].second = "2025-02-30";
  auto undated = hub.post("/qa/compliments", bad_date);
  EXPECT_EQ(undated.status, 400);
  EXPECT_TRUE(has(undated.body, "Received: enter a real date as day/month/year, for example 31/3/2026"));
  EXPECT_TRUE(has(undated.body, "value=\"2025-02-30\""));
  EXPECT_TRUE(has(undated.body, "Thank you for listening to Di</textarea>"));
  EXPECT_TRUE(qa_actions(s).empty());

  auto ok = hub.post("/qa/compliments", good);
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.header("location"), "/qa/feedback?to=2025-02-10#compliments");
  auto list = hub.c.get("/qa/feedback?to=2025-02-10");
  EXPECT_TRUE(has(TestServer::between(list.body, "id=\"compliments\"", "</table>"),
                  "Thank you for listening to Di"));
  EXPECT_EQ(json::parse(hub.c.get("/api/qa/feedback?from=2025-01-01&to=2025-03-31")
                            .body)["figures"]["compliments"],
            1);
  EXPECT_EQ(qa_actions(s), std::vector<std::string>{"qa.compliment.add admin"});
}

TEST(QaRecordPagesTest, ASurveyReturn) {
  TestServer s;
  Hub hub(s);
  ASSERT_EQ(hub.c.get("/qa/surveys/new").status, 200);
  Fields good = {{"received", "2025-03-03"},
                 {"survey", "Children and families survey 2025"},
                 {"respondent", "child"},
                 {"team", "T1"},
                 {"rating", "4"},
                 {"comment", "My worker comes when she says"}};
  expect_refused_without_csrf_or_role(s, "/qa/surveys", good);

  Fields bad = good;
  bad[4].second = "9";
  auto refused = hub.post("/qa/surveys", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has(refused.body, "href=\"#survey-rating\">Rating: must be 1 (poor) to 5"));
  EXPECT_TRUE(has(refused.body, "<option value=\"9\" selected>"));
  EXPECT_TRUE(has(refused.body, "value=\"Children and families survey 2025\""));
  EXPECT_TRUE(has(refused.body, "My worker comes when she says</textarea>"));
  Fields unnamed = good;
  unnamed[1].second = "";
  EXPECT_TRUE(has(hub.post("/qa/surveys", unnamed).body, "Survey: name the survey"));
  EXPECT_TRUE(qa_actions(s).empty());

  auto ok = hub.post("/qa/surveys", good);
  ASSERT_EQ(ok.status, 303) << ok.body;
  std::string location = ok.header("location");
  EXPECT_EQ(location, "/qa/feedback?to=2025-03-03#survey-returns");
  auto list = hub.c.get(location.substr(0, location.find('#')));
  std::string table = TestServer::between(list.body, "id=\"survey-returns\"", "</table>");
  EXPECT_TRUE(has(table, "Children and families survey 2025"));
  EXPECT_TRUE(has(table, "My worker comes when she says"));
  EXPECT_EQ(json::parse(hub.c.get("/api/qa/feedback?from=2025-01-01&to=2025-03-31")
                            .body)["figures"]["survey_returns"],
            1);
  EXPECT_EQ(qa_actions(s), std::vector<std::string>{"qa.survey-return.add admin"});
}

TEST(QaRecordPagesTest, AnImprovementPlanAndANumberedAction) {
  TestServer s;
  Hub hub(s);
  ASSERT_EQ(hub.c.get("/qa/plans/new").status, 200);
  Fields plan = {{"name", "Development plan 2025-26"},
                 {"kind", "development"},
                 {"start", "2025-04-01"},
                 {"priorities",
                  "Children's voices are heard | Director of children's services\r\n"
                  "Visits are timely | Assistant director, East\r\n"}};
  expect_refused_without_csrf_or_role(s, "/qa/plans", plan);

  Fields unsponsored = plan;
  unsponsored[3].second = "Children's voices are heard | Director\nVisits are timely";
  auto refused = hub.post("/qa/plans", unsponsored);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has(refused.body,
                  "href=\"#plan-priorities\">Strategic priorities: priority 2 has no sponsor"));
  EXPECT_TRUE(has(refused.body, "Visits are timely</textarea>"));
  EXPECT_TRUE(has(refused.body, "value=\"Development plan 2025-26\""));

  auto made = hub.post("/qa/plans", plan);
  ASSERT_EQ(made.status, 303) << made.body;
  std::string plan_path = made.header("location");
  EXPECT_TRUE(has(hub.c.get("/qa/plans").body, "Development plan 2025-26"));
  auto stored = json::parse(hub.c.get("/api/qa/plans").body)["plans"];
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0]["priorities"].size(), 2u);

  // An action: numbered within its priority, with leads, a due date and indicators.
  std::string actions = plan_path + "/actions";
  auto form = hub.c.get(actions + "/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form.body, "name=\"number\" type=\"text\" value=\"1.1\""));
  Fields action = {{"number", "2.1"},
                   {"title", "Every child seen within the timescale"},
                   {"leads", "Team manager, Assessment team 1"},
                   {"team", "T1"},
                   {"start", "2025-04-01"},
                   {"due", "2025-09-30"},
                   {"indicators", "KPI3"}};
  expect_refused_without_csrf_or_role(s, actions, action);
  Fields unknown = action;
  unknown[6].second = "KPI3, NOPE9";
  auto bad = hub.post(actions, unknown);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(has(bad.body,
                  "href=\"#action-indicators\">Linked indicators: there is no "
                  "indicator NOPE9"));
  EXPECT_TRUE(has(bad.body, "value=\"KPI3, NOPE9\""));
  EXPECT_TRUE(has(bad.body, "value=\"Every child seen within the timescale\""));
  Fields nowhere = action;
  nowhere[0].second = "3.1";
  EXPECT_TRUE(has(hub.post(actions, nowhere).body, "Number: the plan has no priority 3"));
  Fields early = action;
  early[5].second = "2025-01-01";
  EXPECT_TRUE(has(hub.post(actions, early).body, "Due: before the action starts"));

  auto added = hub.post(actions, action);
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(added.header("location"), plan_path);
  auto page = hub.c.get(plan_path);
  std::string priority = TestServer::between(page.body, "id=\"priority-2\"", "</table>");
  EXPECT_TRUE(has(priority, "Every child seen within the timescale"));
  EXPECT_TRUE(has(priority, "Team manager, Assessment team 1"));
  EXPECT_TRUE(has(priority, "30 September 2025"));
  EXPECT_TRUE(has(priority, "href=\"/indicators/KPI3\""));
  Fields again = action;
  EXPECT_TRUE(has(hub.post(actions, again).body, "Number: the plan already has an action 2.1"));
  EXPECT_EQ(hub.post("/qa/plans/999/actions", action).status, 404);

  // The action's monthly update, from the plan's page.
  json stored_plan = json::parse(hub.c.get("/api" + plan_path).body);
  ASSERT_EQ(stored_plan["actions"].size(), 1u);
  std::string aid = std::to_string(stored_plan["actions"][0]["id"].get<int64_t>());
  std::string progress = "/qa/actions/" + aid + "/progress";
  EXPECT_TRUE(has(page.body, "action=\"" + progress + "\""));
  Fields update = {{"month", "2025-04"}, {"rag", "amber"}, {"progress", "Audit of visits begun"}};
  expect_refused_without_csrf_or_role(s, progress, update, false);
  Fields silent = update;
  silent[2].second = " ";
  auto unsaid = hub.post(progress, silent);
  EXPECT_EQ(unsaid.status, 400);
  EXPECT_TRUE(has(unsaid.body, "href=\"#progress-" + aid +
                                   "-progress\">This month&#39;s progress: say what has happened"));
  EXPECT_TRUE(has(unsaid.body, "id=\"progress-" + aid + "-progress-error\""));
  EXPECT_TRUE(has(unsaid.body, "<option value=\"amber\" selected>"));
  Fields purple = update;
  purple[1].second = "purple";
  auto unrated = hub.post(progress, purple);
  EXPECT_TRUE(has(unrated.body, "RAG: must be green, amber, red or complete"));
  EXPECT_TRUE(has(unrated.body, "value=\"Audit of visits begun\""));
  auto updated = hub.post(progress, update);
  ASSERT_EQ(updated.status, 303) << updated.body;
  EXPECT_TRUE(has(hub.c.get(plan_path).body, "Audit of visits begun"));
  EXPECT_EQ(hub.post("/qa/actions/999/progress", update).status, 404);
  EXPECT_EQ(qa_actions(s),
            (std::vector<std::string>{"qa.plan.add admin", "qa.plan-action.add admin",
                                      "qa.plan-action.progress admin"}));
}

}  // namespace
}  // namespace beacon::web
