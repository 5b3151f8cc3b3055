// A child's summary and timeline: where drill-through and worklist rows lead.
#include "casefile/timeline.h"
#include "web/handlers.h"
#include "web/view.h"

namespace beacon::web {

void child_page(Ctx& ctx) {
  Date as_at = default_date(*ctx.engine);
  if (auto to = ctx.req.param("to"); !to.empty()) {
    auto d = parse_date(to);
    if (!d) return ctx.fail(400, "Enter the date as YYYY-MM-DD");
    as_at = *d;
  }
  auto s = child_summary(ctx.engine->index(), ctx.req.path_param(0), as_at);
  if (!s) return ctx.fail(404, s.status().message());
  auto row = [](const std::string& key, const std::string& value) {
    return "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" + esc(key) +
           "</dt><dd class=\"govuk-summary-list__value\">" + esc(value.empty() ? "Not recorded" : value) + "</dd></div>";
  };
  std::string disabilities;
  for (const auto& d : s->disabilities) disabilities += (disabilities.empty() ? "" : ", ") + d;
  std::string open;
  for (const auto& o : s->open_involvements) open += (open.empty() ? "" : ", ") + o;
  std::string title = s->name.empty() ? "Child " + s->id : s->name;
  std::string h = "<span class=\"govuk-caption-l\">Child " + esc(s->id) + " · as at " + as_at.iso() + "</span>"
                  "<h1 class=\"govuk-heading-l\">" + esc(title) + "</h1><dl class=\"govuk-summary-list\">";
  h += row("Identifier", s->id);
  h += row("Sex", s->sex);
  h += row("Date of birth", s->birth_date ? s->birth_date->iso() : "");
  h += row("Age", s->age ? std::to_string(*s->age) : "");
  h += row("Ethnicity", s->ethnicity);
  h += row("Disability", disabilities.empty() ? "None recorded" : disabilities);
  if (s->uasc) h += row("Unaccompanied asylum-seeking child", "Yes");
  h += row("Open to", open.empty() ? "Nothing open" : open);
  h += row("Allocated social worker", s->allocated_worker.empty() ? "Not allocated" : s->allocated_worker);
  h += row("Team", s->team);
  h += "</dl>";
  h += "<h2 class=\"govuk-heading-m\">Timeline</h2>";
  if (s->events.empty()) h += "<p class=\"govuk-body\">No records.</p>";
  h += "<div class=\"moj-timeline\" id=\"timeline\">";
  for (const auto& e : s->events) {
    h += "<div class=\"moj-timeline__item\" data-kind=\"" + esc(e.kind) + "\"><div class=\"moj-timeline__header\">"
         "<h3 class=\"moj-timeline__title\">" + esc(e.title) + "</h3>";
    if (!e.worker_name.empty()) h += "<p class=\"moj-timeline__byline\">by " + esc(e.worker_name) + "</p>";
    h += "</div><p class=\"moj-timeline__date\"><time datetime=\"" + e.date.iso() + "\">" + e.date.iso() + "</time>";
    if (e.end) h += " to <time datetime=\"" + e.end->iso() + "\">" + e.end->iso() + "</time>";
    h += "</p>";
    if (!e.detail.empty()) h += "<div class=\"moj-timeline__description\">" + esc(e.detail) + "</div>";
    h += "</div>";
  }
  h += "</div>";
  ctx.page({title, ""}, h);
}

}  // namespace beacon::web
