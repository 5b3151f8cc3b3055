#include "web/scope.h"

#include <cmath>
#include <limits>

#include "indicators/catalogue.h"
#include "indicators/figure_text.h"

namespace beacon::web {

namespace {

// A date or period that cannot be read keeps the reader on a page they can
// fix it from: the error summary, and the picker with what they typed and
// the problem beside its field.
void refused_view(Ctx& ctx, const std::string& problem) {
  PickerOptions o = picker_options(ctx);
  o.typed_to = ctx.req.param("to");
  o.typed_from = ctx.req.param("from");
  o.error = problem;
  o.error_field = problem.find("start of the period") != std::string::npos ? "from"
                  : problem.find("period") != std::string::npos           ? "period"
                                                                          : "to";
  View fallback;
  fallback.to = default_date(*ctx.engine);
  fallback.unit = ctx.req.param("unit");
  if (!ctx.engine->unit_exists(fallback.unit))
    fallback.unit = access::home_unit(ctx.principal(), ctx.engine->index().organisation());
  std::string h = error_summary({{problem, "#picker-" + o.error_field}}) +
                  "<h1 class=\"govuk-heading-l\">Choose what to show</h1>" +
                  view_picker(*ctx.engine, fallback, ctx.req.path, o);
  ctx.page({"Choose what to show", "", nullptr, {}, true}, h, 400);
}

}  // namespace

std::optional<View> scoped_view(Ctx& ctx) {
  access::Principal p = ctx.principal();
  const OrganisationTree& org = ctx.engine->index().organisation();
  auto view = parse_view(ctx.req, *ctx.engine);
  if (!view && view.status().code() == StatusCode::kInvalidInput) {
    refused_view(ctx, view.status().message());
    return std::nullopt;
  }
  if (!view) {
    ctx.fail(view.status().code() == StatusCode::kNotFound ? 404 : 400, view.status().message());
    return std::nullopt;
  }
  if (!ctx.req.has_param("unit") || ctx.req.param("unit").empty())
    view->unit = access::home_unit(p, org);
  if (auto d = access::can_view_unit(p, org, view->unit); !d) {
    ctx.fail(403, d.reason);
    return std::nullopt;
  }
  return *view;
}

access::ChildScope child_scope(const Ctx& ctx, const View& view) {
  Period period = view.as_period();
  return access::visible_children(ctx.principal(), ctx.engine->index(), period.from, period.to,
                                  default_date(*ctx.engine));
}

size_t keep_children_in_scope(std::vector<const DrillRow*>& rows, const access::ChildScope& scope) {
  return std::erase_if(rows, [&](const DrillRow* r) { return !scope.contains(r->child_id); });
}

size_t keep_children_in_scope(std::vector<const WorkItem*>& items, const access::ChildScope& scope) {
  return std::erase_if(items, [&](const WorkItem* w) { return !scope.contains(w->child_id); });
}

std::vector<const DrillRow*> drill_rows_for_reader(const Ctx& ctx, const IndicatorDef& def,
                                                   const View& view,
                                                   const std::vector<const DrillRow*>& rows,
                                                   const DrillQuery& q, size_t* not_listed) {
  const auto& org = ctx.engine->index().organisation();
  if (!counts_workers(def)) return apply_drill_query(rows, q, org, child_scope(ctx, view), not_listed);
  std::vector<const DrillRow*> mine = rows;
  const size_t held_back = std::erase_if(mine, [&](const DrillRow* r) {
    return !unit_in_scope(ctx, r->worker_id.empty() ? r->team_id : r->worker_id);
  });
  if (not_listed) *not_listed = held_back;
  return apply_drill_query(std::move(mine), q, org, access::ChildScope::everyone());
}

bool unit_in_scope(const Ctx& ctx, std::string_view unit_id) {
  return access::can_view_unit(ctx.principal(), ctx.engine->index().organisation(), unit_id)
      .allowed;
}

PickerOptions picker_options(const Ctx& ctx, PickerOptions base) {
  base.top_unit = access::home_unit(ctx.principal(), ctx.engine->index().organisation());
  const Ctx* c = &ctx;
  base.in_scope = [c](std::string_view id) { return unit_in_scope(*c, id); };
  return base;
}

void suppress_small_counts(const Ctx& ctx, Aggregate& total, std::optional<double>& value,
                           Rag& rag) {
  access::Principal p = ctx.principal();
  if (!access::suppressed(p, total.numerator) && !access::suppressed(p, total.denominator)) return;
  total.numerator = std::numeric_limits<double>::quiet_NaN();
  total.denominator = std::numeric_limits<double>::quiet_NaN();
  value.reset();
  rag = Rag::kNone;
}

void suppress_small_counts(const Ctx& ctx, Figure& f) {
  if (access::suppress_below(ctx.principal()) == 0) return;
  bool hidden = access::suppressed(ctx.principal(), f.total.numerator) ||
                access::suppressed(ctx.principal(), f.total.denominator);
  suppress_small_counts(ctx, f.total, f.value, f.rag);
  for (auto& point : f.series) suppress_small_counts(ctx, point.total, point.value, point.rag);
  if (hidden) {
    f.no_value = suppressed_text(access::suppress_below(ctx.principal()));
    f.narrative = "Figures from fewer than " + std::to_string(access::suppress_below(ctx.principal())) +
                  " children or records are not shown.";
    f.trend = {};
  }
}

void suppress_small_counts(const Ctx& ctx, PenPortrait& portrait) {
  access::Principal p = ctx.principal();
  if (access::suppress_below(p) == 0) return;
  for (auto& section : portrait.sections)
    for (auto& item : section.items)
      if (item.count && access::suppressed(p, *item.count)) {
        item.count.reset();
        item.share.reset();
      }
  if (access::suppressed(p, static_cast<double>(portrait.count))) portrait.sections.clear();
}

}  // namespace beacon::web
