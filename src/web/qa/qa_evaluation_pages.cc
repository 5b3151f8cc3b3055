// Completing an evaluation: the question set as a form that saves a draft or
// submits (a refused submission lists everything missing, each linked to its
// question); a submitted evaluation is changed only as a new version with a
// reason. Also the evaluation's recommendations, and the moderation panel's
// blind re-grade (the evaluator's grades are not shown).
#include "access/policy.h"
#include "web/handlers.h"
#include "web/qa/qa_html.h"
#include "web/qa/workflow.h"

namespace beacon::web {
namespace {

std::string recommendations_section(Ctx& ctx, QaRequest& q, const qa::Evaluation& e) {
  auto recs = q.store.recommendations(q.scope);
  const auto& org = ctx.engine->index().organisation();
  std::string h = "<h2 class=\"govuk-heading-m\" id=\"recommendations\">Recommendations for " +
                  esc(e.child_name.empty() ? e.child_id : e.child_name) + "</h2>";
  std::vector<std::vector<std::string>> rows;
  if (recs)
    for (const auto& r : *recs) {
      if (r.child_id != e.child_id) continue;
      rows.push_back({esc(r.text), esc(org.name_of(r.owner_id)), r.due.text(),
                      r.status == qa::RecommendationStatus::kDone
                          ? "Done " + (r.done_on ? r.done_on->text() : "")
                      : qa::is_overdue(r, q.today)
                          ? "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>"
                          : "Open",
                      esc(std::string(qa::impact_label(r.impact)))});
    }
  if (!rows.empty())
    h += table("evaluation-recommendations", "",
               {"Recommendation", "Owner", "Due", "Status", "Revisit found"}, rows);
  // A revisit checks the impact of the earlier cycles' recommendations for the child.
  if (!access::can_record_qa(ctx.principal())) return h;
  if (e.revisit && recs)
    for (const auto& r : *recs) {
      if (r.child_id != e.child_id || r.cycle_id == e.cycle_id ||
          r.impact != qa::Impact::kNotChecked)
        continue;
      std::string rid = std::to_string(r.id);
      h += "<form method=\"post\" action=\"/qa/recommendations/" + rid +
           "/revisit\" class=\"beacon-revisit\" novalidate>" + csrf_field(*ctx.session) +
           "<input type=\"hidden\" name=\"revisit_evaluation_id\" value=\"" + std::to_string(e.id) +
           "\"><h3 class=\"govuk-heading-s\">Revisit: " + esc(r.text) +
           "</h3>"
           "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"impact-" +
           rid +
           "\">What did the revisit find?</label>"
           "<select class=\"govuk-select\" id=\"impact-" +
           rid + "\" name=\"impact\">";
      for (qa::Impact i :
           {qa::Impact::kMadeADifference, qa::Impact::kPartly, qa::Impact::kNoDifference})
        h += "<option value=\"" + std::string(qa::impact_name(i)) + "\">" +
             std::string(qa::impact_label(i)) + "</option>";
      h += "</select></div><div class=\"govuk-form-group\"><label class=\"govuk-label\" "
           "for=\"impact-note-" +
           rid + "\">What was seen</label><input class=\"govuk-input\" id=\"impact-note-" + rid +
           "\" name=\"note\" type=\"text\"></div><button type=\"submit\" class=\"govuk-button "
           "govuk-button--secondary\" "
           "data-module=\"govuk-button\">Record what the revisit found</button></form>";
    }
  h += "<form method=\"post\" action=\"/qa/evaluations/" + std::to_string(e.id) +
       "/recommendations\" novalidate>" + csrf_field(*ctx.session) +
       "<div class=\"govuk-form-group\"><label class=\"govuk-label govuk-label--s\" "
       "for=\"rec-text\">New recommendation</label>"
       "<textarea class=\"govuk-textarea\" id=\"rec-text\" name=\"text\" "
       "rows=\"2\"></textarea></div>"
       "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"rec-due\">Due</label>"
       "<div class=\"govuk-hint\" id=\"rec-due-hint\">For example, 31/3/2026. Owned by the practitioner and "
       "discussed in their supervision.</div>"
       "<input class=\"govuk-input govuk-input--width-10\" id=\"rec-due\" name=\"due\" "
       "type=\"text\" aria-describedby=\"rec-due-hint\" value=\"" +
       uk_date(q.today.add_days(28)) +
       "\"></div>"
       "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
       "data-module=\"govuk-button\">Add the recommendation</button></form>";
  return h;
}

void render(Ctx& ctx, QaRequest& q, const qa::Evaluation& e, const qa::Answers& shown,
            const std::vector<qa::Missing>& missing, const std::string& problem,
            const std::string& notice, int status) {
  const qa::QuestionSet* set = qa::find_question_set(e.question_set_id);
  if (!set) return ctx.fail(500, "The evaluation's question set is unknown.");
  const auto& org = ctx.engine->index().organisation();
  std::string child = e.child_name.empty() ? e.child_id : e.child_name + " (" + e.child_id + ")";
  std::string title = "Evaluation: " + child;
  std::string h;
  if (!missing.empty()) {
    std::vector<std::pair<std::string, std::string>> errors;
    for (const auto& m : missing)
      errors.push_back({m.message, "#" + question_anchor(m.question_id)});
    h += "<div id=\"submission-refused\">" + error_summary(errors) + "</div>";
  } else if (!problem.empty()) {
    h += error_summary({{problem, ""}});
  }
  if (!notice.empty())
    h += "<div class=\"govuk-notification-banner govuk-notification-banner--success\" "
         "role=\"alert\" "
         "aria-labelledby=\"qa-notice-title\" data-module=\"govuk-notification-banner\"><div "
         "class=\"govuk-notification-banner__header\">"
         "<h2 class=\"govuk-notification-banner__title\" id=\"qa-notice-title\">Success</h2></div>"
         "<div class=\"govuk-notification-banner__content\"><p "
         "class=\"govuk-notification-banner__heading\" id=\"qa-notice\">" +
         esc(notice) + "</p></div></div>";
  h += "<span class=\"govuk-caption-l\">" + esc(set->title) +
       "</span><h1 class=\"govuk-heading-l\">" + esc(title) + "</h1>";
  h += "<dl class=\"govuk-summary-list\" id=\"evaluation-summary\">";
  auto row = [&](const std::string& k, const std::string& v) {
    h += "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" + esc(k) +
         "</dt><dd class=\"govuk-summary-list__value\">" + v + "</dd></div>";
  };
  row("Practitioner", esc(org.name_of(e.practitioner_id)));
  row("Team", esc(org.name_of(e.team_id)));
  row("Evaluator", esc(org.name_of(e.evaluator_id)));
  row("Revisit", e.revisit ? "Yes: the child was in the previous cycle's sample" : "No");
  row("Status", "<span id=\"evaluation-status\">" +
                    esc(std::string(qa::evaluation_status_name(e.status))) + "</span>" +
                    (e.version ? " (version " + std::to_string(e.version) + ")" : ""));
  h += "</dl><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/children/" +
       esc(http::url_encode(e.child_id)) + "\">The child's record and timeline</a></p>";
  std::map<std::string, std::string> error_of;
  for (const auto& m : missing) error_of.emplace(m.question_id, m.message);
  bool submitted = e.status == qa::EvaluationStatus::kSubmitted;
  // Only those who may record QA see the form; everyone else reads the answers.
  const bool may_record = access::can_record_qa(ctx.principal()).allowed;
  if (!may_record) {
    for (const auto& section : set->sections) {
      h += "<h2 class=\"govuk-heading-m\">" + esc(section.title) + "</h2><dl class=\"govuk-summary-list\">";
      for (const auto& question : section.questions) {
        auto it = shown.find(question.id);
        std::string answer = it == shown.end() || it->second.empty() ? "Not answered" : it->second;
        if (question.type == qa::AnswerType::kPillarGrade || question.type == qa::AnswerType::kOverallGrade)
          if (auto g = qa::parse_grade(answer)) answer = std::string(qa::grade_label(*g));
        row(question.text, esc(answer));
      }
      h += "</dl>";
    }
  } else {
  h += "<form method=\"post\" action=\"/qa/evaluations/" + std::to_string(e.id) +
       "\" id=\"evaluation-form\" novalidate>" + csrf_field(*ctx.session);
  for (const auto& section : set->sections) {
    h += "<h2 class=\"govuk-heading-m\">" + esc(section.title) + "</h2>";
    if (!section.guidance.empty()) h += "<p class=\"govuk-body\">" + esc(section.guidance) + "</p>";
    for (const auto& question : section.questions) {
      auto it = shown.find(question.id);
      auto err = error_of.find(question.id);
      h += question_control(question, it == shown.end() ? "" : it->second,
                            err == error_of.end() ? "" : err->second);
    }
  }
  if (submitted) {
    h += "<div class=\"govuk-form-group\"><label class=\"govuk-label govuk-label--s\" "
         "for=\"reason\">Why are you changing a submitted evaluation?</label>"
         "<div class=\"govuk-hint\" id=\"reason-hint\">The change is kept as a new version beside "
         "the earlier ones.</div>"
         "<input class=\"govuk-input\" id=\"reason\" name=\"reason\" type=\"text\" "
         "aria-describedby=\"reason-hint\"></div>"
         "<button type=\"submit\" class=\"govuk-button\" name=\"action\" value=\"edit\" "
         "data-module=\"govuk-button\">Save as a new version</button>";
  } else {
    h += "<div class=\"govuk-button-group\"><button type=\"submit\" class=\"govuk-button\" "
         "name=\"action\" value=\"submit\" data-module=\"govuk-button\">Submit the "
         "evaluation</button>"
         "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" name=\"action\" "
         "value=\"save\" data-module=\"govuk-button\">Save as draft</button></div>";
  }
  h += "</form>";
  }
  h += recommendations_section(ctx, q, e);
  auto versions = q.store.versions(e.id);
  if (versions && !versions->empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : *versions)
      rows.push_back({std::to_string(v.version), esc(when_text(v.at)),
                      esc(org.name_of(v.user).empty() ? v.user : org.name_of(v.user)),
                      esc(v.reason == "submitted" ? "First submitted" : v.reason),
                      grade_tag(qa::overall_grade(v.answers))});
    h += table("evaluation-versions", "Versions",
               {"Version", "When", "Who", "Why", "Overall grade"}, rows);
  }
  ctx.page({title,
            "qa",
            nullptr,
            {{"Quality assurance", "/qa"},
             {"Cycle", "/qa/cycles/" + std::to_string(e.cycle_id)},
             {child, ""}},
            !missing.empty() || !problem.empty()},
           h, status);
}

}  // namespace

void qa_evaluation_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto e = find_evaluation(*q, id_param(ctx.req, 0));
  if (!e)
    return ctx.fail(e.status().code() == StatusCode::kNotFound ? 404 : 500, e.status().message());
  std::string notice = ctx.req.param("done") == "saved"         ? "Draft saved."
                       : ctx.req.param("done") == "submitted"   ? "Evaluation submitted."
                       : ctx.req.param("done") == "edited"      ? "Saved as a new version."
                       : ctx.req.param("done") == "recommended" ? "Recommendation added."
                       : ctx.req.param("done") == "revisited" ? "The revisit's finding is recorded."
                                                              : "";
  std::string problem = ctx.req.param("problem");
  render(ctx, *q, *e, e->answers, {}, problem, notice, problem.empty() ? 200 : 400);
}

void qa_recommendation_revisit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  std::string given = ctx.req.param("revisit_evaluation_id");
  int64_t revisit = given.empty() || given.size() > 15 ||
                            given.find_first_not_of("0123456789") != std::string::npos
                        ? 0
                        : std::stoll(given);
  auto r = record_revisit(*q, id_param(ctx.req, 0), revisit, ctx.req.param("impact"),
                          ctx.req.param("note"));
  if (!r) {
    if (r.status().code() == StatusCode::kNotFound) return ctx.fail(404, r.status().message());
    return ctx.res.redirect("/qa/evaluations/" + std::to_string(revisit) +
                            "?problem=" + http::url_encode(r.status().message()));
  }
  ctx.res.redirect("/qa/evaluations/" + std::to_string(revisit) +
                   "?done=revisited#recommendations");
}

void qa_evaluation_submit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  int64_t id = id_param(ctx.req, 0);
  std::string action = ctx.req.param("action", "save");
  qa::Answers answers = answers_from_form(ctx.req);
  auto r = act_on_evaluation(*q, id, action, answers, ctx.req.param("reason"));
  if (!r) {
    if (r.status().code() == StatusCode::kNotFound) return ctx.fail(404, r.status().message());
    auto e = find_evaluation(*q, id);
    if (!e) return ctx.fail(404, e.status().message());
    return render(ctx, *q, *e, answers, {}, r.status().message(), "",
                  r.status().code() == StatusCode::kConflict ? 409 : 400);
  }
  if (!r->missing.empty()) return render(ctx, *q, r->evaluation, answers, r->missing, "", "", 422);
  const char* done = action == "submit" ? "submitted" : action == "edit" ? "edited" : "saved";
  ctx.res.redirect("/qa/evaluations/" + std::to_string(id) + "?done=" + done);
}

void qa_recommendation_add(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  int64_t id = id_param(ctx.req, 0);
  auto due = parse_date(ctx.req.param("due"));
  auto e = find_evaluation(*q, id);
  if (!e) return ctx.fail(404, e.status().message());
  if (!due)
    return render(ctx, *q, *e, e->answers, {}, "Enter the due date as day/month/year, for example 31/3/2026", "", 400);
  auto r = add_recommendation(*q, id, ctx.req.param("text"), ctx.req.param("owner"), *due);
  if (!r) return render(ctx, *q, *e, e->answers, {}, r.status().message(), "", 400);
  ctx.res.redirect("/qa/evaluations/" + std::to_string(id) + "?done=recommended#recommendations");
}

namespace {

// What a blind re-grade may read: each pillar's evidence under its pillar,
// and what the child, family and partners said — never a grade, and not the
// overall judgement's answers (its summary states the evaluator's grade).
std::string blind_evidence(const std::map<std::string, std::string>& answers) {
  auto answer = [&](const std::string& key) {
    auto it = answers.find(key);
    return it == answers.end() || it->second.empty() ? std::string("Not recorded") : it->second;
  };
  auto row = [](std::string_view key, const std::string& value) {
    return "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" +
           esc(key) + "</dt><dd class=\"govuk-summary-list__value\">" + esc(value) +
           "</dd></div>";
  };
  std::string h = "<div id=\"moderation-evidence\">";
  for (const qa::Pillar& p : qa::kPillars) {
    h += "<h2 class=\"govuk-heading-m\">" + esc(p.label) + "</h2><dl class=\"govuk-summary-list\">" +
         row("Evidence", answer(std::string(p.id) + ".evidence")) + "</dl>";
  }
  const auto& set = qa::practice_evaluation_template();
  std::string feedback;
  for (const auto& [k, v] : answers) {
    if (!k.starts_with("feedback.")) continue;
    const qa::Question* question = set.find(k);
    feedback += row(question ? question->text : k, v);
  }
  if (!feedback.empty())
    h += "<h2 class=\"govuk-heading-m\">Feedback</h2><dl class=\"govuk-summary-list\">" + feedback +
         "</dl>";
  return h + "</div>";
}

}  // namespace

void qa_moderation_page(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  auto e = find_evaluation(*q, id_param(ctx.req, 0));
  if (!e) return ctx.fail(404, e.status().message());
  std::string child =
      e->child_name.empty() ? e->child_id : e->child_name + " (" + e->child_id + ")";
  std::string h =
      "<span class=\"govuk-caption-l\">Moderation panel</span><h1 "
      "class=\"govuk-heading-l\">Re-grade: " +
      esc(child) +
      "</h1>"
      "<p class=\"govuk-body\">Read the child's record and the evaluator's evidence, then grade "
      "without seeing the "
      "evaluator's grades. The panel's grades are compared with theirs for the cycle's agreement "
      "rates.</p>";
  h += blind_evidence(e->answers);
  h += "<form method=\"post\" action=\"/qa/evaluations/" + std::to_string(e->id) +
       "/moderate\" novalidate>" + csrf_field(*ctx.session);
  std::string problem = ctx.req.param("problem");
  if (!problem.empty()) h = error_summary({{problem, ""}}) + h;
  for (const qa::Pillar& p : qa::kPillars) {
    qa::Question g{std::string(p.id) + ".grade",
                   std::string(p.label),
                   qa::AnswerType::kPillarGrade,
                   true,
                   {},
                   "",
                   "",
                   ""};
    h += question_control(g, "", "");
  }
  qa::Question overall{
      "overall.grade", "Overall grade", qa::AnswerType::kOverallGrade, true, {}, "", "", ""};
  h += question_control(overall, "", "");
  h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"note\">Panel's note (if "
       "needed)</label>"
       "<textarea class=\"govuk-textarea\" id=\"note\" name=\"note\" rows=\"3\"></textarea></div>"
       "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Record the "
       "panel's grades</button></form>";
  ctx.page({"Moderate: " + child,
            "qa",
            nullptr,
            {{"Quality assurance", "/qa"},
             {"Cycle", "/qa/cycles/" + std::to_string(e->cycle_id)},
             {"Moderate", ""}},
            !problem.empty()},
           h, problem.empty() ? 200 : 400);
}

void qa_moderation_submit(Ctx& ctx) {
  auto q = qa_request(ctx);
  if (!q) return;
  int64_t id = id_param(ctx.req, 0);
  auto m = moderate(*q, id, answers_from_form(ctx.req), ctx.req.param("note"));
  if (!m) {
    if (m.status().code() == StatusCode::kNotFound) return ctx.fail(404, m.status().message());
    ctx.res.redirect("/qa/evaluations/" + std::to_string(id) +
                     "/moderate?problem=" + http::url_encode(m.status().message()));
    return;
  }
  auto e = find_evaluation(*q, id);
  ctx.res.redirect(e ? "/qa/cycles/" + std::to_string(e->cycle_id) + "#moderation-agreement"
                     : "/qa");
}

}  // namespace beacon::web
