// Pen portraits: one printable page per cohort (domain.md §4).
#include "export/portrait_render.h"
#include "portraits/pen_portrait.h"
#include "web/handlers.h"
#include "web/pickers.h"
#include "web/scope.h"
#include "web/svg_chart.h"

namespace beacon::web {
namespace {

constexpr Cohort kCohorts[] = {Cohort::kChildrenInNeed, Cohort::kCinPlan, Cohort::kChildProtection,
                               Cohort::kLookedAfter, Cohort::kCareLeavers};

std::string item_value(const PortraitItem& i) {
  std::string out;
  if (i.count) out += thousands(static_cast<int64_t>(*i.count));
  if (i.share) out += (out.empty() ? "" : " (") + one_decimal(i.share) + "%" + (out.empty() ? "" : ")");
  if (i.value) out += (out.empty() ? "" : " · ") + one_decimal(i.value) + (i.unit.empty() ? "" : " " + i.unit);
  return out.empty() ? "–" : out;
}

struct Loaded {
  PenPortrait portrait;
  View view;
};

std::optional<Loaded> load_portrait(Ctx& ctx) {
  auto cohort = parse_cohort(ctx.req.path_param(0));
  if (!cohort) {
    ctx.fail(404, "There is no cohort called " + ctx.req.path_param(0) + ".");
    return std::nullopt;
  }
  auto view = scoped_view(ctx);
  if (!view) return std::nullopt;
  auto p = build_pen_portrait(*ctx.engine, *cohort, view->to, view->unit);
  if (!p) {
    ctx.fail(404, p.status().message());
    return std::nullopt;
  }
  suppress_small_counts(ctx, *p);
  return Loaded{std::move(*p), *view};
}

void portrait_file(Ctx& ctx, bool png) {
  auto loaded = load_portrait(ctx);
  if (!loaded) return;
  if (access::suppressed(ctx.principal(), static_cast<double>(loaded->portrait.count)))
    return ctx.fail(403, "This cohort has fewer than 5 children, so its portrait is not shown.");
  auto bytes = via_temp_file(png ? ".png" : ".pdf", [&](const std::string& path) {
    return write_portrait_page(path, loaded->portrait, png);
  });
  if (!bytes) return ctx.fail(500, bytes.status().message());
  std::string name = std::string("beacon-portrait-") + cohort_id(loaded->portrait.cohort) + "-" +
                     loaded->view.to.iso() + (png ? ".png" : ".pdf");
  ctx.download(*bytes, png ? "image/png" : "application/pdf", name);
}

}  // namespace

void portraits_index(Ctx& ctx) {
  auto view = scoped_view(ctx);
  if (!view) return;
  std::string h = "<h1 class=\"govuk-heading-l\">Pen portraits</h1><p class=\"govuk-body\">Who the children "
                  "are in each cohort on " + view->to.text() + ": one printable page each.</p><ul class=\"govuk-list\">";
  for (Cohort c : kCohorts)
    h += std::string("<li><a class=\"govuk-link\" href=\"/portraits/") + cohort_id(c) + "?" + esc(view->query()) +
         "\">" + cohort_title(c) + "</a></li>";
  ctx.page({"Pen portraits", "portraits"}, h + "</ul>");
}

void portrait_page(Ctx& ctx) {
  auto loaded = load_portrait(ctx);
  if (!loaded) return;
  const PenPortrait& p = loaded->portrait;
  const View& view = loaded->view;
  std::string q = esc(view.query());
  std::string h = "<span class=\"govuk-caption-l\">" + esc(p.unit_name.empty() ? unit_label(*ctx.engine, view.unit) : p.unit_name) +
                  " · " + p.at.text() + "</span><h1 class=\"govuk-heading-l\">" + esc(cohort_title(p.cohort)) + "</h1>";
  h += "<p class=\"govuk-body-l\" id=\"portrait-count\">" +
       (access::suppressed(ctx.principal(), static_cast<double>(p.count)) ? std::string("Fewer than 5")
                                                                          : thousands(p.count)) +
       " children</p>";
  PickerOptions o = picker_options(ctx);
  o.period = false;
  h += view_picker(*ctx.engine, view, std::string("/portraits/") + cohort_id(p.cohort), o);
  h += std::string("<ul class=\"govuk-list beacon-downloads\"><li><a class=\"govuk-link\" href=\"/portraits/") + cohort_id(p.cohort) +
       ".pdf?" + q + "\" download>Download as a one-page PDF</a></li><li><a class=\"govuk-link\" href=\"/portraits/" +
       cohort_id(p.cohort) + ".png?" + q + "\" download>Download as an image (PNG)</a></li></ul>";
  h += "<div class=\"beacon-portrait\">";
  for (const auto& s : p.sections) {
    h += "<section class=\"beacon-portrait__section\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">" +
         esc(s.title) + "</caption><tbody class=\"govuk-table__body\">";
    for (const auto& i : s.items)
      h += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">" + esc(i.label) +
           "</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">" + esc(item_value(i)) + "</td></tr>";
    h += "</tbody></table>";
    // The shares as bars too, as the printed portrait draws them.
    BarChart chart;
    chart.title = s.title + ": share of children";
    chart.percentage = true;
    for (const auto& i : s.items)
      if (i.share) chart.bars.push_back({i.label, i.share, one_decimal(i.share) + "%"});
    if (chart.bars.size() >= 2) h += "<figure class=\"beacon-chart-figure\">" + bar_chart(chart) + "</figure>";
    h += "</section>";
  }
  h += "</div>";
  ctx.page({cohort_title(p.cohort), "portraits", nullptr, {{"Pen portraits", "/portraits?" + view.query()}, {cohort_title(p.cohort), ""}}}, h);
}

void portrait_pdf(Ctx& ctx) { portrait_file(ctx, false); }
void portrait_png(Ctx& ctx) { portrait_file(ctx, true); }

}  // namespace beacon::web
