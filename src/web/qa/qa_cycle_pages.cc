// The practice hub's home (cycles, and starting a new one with its sampling
// rules) and a cycle's page: its sample, who evaluates whom, progress, and
// the moderation panel's agreement.
#include <map>

#include "access/policy.h"
#include "web/handlers.h"
#include "web/qa/qa_html.h"
#include "web/qa/qa_views.h"
#include "web/qa/workflow.h"
#include "web/svg_chart.h"
#include "web/view.h"

namespace beacon::web {
namespace {

using Choices = std::vector<std::pair<std::string, std::string>>;

Choices team_choices(Ctx& ctx) {
  Choices out;
  for (const auto& u : ctx.engine->index().organisation().units())
    if (u.kind == "team") out.push_back({u.id, u.name});
  return out;
}

// The values of a checkbox field (one parameter per ticked box).
std::set<std::string> ticked(const http::Request& req, const std::string& name) {
  std::set<std::string> out;
  auto [from, to] = req.params.equal_range(name);
  for (auto it = from; it != to; ++it) out.insert(it->second);
  return out;
}

// The sample's filters as small checkboxes; none ticked draws from everyone.
// A refused form keeps what was ticked.
std::string filter_checkboxes(Ctx& ctx, const std::string& name, const std::string& legend,
                              const Choices& choices) {
  const std::set<std::string> on = ticked(ctx.req, name);
  std::string id = "cycle-" + name;
  std::string h =
      "<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\" "
      "aria-describedby=\"" +
      id + "-hint\"><legend class=\"govuk-fieldset__legend\">" + esc(legend) +
      "</legend><div class=\"govuk-hint\" id=\"" + id +
      "-hint\">None ticked: all of them</div><div class=\"govuk-checkboxes "
      "govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">";
  int i = 0;
  for (const auto& [value, label] : choices) {
    std::string box = id + (i++ ? "-" + std::to_string(i - 1) : "");
    h += "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"" +
         box + "\" name=\"" + name + "\" type=\"checkbox\" value=\"" + esc(value) + "\"" +
         (on.count(value) ? " checked" : "") +
         "><label class=\"govuk-label govuk-checkboxes__label\" for=\"" + box + "\">" + esc(label) +
         "</label></div>";
  }
  return h + "</div></fieldset></div>";
}

std::string cycle_form(Ctx& ctx, const std::vector<qa::Cycle>& cycles, const std::string& error) {
  Date today = default_date(*ctx.engine);
  qa::Cycle next = qa::quarterly_cycle_for(today);
  std::string h = "<h2 class=\"govuk-heading-m\" id=\"new-cycle\">Start a cycle or dip sample</h2>";
  if (!error.empty()) h += error_summary({{error, "#cycle-name"}});
  h += "<form method=\"post\" action=\"/qa/cycles\" novalidate>" + csrf_field(*ctx.session);
  auto input = [](const std::string& id, const std::string& label, const std::string& value,
                  const std::string& hint, const char* width) {
    return "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"" + id + "\">" +
           label + "</label>" +
           (hint.empty() ? ""
                         : "<div class=\"govuk-hint\" id=\"" + id + "-hint\">" + hint + "</div>") +
           "<input class=\"govuk-input " + width + "\" id=\"" + id + "\" name=\"" + id.substr(6) +
           "\" type=\"text\" value=\"" + esc(value) + "\"" +
           (hint.empty() ? "" : " aria-describedby=\"" + id + "-hint\"") + "></div>";
  };
  h += input("cycle-name", "Name", next.name, "", "govuk-!-width-one-half");
  h += input("cycle-start", "Starts", uk_date(next.start),
             "For example, 1/4/2026. The sample is drawn from the children open that day",
             "govuk-input--width-10");
  h += input("cycle-end", "Ends", uk_date(next.end), kDateHint, "govuk-input--width-10");
  h +=
      "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"cycle-kind\">Kind</label>"
      "<select class=\"govuk-select\" id=\"cycle-kind\" name=\"kind\"><option "
      "value=\"quarterly\">Quarterly practice evaluation</option>"
      "<option value=\"thematic\">Thematic dip sample</option></select></div>";
  h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" "
       "for=\"cycle-question_set\">Question set</label>"
       "<select class=\"govuk-select\" id=\"cycle-question_set\" name=\"question_set\">"
       "<option value=\"practice-evaluation\">Practice evaluation (four pillars)</option>"
       "<option value=\"joint-visit-dip-sample\">Dip sample: joint visits</option></select></div>";
  h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"cycle-mode\">How to "
       "sample</label>"
       "<select class=\"govuk-select\" id=\"cycle-mode\" name=\"mode\"><option "
       "value=\"stratified\">Stratified by locality</option>"
       "<option value=\"random\">At random</option><option value=\"per-team\">A number from each "
       "team</option>"
       "<option value=\"per-cohort\">A number from each cohort</option></select></div>";
  h += filter_checkboxes(ctx, "teams", "Only these teams", team_choices(ctx));
  h += filter_checkboxes(ctx, "cohorts", "Only these cohorts",
                         {{"cin", "Children in need"},
                          {"cp", "Children on a child protection plan"},
                          {"cla", "Children looked after"}});
  h += input("cycle-size", "Children to sample", "100",
             "Random and stratified samples; revisits count towards it", "govuk-input--width-4");
  h += input("cycle-per_group", "Children from each team or cohort", "5", "",
             "govuk-input--width-4");
  h += input("cycle-seed", "Draw number", std::to_string(today.serial()),
             "Recorded with the cycle, so the same sample can be drawn again", "govuk-input--width-10");
  h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" "
       "for=\"cycle-previous\">Revisit 25% of the children of</label>"
       "<select class=\"govuk-select\" id=\"cycle-previous\" name=\"previous_cycle_id\"><option "
       "value=\"0\">No earlier cycle</option>";
  for (auto it = cycles.rbegin(); it != cycles.rend(); ++it)
    h += "<option value=\"" + std::to_string(it->id) + "\"" +
         (it == cycles.rbegin() ? " selected" : "") + ">" + esc(it->name) + "</option>";
  h += "</select></div><button type=\"submit\" class=\"govuk-button\" "
       "data-module=\"govuk-button\">Draw the sample</button></form>";
  return h;
}

// "Across cycles at a glance": each cycle's overall grades as one bar that
// adds up to 100%, oldest first, with the counts in a table beside it.
std::string across_cycles(QaRequest& q, const std::vector<qa::Cycle>& cycles) {
  StackedChart chart;
  chart.title = "Overall grades of submitted evaluations, cycle by cycle";
  for (qa::Grade g : qa::kAllGrades) chart.series.push_back(std::string(qa::grade_label(g)));
  std::vector<std::vector<std::string>> rows;
  // The latest cycle with submitted evaluations, pillar by pillar.
  StackedChart pillars;
  pillars.series = chart.series;
  std::string latest_name;
  for (const qa::Cycle& c : cycles) {
    auto e = q.store.evaluations({c.id, "", ""}, q.scope);
    if (!e) continue;
    qa::GradeCounts counts;
    std::map<std::string, qa::GradeCounts> by_pillar;
    for (const auto& x : *e) {
      if (x.status != qa::EvaluationStatus::kSubmitted) continue;
      if (auto g = qa::overall_grade(x.answers)) counts.add(*g);
      for (const qa::Pillar& p : qa::kPillars) {
        auto it = x.answers.find(std::string(p.id) + ".grade");
        if (it == x.answers.end()) continue;
        if (auto g = qa::parse_grade(it->second)) by_pillar[std::string(p.id)].add(*g);
      }
    }
    if (counts.total() > 0) {
      latest_name = c.name;
      pillars.rows.clear();
      for (const qa::Pillar& p : qa::kPillars) {
        StackedRow row{std::string(p.label), {}};
        for (qa::Grade g : qa::kAllGrades) row.counts.push_back(by_pillar[std::string(p.id)].n[qa::grade_index(g)]);
        pillars.rows.push_back(std::move(row));
      }
    }
    if (counts.total() == 0) continue;
    StackedRow bar{c.name, {}};
    std::vector<std::string> cells = {esc(c.name)};
    for (qa::Grade g : qa::kAllGrades) {
      bar.counts.push_back(counts.n[qa::grade_index(g)]);
      cells.push_back(std::to_string(counts.n[qa::grade_index(g)]));
    }
    cells.push_back(percent(counts.share_good_or_better()));
    chart.rows.push_back(std::move(bar));
    rows.push_back(std::move(cells));
  }
  if (rows.empty()) return "";
  std::vector<std::string> head = {"Cycle"};
  for (const auto& s : chart.series) head.push_back(s);
  head.push_back("Good or better");
  pillars.title = latest_name + ": grades by pillar";
  return "<h2 class=\"govuk-heading-m\" id=\"across-cycles\">Across cycles at a glance</h2>"
         "<figure class=\"beacon-chart-figure\">" + stacked_bar_chart(chart) +
         "<figcaption class=\"govuk-body-s\">Each bar is one cycle's submitted evaluations, by overall "
         "grade; the counts are in the table below.</figcaption></figure>" +
         table("across-cycles-table", "Overall grades by cycle", head, rows,
               {false, true, true, true, true, true, true}) +
         "<h3 class=\"govuk-heading-s\" id=\"latest-by-pillar\">" + esc(latest_name) +
         ", pillar by pillar</h3><figure class=\"beacon-chart-figure\">" + stacked_bar_chart(pillars) +
         "<figcaption class=\"govuk-body-s\">Each bar is one pillar's grades in the latest cycle; each "
         "cycle's learning briefing has the counts.</figcaption></figure>";
}

void home(Ctx& ctx, const std::string& error, int status) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto cycles = q->store.cycles();
  if (!cycles) return ctx.fail(500, cycles.status().message());
  std::string h = "<h1 class=\"govuk-heading-l\">Quality assurance</h1>" + qa_subnav("cycles");
  std::vector<std::vector<std::string>> rows;
  for (auto it = cycles->rbegin(); it != cycles->rend(); ++it) {
    auto e = q->store.evaluations({it->id, "", ""}, q->scope);
    int total = e ? static_cast<int>(e->size()) : 0, submitted = 0;
    if (e)
      for (const auto& x : *e) submitted += x.status == qa::EvaluationStatus::kSubmitted;
    rows.push_back({"<a class=\"govuk-link\" href=\"/qa/cycles/" + std::to_string(it->id) + "\">" +
                        esc(it->name) + "</a>",
                    std::string(it->kind == qa::CycleKind::kQuarterly ? "Quarterly" : "Thematic"),
                    it->start.text() + " to " + it->end.text(), std::to_string(total),
                    std::to_string(submitted),
                    "<a class=\"govuk-link\" href=\"/qa/cycles/" + std::to_string(it->id) +
                        "/briefing\">Learning briefing<span class=\"govuk-visually-hidden\"> for " +
                        esc(it->name) + "</span></a>"});
  }
  if (rows.empty())
    h += "<p class=\"govuk-body\" id=\"no-cycles\">No evaluation cycle has been started yet.</p>";
  else
    h += table("cycles", "Cycles, newest first",
               {"Cycle", "Kind", "Dates", "Children", "Submitted", "Briefing"}, rows,
               {false, false, false, true, true, false});
  h += across_cycles(*q, *cycles);
  // Only those who may start one see the form (a team manager reads the cycles).
  if (access::can_record_qa(ctx.principal())) h += cycle_form(ctx, *cycles, error);
  ctx.page({"Quality assurance", "qa", nullptr, {}, !error.empty()}, h, status);
}

// How a sample was drawn, in words.
std::string sample_mode_words(qa::SampleMode m) {
  switch (m) {
    case qa::SampleMode::kRandom: return "at random";
    case qa::SampleMode::kPerTeam: return "at random within each team";
    case qa::SampleMode::kPerCohort: return "at random within each group of children";
    case qa::SampleMode::kStratified: return "at random, in proportion across localities";
  }
  return "at random";
}

// ", from Assessment team 1; cohorts cin, cp" when the sample was filtered.
std::string filters_text(const OrganisationTree& org, const qa::SamplingRules& rules) {
  std::string out;
  for (const auto& t : rules.teams) out += (out.empty() ? ", from " : ", ") + esc(org.name_of(t));
  std::string cohorts;
  for (const auto& c : rules.cohorts) cohorts += (cohorts.empty() ? "" : ", ") + esc(c);
  if (!cohorts.empty()) out += (out.empty() ? ", " : "; ") + std::string("cohorts ") + cohorts;
  return out;
}

std::optional<int> int_field(const http::Request& req, const std::string& name, int fallback) {
  std::string v = req.param(name);
  if (v.empty()) return fallback;
  if (v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(v);
}

}  // namespace

void qa_home_page(Ctx& ctx) { home(ctx, "", 200); }

void qa_cycle_create(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  qa::Cycle c;
  c.name = ctx.req.param("name");
  auto start = parse_date(ctx.req.param("start"));
  auto end = parse_date(ctx.req.param("end"));
  if (!start || !end) return home(ctx, "Enter when the cycle starts and ends as day/month/year, for example 1/4/2026", 400);
  c.start = *start;
  c.end = *end;
  c.kind = qa::parse_cycle_kind(ctx.req.param("kind")).value_or(qa::CycleKind::kQuarterly);
  c.question_set_id = ctx.req.param("question_set", "practice-evaluation");
  c.rules.mode = qa::parse_sample_mode(ctx.req.param("mode")).value_or(qa::SampleMode::kStratified);
  auto size = int_field(ctx.req, "size", 100), per_group = int_field(ctx.req, "per_group", 5);
  if (!size || !per_group) return home(ctx, "The numbers of children must be whole numbers", 400);
  c.rules.size = *size;
  c.rules.per_group = *per_group;
  std::string seed = ctx.req.param("seed", "1");
  if (seed.empty() || seed.size() > 19 || seed.find_first_not_of("0123456789") != std::string::npos)
    return home(ctx, "The seed must be a whole number", 400);
  c.rules.seed = std::stoull(seed);
  c.rules.teams = ticked(ctx.req, "teams");
  c.rules.cohorts = ticked(ctx.req, "cohorts");
  auto prev = int_field(ctx.req, "previous_cycle_id", 0);
  c.previous_cycle_id = prev.value_or(0);
  auto made = create_cycle(*q, c);
  if (!made) return home(ctx, made.status().message(), 400);
  ctx.res.redirect("/qa/cycles/" + std::to_string(made->cycle_id));
}

void qa_cycle_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto v = cycle_view(*q, id_param(ctx.req, 0));
  if (!v)
    return ctx.fail(v.status().code() == StatusCode::kNotFound ? 404 : 500, v.status().message());
  const auto& org = ctx.engine->index().organisation();
  std::string id = std::to_string(v->cycle.id);
  std::string h = "<span class=\"govuk-caption-l\">" + v->cycle.start.text() + " to " +
                  v->cycle.end.text() + "</span><h1 class=\"govuk-heading-l\">" +
                  esc(v->cycle.name) + "</h1>" + qa_subnav("cycles");
  int submitted = 0, drafts = 0, revisits = 0;
  for (const auto& e : v->evaluations) {
    submitted += e.status == qa::EvaluationStatus::kSubmitted;
    drafts += e.status == qa::EvaluationStatus::kDraft;
    revisits += e.revisit;
  }
  h += "<p class=\"govuk-body-l\" id=\"cycle-progress\">" + std::to_string(submitted) + " of " +
       std::to_string(v->evaluations.size()) + " evaluations submitted, " + std::to_string(drafts) +
       " in draft; " + std::to_string(revisits) +
       " children revisited from the previous cycle.</p>";
  h += "<p class=\"govuk-body\">Sampled " + sample_mode_words(v->cycle.rules.mode) +
       " (draw number " + std::to_string(v->cycle.rules.seed) + ", so the same sample can be drawn again)" +
       filters_text(org, v->cycle.rules) +
       ". <a class=\"govuk-link\" href=\"/qa/cycles/" + id +
       "/briefing\">Learning briefing</a></p>";
  std::vector<std::vector<std::string>> rows;
  std::set<int64_t> moderated;
  for (const auto& m : v->moderations) moderated.insert(m.evaluation_id);
  for (const auto& e : v->evaluations) {
    std::string child = e.child_name.empty() ? e.child_id : e.child_name + " (" + e.child_id + ")";
    std::string status = std::string(qa::evaluation_status_name(e.status));
    std::string moderate = e.status == qa::EvaluationStatus::kSubmitted && !moderated.count(e.id)
                               ? "<a class=\"govuk-link\" href=\"/qa/evaluations/" +
                                     std::to_string(e.id) +
                                     "/moderate\">Moderate<span class=\"govuk-visually-hidden\"> " +
                                     esc(child) + "</span></a>"
                               : (moderated.count(e.id) ? "Moderated" : "");
    rows.push_back({"<a class=\"govuk-link\" href=\"/qa/evaluations/" + std::to_string(e.id) +
                        "\">" + esc(child) + "</a>",
                    esc(org.name_of(e.practitioner_id)), esc(org.name_of(e.team_id)),
                    esc(org.name_of(e.evaluator_id)), e.revisit ? "Yes" : "No",
                    "<strong class=\"govuk-tag govuk-tag--grey\">" + status + "</strong>",
                    grade_tag(qa::overall_grade(e.answers)), moderate});
  }
  h += table(
      "cycle-sample", "The sample",
      {"Child", "Practitioner", "Team", "Evaluator", "Revisit", "Status", "Overall", "Moderation"},
      rows);
  // Agreement between evaluators and the moderation panel.
  std::vector<std::vector<std::string>> agree;
  for (const auto& [key, a] : v->agreement.by_pillar)
    agree.push_back(
        {esc(key == "overall" ? std::string("Overall") : std::string(qa::pillar_label(key))),
         std::to_string(a.compared), std::to_string(a.agreed), percent(a.rate())});
  h += table("moderation-agreement",
             "Moderation: agreement with the panel (" + std::to_string(v->moderations.size()) +
                 " re-graded)",
             {"Pillar", "Compared", "Agreed", "Agreement"}, agree, {false, true, true, true});
  // Confusion between grades, overall.
  const auto& overall = v->agreement.by_pillar["overall"];
  std::vector<std::vector<std::string>> conf;
  for (qa::Grade from : qa::kAllGrades) {
    std::vector<std::string> r = {esc(std::string(qa::grade_label(from)))};
    for (qa::Grade to : qa::kAllGrades)
      r.push_back(std::to_string(overall.confusion[qa::grade_index(from)][qa::grade_index(to)]));
    conf.push_back(std::move(r));
  }
  std::vector<std::string> head = {"Evaluator's overall grade"};
  for (qa::Grade g : qa::kAllGrades) head.push_back("Panel: " + std::string(qa::grade_label(g)));
  h += table("moderation-confusion", "Overall grades: evaluator against panel", head, conf,
             {false, true, true, true, true, true});
  std::vector<std::vector<std::string>> per_evaluator;
  for (const auto& [who, r] : v->agreement_by_evaluator) {
    const auto& a = r.by_pillar.at("overall");
    per_evaluator.push_back({esc(org.name_of(who)), std::to_string(a.compared), percent(a.rate())});
  }
  if (!per_evaluator.empty())
    h += table("moderation-by-evaluator", "Overall agreement by evaluator",
               {"Evaluator", "Moderated", "Agreement"}, per_evaluator, {false, true, true});
  ctx.page({v->cycle.name, "qa", nullptr, {{"Quality assurance", "/qa"}, {v->cycle.name, ""}}}, h);
}

}  // namespace beacon::web
