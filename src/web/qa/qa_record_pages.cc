// Page forms for recording feedback and plans without JavaScript: a
// compliment, a survey return, a new improvement plan and a numbered action
// in a plan. Each form posts to its own route; the workflow (workflow.h)
// checks the record with src/qa's rules, stores and audits it. A refused
// form comes back with the problem beside its field and what was typed kept.
#include "qa/feedback.h"
#include "qa/improvement_plan.h"
#include "web/handlers.h"
#include "web/qa/qa_form.h"
#include "web/qa/workflow.h"

namespace beacon::web {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

// Teams the caller may record for, by name order of the organisation.
Options team_options(Ctx& ctx, const QaRequest& q, const std::string& none_label = "") {
  Options out;
  if (!none_label.empty()) out.push_back({"", none_label});
  for (const auto& u : ctx.engine->index().organisation().units())
    if (u.kind == "team" && q.scope.allows(u.id)) out.push_back({u.id, u.name});
  return out;
}

Options listed(const std::vector<std::string>& values,
               const std::map<std::string, std::string>& labels) {
  Options out;
  for (const auto& v : values) {
    auto it = labels.find(v);
    out.push_back({v, it == labels.end() ? v : it->second});
  }
  return out;
}

std::string form_html(Ctx& ctx, const std::string& action, const std::string& fields,
                      const std::string& button) {
  return "<form method=\"post\" action=\"" + action + "\" novalidate>" + csrf_field(*ctx.session) +
         fields + "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">" +
         button + "</button></form>";
}

void show(Ctx& ctx, const std::string& title, std::vector<Crumb> crumbs, const RecordForm& f,
          const std::string& form, int status) {
  std::string h = f.summary() + "<h1 class=\"govuk-heading-l\">" + esc(title) + "</h1>" + form;
  crumbs.insert(crumbs.begin(), Crumb{"Quality assurance", "/qa"});
  crumbs.push_back(Crumb{title, ""});
  ctx.page({title, "qa", nullptr, crumbs, f.failed()}, h, status);
}

// The HTTP status of a refused record, or 0 when the failure is not the
// form's (then it has been answered already).
int refusal_status(Ctx& ctx, const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidInput:
      return 400;
    case StatusCode::kForbidden:
      return 403;
    case StatusCode::kNotFound:
      ctx.fail(404, s.message());
      return 0;
    default:
      ctx.fail(500, s.message());
      return 0;
  }
}

std::optional<Date> date_field(RecordForm& f, const std::string& name) {
  auto d = parse_date(f.value(name));
  if (!d) f.fail(name, "enter a real date as day/month/year, for example 31/3/2026");
  return d;
}

const std::vector<Crumb> kFeedbackCrumbs = {{"Complaints and compliments", "/qa/feedback"}};

// Compliments.

void compliment_page(Ctx& ctx, const QaRequest& q, const RecordForm& f, int status) {
  std::string fields =
      f.text("received", "Received", "For example, 2025-01-31", "govuk-input--width-10") +
      f.select("team", "Team", team_options(ctx, q)) +
      f.select("from", "Who it came from",
               listed(qa::compliment_sources(), {{"child", "The child or young person"},
                                                 {"parent", "A parent"},
                                                 {"carer", "A carer"},
                                                 {"partner", "A partner professional"},
                                                 {"other", "Someone else"}})) +
      f.textarea("summary", "What was said");
  show(ctx, "Record a compliment", kFeedbackCrumbs, f,
       form_html(ctx, "/qa/compliments", fields, "Record the compliment"), status);
}

// Surveys.

void survey_page(Ctx& ctx, const QaRequest& q, const RecordForm& f, int status) {
  std::string fields =
      f.text("received", "Received", "For example, 2025-01-31", "govuk-input--width-10") +
      f.text("survey", "Survey", "For example, Children and families survey 2025",
             "govuk-!-width-two-thirds") +
      f.select("respondent", "Who answered",
               listed(qa::survey_respondents(), {{"child", "The child or young person"},
                                                 {"parent", "A parent"},
                                                 {"carer", "A carer"},
                                                 {"other", "Someone else"}})) +
      f.select("team", "Team", team_options(ctx, q)) +
      f.select("rating", "Rating",
               {{"", "Not given"},
                {"1", "1: poor"},
                {"2", "2"},
                {"3", "3"},
                {"4", "4"},
                {"5", "5: very good"}}) +
      f.textarea("comment", "What they said (if anything)");
  show(ctx, "Record a survey return", kFeedbackCrumbs, f,
       form_html(ctx, "/qa/surveys", fields, "Record the survey return"), status);
}

// Plans.

const std::string kPrioritiesHint =
    "One a line: the priority, a vertical bar, then its sponsor. For example: Children's voices "
    "are heard | Director of children's services";

void plan_form_page(Ctx& ctx, const RecordForm& f, int status) {
  std::string fields =
      f.text("name", "Name", "", "govuk-!-width-two-thirds") +
      f.select("kind", "Kind",
               {{"development", "Development plan"}, {"ofsted", "Ofsted action plan"}}) +
      f.text("start", "Starts", "For example, 2025-04-01", "govuk-input--width-10") +
      f.textarea("priorities", "Strategic priorities", kPrioritiesHint);
  show(ctx, "Start an improvement plan", {{"Improvement plans", "/qa/plans"}}, f,
       form_html(ctx, "/qa/plans", fields, "Start the plan"), status);
}

// "title | sponsor" lines as priorities 1, 2, …; src/qa checks them.
std::vector<qa::Priority> priorities_from(const std::string& text) {
  std::vector<qa::Priority> out;
  auto trim = [](std::string s) {
    size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
  };
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find('\n', at);
    std::string line = trim(text.substr(at, end == std::string::npos ? end : end - at));
    at = end == std::string::npos ? text.size() + 1 : end + 1;
    if (line.empty()) continue;
    size_t bar = line.find('|');
    out.push_back({std::to_string(out.size() + 1), trim(line.substr(0, bar)),
                   bar == std::string::npos ? "" : trim(line.substr(bar + 1))});
  }
  return out;
}

// Actions.

void action_form_page(Ctx& ctx, const QaRequest& q, const qa::ImprovementPlan& plan,
                      const RecordForm& f, int status) {
  std::string priorities;
  for (const auto& p : plan.priorities)
    priorities += (priorities.empty() ? "" : "; ") + p.number + " " + p.title;
  std::string pid = std::to_string(plan.id);
  std::string fields =
      f.text("number", "Number", "The priority and the action, like 1.3. Priorities: " + priorities,
             "govuk-input--width-5") +
      f.text("title", "What will be done", "", "govuk-!-width-two-thirds") +
      f.text("leads", "Leads", "Names, separated by commas", "govuk-!-width-two-thirds") +
      f.select("team", "Team or area", team_options(ctx, q, "The whole organisation")) +
      f.text("start", "Starts", "For example, 2025-04-01", "govuk-input--width-10") +
      f.text("due", "Due", "For example, 2025-09-30", "govuk-input--width-10") +
      f.text("indicators", "Linked indicators",
             "The indicators that should move, separated by commas, like KPI3, KPI7",
             "govuk-!-width-one-half");
  show(ctx, "Add an action to " + plan.name,
       {{"Improvement plans", "/qa/plans"}, {plan.name, "/qa/plans/" + pid}}, f,
       form_html(ctx, "/qa/plans/" + pid + "/actions", fields, "Add the action"), status);
}

std::vector<std::string> indicator_ids(const std::string& text) {
  std::vector<std::string> out;
  std::string id;
  for (char c : text + ",") {
    if (c == ',' || c == ' ' || c == ';' || c == '\t') {
      if (!id.empty()) out.push_back(id);
      id.clear();
    } else {
      id += c;
    }
  }
  return out;
}

}  // namespace

void qa_compliment_form(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  RecordForm f("compliment");
  f.set("received", uk_date(q->today));
  f.set("from", "parent");
  compliment_page(ctx, *q, f, 200);
}

void qa_compliment_submit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  RecordForm f = RecordForm::posted("compliment", ctx.req);
  auto received = date_field(f, "received");
  if (!received) return compliment_page(ctx, *q, f, 400);
  qa::Compliment c;
  c.received = *received;
  c.team_id = f.value("team");
  c.from = f.value("from");
  c.summary = f.value("summary");
  auto r = add_compliment(*q, c);
  if (!r) {
    f.fail(r.status());
    if (int status = refusal_status(ctx, r.status())) compliment_page(ctx, *q, f, status);
    return;
  }
  ctx.res.redirect("/qa/feedback?to=" + r->received.iso() + "#compliments");
}

void qa_survey_form(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  RecordForm f("survey");
  f.set("received", uk_date(q->today));
  f.set("respondent", "child");
  survey_page(ctx, *q, f, 200);
}

void qa_survey_submit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  RecordForm f = RecordForm::posted("survey", ctx.req);
  auto received = date_field(f, "received");
  if (!received) return survey_page(ctx, *q, f, 400);
  qa::SurveyReturn s;
  s.received = *received;
  s.survey = f.value("survey");
  s.respondent = f.value("respondent");
  s.team_id = f.value("team");
  const std::string& rating = f.value("rating");
  // Not a number 0–9: out of range, so the domain's rule words the refusal.
  s.rating = rating.empty()                                               ? 0
             : rating.size() == 1 && rating[0] >= '0' && rating[0] <= '9' ? rating[0] - '0'
                                                                          : -1;
  s.comment = f.value("comment");
  auto r = add_survey_return(*q, s);
  if (!r) {
    f.fail(r.status());
    if (int status = refusal_status(ctx, r.status())) survey_page(ctx, *q, f, status);
    return;
  }
  ctx.res.redirect("/qa/feedback?to=" + r->received.iso() + "#survey-returns");
}

void qa_plan_form(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  RecordForm f("plan");
  f.set("kind", "development");
  f.set("start", uk_date(q->today));
  plan_form_page(ctx, f, 200);
}

void qa_plan_submit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  RecordForm f = RecordForm::posted("plan", ctx.req);
  auto start = date_field(f, "start");
  if (!start) return plan_form_page(ctx, f, 400);
  qa::ImprovementPlan p;
  p.name = f.value("name");
  p.kind = f.value("kind");
  p.start = *start;
  p.priorities = priorities_from(f.value("priorities"));
  auto r = add_plan(*q, p);
  if (!r) {
    f.fail(r.status());
    if (int status = refusal_status(ctx, r.status())) plan_form_page(ctx, f, status);
    return;
  }
  ctx.res.redirect("/qa/plans/" + std::to_string(r->id));
}

void qa_action_form(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto plan = find_plan(*q, id_param(ctx.req, 0));
  if (!plan) return (void)refusal_status(ctx, plan.status());
  auto existing = q->store.actions(plan->id, qa::UnitScope::all());
  if (!existing) return ctx.fail(500, existing.status().message());
  RecordForm f("action");
  if (!plan->priorities.empty())
    f.set("number", qa::next_action_number(*existing, plan->priorities.front().number));
  f.set("start", uk_date(q->today));
  action_form_page(ctx, *q, *plan, f, 200);
}

void qa_action_submit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto plan = find_plan(*q, id_param(ctx.req, 0));
  if (!plan) return (void)refusal_status(ctx, plan.status());
  RecordForm f = RecordForm::posted("action", ctx.req);
  auto start = date_field(f, "start");
  auto due = start ? date_field(f, "due") : std::nullopt;
  if (!start || !due) return action_form_page(ctx, *q, *plan, f, 400);
  qa::PlanAction a;
  a.number = f.value("number");
  a.title = f.value("title");
  a.leads = f.value("leads");
  a.team_id = f.value("team");
  a.start = *start;
  a.due = *due;
  a.indicator_ids = indicator_ids(f.value("indicators"));
  auto r = add_plan_action(*q, plan->id, a);
  if (!r) {
    f.fail(r.status());
    if (int status = refusal_status(ctx, r.status())) action_form_page(ctx, *q, *plan, f, status);
    return;
  }
  ctx.res.redirect("/qa/plans/" + std::to_string(plan->id));
}

}  // namespace beacon::web
