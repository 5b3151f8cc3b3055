// The JSON API for figures: the scorecard, one indicator, its breakdown and
// its drill-through list. Shapes follow export/kpi_output.h, so scripts see
// the same JSON as `beacon kpi`.
#include "export/drill_export.h"
#include "export/kpi_output.h"
#include "indicators/scorecard.h"
#include "web/api/paging.h"
#include "web/drill_query.h"
#include "web/handlers.h"
#include "web/scope.h"
#include "web/view.h"

namespace beacon::web {
namespace {

std::optional<View> view_or_fail(Ctx& ctx) { return scoped_view(ctx); }

int series_points(const http::Request& req) {
  try {
    return std::clamp(std::stoi(req.param("series", "24")), 0, 60);
  } catch (...) {
    return 24;
  }
}

}  // namespace

void api_scorecard(Ctx& ctx) {
  auto view = view_or_fail(ctx);
  if (!view) return;
  bool contract_only = ctx.req.param("scope", "contract") != "all";
  auto figures = build_scorecard(*ctx.engine, view->as_period(), view->unit, series_points(ctx.req),
                                 contract_only);
  for (auto& f : figures) suppress_small_counts(ctx, f);
  ctx.json(kpi_json(view->as_period(), view->unit, figures));
}

void api_indicators(Ctx& ctx) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : indicator_catalogue())
    list.push_back({{"id", d.id},
                    {"name", d.name},
                    {"kind", kind_name(d.kind)},
                    {"measure", d.measure},
                    {"polarity", polarity_name(d.polarity)},
                    {"family", d.family},
                    {"definition", d.definition},
                    {"contract", d.contract}});
  ctx.json({{"indicators", list}});
}

void api_indicator(Ctx& ctx) {
  const IndicatorDef* def = find_indicator(ctx.req.path_param(0));
  if (!def) return ctx.fail(404, "There is no indicator called " + ctx.req.path_param(0));
  auto view = view_or_fail(ctx);
  if (!view) return;
  Figure f = ctx.engine->figure(*def, view->as_period(), view->unit, series_points(ctx.req));
  suppress_small_counts(ctx, f);
  nlohmann::json j = figure_json(f);
  j["unit"] = view->unit;
  j["definition"] = def->definition;
  ctx.json(j);
}

void api_breakdown(Ctx& ctx) {
  const IndicatorDef* def = find_indicator(ctx.req.path_param(0));
  if (!def) return ctx.fail(404, "There is no indicator called " + ctx.req.path_param(0));
  auto view = view_or_fail(ctx);
  if (!view) return;
  Period period = view->as_period();
  nlohmann::json rows = nlohmann::json::array();
  for (auto r : build_breakdown(*ctx.engine, *def, period, view->unit)) {
    suppress_small_counts(ctx, r.total, r.value, r.rag);
    rows.push_back({{"id", r.id},
                    {"name", r.name},
                    {"kind", r.kind},
                    {"numerator", json_number(r.total.numerator)},
                    {"denominator", json_number(r.total.denominator)},
                    {"value", json_optional(r.value)},
                    {"rag", rag_name(r.rag)},
                    {"has_children", r.has_children}});
  }
  ctx.json({{"indicator", def->id},
            {"unit", view->unit},
            {"from", period.from.iso()},
            {"to", period.to.iso()},
            {"rows", rows}});
}

void api_drill(Ctx& ctx) {
  const IndicatorDef* def = find_indicator(ctx.req.path_param(0));
  if (!def) return ctx.fail(404, "There is no indicator called " + ctx.req.path_param(0));
  auto view = view_or_fail(ctx);
  if (!view) return;
  auto paging = paging_from(ctx.req);
  if (!paging) return ctx.fail(400, paging.status().message());
  Period period = view->as_period();
  const DrillList list = ctx.engine->drill_list(*def, period, view->unit);  // keeps the rows alive
  size_t held_back = 0;
  auto rows = drill_rows_for_reader(ctx, *def, *view, list.rows, DrillQuery::from(ctx.req), &held_back);
  ctx.audit_detail =
      std::string(def->id) + " for " + view->unit + ": " + std::to_string(rows.size()) + " records";
  // A page at a time: the whole list of a large figure is tens of thousands
  // of rows (the CSV and XLSX downloads give it in one piece).
  const Paging::Slice slice = paging->slice(rows.size());
  nlohmann::json j =
      drill_json(*def, period, view->unit, copy_drill_rows(rows, slice.first, slice.count));
  add_paging(j, slice, rows.size(), paging->per_page);
  j["not_listed"] = held_back;  // counted in the figure, but the child is outside the user's scope
  ctx.json(j);
}

}  // namespace beacon::web
