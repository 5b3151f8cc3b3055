// The QA workflow end to end against a real server on a loopback port:
// cycle → draft → refused submission → submit → versioned edit → moderation
// → recommendation → revisit in the next cycle → close; and the same through
// the pages' forms.
#include <gtest/gtest.h>

#include <chrono>

#include "web/test_support.h"

namespace beacon::web {
namespace {

using nlohmann::json;
using testing::TestServer;

Date today() {
  auto days = std::chrono::duration_cast<std::chrono::days>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  return Date::from_serial(static_cast<int32_t>(days));
}

// Every required answer; assessment graded requires improvement, with learning about it.
json complete_answers() {
  json a = json::object();
  for (const char* p : {"voice", "assessment", "planning", "oversight"}) {
    a[std::string(p) + ".grade"] = "good";
    a[std::string(p) + ".evidence"] = "Seen in the record and discussed with the practitioner.";
  }
  a["assessment.grade"] = "requires-improvement";
  a["overall.grade"] = "good";
  a["overall.experience-progress"] = "Yes";
  a["overall.record-reflects-work"] = "Partly";
  a["overall.child-safe"] = "Yes";
  a["overall.summary"] = "Warm, consistent work; the assessment lacks analysis.";
  a["feedback.child"] = "Says their worker listens.";
  a["feedback.parents"] = "Mother wants more notice of visits.";
  a["feedback.partners"] = "School describes good joint working.";
  a["learning.summary"] = "Analysis of risk needs strengthening.";
  a["learning.assessment"] = "Use the chronology to analyse risk, not just list events.";
  a["learning.themes"] = "Analysis of risk, Chronology";
  return a;
}

class QaApi {
 public:
  explicit QaApi(TestServer& s) : c(s.signed_in()) {
    csrf = json::parse(c.get("/api/session").body)["csrf_token"];
  }
  http::ClientResponse post(const std::string& path, const json& body) {
    return c.post_json(path + (path.find('?') == std::string::npos ? "?" : "&") + "csrf=" + csrf,
                       body.dump());
  }
  json get(const std::string& path) { return json::parse(c.get(path).body); }
  http::Client c;
  std::string csrf;
};

int64_t evaluation_of(const json& cycle, const std::string& child) {
  for (const auto& e : cycle["evaluations"])
    if (e["child_id"] == child) return e["id"].get<int64_t>();
  return 0;
}

TEST(QaApiTest, TheWholeLoopFromSampleToClosedRecommendation) {
  TestServer s;
  QaApi api(s);
  // Children open on 2024-12-01: C1, C2 (W1, W2, line-managed by M1) and C4 (W3, by M2).
  auto made =
      api.post("/api/qa/cycles", {{"name", "2024-25 Q3"},
                                  {"start", "2024-12-01"},
                                  {"end", "2024-12-31"},
                                  {"rules", {{"mode", "random"}, {"size", 10}, {"seed", "7"}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  int64_t q3 = json::parse(made.body)["id"];
  EXPECT_EQ(json::parse(made.body)["sampled"], 3);
  json cycle = api.get("/api/qa/cycles/" + std::to_string(q3));
  ASSERT_EQ(cycle["evaluations"].size(), 3u);
  for (const auto& e : cycle["evaluations"]) {
    std::string manager = e["team_id"] == "T1" ? "M1" : "M2";
    EXPECT_NE(e["evaluator_id"], manager) << e["child_id"];  // never the practitioner's own manager
    EXPECT_EQ(e["status"], "assigned");
  }
  int64_t eval = evaluation_of(cycle, "C1");
  std::string path = "/api/qa/evaluations/" + std::to_string(eval);

  // A draft keeps what is typed.
  auto draft = api.post(path, {{"action", "save"}, {"answers", {{"voice.grade", "good"}}}});
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(json::parse(draft.body)["status"], "draft");

  // Submitting with blanks and learning that ignores a pillar below good is refused, listing each.
  json partial = complete_answers();
  partial.erase("learning.assessment");
  partial.erase("feedback.partners");
  auto refused = api.post(path, {{"action", "submit"}, {"answers", partial}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  std::set<std::string> missing;
  json refusal = json::parse(refused.body);
  for (const auto& m : refusal["missing"]) missing.insert(m["question"]);
  EXPECT_EQ(missing, (std::set<std::string>{"feedback.partners", "learning.assessment"}));
  EXPECT_EQ(api.get(path)["status"], "draft");

  auto submitted = api.post(path, {{"action", "submit"}, {"answers", complete_answers()}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(json::parse(submitted.body)["version"], 1);
  EXPECT_EQ(api.post(path, {{"action", "save"}, {"answers", complete_answers()}}).status, 409);

  // Changing it afterwards needs a reason and makes version 2.
  json changed = complete_answers();
  changed["planning.grade"] = "outstanding";
  EXPECT_EQ(api.post(path, {{"action", "edit"}, {"answers", changed}}).status, 400);
  ASSERT_EQ(
      api.post(path, {{"action", "edit"}, {"answers", changed}, {"reason", "Plan reviewed again"}})
          .status,
      200);
  json read = api.get(path);
  EXPECT_EQ(read["version"], 2);
  ASSERT_EQ(read["versions"].size(), 2u);
  EXPECT_EQ(read["versions"][1]["reason"], "Plan reviewed again");
  EXPECT_EQ(read["versions"][0]["answers"]["planning.grade"], "good");

  // Moderation: a blind re-grade, once; agreement per pillar and overall.
  json grades = {{"voice", "good"},
                 {"assessment", "inadequate"},
                 {"planning", "outstanding"},
                 {"oversight", "good"},
                 {"overall", "requires-improvement"}};
  ASSERT_EQ(api.post(path + "/moderation", {{"grades", grades}}).status, 201);
  EXPECT_EQ(api.post(path + "/moderation", {{"grades", grades}}).status, 409);
  json incomplete = {{"voice", "good"}};
  EXPECT_EQ(
      api.post("/api/qa/evaluations/" + std::to_string(evaluation_of(cycle, "C2")) + "/moderation",
               {{"grades", incomplete}})
          .status,
      409);  // C2's is not submitted
  json agreement = api.get("/api/qa/cycles/" + std::to_string(q3))["agreement"];
  EXPECT_EQ(agreement["overall"]["compared"], 1);
  EXPECT_EQ(agreement["overall"]["agreed"], 0);
  EXPECT_EQ(agreement["planning"]["agreed"], 1);
  EXPECT_EQ(agreement["overall"]["confusion"][2][3], 1);  // good → requires improvement

  // A recommendation, owned by the practitioner, overdue once its date passes.
  Date due = today().add_days(10);
  auto rec = api.post(path + "/recommendations",
                      {{"text", "Add an analysis of risk to the assessment"}, {"due", due.iso()}});
  ASSERT_EQ(rec.status, 201) << rec.body;
  int64_t rid = json::parse(rec.body)["id"];
  EXPECT_EQ(json::parse(rec.body)["owner_id"], "W1");
  json later = api.get("/api/qa/recommendations?to=" + due.add_days(40).iso());
  ASSERT_EQ(later["recommendations"].size(), 1u);
  EXPECT_EQ(later["recommendations"][0]["overdue"], true);
  EXPECT_EQ(later["recommendations"][0]["escalation"], 2);
  EXPECT_EQ(later["by_team"]["T1"]["overdue"], 1);
  auto worklist = api.c.get("/worklists?unit=W1&to=2025-03-31");
  EXPECT_NE(worklist.body.find("worklist-recommendations"), std::string::npos);

  // The next cycle revisits the previous cycle's children; the revisit records the impact.
  auto next = api.post(
      "/api/qa/cycles",
      {{"name", "2024-25 Q4"},
       {"start", "2025-01-06"},
       {"end", "2025-03-31"},
       {"previous_cycle_id", q3},
       {"rules", {{"mode", "random"}, {"size", 3}, {"revisit_share", 1.0}, {"seed", "8"}}}});
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(json::parse(next.body)["revisits"], 3);
  json q4 =
      api.get("/api/qa/cycles/" + std::to_string(json::parse(next.body)["id"].get<int64_t>()));
  int64_t revisit = evaluation_of(q4, "C1");
  ASSERT_NE(revisit, 0);
  EXPECT_EQ(
      api.post("/api/qa/recommendations/" + std::to_string(rid) + "/revisit",
               {{"revisit_evaluation_id", eval}, {"impact", "made-a-difference"}, {"note", "x"}})
          .status,
      400);  // the same cycle's evaluation is not a revisit
  auto revisit_page = api.c.get("/qa/evaluations/" + std::to_string(revisit));
  EXPECT_NE(
      revisit_page.body.find("action=\"/qa/recommendations/" + std::to_string(rid) + "/revisit\""),
      std::string::npos);
  auto impact = api.post("/api/qa/recommendations/" + std::to_string(rid) + "/revisit",
                         {{"revisit_evaluation_id", revisit},
                          {"impact", "made-a-difference"},
                          {"note", "The updated assessment analyses risk."}});
  ASSERT_EQ(impact.status, 200) << impact.body;
  EXPECT_EQ(json::parse(impact.body)["impact"], "made-a-difference");

  // Closing needs evidence.
  EXPECT_EQ(
      api.post("/api/qa/recommendations/" + std::to_string(rid) + "/close", {{"evidence", " "}})
          .status,
      400);
  auto closed = api.post("/api/qa/recommendations/" + std::to_string(rid) + "/close",
                         {{"evidence", "Assessment updated"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(json::parse(closed.body)["status"], "done");

  // The briefing counts the submitted evaluation, its themes and the recommendation.
  json briefing = api.get("/api/qa/cycles/" + std::to_string(q3) + "/briefing");
  EXPECT_EQ(briefing["evaluations"], 1);
  EXPECT_EQ(briefing["by_pillar"]["assessment"]["by_grade"]["requires-improvement"], 1);
  EXPECT_EQ(briefing["actions"]["made"], 1);
  EXPECT_EQ(briefing["actions"]["done"], 1);

  // Every change went through the audit hook, in order.
  std::vector<std::string> actions;
  for (const auto& e : s.backend.audit_lines())
    if (e.action.rfind("qa.", 0) == 0) actions.push_back(e.action.substr(3));
  EXPECT_EQ(actions,
            (std::vector<std::string>{
                "cycle.create", "evaluation.save-draft", "evaluation.save-draft",
                "evaluation.submit", "evaluation.edit", "evaluation.moderate", "recommendation.add",
                "cycle.create", "recommendation.revisit", "recommendation.close"}));
  for (const auto& e : s.backend.audit_lines()) {
    if (e.action.rfind("qa.", 0) == 0) {
      EXPECT_EQ(e.user, "admin");
    }
  }
}

TEST(QaApiTest, WritesNeedTheCsrfTokenAndReadsASession) {
  TestServer s;
  QaApi api(s);
  auto r =
      api.c.post_json("/api/qa/cycles",
                      json({{"name", "x"}, {"start", "2024-12-01"}, {"end", "2024-12-31"}}).dump());
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(s.client().get("/api/qa/cycles").status, 401);
  for (const auto& e : s.backend.audit_lines()) EXPECT_NE(e.action.rfind("qa.", 0), 0u) << e.action;
}

TEST(QaApiTest, HostileInputIsRefusedPolitely) {
  TestServer s;
  QaApi api(s);
  EXPECT_EQ(api.c.post_json("/api/qa/cycles?csrf=" + api.csrf, "[1,2").status, 400);
  EXPECT_EQ(
      api.post("/api/qa/cycles", {{"name", "x"}, {"start", "31/02/2024"}, {"end", "2024-12-31"}})
          .status,
      400);
  EXPECT_EQ(api.post("/api/qa/cycles", {{"name", "x"},
                                        {"start", "2024-12-01"},
                                        {"end", "2024-12-31"},
                                        {"rules", {{"revisit_share", 7}}}})
                .status,
            400);
  EXPECT_EQ(api.c.get("/api/qa/evaluations/99999999999999999999").status, 404);
  EXPECT_EQ(api.c.get("/api/qa/cycles/0").status, 404);
  EXPECT_EQ(api.post("/api/qa/evaluations/1", {{"action", "explode"}}).status, 404);
  EXPECT_EQ(api.post("/api/qa/complaints", {{"stage", 9},
                                            {"received", "2025-01-06"},
                                            {"theme", "no-reply"},
                                            {"complainant", "child"}})
                .status,
            400);
  EXPECT_EQ(api.c.get("/api/qa/question-sets/practice-evaluation").status, 200);
}

TEST(QaApiTest, ComplaintsCountTimelinessThemesAndChildren) {
  TestServer s;
  QaApi api(s);
  auto a = api.post("/api/qa/complaints", {{"stage", 1},
                                           {"received", "2025-01-06"},
                                           {"responded", "2025-01-10"},
                                           {"theme", "no-reply"},
                                           {"complainant", "child"},
                                           {"team_id", "T1"}});
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(json::parse(a.body)["due"], "2025-01-20");  // 10 working days
  ASSERT_EQ(api.post("/api/qa/complaints", {{"stage", 2},
                                            {"received", "2025-02-03"},
                                            {"theme", "staff-conduct"},
                                            {"complainant", "parent"},
                                            {"team_id", "T2"}})
                .status,
            201);
  ASSERT_EQ(api.post("/api/qa/compliments", {{"received", "2025-02-10"},
                                             {"team_id", "T1"},
                                             {"from", "parent"},
                                             {"summary", "Thank you for listening"}})
                .status,
            201);
  json f = api.get("/api/qa/feedback?from=2025-01-01&to=2025-03-31");
  EXPECT_EQ(f["figures"]["complaints"], 2);
  EXPECT_EQ(f["figures"]["responded_on_time"], 1);
  EXPECT_EQ(f["figures"]["open_overdue"], 1);
  EXPECT_DOUBLE_EQ(f["figures"]["share_from_children"].get<double>(), 0.5);
  EXPECT_EQ(f["figures"]["by_theme"]["no-reply"], 1);
  EXPECT_EQ(f["months"].size(), 3u);
  json east = api.get("/api/qa/feedback?from=2025-01-01&to=2025-03-31&unit=EAST");
  EXPECT_EQ(east["figures"]["complaints"], 1);
  EXPECT_EQ(east["figures"]["compliments"], 1);
  json tri = api.get("/api/qa/triangulation?unit=T1&to=2025-03-31");
  EXPECT_EQ(tri["kpis"].size(), 16u);
  EXPECT_EQ(tri["feedback"]["complaints"], 1);
  auto page = api.c.get("/qa/feedback?from=2025-01-01&to=2025-03-31");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("50% from children themselves"), std::string::npos);
}

TEST(QaPagesTest, TheEvaluationFormRefusesAnIncompleteSubmissionListingWhatIsMissing) {
  TestServer s;
  QaApi api(s);
  auto made = api.c.post_form("/qa/cycles", {{"csrf", api.csrf},
                                             {"name", "Dec"},
                                             {"start", "2024-12-01"},
                                             {"end", "2024-12-31"},
                                             {"mode", "random"},
                                             {"size", "5"},
                                             {"seed", "3"},
                                             {"previous_cycle_id", "0"}});
  ASSERT_EQ(made.status, 303) << made.body;
  std::string cycle_path = made.header("location");
  auto cycle = api.c.get(cycle_path);
  ASSERT_EQ(cycle.status, 200);
  EXPECT_NE(cycle.body.find("id=\"cycle-sample\""), std::string::npos);
  std::string eval_path =
      "/qa/evaluations/" + TestServer::between(cycle.body, "href=\"/qa/evaluations/", "\"");
  auto form = api.c.get(eval_path);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"assessment.grade\""), std::string::npos);
  auto refused = api.c.post_form(
      eval_path, {{"csrf", api.csrf}, {"action", "submit"}, {"voice.grade", "inadequate"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"submission-refused\""), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#q-learning-voice\""), std::string::npos);
  EXPECT_NE(refused.body.find("href=\"#q-feedback-child\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"inadequate\" checked"),
            std::string::npos);  // what was typed is kept
  std::vector<std::pair<std::string, std::string>> fields = {{"csrf", api.csrf},
                                                             {"action", "submit"}};
  json answers = complete_answers();
  for (auto& [k, v] : answers.items())
    if (k == "learning.themes") {
      fields.push_back({k, "Analysis of risk"});
      fields.push_back({k, "Chronology"});  // ticked boxes arrive one by one
    } else {
      fields.push_back({k, v.get<std::string>()});
    }
  auto ok = api.c.post_form(eval_path, fields);
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto shown = api.c.get(ok.header("location"));
  EXPECT_NE(shown.body.find("Evaluation submitted."), std::string::npos);
  EXPECT_NE(shown.body.find("value=\"Chronology\" checked"), std::string::npos);
  for (std::string p :
       std::vector<std::string>{"/qa", "/qa/recommendations", "/qa/feedback", "/qa/plans",
                                "/qa/triangulation?unit=T1", cycle_path + "/briefing"})
    EXPECT_EQ(api.c.get(p).status, 200) << p;
  auto pdf = api.c.get(cycle_path + "/briefing.pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  auto xlsx = api.c.get(cycle_path + "/briefing.xlsx");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(pdf.body, api.c.get(cycle_path + "/briefing.pdf").body);  // same briefing, same bytes
}

TEST(QaPagesTest, TheSampleFormDrawsFromTheTeamsAndCohortsTicked) {
  TestServer s;
  QaApi api(s);
  auto form = api.c.get("/qa");
  EXPECT_NE(form.body.find("name=\"teams\" type=\"checkbox\" value=\"T2\""), std::string::npos);
  EXPECT_NE(form.body.find("name=\"cohorts\" type=\"checkbox\" value=\"cp\""), std::string::npos);
  std::vector<std::pair<std::string, std::string>> fields = {
      {"csrf", api.csrf},    {"name", "South only"},    {"start", "2024-12-01"},
      {"end", "2024-12-31"}, {"mode", "random"},        {"size", "10"},
      {"seed", "3"},         {"previous_cycle_id", "0"}};
  // An unknown team is refused, keeping the boxes ticked.
  auto bad = fields;
  bad.push_back({"teams", "T1"});
  bad.push_back({"teams", "NOPE"});
  auto refused = api.c.post_form("/qa/cycles", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("teams: there is no team NOPE"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"T1\" checked"), std::string::npos);

  // Children open on 2024-12-01: C1, C2 in T1 and C4 in T2, all children in need.
  auto south = fields;
  south.push_back({"teams", "T2"});
  auto made = api.c.post_form("/qa/cycles", south);
  ASSERT_EQ(made.status, 303) << made.body;
  std::string id = made.header("location").substr(std::string("/qa/cycles/").size());
  json cycle = api.get("/api/qa/cycles/" + id);
  ASSERT_EQ(cycle["evaluations"].size(), 1u);
  EXPECT_EQ(cycle["evaluations"][0]["child_id"], "C4");
  EXPECT_EQ(cycle["cycle"]["rules"]["teams"], json::array({"T2"}));
  EXPECT_NE(api.c.get("/qa/cycles/" + id).body.find("from Assessment team 2"), std::string::npos);

  auto east_cin = fields;
  east_cin[1].second = "East, children in need";
  east_cin.push_back({"teams", "T1"});
  east_cin.push_back({"cohorts", "cin"});
  made = api.c.post_form("/qa/cycles", east_cin);
  ASSERT_EQ(made.status, 303) << made.body;
  cycle = api.get(made.header("location").replace(0, 0, "/api"));
  std::set<std::string> children;
  for (const auto& e : cycle["evaluations"]) children.insert(e["child_id"]);
  EXPECT_EQ(children, (std::set<std::string>{"C1", "C2"}));

  auto protection = fields;
  protection[1].second = "On a plan";
  protection.push_back({"cohorts", "cp"});
  made = api.c.post_form("/qa/cycles", protection);
  ASSERT_EQ(made.status, 303) << made.body;
  EXPECT_TRUE(api.get(made.header("location").replace(0, 0, "/api"))["evaluations"].empty());
}

TEST(QaApiTest, TheWorklistJsonListsTheOpenRecommendationsThePageShows) {
  TestServer s;
  QaApi api(s);
  auto made = api.post("/api/qa/cycles", {{"name", "Dec"},
                                          {"start", "2024-12-01"},
                                          {"end", "2024-12-31"},
                                          {"rules", {{"mode", "random"}, {"size", 10}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  json cycle =
      api.get("/api/qa/cycles/" + std::to_string(json::parse(made.body)["id"].get<int64_t>()));
  std::string due = today().add_days(10).iso();
  std::map<std::string, int64_t> rec;
  for (const char* child : {"C1", "C2", "C4"}) {
    auto r = api.post(
        "/api/qa/evaluations/" + std::to_string(evaluation_of(cycle, child)) + "/recommendations",
        {{"text", std::string("Chronology for ") + child}, {"due", due}});
    ASSERT_EQ(r.status, 201) << r.body;
    rec[child] = json::parse(r.body)["id"];
  }
  ASSERT_EQ(api.post("/api/qa/recommendations/" + std::to_string(rec["C2"]) + "/close",
                     {{"evidence", "Chronology written"}})
                .status,
            200);
  auto children_of = [](const json& worklist) {
    std::set<std::string> out;
    for (const auto& r : worklist["recommendations"]) out.insert(r["child_id"]);
    return out;
  };
  // A worker's: those they own; a unit's: those held in it; closed ones are done with.
  json w1 = api.get("/api/worklists?to=2025-03-31&unit=W1");
  EXPECT_EQ(children_of(w1), std::set<std::string>{"C1"});
  EXPECT_EQ(w1["recommendations"][0]["due"], due);
  EXPECT_EQ(w1["recommendations"][0]["owner_id"], "W1");
  EXPECT_EQ(w1["recommendations"][0]["overdue"], false);
  EXPECT_EQ(w1["recommendations"][0]["escalation"], 0);
  EXPECT_EQ(children_of(api.get("/api/worklists?to=2025-03-31&unit=T1")),
            std::set<std::string>{"C1"});
  EXPECT_EQ(children_of(api.get("/api/worklists?to=2025-03-31")),
            (std::set<std::string>{"C1", "C4"}));
  auto page = api.c.get("/worklists?to=2025-03-31&unit=W1");
  EXPECT_NE(page.body.find("Chronology for C1"), std::string::npos);
  EXPECT_EQ(page.body.find("Chronology for C4"), std::string::npos);

  // The same scope rules as the page: a team manager of T2 sees T2's only.
  testing::add_test_user(s.backend.users(), "tm2", {access::Role::kTeamManager}, "T2");
  auto tm = s.signed_in("tm2");
  json t2 = json::parse(tm.get("/api/worklists?to=2025-03-31").body);
  EXPECT_EQ(t2["unit"], "T2");
  EXPECT_EQ(children_of(t2), std::set<std::string>{"C4"});
  EXPECT_EQ(tm.get("/api/worklists?to=2025-03-31&unit=T1").status, 403);
}

TEST(QaPagesTest, TickedRecommendationsCloseTogetherWithOnePieceOfEvidence) {
  TestServer s;
  QaApi api(s);
  auto made = api.post("/api/qa/cycles", {{"name", "Dec"},
                                          {"start", "2024-12-01"},
                                          {"end", "2024-12-31"},
                                          {"rules", {{"mode", "random"}, {"size", 10}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  json cycle =
      api.get("/api/qa/cycles/" + std::to_string(json::parse(made.body)["id"].get<int64_t>()));
  std::map<std::string, int64_t> rec;
  for (const char* child : {"C1", "C2", "C4"}) {
    auto r = api.post(
        "/api/qa/evaluations/" + std::to_string(evaluation_of(cycle, child)) + "/recommendations",
        {{"text", std::string("Chronology for ") + child}, {"due", today().add_days(10).iso()}});
    ASSERT_EQ(r.status, 201) << r.body;
    rec[child] = json::parse(r.body)["id"];
  }
  // The page lists them with a tick box each and one evidence box, not a form per row.
  auto page = api.c.get("/qa/recommendations");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("id=\"evidence-"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"close-" + std::to_string(rec["C1"]) + "\""), std::string::npos);
  // Nothing ticked: back to the list with the problem.
  auto none = api.c.post_form("/qa/recommendations/close", {{"csrf", api.csrf}, {"evidence", "Done"}});
  EXPECT_EQ(none.status, 303);
  EXPECT_NE(none.header("location").find("problem=Tick"), std::string::npos);
  // Two ticked, one evidence: both closed, the third still open.
  auto closed = api.c.post_form("/qa/recommendations/close",
                                {{"csrf", api.csrf},
                                 {"id", std::to_string(rec["C1"])},
                                 {"id", std::to_string(rec["C4"])},
                                 {"evidence", "Chronologies written, seen on the records"}});
  EXPECT_EQ(closed.status, 303);
  EXPECT_EQ(closed.header("location"), "/qa/recommendations?status=done");
  std::map<int64_t, std::string> status;
  const json listed = api.get("/api/qa/recommendations");
  for (const auto& r : listed["recommendations"])
    status[r["id"].get<int64_t>()] = r["status"].get<std::string>();
  EXPECT_EQ(status[rec["C1"]], "done");
  EXPECT_EQ(status[rec["C4"]], "done");
  EXPECT_EQ(status[rec["C2"]], "open");
}

TEST(QaApiTest, AKeptWorklistShowsARecommendationAddedOrClosedAtOnce) {
  TestServer s;
  QaApi api(s);
  auto made = api.post("/api/qa/cycles", {{"name", "Dec"},
                                          {"start", "2024-12-01"},
                                          {"end", "2024-12-31"},
                                          {"rules", {{"mode", "random"}, {"size", 10}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  json cycle =
      api.get("/api/qa/cycles/" + std::to_string(json::parse(made.body)["id"].get<int64_t>()));
  const std::string url = "/api/worklists?to=2025-03-31&unit=W1";
  const std::string page_url = "/worklists?to=2025-03-31&unit=W1";
  EXPECT_EQ(api.get(url)["recommendations"].size(), 0u);
  EXPECT_EQ(api.c.get(page_url).body.find("Genogram for C1"), std::string::npos);
  EXPECT_EQ(api.get(url)["recommendations"].size(), 0u);  // asked twice: now kept
  auto r = api.post("/api/qa/evaluations/" + std::to_string(evaluation_of(cycle, "C1")) +
                        "/recommendations",
                    {{"text", "Genogram for C1"}, {"due", today().add_days(10).iso()}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(api.get(url)["recommendations"].size(), 1u);
  EXPECT_NE(api.c.get(page_url).body.find("Genogram for C1"), std::string::npos);
  ASSERT_EQ(api.post("/api/qa/recommendations/" +
                         std::to_string(json::parse(r.body)["id"].get<int64_t>()) + "/close",
                     {{"evidence", "Genogram drawn"}})
                .status,
            200);
  EXPECT_EQ(api.get(url)["recommendations"].size(), 0u);
  EXPECT_EQ(api.c.get(page_url).body.find("Genogram for C1"), std::string::npos);
}

TEST(QaApiTest, KeptQaReportsShowAWriteAtOnce) {
  TestServer s;
  QaApi api(s);
  const std::string url = "/api/qa/feedback?from=2025-01-01&to=2025-03-31";
  EXPECT_EQ(api.get(url)["figures"]["complaints"], 0);
  EXPECT_EQ(api.get(url)["figures"]["complaints"], 0);  // asked twice: now kept
  const size_t cycles_before = api.get("/api/qa/cycles").dump().size();
  ASSERT_EQ(api.post("/api/qa/complaints", {{"stage", 1},
                                            {"received", "2025-01-06"},
                                            {"theme", "no-reply"},
                                            {"complainant", "child"},
                                            {"team_id", "T1"}})
                .status,
            201);
  EXPECT_EQ(api.get(url)["figures"]["complaints"], 1);
  auto made = api.post("/api/qa/cycles", {{"name", "Kept"},
                                          {"start", "2024-12-01"},
                                          {"end", "2024-12-31"},
                                          {"rules", {{"mode", "random"}, {"size", 2}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string cycles = api.get("/api/qa/cycles").dump();
  EXPECT_GT(cycles.size(), cycles_before);
  EXPECT_NE(cycles.find("Kept"), std::string::npos);
}

TEST(QaPagesTest, AKeptPageWithAFormCarriesEachAskersOwnCsrfToken) {
  TestServer s;
  QaApi first(s), second(s);
  ASSERT_NE(first.csrf, second.csrf);
  auto token_in = [](const std::string& page) {
    return TestServer::between(page, "name=\"csrf\" value=\"", "\"");
  };
  for (int i = 0; i < 2; ++i) {  // the second time, each is served the kept page
    auto a = first.c.get("/qa");
    auto b = second.c.get("/qa");
    ASSERT_EQ(a.status, 200);
    ASSERT_EQ(b.status, 200);
    EXPECT_EQ(token_in(a.body), first.csrf);
    EXPECT_EQ(token_in(b.body), second.csrf);
    EXPECT_EQ(b.body.find(first.csrf), std::string::npos);
    EXPECT_EQ(a.body.find(second.csrf), std::string::npos);
  }
}

}  // namespace
}  // namespace beacon::web
