// Closing the loop and reading the results: the recommendations tracker
// (close with evidence, record what the revisit found), the learning briefing
// page, complaints and compliments, improvement plans with their indicators,
// and the triangulation view of a team or locality.
#include <algorithm>
#include <cctype>

#include "access/policy.h"
#include "export/qa_briefing_export.h"
#include "indicators/narrative.h"
#include "web/handlers.h"
#include "web/pickers.h"
#include "web/qa/qa_form.h"
#include "web/qa/qa_html.h"
#include "web/qa/qa_views.h"
#include "web/qa/workflow.h"
#include "web/scope.h"
#include "web/svg_chart.h"
#include "web/view.h"

namespace beacon::web {
namespace {

// Who complained and how it ended, in words rather than stored codes.
std::string complainant_words(const std::string& who) {
  if (who == "child") return "The child or young person";
  if (who == "parent") return "A parent or carer";
  if (who == "other") return "Someone else";
  return who;
}
std::string outcome_words(const std::string& outcome) {
  if (outcome == "upheld") return "Upheld";
  if (outcome == "partly-upheld") return "Partly upheld";
  if (outcome == "not-upheld") return "Not upheld";
  return outcome.empty() ? "Not decided yet" : outcome;
}

// A form only for those who may record QA; nothing for everyone else.
std::string small_form(Ctx& ctx, const std::string& action, const std::string& id_prefix,
                       const std::string& fields, const std::string& button) {
  (void)id_prefix;
  if (!access::can_record_qa(ctx.principal())) return "";
  return "<form method=\"post\" action=\"" + action + "\" novalidate>" + csrf_field(*ctx.session) +
         fields +
         "<button type=\"submit\" class=\"govuk-button govuk-button--secondary "
         "govuk-!-margin-bottom-0\" data-module=\"govuk-button\">" +
         button + "</button></form>";
}

std::string escalation_text(int level) {
  return level == 2
             ? "<strong class=\"govuk-tag govuk-tag--red\">Overdue: head of service told</strong>"
         : level == 1
             ? "<strong class=\"govuk-tag govuk-tag--orange\">Overdue: manager told</strong>"
             : "";
}

}  // namespace

void qa_recommendations_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto recs = q->store.recommendations(q->scope);
  if (!recs) return ctx.fail(500, recs.status().message());
  const auto& org = ctx.engine->index().organisation();
  std::string status = ctx.req.param("status", "open");
  std::string team = ctx.req.param("team");
  std::string owner = ctx.req.param("owner");
  std::string h =
      "<h1 class=\"govuk-heading-l\">Recommendations</h1>" + qa_subnav("recommendations");
  std::string problem = ctx.req.param("problem");
  if (!problem.empty()) h = error_summary({{problem, ""}}) + h;
  // The report: made, done on time, overdue, by team.
  auto report = qa::recommendation_report(*recs, q->today);
  std::vector<std::vector<std::string>> rows;
  StackedChart chart;
  chart.title = "Recommendations by team: done on time, done late, open and not yet due, overdue";
  chart.series = {"Done on time", "Done late", "Open, not yet due", "Overdue"};
  for (const auto& [t, c] : report) {
    const std::string name = t.empty() ? std::string("Everyone") : org.name_of(t);
    rows.push_back({esc(name), std::to_string(c.made), std::to_string(c.done),
                    std::to_string(c.done_on_time), std::to_string(c.open), std::to_string(c.overdue)});
    chart.rows.push_back({name, {c.done_on_time, c.done - c.done_on_time, c.open - c.overdue, c.overdue}});
  }
  if (!chart.rows.empty())
    h += "<figure class=\"beacon-chart-figure\" id=\"recommendations-chart\">" + stacked_bar_chart(chart) +
         "<figcaption class=\"govuk-body-s\">Each bar is one team's recommendations; the counts are in the "
         "table below.</figcaption></figure>";
  h += table("recommendations-by-team", "By team, as at " + q->today.text(),
             {"Team", "Made", "Done", "Done on time", "Open", "Overdue"}, rows,
             {false, true, true, true, true, true});
  h += "<form method=\"get\" action=\"/qa/recommendations\" class=\"beacon-picker\"><div "
       "class=\"govuk-form-group\">"
       "<label class=\"govuk-label\" for=\"rec-status\">Show</label><select class=\"govuk-select\" "
       "id=\"rec-status\" name=\"status\">";
  for (auto [v, l] : {std::pair<const char*, const char*>{"open", "Open"},
                      {"overdue", "Overdue"},
                      {"done", "Done"},
                      {"all", "All"}})
    h += std::string("<option value=\"") + v + "\"" + (status == v ? " selected" : "") + ">" + l +
         "</option>";
  h += "</select></div><div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"rec-team\">Team</label>"
       "<select class=\"govuk-select\" id=\"rec-team\" name=\"team\"><option value=\"\">Every team</option>";
  for (const auto& [t, c] : report)
    if (!t.empty())
      h += "<option value=\"" + esc(t) + "\"" + (team == t ? " selected" : "") + ">" + esc(org.name_of(t)) +
           "</option>";
  h += "</select></div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
       "data-module=\"govuk-button\">Show</button></form>";
  // One list, 25 a page; those who may close recommendations tick them and
  // give the evidence once, instead of a form on every row.
  const bool may_close = access::can_record_qa(ctx.principal()).allowed;
  std::vector<const qa::Recommendation*> chosen;
  for (const auto& r : *recs) {
    bool overdue = qa::is_overdue(r, q->today);
    if ((status == "open" && r.status != qa::RecommendationStatus::kOpen) ||
        (status == "overdue" && !overdue) ||
        (status == "done" && r.status != qa::RecommendationStatus::kDone))
      continue;
    if ((!team.empty() && r.team_id != team) || (!owner.empty() && r.owner_id != owner)) continue;
    chosen.push_back(&r);
  }
  constexpr size_t kPerPage = 25;
  const int pages = std::max(1, static_cast<int>((chosen.size() + kPerPage - 1) / kPerPage));
  int page = 1;
  try {
    page = std::clamp(std::stoi(ctx.req.param("page", "1")), 1, pages);
  } catch (...) {
  }
  std::vector<std::vector<std::string>> list;
  bool any_open = false;
  for (size_t i = static_cast<size_t>(page - 1) * kPerPage; i < chosen.size() && i < static_cast<size_t>(page) * kPerPage; ++i) {
    const qa::Recommendation& r = *chosen[i];
    const std::string rid = std::to_string(r.id);
    std::string state = r.status == qa::RecommendationStatus::kOpen
                            ? "Open"
                            : "Done " + (r.done_on ? r.done_on->text() : std::string()) + ": " + esc(r.evidence);
    std::string tick;
    if (may_close && r.status == qa::RecommendationStatus::kOpen) {
      any_open = true;
      tick = "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\"><div "
             "class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"close-" + rid +
             "\" name=\"id\" type=\"checkbox\" value=\"" + rid + "\"><label class=\"govuk-label "
             "govuk-checkboxes__label\" for=\"close-" + rid + "\"><span class=\"govuk-visually-hidden\">Select "
             "recommendation " + rid + "</span></label></div></div>";
    }
    list.push_back({"<a class=\"govuk-link\" href=\"/qa/evaluations/" +
                        std::to_string(r.evaluation_id) + "\">" + esc(r.child_id) + "</a>",
                    esc(r.text), esc(org.name_of(r.owner_id)), esc(org.name_of(r.team_id)),
                    r.due.text(), escalation_text(qa::escalation_level(r, q->today)),
                    esc(std::string(qa::impact_label(r.impact))), state, tick});
  }
  std::vector<std::string> head = {"Child", "Recommendation", "Owner", "Team", "Due", "Escalation", "Revisit found", "Status"};
  if (may_close) head.push_back("Close");
  for (auto& row : list)
    if (!may_close) row.pop_back();
  std::string listing = table("recommendations",
                              "Recommendations (" + std::to_string(chosen.size()) + "), page " +
                                  std::to_string(page) + " of " + std::to_string(pages),
                              head, list);
  if (may_close && any_open)
    listing = "<form method=\"post\" action=\"/qa/recommendations/close\" novalidate>" + csrf_field(*ctx.session) +
              listing +
              "<div class=\"govuk-form-group\"><label class=\"govuk-label govuk-label--s\" for=\"close-evidence\">"
              "Evidence the ticked recommendations are done</label><div class=\"govuk-hint\" id=\"close-evidence-hint\">"
              "What in the child's record shows it, for example the date of the supervision record</div>"
              "<input class=\"govuk-input\" id=\"close-evidence\" name=\"evidence\" type=\"text\" "
              "aria-describedby=\"close-evidence-hint\"></div><button type=\"submit\" class=\"govuk-button\" "
              "data-module=\"govuk-button\">Close the ticked recommendations</button></form>";
  h += listing;
  std::string base = "/qa/recommendations?status=" + http::url_encode(status) + "&team=" + http::url_encode(team) +
                     "&owner=" + http::url_encode(owner);
  h += pagination(page, pages, [&](int p) { return base + "&page=" + std::to_string(p); });
  ctx.page({"Recommendations",
            "qa",
            nullptr,
            {{"Quality assurance", "/qa"}, {"Recommendations", ""}},
            !problem.empty()},
           h);
}

// Closes every ticked recommendation with the one piece of evidence given.
void qa_recommendations_close_selected(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  std::vector<int64_t> ids;
  auto [from, to] = ctx.req.params.equal_range("id");
  for (auto it = from; it != to; ++it) {
    try {
      ids.push_back(std::stoll(it->second));
    } catch (...) {
      return ctx.fail(400, "id: not a recommendation number");
    }
  }
  auto back = [&](const std::string& problem) {
    ctx.res.redirect("/qa/recommendations?problem=" + http::url_encode(problem));
  };
  if (ids.empty()) return back("Tick the recommendations to close");
  const std::string evidence = ctx.req.param("evidence");
  for (int64_t id : ids) {
    auto r = close_recommendation(*q, id, evidence);
    if (!r) return back(r.status().message());
  }
  ctx.res.redirect("/qa/recommendations?status=done");
}

void qa_recommendation_close(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto r = close_recommendation(*q, id_param(ctx.req, 0), ctx.req.param("evidence"));
  if (!r) {
    if (r.status().code() == StatusCode::kNotFound) return ctx.fail(404, r.status().message());
    return ctx.res.redirect("/qa/recommendations?problem=" +
                            http::url_encode(r.status().message()));
  }
  ctx.res.redirect("/qa/recommendations?status=done");
}

void qa_briefing_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto b = briefing_for(*q, id_param(ctx.req, 0));
  if (!b)
    return ctx.fail(b.status().code() == StatusCode::kNotFound ? 404 : 500, b.status().message());
  const auto& org = ctx.engine->index().organisation();
  std::string id = std::to_string(b->cycle.id);
  std::string h =
      "<span class=\"govuk-caption-l\">Learning briefing</span><h1 class=\"govuk-heading-l\">" +
      esc(b->cycle.name) + "</h1>";
  h += "<p class=\"govuk-body\">Download as <a class=\"govuk-link\" href=\"/qa/cycles/" + id +
       "/briefing.pdf\">PDF</a> or "
       "<a class=\"govuk-link\" href=\"/qa/cycles/" +
       id + "/briefing.xlsx\">workbook</a>.</p>";
  const auto& overall = b->grades.by_pillar["overall"];
  h += "<p class=\"govuk-body-l\" id=\"briefing-headline\">" +
       std::to_string(b->grades.evaluations) + " evaluations submitted; " +
       percent(overall.share_good_or_better()) + " good or better overall.</p>";
  h += grade_table("briefing-pillars", "Grades by pillar", b->grades.by_pillar);
  auto unit_rows = [&](const std::map<std::string, qa::GradeCounts>& m) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& [unit, g] : m)
      rows.push_back({esc(unit.empty() ? std::string("Not known") : org.name_of(unit)),
                      std::to_string(g.total()), std::to_string(g.good_or_better()),
                      percent(g.share_good_or_better())});
    return rows;
  };
  h += table("briefing-localities", "Overall grade by locality",
             {"Locality", "Evaluations", "Good or better", "Share"},
             unit_rows(b->overall_by_locality), {false, true, true, true});
  h += table("briefing-services", "Overall grade by service",
             {"Service", "Evaluations", "Good or better", "Share"},
             unit_rows(b->overall_by_service), {false, true, true, true});
  // Change from the previous cycles: the share good or better, per pillar.
  std::vector<std::string> head = {"Pillar"};
  for (const auto& p : b->previous) head.push_back(p.cycle_name);
  head.push_back(b->cycle.name);
  std::vector<std::vector<std::string>> trend;
  auto trend_row = [&](const std::string& key, const std::string& label) {
    std::vector<std::string> r = {esc(label)};
    for (auto& p : b->previous) r.push_back(percent(p.by_pillar[key].share_good_or_better()));
    r.push_back(percent(b->grades.by_pillar[key].share_good_or_better()));
    trend.push_back(std::move(r));
  };
  for (const qa::Pillar& p : qa::kPillars) trend_row(std::string(p.id), std::string(p.label));
  trend_row("overall", "Overall");
  h += table("briefing-trend", "Good or better, cycle by cycle", head, trend,
             std::vector<bool>(head.size(), true));
  std::vector<std::vector<std::string>> themes;
  for (const auto& t : b->themes)
    themes.push_back(
        {esc(t.theme), std::to_string(t.this_cycle), std::to_string(t.cycles_seen),
         t.recurring() ? "<strong class=\"govuk-tag govuk-tag--orange\">Recurring</strong>" : ""});
  h += table("briefing-themes", "Themes of the findings",
             {"Theme", "This cycle", "Cycles seen in", ""}, themes, {false, true, true, false});
  h +=
      "<h2 class=\"govuk-heading-m\">Actions</h2><p class=\"govuk-body\" id=\"briefing-actions\">" +
      std::to_string(b->actions.made) +
      " recommendations made: " + std::to_string(b->actions.done) + " done (" +
      std::to_string(b->actions.done_on_time) + " on time), " + std::to_string(b->actions.open) +
      " open, " + std::to_string(b->actions.overdue) + " overdue. " + std::to_string(b->revisits) +
      " children revisited from the previous cycle.</p>";
  std::vector<std::vector<std::string>> impact;
  for (const auto& [i, n] : b->revisit_impact)
    impact.push_back({esc(std::string(qa::impact_label(i))), std::to_string(n)});
  if (!impact.empty())
    h += table("briefing-impact", "What revisits found of earlier recommendations",
               {"Finding", "Recommendations"}, impact, {false, true});
  ctx.page({"Learning briefing: " + b->cycle.name,
            "qa",
            nullptr,
            {{"Quality assurance", "/qa"},
             {b->cycle.name, "/qa/cycles/" + id},
             {"Learning briefing", ""}}},
           h);
}

void qa_feedback_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto f = feedback_view(*q, ctx.req);
  if (!f)
    return ctx.fail(f.status().code() == StatusCode::kNotFound    ? 404
                    : f.status().code() == StatusCode::kForbidden ? 403
                                                                  : 400,
                    f.status().message());
  const auto& org = ctx.engine->index().organisation();
  std::string h = "<span class=\"govuk-caption-l\">" + f->from.text() + " to " + f->to.text() +
                  " · " + esc(org.name_of(f->unit)) +
                  "</span><h1 class=\"govuk-heading-l\">Complaints and compliments</h1>" +
                  qa_subnav("feedback");
  std::string problem = ctx.req.param("problem");
  if (!problem.empty()) h = error_summary({{problem, ""}}) + h;
  const auto& x = f->figures;
  h += "<p class=\"govuk-body-l\" id=\"feedback-headline\">" + std::to_string(x.complaints) +
       " complaints (" + percent(x.share_from_children()) + " from children themselves), " +
       std::to_string(x.responded_on_time) + " of " + std::to_string(x.responded) +
       " answered on time, " + std::to_string(x.open_overdue) + " open past their due date; " +
       std::to_string(x.compliments) + " compliments.</p>";
  std::vector<std::vector<std::string>> months;
  for (const auto& m : f->months) {
    const auto& y = m.figures;
    months.push_back({m.month.first_day().month_text(), std::to_string(y.complaints),
                      std::to_string(y.from_children),
                      std::to_string(y.responded_on_time) + " of " + std::to_string(y.responded),
                      std::to_string(y.compliments)});
  }
  BarChart by_month;
  by_month.title = "Complaints received, month by month";
  BarChart praised;
  praised.title = "Compliments received, month by month";
  for (const auto& m : f->months) {
    by_month.bars.push_back({m.month.first_day().month_text(), static_cast<double>(m.figures.complaints),
                             std::to_string(m.figures.complaints)});
    praised.bars.push_back({m.month.first_day().month_text(), static_cast<double>(m.figures.compliments),
                            std::to_string(m.figures.compliments)});
  }
  if (!by_month.bars.empty())
    h += "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\"><h2 class=\"govuk-heading-s\">"
         "Complaints by month</h2><figure class=\"beacon-chart-figure\">" + bar_chart(by_month) +
         "</figure></div><div class=\"govuk-grid-column-one-half\"><h2 class=\"govuk-heading-s\">Compliments by "
         "month</h2><figure class=\"beacon-chart-figure\">" + bar_chart(praised) +
         "</figure></div></div>";
  h += table("feedback-months", "Month by month",
             {"Month", "Complaints", "From children", "Answered on time", "Compliments"}, months,
             {false, true, true, true, true});
  std::vector<std::vector<std::string>> themes;
  for (const auto& t : qa::complaint_themes()) {
    auto it = x.by_theme.find(t);
    themes.push_back({esc(qa::complaint_theme_label(t)),
                      std::to_string(it == x.by_theme.end() ? 0 : it->second)});
  }
  BarChart by_theme;
  by_theme.title = "Complaints by theme, most first";
  for (const auto& t : qa::complaint_themes()) {
    auto it = x.by_theme.find(t);
    const int n = it == x.by_theme.end() ? 0 : it->second;
    by_theme.bars.push_back({qa::complaint_theme_label(t), static_cast<double>(n), std::to_string(n)});
  }
  std::stable_sort(by_theme.bars.begin(), by_theme.bars.end(),
                   [](const Bar& a, const Bar& b) { return a.value.value_or(0) > b.value.value_or(0); });
  h += "<figure class=\"beacon-chart-figure\" id=\"feedback-themes-chart\">" + bar_chart(by_theme) + "</figure>";
  h += table("feedback-themes", "Complaints by theme", {"Theme", "Complaints"}, themes,
             {false, true});
  // A page of 25 at a time, newest first.
  constexpr size_t kPerPage = 25;
  const int pages = std::max(1, static_cast<int>((f->complaints.size() + kPerPage - 1) / kPerPage));
  int page = 1;
  try {
    page = std::clamp(std::stoi(ctx.req.param("page", "1")), 1, pages);
  } catch (...) {
  }
  std::vector<std::vector<std::string>> list;
  for (size_t i = static_cast<size_t>(page - 1) * kPerPage;
       i < f->complaints.size() && i < static_cast<size_t>(page) * kPerPage; ++i) {
    const auto& c = f->complaints[i];
    bool late = c.responded ? *c.responded > c.due : c.due < f->to;
    list.push_back({esc(c.reference.empty() ? std::to_string(c.id) : c.reference),
                    std::to_string(c.stage), c.received.text(), c.due.text(),
                    c.responded ? c.responded->text() : std::string("Not yet"),
                    late ? "<strong class=\"govuk-tag govuk-tag--red\">Late</strong>" : "On time",
                    esc(qa::complaint_theme_label(c.theme)), esc(complainant_words(c.complainant)),
                    esc(outcome_words(c.outcome)),
                    esc(c.learning_action)});
  }
  h += table("complaints",
             "Complaints, newest first (page " + std::to_string(page) + " of " + std::to_string(pages) + ")",
             {"Reference", "Stage", "Received", "Due", "Responded", "Timeliness", "Theme", "From",
              "Outcome", "Learning action"},
             list);
  {
    // The same view, another page: every parameter but `page` kept.
    std::string base = "/qa/feedback?";
    size_t start = 0;
    const std::string& query = ctx.req.query;
    while (start <= query.size()) {
      size_t end = query.find('&', start);
      if (end == std::string::npos) end = query.size();
      std::string part = query.substr(start, end - start);
      if (!part.empty() && !part.starts_with("page=")) base += part + "&";
      start = end + 1;
    }
    h += pagination(page, pages, [&](int p) { return base + "page=" + std::to_string(p) + "#complaints"; });
  }
  // Recording a complaint.
  std::string fields =
      "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"c-received\">Received "
      "(day/month/year)</label>"
      "<input class=\"govuk-input govuk-input--width-10\" id=\"c-received\" name=\"received\" "
      "type=\"text\" value=\"" +
      uk_date(q->today) +
      "\"></div>"
      "<div class=\"govuk-form-group\"><label class=\"govuk-label\" "
      "for=\"c-stage\">Stage</label><select class=\"govuk-select\" id=\"c-stage\" name=\"stage\">"
      "<option value=\"1\">Stage 1: local resolution</option><option value=\"2\">Stage 2: "
      "investigation</option><option value=\"3\">Stage 3: review panel</option></select></div>"
      "<div class=\"govuk-form-group\"><label class=\"govuk-label\" "
      "for=\"c-theme\">Theme</label><select class=\"govuk-select\" id=\"c-theme\" name=\"theme\">";
  for (const auto& t : qa::complaint_themes())
    fields += "<option value=\"" + t + "\">" + esc(qa::complaint_theme_label(t)) + "</option>";
  fields +=
      "</select></div><div class=\"govuk-form-group\"><label class=\"govuk-label\" "
      "for=\"c-complainant\">Who complained</label>"
      "<select class=\"govuk-select\" id=\"c-complainant\" name=\"complainant\"><option "
      "value=\"child\">The child or young person</option>"
      "<option value=\"parent\" selected>A parent or carer</option><option value=\"other\">Someone "
      "else</option></select></div>"
      "<div class=\"govuk-form-group\"><label class=\"govuk-label\" "
      "for=\"c-team\">Team</label><select class=\"govuk-select\" id=\"c-team\" name=\"team_id\">";
  for (const auto& u : org.units())
    if (u.kind == "team")
      fields += "<option value=\"" + esc(u.id) + "\">" + esc(u.name) + "</option>";
  fields +=
      "</select></div><div class=\"govuk-form-group\"><label class=\"govuk-label\" "
      "for=\"c-summary\">Summary</label>"
      "<textarea class=\"govuk-textarea\" id=\"c-summary\" name=\"summary\" "
      "rows=\"2\"></textarea></div>";
  if (access::can_record_qa(ctx.principal()))
    h += "<h2 class=\"govuk-heading-m\">Record a complaint</h2>" +
         small_form(ctx, "/qa/complaints", "complaint", fields, "Record the complaint");
  std::vector<std::vector<std::string>> comp;
  for (const auto& c : f->compliments) {
    if (comp.size() >= 100) break;
    comp.push_back({c.received.text(), esc(org.name_of(c.team_id)), esc(c.from), esc(c.summary)});
  }
  h += table("compliments", "Compliments, newest first",
             {"Received", "Team", "From", "What was said"}, comp);
  std::vector<std::vector<std::string>> surveys;
  for (const auto& s : f->survey_returns) {
    if (surveys.size() >= 100) break;
    surveys.push_back({s.received.text(), esc(s.survey), esc(org.name_of(s.team_id)),
                       esc(s.respondent), s.rating ? std::to_string(s.rating) : "Not given",
                       esc(s.comment)});
  }
  h += table("survey-returns", "Survey returns, newest first",
             {"Received", "Survey", "Team", "Who answered", "Rating", "What they said"}, surveys);
  if (access::can_record_qa(ctx.session->principal()))
    h += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/qa/compliments/new\">Record a "
         "compliment</a> · <a class=\"govuk-link\" href=\"/qa/surveys/new\">Record a survey "
         "return</a></p>";
  ctx.page({"Complaints and compliments",
            "qa",
            nullptr,
            {{"Quality assurance", "/qa"}, {"Complaints and compliments", ""}},
            !problem.empty()},
           h);
}

void qa_complaint_submit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  qa::Complaint c;
  auto received = parse_date(ctx.req.param("received"));
  if (!received)
    return ctx.res.redirect("/qa/feedback?problem=" +
                            http::url_encode("Enter the date received as day/month/year, for example 31/3/2026"));
  c.received = *received;
  std::string stage = ctx.req.param("stage", "1");
  c.stage = stage == "2" ? 2 : stage == "3" ? 3 : stage == "1" ? 1 : 0;
  c.theme = ctx.req.param("theme");
  c.complainant = ctx.req.param("complainant");
  c.team_id = ctx.req.param("team_id");
  c.summary = ctx.req.param("summary");
  auto r = add_complaint(*q, c);
  if (!r) return ctx.res.redirect("/qa/feedback?problem=" + http::url_encode(r.status().message()));
  ctx.res.redirect("/qa/feedback");
}

void qa_plans_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto plans = q->store.plans();
  if (!plans) return ctx.fail(500, plans.status().message());
  std::string h = "<h1 class=\"govuk-heading-l\">Improvement plans</h1>" + qa_subnav("plans");
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : *plans)
    rows.push_back({"<a class=\"govuk-link\" href=\"/qa/plans/" + std::to_string(p.id) + "\">" +
                        esc(p.name) + "</a>",
                    esc(p.kind == "ofsted" ? std::string("Ofsted action plan")
                                           : std::string("Development plan")),
                    p.start.text(), std::to_string(p.priorities.size())});
  if (rows.empty())
    h += "<p class=\"govuk-body\">No improvement plan is recorded.</p>";
  else
    h += table("plans", "", {"Plan", "Kind", "Started", "Priorities"}, rows,
               {false, false, false, true});
  if (access::can_record_qa(ctx.session->principal()))
    h += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/qa/plans/new\">Start an "
         "improvement plan</a></p>";
  ctx.page({"Improvement plans",
            "qa",
            nullptr,
            {{"Quality assurance", "/qa"}, {"Improvement plans", ""}}},
           h);
}

namespace {

// "Green", "Amber", "Red", "Complete": the word a reader sees for an action's RAG.
std::string rag_word(const std::string& rag) {
  if (rag.empty()) return rag;
  std::string w = rag;
  w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  return w;
}

// A monthly update the plan's page refused: the action and the form as typed.
struct RefusedUpdate {
  int64_t action_id = 0;
  RecordForm form;
};

void plan_page(Ctx& ctx, QaRequest& q, int64_t plan_id, const RefusedUpdate* refused, int status) {
  auto as_at = date_param(ctx.req, "to", default_date(*ctx.engine));
  if (!as_at) return ctx.fail(400, "to: not a date (YYYY-MM-DD)");
  auto p = plan_view(q, plan_id, *as_at);
  if (!p)
    return ctx.fail(p.status().code() == StatusCode::kNotFound ? 404 : 500, p.status().message());
  std::string h = "<span class=\"govuk-caption-l\">As at " + as_at->text() +
                  "</span><h1 class=\"govuk-heading-l\">" + esc(p->plan.name) + "</h1>" +
                  qa_subnav("plans");
  std::string problem = ctx.req.param("problem");
  if (!problem.empty()) h = error_summary({{problem, ""}}) + h;
  if (access::can_record_qa(ctx.session->principal()))
    h += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/qa/plans/" +
         std::to_string(p->plan.id) + "/actions/new\">Add an action</a></p>";
  std::string summary;  // the refused update's, once its form is drawn
  std::map<std::string, int> rags;
  for (const auto& a : p->actions) ++rags[a.rag];
  h += "<p class=\"govuk-body-l\" id=\"plan-summary\">" + std::to_string(p->actions.size()) +
       " actions: " + std::to_string(rags["complete"]) + " complete, " +
       std::to_string(rags["green"]) + " green, " + std::to_string(rags["amber"]) + " amber, " +
       std::to_string(rags["red"]) + " red.</p>";
  for (const auto& pr : p->plan.priorities) {
    h += "<h2 class=\"govuk-heading-m\">" + esc(pr.number + ". " + pr.title) +
         "</h2><p class=\"govuk-body\">Sponsor: " + esc(pr.sponsor) + "</p>";
    std::vector<std::vector<std::string>> rows;
    for (const auto& av : p->actions) {
      const auto& a = av.action;
      if (qa::priority_of(a.number) != pr.number) continue;
      const char* colour = av.rag == "green"      ? "govuk-tag--green"
                           : av.rag == "red"      ? "govuk-tag--red"
                           : av.rag == "complete" ? "govuk-tag--blue"
                                                  : "govuk-tag--yellow";
      std::string rag =
          std::string("<strong class=\"govuk-tag ") + colour + "\">" + esc(rag_word(av.rag)) + "</strong>" +
          (av.update_missing
               ? " <strong class=\"govuk-tag govuk-tag--grey\">No update last month</strong>"
               : "");
      std::string latest = a.updates.empty()
                               ? ""
                               : esc(a.updates.back().text) +
                                     (a.updates.back().evidence.empty()
                                          ? ""
                                          : " (evidence: " + esc(a.updates.back().evidence) + ")");
      std::string indicators;
      for (const auto& s : av.indicators)
        indicators +=
            "<div><a class=\"govuk-link\" href=\"/indicators/" + esc(s.indicator_id) + "\">" +
            esc(s.indicator_id) + "</a> " +
            sparkline(s.values, std::nullopt, std::string(s.name) + " since the action started") +
            "</div>";
      std::string aid = std::to_string(a.id);
      // Each action's update form; a refused one comes back as typed, its problem beside the field.
      RecordForm f("progress-" + aid);
      f.set("month", as_at->iso().substr(0, 7));
      f.set("rag", av.rag);  // the form starts from the action's current RAG, not Green
      const RecordForm& shown = refused && refused->action_id == a.id ? refused->form : f;
      std::string form = small_form(ctx, "/qa/actions/" + aid + "/progress", "progress-" + aid,
                                    "<input type=\"hidden\" name=\"month\" value=\"" +
                                        esc(shown.value("month")) + "\">" +
                                        shown.select("rag", "RAG",
                                                     {{"green", "Green"},
                                                      {"amber", "Amber"},
                                                      {"red", "Red"},
                                                      {"complete", "Complete"}}) +
                                        shown.text("progress", "This month's progress"),
                                    "Add update");
      if (&shown != &f) summary = shown.summary();
      rows.push_back(
          {esc(a.number), esc(a.title), esc(a.leads), a.due.text(), rag, latest, indicators, form});
    }
    h += table("priority-" + pr.number, "",
               {"Action", "What", "Leads", "Due", "RAG", "Latest update",
                "Indicators since it started", ""},
               rows);
  }
  ctx.page({p->plan.name,
            "qa",
            nullptr,
            {{"Quality assurance", "/qa"}, {"Improvement plans", "/qa/plans"}, {p->plan.name, ""}},
            !problem.empty() || refused},
           summary + h, status);
}

}  // namespace

void qa_plan_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  plan_page(ctx, *q, id_param(ctx.req, 0), nullptr, 200);
}

void qa_action_progress(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  int64_t id = id_param(ctx.req, 0);
  RefusedUpdate refused{id, RecordForm::posted("progress-" + std::to_string(id), ctx.req)};
  const RecordForm& f = refused.form;
  auto month = parse_date(f.value("month") + "-01");
  // The API's field is "text"; the page's is "progress", the name the domain's message uses.
  qa::ProgressUpdate u{month ? YearMonth::of(*month) : YearMonth(), f.value("rag"),
                       f.value("progress"), f.value("evidence"), ""};
  auto a = month ? add_plan_progress(*q, id, u)
                 : Result<qa::PlanAction>(Status::invalid_input("month: must be YYYY-MM"));
  if (a) return ctx.res.redirect("/qa/plans/" + std::to_string(a->plan_id));
  if (a.status().code() != StatusCode::kInvalidInput)
    return ctx.fail(a.status().code() == StatusCode::kNotFound ? 404 : 500, a.status().message());
  auto actions = q->store.actions(0, q->scope);
  if (!actions) return ctx.fail(500, actions.status().message());
  for (const auto& x : *actions)
    if (x.id == id) {
      refused.form.fail(a.status());
      return plan_page(ctx, *q, x.plan_id, &refused, 400);
    }
  ctx.fail(404, "There is no action " + std::to_string(id));
}

void qa_triangulation_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto t = triangulation_view(*q, ctx.req);
  if (!t)
    return ctx.fail(t.status().code() == StatusCode::kNotFound    ? 404
                    : t.status().code() == StatusCode::kForbidden ? 403
                                                                  : 400,
                    t.status().message());
  const auto& org = ctx.engine->index().organisation();
  std::string h = "<span class=\"govuk-caption-l\">" + esc(org.name_of(t->unit)) + " · as at " +
                  t->as_at.text() + "</span><h1 class=\"govuk-heading-l\">Triangulation</h1>" +
                  qa_subnav("triangulation");
  h += "<form method=\"get\" action=\"/qa/triangulation\" class=\"beacon-picker\"><div "
       "class=\"govuk-form-group\">"
       "<label class=\"govuk-label\" for=\"tri-unit\">Team or locality</label><select "
       "class=\"govuk-select\" id=\"tri-unit\" name=\"unit\">";
  for (const auto& u : org.units()) {
    if (!unit_in_scope(ctx, u.id)) continue;  // only units the user may open
    h += "<option value=\"" + esc(u.id) + "\"" + (u.id == t->unit ? " selected" : "") + ">" +
         esc(u.name) + "</option>";
  }
  h += "</select></div><input type=\"hidden\" name=\"to\" value=\"" + t->as_at.iso() +
       "\"><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
       "data-module=\"govuk-button\">Show</button></form>";
  h += "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">";
  std::vector<std::vector<std::string>> kpis;
  for (const auto& f : t->kpis)
    kpis.push_back({"<a class=\"govuk-link\" href=\"/indicators/" + esc(f.def->id) +
                        "?unit=" + esc(http::url_encode(t->unit)) + "\">" + esc(f.def->id) + "</a>",
                    esc(f.def->name), esc(format_value(*f.def, f.value)), rag_tag(f.rag)});
  h += table("tri-kpis", "Figures (12 months)", {"KPI", "Indicator", "Value", "RAG"}, kpis);
  h += "</div><div class=\"govuk-grid-column-one-half\">";
  h += grade_table(
      "tri-grades",
      "Evaluation grades, last 12 months (" + std::to_string(t->evaluations) + " evaluations)",
      t->grades);
  h += "<h2 class=\"govuk-heading-m\">Recommendations</h2><p class=\"govuk-body\" "
       "id=\"tri-recommendations\">" +
       std::to_string(t->open_recommendations.size()) + " open, " +
       std::to_string(t->overdue_recommendations) +
       " overdue. <a class=\"govuk-link\" href=\"/qa/recommendations\">All recommendations</a></p>";
  const auto& fb = t->feedback;
  h += "<h2 class=\"govuk-heading-m\">Feedback, last 12 months</h2><p class=\"govuk-body\" "
       "id=\"tri-feedback\">" +
       std::to_string(fb.complaints) + " complaints (" + std::to_string(fb.from_children) +
       " from children), " + std::to_string(fb.responded_on_time) + " answered on time; " +
       std::to_string(fb.compliments) + " compliments.</p>";
  h += "</div></div>";
  ctx.page({"Triangulation", "qa", nullptr, {{"Quality assurance", "/qa"}, {"Triangulation", ""}}},
           h);
}

}  // namespace beacon::web

namespace beacon::web {
namespace {

void briefing_download(Ctx& ctx, bool pdf) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto b = briefing_for(*q, id_param(ctx.req, 0));
  if (!b)
    return ctx.fail(b.status().code() == StatusCode::kNotFound ? 404 : 500, b.status().message());
  const auto& org = ctx.engine->index().organisation();
  auto name_of = [&](const std::string& id) { return org.name_of(id); };
  // The documents are dated by the cycle's end, so the same briefing gives the same bytes.
  auto bytes = via_temp_file(pdf ? ".pdf" : ".xlsx", [&](const std::string& path) {
    return pdf ? write_briefing_pdf(*b, name_of, path, b->cycle.end)
               : write_briefing_xlsx(*b, name_of, path, b->cycle.end);
  });
  if (!bytes) return ctx.fail(500, bytes.status().message());
  std::string file = "learning-briefing-" + std::to_string(b->cycle.id) + (pdf ? ".pdf" : ".xlsx");
  ctx.download(
      *bytes,
      pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      file);
}

}  // namespace

void qa_briefing_pdf(Ctx& ctx) { briefing_download(ctx, true); }
void qa_briefing_xlsx(Ctx& ctx) { briefing_download(ctx, false); }

}  // namespace beacon::web

namespace beacon::web {

std::string qa_recommendations_due(Ctx& ctx, const std::string& unit, Date as_at) {
  auto mine = open_recommendations_for(ctx, unit);
  if (!mine || mine->empty()) return "";
  const auto& org = ctx.engine->index().organisation();
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : *mine)
    rows.push_back(
        {"<a class=\"govuk-link\" href=\"/qa/evaluations/" + std::to_string(r.evaluation_id) +
             "\">" + esc(r.child_id) + "</a>",
         esc(r.text), esc(org.name_of(r.owner_id)), r.due.text(),
         qa::is_overdue(r, as_at) ? escalation_text(qa::escalation_level(r, as_at)) : "Open"});
  return table("worklist-recommendations",
               "Practice evaluation recommendations to discuss in supervision (" +
                   std::to_string(mine->size()) + ")",
               {"Child", "Recommendation", "Owner", "Due", "Status"}, rows);
}

}  // namespace beacon::web
