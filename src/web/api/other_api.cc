// The JSON API for everything that is not a figure: the session, the
// organisation, pen portraits, worklists, a child's timeline, loads and
// uploads, and the API's own description.
#include "casefile/timeline.h"
#include "export/portrait_render.h"
#include "portraits/pen_portrait.h"
#include "qa/qa_json.h"
#include "web/api/paging.h"
#include "web/handlers.h"
#include "web/qa/qa_views.h"
#include "web/scope.h"
#include "web/view.h"
#include "worklists/worklist.h"

namespace beacon::embedded {
extern const std::string_view openapi_json;
}

namespace beacon::web {
namespace {

nlohmann::json date_json(const OptDate& d) { return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr); }

nlohmann::json problems_json(const std::vector<Problem>& problems) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : problems)
    out.push_back({{"file", p.file}, {"line", p.line}, {"element", p.element}, {"field", p.field},
                   {"message", p.message}, {"code", p.code}});
  return out;
}

}  // namespace

void health(Ctx& ctx) { ctx.json({{"status", "ok"}}); }

void openapi_document(Ctx& ctx) {
  ctx.res.status = 200;
  ctx.res.content_type = "application/json";
  ctx.res.body = std::string(embedded::openapi_json);
}

void api_session(Ctx& ctx) {
  const Session& s = *ctx.session;
  nlohmann::json roles = nlohmann::json::array();
  for (access::Role r : s.roles) roles.push_back(access::role_id(r));
  ctx.json({{"user", s.user_name}, {"display_name", s.display_name}, {"roles", roles}, {"scope", s.scope},
            {"csrf_token", s.csrf_token}});
}

// Only the units and workers the user may open.
void api_units(Ctx& ctx) {
  const auto& org = ctx.engine->index().organisation();
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : org.units())
    if (unit_in_scope(ctx, u.id))
      units.push_back({{"id", u.id}, {"name", u.name}, {"kind", u.kind}, {"parent", u.parent_id}});
  nlohmann::json workers = nlohmann::json::array();
  for (const auto& w : ctx.engine->index().history().workers)
    if (unit_in_scope(ctx, w.id))
      workers.push_back({{"id", w.id}, {"name", w.name}, {"team", w.team_id}, {"role", w.role}});
  ctx.json({{"root", access::home_unit(ctx.principal(), org)}, {"units", units}, {"workers", workers}});
}

void api_portrait(Ctx& ctx) {
  auto cohort = parse_cohort(ctx.req.path_param(0));
  if (!cohort) return ctx.fail(404, "There is no cohort called " + ctx.req.path_param(0));
  auto view = scoped_view(ctx);
  if (!view) return;
  auto p = build_pen_portrait(*ctx.engine, *cohort, view->to, view->unit);
  if (!p) return ctx.fail(404, p.status().message());
  suppress_small_counts(ctx, *p);
  nlohmann::json j = portrait_json(*p);
  if (access::suppressed(ctx.principal(), static_cast<double>(p->count))) j["count"] = nullptr;
  ctx.json(j);
}

void api_worklist(Ctx& ctx) {
  auto view = scoped_view(ctx);
  if (!view) return;
  auto paging = paging_from(ctx.req);
  if (!paging) return ctx.fail(400, paging.status().message());
  WorklistOptions o;
  o.as_at = view->to;
  o.unit_id = view->unit == ctx.engine->index().organisation().root_id() ? "" : view->unit;
  auto list_view = worklist_view(*ctx.engine, o);  // keeps the items alive
  if (!list_view) return ctx.fail(404, list_view.status().message());
  auto* items = &list_view->items;
  keep_children_in_scope(*items, child_scope(ctx, *view));
  ctx.audit_detail = view->unit + ": " + std::to_string(items->size()) + " items";
  // The same filters as the page's; then a page at a time, as the whole
  // organisation's list is thousands of items.
  const std::string kind = ctx.req.param("kind"), status = ctx.req.param("status");
  std::erase_if(*items, [&](const WorkItem* w) {
    return (!kind.empty() && w->kind != kind) || (!status.empty() && work_status_name(w->status) != status);
  });
  const Paging::Slice slice = paging->slice(items->size());
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = slice.first; i < slice.first + slice.count; ++i) {
    const WorkItem& w = *(*items)[i];
    list.push_back({{"kind", w.kind}, {"title", w.title}, {"child", w.child_id}, {"child_name", w.child_name},
                    {"worker", w.worker_id}, {"team", w.team_id}, {"since", date_json(w.since)},
                    {"due", date_json(w.due)}, {"days_left", w.days_left}, {"working_days", w.working_days},
                    {"status", work_status_name(w.status)}});
  }
  // The QA recommendations the worklist page lists for supervision.
  auto recs = open_recommendations_for(ctx, view->unit);
  if (!recs) return ctx.fail(500, recs.status().message());
  nlohmann::json recommendations = nlohmann::json::array();
  for (const auto& r : *recs) {
    nlohmann::json j = qa::to_json(r);
    j["overdue"] = qa::is_overdue(r, view->to);
    j["escalation"] = qa::escalation_level(r, view->to);
    recommendations.push_back(std::move(j));
  }
  nlohmann::json answer = {{"unit", view->unit},
                           {"as_at", view->to.iso()},
                           {"items", list},
                           {"recommendations", recommendations}};
  add_paging(answer, slice, items->size(), paging->per_page);
  ctx.json(answer);
}

void api_child(Ctx& ctx) {
  Date as_at;
  auto s = child_in_scope(ctx, as_at);
  if (!s) return;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : s->events)
    events.push_back({{"date", e.date.iso()}, {"end", date_json(e.end)}, {"kind", e.kind}, {"title", e.title},
                      {"detail", e.detail}, {"worker", e.worker_id}, {"worker_name", e.worker_name}});
  ctx.json({{"id", s->id}, {"name", s->name}, {"sex", s->sex}, {"birth_date", date_json(s->birth_date)},
            {"age", s->age ? nlohmann::json(*s->age) : nlohmann::json(nullptr)}, {"ethnicity", s->ethnicity},
            {"disabilities", s->disabilities}, {"uasc", s->uasc}, {"open", s->open_involvements},
            {"allocated_worker", s->allocated_worker_id}, {"team", s->team}, {"as_at", as_at.iso()},
            {"events", events}});
}

void api_loads(Ctx& ctx) {
  auto history = load_history_as_shown(ctx.app.backend(), ctx.app.options().uploads_dir);
  if (!history) return ctx.fail(500, history.status().message());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& l : *history)
    list.push_back({{"id", l.id}, {"at", l.at}, {"user", l.user}, {"files", l.files}, {"summary", l.summary}});
  ctx.json({{"loads", list}});
}

void api_load(Ctx& ctx) {
  auto history = load_history_as_shown(ctx.app.backend(), ctx.app.options().uploads_dir);
  if (!history) return ctx.fail(500, history.status().message());
  for (const auto& l : *history) {
    if (std::to_string(l.id) != ctx.req.path_param(0)) continue;
    auto report = nlohmann::json::parse(l.report_json, nullptr, false);
    return ctx.json({{"id", l.id}, {"at", l.at}, {"user", l.user}, {"files", l.files}, {"summary", l.summary},
                     {"report", report.is_discarded() ? nlohmann::json(l.report_json) : report}});
  }
  ctx.fail(404, "There is no load " + ctx.req.path_param(0));
}

void api_upload(Ctx& ctx) {
  for (const auto& f : ctx.req.files) ctx.audit_detail += (ctx.audit_detail.empty() ? "" : ", ") + f.filename;
  auto job = ctx.app.uploads().start(ctx.req.files, ctx.session->user_name);
  if (!job) return ctx.fail(400, job.status().message());
  ctx.res.set_header("Location", "/api/uploads/" + *job);
  ctx.json({{"job", *job}, {"state", "queued"}}, 202);
}

void api_upload_status(Ctx& ctx) {
  auto job = ctx.app.uploads().find(ctx.req.path_param(0));
  if (!job) return ctx.fail(404, "There is no such upload");
  nlohmann::json j = {{"job", job->id}, {"state", job->state}, {"files", job->files},
                      {"progress", job->progress}};
  if (job->state == "done" || job->state == "failed") {
    const LoadOutcome& o = job->outcome;
    j["outcome"] = {{"ok", o.ok}, {"load_id", o.load_id}, {"summary", o.summary}, {"refused", o.refused},
                    {"notes", o.notes}, {"errors", problems_json(o.errors)}};
  }
  ctx.json(j);
}

}  // namespace beacon::web
