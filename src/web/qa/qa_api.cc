// The QA JSON API: cycles and their samples, evaluations (draft, submit,
// edit), moderation, recommendations and revisits, the learning briefing,
// feedback, improvement plans and the triangulation view. Writes take a JSON
// body and the X-CSRF-Token header; a refused submission answers 422 with
// every missing item.
#include "qa/briefing.h"
#include "qa/qa_json.h"
#include "web/handlers.h"
#include "web/qa/qa_views.h"
#include "web/qa/workflow.h"
#include "web/view.h"

namespace beacon::web {
namespace {

using nlohmann::json;

int status_for(const Status& s) {
  switch (s.code()) {
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kForbidden:
      return 403;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kInvalidInput:
      return 400;
    default:
      return 500;
  }
}

std::optional<json> body_of(Ctx& ctx) {
  auto j = json::parse(ctx.req.body, nullptr, false);
  if (!j.is_object()) {
    ctx.fail(400, "The request body must be a JSON object.");
    return std::nullopt;
  }
  return j;
}

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json missing_json(const std::vector<qa::Missing>& missing) {
  json out = json::array();
  for (const auto& m : missing)
    out.push_back({{"question", m.question_id}, {"message", m.message}});
  return out;
}

}  // namespace

void api_qa_question_set(Ctx& ctx) {
  const qa::QuestionSet* s = qa::find_question_set(ctx.req.path_param(0));
  if (!s) return ctx.fail(404, "There is no question set called " + ctx.req.path_param(0));
  ctx.json(qa::to_json(*s));
}

void api_qa_cycles(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto cycles = q->store.cycles();
  if (!cycles) return ctx.fail(500, cycles.status().message());
  json out = json::array();
  for (const auto& c : *cycles) out.push_back(qa::to_json(c));
  ctx.json({{"cycles", out}});
}

void api_qa_cycle_create(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  qa::Cycle c;
  json with_defaults = *body;
  if (!with_defaults.contains("rules")) with_defaults["rules"] = json::object();
  if (!qa::from_json(with_defaults, c))
    return ctx.fail(400, "start and end must be dates (YYYY-MM-DD)");
  c.id = 0;
  c.status = "open";
  auto made = create_cycle(*q, c);
  if (!made) return ctx.fail(status_for(made.status()), made.status().message());
  json unassigned = json::array();
  for (const auto& [child, why] : made->unassigned)
    unassigned.push_back({{"child_id", child}, {"reason", why}});
  ctx.json({{"id", made->cycle_id},
            {"sampled", made->sampled},
            {"revisits", made->revisits},
            {"revisits_wanted", made->revisits_wanted},
            {"revisits_not_open", made->revisits_not_open},
            {"unassigned", unassigned}},
           201);
}

void api_qa_cycle(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto view = cycle_view(*q, id_param(ctx.req, 0));
  if (!view) return ctx.fail(status_for(view.status()), view.status().message());
  json evals = json::array();
  for (const auto& e : view->evaluations) {
    json j = qa::to_json(e);
    j.erase("answers");
    evals.push_back(j);
  }
  json agreement = json::object();
  for (const auto& [key, a] : view->agreement.by_pillar)
    agreement[key] = {{"compared", a.compared},
                      {"agreed", a.agreed},
                      {"rate", a.rate() ? json(*a.rate()) : json(nullptr)},
                      {"confusion", a.confusion}};
  ctx.json({{"cycle", qa::to_json(view->cycle)},
            {"evaluations", evals},
            {"agreement", agreement},
            {"moderated", view->moderations.size()}});
}

void api_qa_evaluation(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  int64_t id = id_param(ctx.req, 0);
  auto e = find_evaluation(*q, id);
  if (!e) return ctx.fail(status_for(e.status()), e.status().message());
  auto versions = q->store.versions(id);
  if (!versions) return ctx.fail(500, versions.status().message());
  json v = json::array();
  for (const auto& x : *versions) v.push_back(qa::to_json(x));
  json out = qa::to_json(*e);
  out["versions"] = v;
  const qa::QuestionSet* set = qa::find_question_set(e->question_set_id);
  out["missing"] = set ? missing_json(qa::check_complete(*set, e->answers)) : json::array();
  ctx.json(out);
}

void api_qa_evaluation_update(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  qa::Answers answers;
  if (body->contains("answers") && (*body)["answers"].is_object())
    for (auto it = (*body)["answers"].begin(); it != (*body)["answers"].end(); ++it)
      if (it.value().is_string()) answers[it.key()] = it.value().get<std::string>();
  auto r = act_on_evaluation(*q, id_param(ctx.req, 0), text(*body, "action"), answers,
                             text(*body, "reason"));
  if (!r) return ctx.fail(status_for(r.status()), r.status().message());
  json out = qa::to_json(r->evaluation);
  if (!r->missing.empty()) {
    ctx.json({{"status", 422},
              {"error", "The evaluation cannot be submitted until everything listed is done."},
              {"missing", missing_json(r->missing)},
              {"evaluation", out}},
             422);
    return;
  }
  ctx.json(out);
}

void api_qa_moderate(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  qa::Answers grades;
  if (body->contains("grades") && (*body)["grades"].is_object())
    for (auto it = (*body)["grades"].begin(); it != (*body)["grades"].end(); ++it)
      if (it.value().is_string()) grades[it.key() + ".grade"] = it.value().get<std::string>();
  auto id = moderate(*q, id_param(ctx.req, 0), grades, text(*body, "note"));
  if (!id) return ctx.fail(status_for(id.status()), id.status().message());
  ctx.json({{"id", *id}}, 201);
}

void api_qa_recommendations(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto as_at = date_param(ctx.req, "to", q->today);
  if (!as_at) return ctx.fail(400, "to: not a date (YYYY-MM-DD)");
  auto recs = q->store.recommendations(q->scope);
  if (!recs) return ctx.fail(500, recs.status().message());
  json list = json::array();
  for (const auto& r : *recs) {
    json j = qa::to_json(r);
    j["overdue"] = qa::is_overdue(r, *as_at);
    j["escalation"] = qa::escalation_level(r, *as_at);
    list.push_back(j);
  }
  json by_team = json::object();
  for (const auto& [team, c] : qa::recommendation_report(*recs, *as_at))
    by_team[team.empty() ? "all" : team] = {{"made", c.made},
                                            {"done", c.done},
                                            {"done_on_time", c.done_on_time},
                                            {"open", c.open},
                                            {"overdue", c.overdue}};
  ctx.json({{"as_at", as_at->iso()}, {"recommendations", list}, {"by_team", by_team}});
}

void api_qa_recommendation_add(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  auto due = parse_date(text(*body, "due"));
  if (!due) return ctx.fail(400, "due: not a date (YYYY-MM-DD)");
  auto r = add_recommendation(*q, id_param(ctx.req, 0), text(*body, "text"),
                              text(*body, "owner_id"), *due);
  if (!r) return ctx.fail(status_for(r.status()), r.status().message());
  ctx.json(qa::to_json(*r), 201);
}

void api_qa_recommendation_close(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  auto r = close_recommendation(*q, id_param(ctx.req, 0), text(*body, "evidence"));
  if (!r) return ctx.fail(status_for(r.status()), r.status().message());
  ctx.json(qa::to_json(*r));
}

void api_qa_recommendation_revisit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  int64_t revisit = body->contains("revisit_evaluation_id") &&
                            (*body)["revisit_evaluation_id"].is_number_integer()
                        ? (*body)["revisit_evaluation_id"].get<int64_t>()
                        : 0;
  auto r =
      record_revisit(*q, id_param(ctx.req, 0), revisit, text(*body, "impact"), text(*body, "note"));
  if (!r) return ctx.fail(status_for(r.status()), r.status().message());
  ctx.json(qa::to_json(*r));
}

void api_qa_briefing(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto b = briefing_for(*q, id_param(ctx.req, 0));
  if (!b) return ctx.fail(status_for(b.status()), b.status().message());
  ctx.json(briefing_json(*b, q->engine));
}

void api_qa_feedback(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto f = feedback_view(*q, ctx.req);
  if (!f) return ctx.fail(status_for(f.status()), f.status().message());
  ctx.json(feedback_json(*f));
}

void api_qa_complaint_add(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  json j = *body;
  if (!j.contains("due")) j["due"] = "";
  qa::Complaint c;
  auto received = parse_date(text(j, "received"));
  if (!received) return ctx.fail(400, "received: not a date (YYYY-MM-DD)");
  std::string due = text(j, "due");
  j["due"] = due.empty() ? received->iso() : due;  // replaced by the stage's timescale below
  if (!qa::from_json(j, c)) return ctx.fail(400, "due, responded: dates must be YYYY-MM-DD");
  if (due.empty()) c.due = Date();
  c.id = 0;
  auto r = add_complaint(*q, c);
  if (!r) return ctx.fail(status_for(r.status()), r.status().message());
  ctx.json(qa::to_json(*r), 201);
}

void api_qa_compliment_add(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  qa::Compliment c;
  if (!qa::from_json(*body, c)) return ctx.fail(400, "received: not a date (YYYY-MM-DD)");
  c.id = 0;
  auto r = add_compliment(*q, c);
  if (!r) return ctx.fail(status_for(r.status()), r.status().message());
  ctx.json(qa::to_json(*r), 201);
}

void api_qa_plans(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto plans = q->store.plans();
  if (!plans) return ctx.fail(500, plans.status().message());
  json out = json::array();
  for (const auto& p : *plans) out.push_back(qa::to_json(p));
  ctx.json({{"plans", out}});
}

void api_qa_plan(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto as_at = date_param(ctx.req, "to", default_date(*ctx.engine));
  if (!as_at) return ctx.fail(400, "to: not a date (YYYY-MM-DD)");
  auto p = plan_view(*q, id_param(ctx.req, 0), *as_at);
  if (!p) return ctx.fail(status_for(p.status()), p.status().message());
  ctx.json(plan_json(*p));
}

void api_qa_action_progress(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto body = body_of(ctx);
  if (!body) return;
  auto month = parse_date(text(*body, "month") + "-01");
  if (!month) return ctx.fail(400, "month: must be YYYY-MM");
  qa::ProgressUpdate u{YearMonth::of(*month), text(*body, "rag"), text(*body, "text"),
                       text(*body, "evidence"), ""};
  auto a = add_plan_progress(*q, id_param(ctx.req, 0), u);
  if (!a) return ctx.fail(status_for(a.status()), a.status().message());
  ctx.json(qa::to_json(*a));
}

void api_qa_triangulation(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto t = triangulation_view(*q, ctx.req);
  if (!t) return ctx.fail(status_for(t.status()), t.status().message());
  ctx.json(triangulation_json(*t));
}

}  // namespace beacon::web
