// Worklists: what is due and overdue for a worker's children ("my
// children") or a team's, each row linking to the child.
#include "web/handlers.h"
#include "web/pickers.h"
#include "web/qa/qa_views.h"
#include "web/scope.h"
#include "worklists/worklist.h"

namespace beacon::web {
namespace {

constexpr int kPageSize = 100;

std::string status_tag(const WorkItem& w) {
  const char* modifier = w.status == WorkStatus::kOverdue   ? "govuk-tag--red"
                         : w.status == WorkStatus::kDueSoon ? "govuk-tag--orange"
                         : w.status == WorkStatus::kDraft   ? "govuk-tag--purple"
                                                            : "govuk-tag--grey";
  return std::string("<strong class=\"govuk-tag ") + modifier + "\">" + work_status_label(w.status) + "</strong>";
}

}  // namespace

void worklist_page(Ctx& ctx) {
  auto view = scoped_view(ctx);
  if (!view) return;
  std::string kind = ctx.req.param("kind");
  std::string status = ctx.req.param("status");
  WorklistOptions o;
  o.as_at = view->to;
  o.unit_id = view->unit == ctx.engine->index().organisation().root_id() ? "" : view->unit;
  auto list_view = worklist_view(*ctx.engine, o);  // keeps the items alive
  if (!list_view) return ctx.fail(404, list_view.status().message());
  auto* items = &list_view->items;
  keep_children_in_scope(*items, child_scope(ctx, *view));
  ctx.audit_detail = view->unit + ": " + std::to_string(items->size()) + " items";
  std::erase_if(*items, [&](const WorkItem* w) {
    return (!kind.empty() && w->kind != kind) || (!status.empty() && work_status_name(w->status) != status);
  });
  int pages = std::max(1, static_cast<int>((items->size() + kPageSize - 1) / kPageSize));
  int page = 1;
  try {
    page = std::clamp(std::stoi(ctx.req.param("page", "1")), 1, pages);
  } catch (...) {
  }
  const auto& org = ctx.engine->index().organisation();
  bool worker = org.worker(view->unit) != nullptr;
  std::string title = worker ? "Children of " + org.name_of(view->unit) : "Worklist";
  std::string h = "<span class=\"govuk-caption-l\">" + esc(unit_label(*ctx.engine, view->unit)) + " · as at " +
                  view->to.text() + "</span><h1 class=\"govuk-heading-l\">" + esc(title) + "</h1>";
  int overdue = 0, drafts = 0, soon = 0;
  for (const WorkItem* w : *items) {
    overdue += w->past_due();
    drafts += w->status == WorkStatus::kDraft;
    soon += w->status == WorkStatus::kDueSoon;
  }
  h += "<p class=\"govuk-body-l\" id=\"worklist-summary\">" + thousands(overdue) + " overdue" +
       (drafts ? " (" + thousands(drafts) + (drafts == 1 ? " is a visit" : " are visits") +
                     " left in draft)"
               : std::string()) +
       " and " + thousands(soon) + " due soon.</p>";
  PickerOptions po = picker_options(ctx);
  po.period = false;
  po.workers = true;
  std::string kinds = "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"worklist-kind\">What</label>"
                      "<select class=\"govuk-select\" id=\"worklist-kind\" name=\"kind\">";
  for (auto [value, label] : {std::pair<const char*, const char*>{"", "Everything"}, {"assessment", "Assessments"},
                              {"cin-visit", "CIN plan visits"}, {"cp-visit", "CP visits"}, {"cla-visit", "Looked-after visits"},
                              {"cp-review", "CP review conferences"}, {"cla-review", "Looked-after reviews"},
                              {"pathway-plan-review", "Pathway plan reviews"}, {"plan-not-started", "Plans not started"},
                              {"draft-visit", "Visits left in draft"}})
    kinds += std::string("<option value=\"") + value + "\"" + (kind == value ? " selected" : "") + ">" + label + "</option>";
  kinds += "</select></div>";
  po.extra_hidden = "<div class=\"beacon-picker__fields\">" + kinds + "</div>";
  h += view_picker(*ctx.engine, *view, "/worklists", po);
  std::string recs = qa_recommendations_due(ctx, view->unit, view->to);
  if (items->empty()) {
    h += "<p class=\"govuk-body\" id=\"worklist-empty\">Nothing is due or overdue.</p>" + recs;
    return ctx.page({title, "worklists"}, h);
  }
  h += "<div class=\"beacon-table-scroll\"><table class=\"govuk-table\" id=\"worklist-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">"
       "Due and overdue, most overdue first (page " + std::to_string(page) + " of " + std::to_string(pages) + ")</caption>"
       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
       "<th scope=\"col\" class=\"govuk-table__header\">Child</th><th scope=\"col\" class=\"govuk-table__header\">What</th>"
       "<th scope=\"col\" class=\"govuk-table__header\">Due</th><th scope=\"col\" class=\"govuk-table__header\">Time</th>"
       "<th scope=\"col\" class=\"govuk-table__header\">Status</th><th scope=\"col\" class=\"govuk-table__header\">Worker</th>"
       "</tr></thead><tbody class=\"govuk-table__body\">";
  size_t first = static_cast<size_t>(page - 1) * kPageSize;
  for (size_t i = first; i < items->size() && i < first + kPageSize; ++i) {
    const WorkItem& w = *(*items)[i];
    std::string child = w.child_name.empty() ? w.child_id : w.child_name + " (" + w.child_id + ")";
    h += "<tr class=\"govuk-table__row\" data-kind=\"" + esc(w.kind) + "\" data-status=\"" + work_status_name(w.status) + "\">"
         "<th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/children/" +
         esc(http::url_encode(w.child_id)) + "?to=" + view->to.iso() + "\">" + esc(child) + "</a></th>"
         "<td class=\"govuk-table__cell\">" + esc(w.title) + "</td><td class=\"govuk-table__cell\">" +
         (w.due ? w.due->text() : std::string("–")) + "</td><td class=\"govuk-table__cell\">" + esc(time_left_text(w)) +
         "</td><td class=\"govuk-table__cell\">" + status_tag(w) + "</td><td class=\"govuk-table__cell\">" +
         esc(org.name_of(w.worker_id)) + "</td></tr>";
  }
  h += "</tbody></table></div>";
  std::string base = "/worklists?" + view->query() + "&kind=" + http::url_encode(kind) + "&status=" + http::url_encode(status);
  h += pagination(page, pages, [&](int p) { return base + "&page=" + std::to_string(p); });
  ctx.page({title, "worklists"}, h + recs);
}

}  // namespace beacon::web
