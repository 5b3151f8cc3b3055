// A child's summary and timeline: where drill-through and worklist rows lead.
#include "casefile/timeline.h"
#include "web/handlers.h"
#include "web/scope.h"
#include "web/qa/qa_views.h"
#include "web/view.h"
#include "worklists/worklist.h"

namespace beacon::web {

std::optional<ChildSummary> child_in_scope(Ctx& ctx, Date& as_at) {
  // The period viewed is the URL's (default: the 12 months to `to`); the
  // unit does not narrow a child's record.
  auto view = parse_view(ctx.req, *ctx.engine);
  if (!view) {
    ctx.fail(400, view.status().message());
    return std::nullopt;
  }
  as_at = view->to;
  const std::string& id = ctx.req.path_param(0);
  ctx.audit_detail = "child " + id;
  Period period = view->as_period();
  if (auto d = access::can_view_child(ctx.principal(), ctx.engine->index(), id, period.from, period.to,
                                      default_date(*ctx.engine));
      !d) {
    ctx.fail(403, d.reason);
    return std::nullopt;
  }
  auto s = child_summary(ctx.engine->index(), id, as_at);
  if (!s) {
    ctx.fail(404, s.status().message());
    return std::nullopt;
  }
  return std::move(*s);
}

namespace {

// What is due or overdue for the child at the date, and their open practice
// evaluation recommendations: what the reader came to act on, first.
std::string due_for_child(Ctx& ctx, const std::string& child_id, Date as_at) {
  WorklistOptions o;
  o.as_at = as_at;
  std::vector<std::vector<std::string>> rows;
  if (auto list = worklist_view(*ctx.engine, o))
    for (const WorkItem* w : list->items) {
      if (w->child_id != child_id) continue;
      rows.push_back({esc(w->title), w->due ? esc(w->due->text()) : "–", esc(time_left_text(*w)),
                      esc(work_status_label(w->status))});
    }
  std::string h = "<h2 class=\"govuk-heading-m\">Due or overdue</h2>";
  if (rows.empty())
    h += "<p class=\"govuk-body\" id=\"child-nothing-due\">Nothing is due or overdue for this child on " +
         esc(as_at.text()) + ".</p>";
  else
    h += table("child-due", "", {"What", "Due", "Time", "Status"}, rows);
  if (auto recs = open_recommendations_for(ctx, ctx.engine->index().organisation().root_id())) {
    std::vector<std::vector<std::string>> open;
    for (const auto& r : *recs)
      if (r.child_id == child_id)
        open.push_back({esc(r.text), esc(r.due.text()),
                        qa::is_overdue(r, as_at) ? "Overdue" : "Open"});
    if (!open.empty())
      h += table("child-recommendations", "Open practice evaluation recommendations",
                 {"Recommendation", "Due", "Status"}, open);
  }
  return h;
}

}  // namespace

void child_page(Ctx& ctx) {
  Date as_at;
  auto s = child_in_scope(ctx, as_at);
  if (!s) return;
  auto row = [](const std::string& key, const std::string& value) {
    return "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" + esc(key) +
           "</dt><dd class=\"govuk-summary-list__value\">" + esc(value.empty() ? "Not recorded" : value) + "</dd></div>";
  };
  std::string disabilities;
  for (const auto& d : s->disabilities) disabilities += (disabilities.empty() ? "" : ", ") + d;
  std::string open;
  for (const auto& o : s->open_involvements) open += (open.empty() ? "" : ", ") + o;
  std::string title = s->name.empty() ? "Child " + s->id : s->name;
  std::string h = "<a href=\"/\" class=\"govuk-back-link\" data-module=\"beacon-back\">Back</a>"
                  "<span class=\"govuk-caption-l\">Child " + esc(s->id) + " · as at " + as_at.text() + "</span>"
                  "<h1 class=\"govuk-heading-l\">" + esc(title) + "</h1>";
  h += due_for_child(ctx, s->id, as_at);
  h += "<h2 class=\"govuk-heading-m\">Key facts</h2><dl class=\"govuk-summary-list\" id=\"key-facts\">";
  h += row("Identifier", s->id);
  h += row("Sex", s->sex);
  h += row("Date of birth", s->birth_date ? s->birth_date->text() : "");
  h += row("Age", s->age ? std::to_string(*s->age) : "");
  h += row("Ethnicity", s->ethnicity);
  h += row("Disability", disabilities.empty() ? "None recorded" : disabilities);
  if (s->uasc) h += row("Unaccompanied asylum-seeking child", "Yes");
  h += row("Open to", open.empty() ? "Nothing open" : open);
  h += row("Allocated social worker", s->allocated_worker.empty() ? "Not allocated" : s->allocated_worker);
  h += row("Team", s->team);
  h += "</dl>";
  h += "<h2 class=\"govuk-heading-m\">Timeline</h2>";  // newest first
  if (s->events.empty()) h += "<p class=\"govuk-body\">No records.</p>";
  h += "<div class=\"moj-timeline\" id=\"timeline\">";
  for (const auto& e : s->events) {
    h += "<div class=\"moj-timeline__item\" data-kind=\"" + esc(e.kind) + "\"><div class=\"moj-timeline__header\">"
         "<h3 class=\"moj-timeline__title\">" + esc(e.title) + "</h3>";
    if (!e.worker_name.empty()) h += "<p class=\"moj-timeline__byline\">by " + esc(e.worker_name) + "</p>";
    h += "</div><p class=\"moj-timeline__date\"><time datetime=\"" + e.date.iso() + "\">" + e.date.text() + "</time>";
    if (e.end) h += " to <time datetime=\"" + e.end->iso() + "\">" + e.end->text() + "</time>";
    h += "</p>";
    if (!e.detail.empty()) h += "<div class=\"moj-timeline__description\">" + esc(e.detail) + "</div>";
    h += "</div>";
  }
  h += "</div>";
  ctx.page({title, ""}, h);
}

}  // namespace beacon::web
