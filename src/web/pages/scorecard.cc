// The scorecard: every contract KPI with its value, target, tolerance, RAG,
// trend, sparkline and benchmarks; the wider catalogue below.
#include "access/policy.h"
#include "export/scorecard_export.h"
#include "indicators/narrative.h"
#include "indicators/scorecard.h"
#include "web/handlers.h"
#include "web/pickers.h"
#include "web/scope.h"
#include "web/svg_chart.h"

namespace beacon::web {
namespace {

constexpr int kSeriesPoints = 24;

std::string tolerance_text(const Figure& f) {
  if (!f.settings.tolerance_low || !f.settings.tolerance_high) return "–";
  return format_value(*f.def, f.settings.tolerance_low) + " to " +
         format_value(*f.def, f.settings.tolerance_high);
}

// The value cell: the value, or in a few words why there is none.
std::string value_cell(const Figure& f) {
  if (f.value) return esc(format_value(*f.def, f.value));
  return "<span class=\"beacon-no-value\">" +
         esc(is_suppressed(f.total) ? "Not shown (small numbers)" : f.no_value) + "</span>";
}

bool any_benchmark(const std::vector<const Figure*>& figures) {
  for (const Figure* f : figures)
    if (f->settings.england || f->settings.statistical_neighbours || f->settings.region) return true;
  return false;
}

std::string figure_rows(const std::vector<const Figure*>& figures, const View& view, bool benchmarks) {
  std::string h;
  for (const Figure* f : figures) {
    const IndicatorDef& def = *f->def;
    std::vector<std::optional<double>> values;
    for (const auto& p : f->series) values.push_back(p.value);
    std::string spark_label = std::string(def.name) + ", last " + std::to_string(values.size()) +
                              " months: " + (values.empty() || !values.front() ? "no value" : format_value(def, values.front())) +
                              " to " + format_value(def, values.empty() ? std::nullopt : values.back());
    h += "<tr class=\"govuk-table__row\" data-indicator=\"" + esc(def.id) + "\">";
    h += "<th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/indicators/" +
         esc(def.id) + "?" + esc(view.query()) + "\">" +
         (def.contract ? "<span class=\"beacon-kpi-id\">" + esc(def.id) + "</span>" : std::string()) +
         esc(def.name) + "</a></th>";
    h += "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + value_cell(*f) + "</td>";
    h += "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" +
         (f->settings.target ? esc(format_value(def, f->settings.target)) : std::string("–")) + "</td>";
    h += "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + esc(tolerance_text(*f)) + "</td>";
    h += "<td class=\"govuk-table__cell\">" + rag_tag(f->rag) + "</td>";
    h += "<td class=\"govuk-table__cell\">" + trend_text(f->trend.trend) + "</td>";
    h += "<td class=\"govuk-table__cell\">" + sparkline(values, f->settings.target, spark_label) + "</td>";
    if (benchmarks) {
      h += "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + one_decimal(f->settings.england) + "</td>";
      h += "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + one_decimal(f->settings.statistical_neighbours) + "</td>";
      h += "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + one_decimal(f->settings.region) + "</td>";
    }
    h += "</tr>";
  }
  return h;
}

std::string figure_table(const std::string& caption, const std::string& id,
                         const std::vector<const Figure*>& figures, const View& view, bool benchmarks) {
  std::string h = "<div class=\"beacon-table-scroll\"><table class=\"govuk-table beacon-scorecard\" id=\"" + id +
                  "\"><caption class=\"govuk-table__caption govuk-table__caption--m\">" + esc(caption) +
                  "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                  "<th scope=\"col\" class=\"govuk-table__header\">Indicator</th>"
                  "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Value</th>"
                  "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Target</th>"
                  "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Tolerance</th>"
                  "<th scope=\"col\" class=\"govuk-table__header\">Status</th>"
                  "<th scope=\"col\" class=\"govuk-table__header\">Trend</th>"
                  "<th scope=\"col\" class=\"govuk-table__header\">Last " + std::to_string(kSeriesPoints) + " months</th>";
  if (benchmarks)
    h += "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">England</th>"
         "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Statistical neighbours</th>"
         "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Region</th>";
  h += "</tr></thead><tbody class=\"govuk-table__body\">" + figure_rows(figures, view, benchmarks) +
       "</tbody></table></div>";
  return h;
}

// "Of the 16 contract indicators, 4 are green, 1 amber and 0 red; 3 are not
// shown (fewer than 5 children or records) and 2 have no value." A figure
// hidden for small numbers is never counted as any colour.
std::string rag_summary(const std::vector<const Figure*>& figures, int suppress_below) {
  int green = 0, amber = 0, red = 0, unrated = 0, hidden = 0, empty = 0;
  for (const Figure* f : figures) {
    if (is_suppressed(f->total)) ++hidden;
    else if (!f->value) ++empty;
    else if (f->rag == Rag::kGreen) ++green;
    else if (f->rag == Rag::kAmber) ++amber;
    else if (f->rag == Rag::kRed) ++red;
    else ++unrated;
  }
  std::string s = "Of the " + std::to_string(figures.size()) + " contract indicators, " +
                  std::to_string(green) + (green == 1 ? " is" : " are") + " green, " +
                  std::to_string(amber) + " amber and " + std::to_string(red) + " red";
  std::vector<std::string> more;
  if (unrated) more.push_back(std::to_string(unrated) + " not rated (no target)");
  if (hidden)
    more.push_back(std::to_string(hidden) + " not shown (fewer than " +
                   std::to_string(suppress_below) + " children or records)");
  if (empty) more.push_back(std::to_string(empty) + (empty == 1 ? " has" : " have") + " no value");
  for (size_t i = 0; i < more.size(); ++i)
    s += (i == 0 ? "; " : i + 1 == more.size() ? " and " : ", ") + more[i];
  return s + ".";
}

}  // namespace

void scorecard_page(Ctx& ctx) {
  auto view = scoped_view(ctx);
  if (!view) return;
  Period period = view->as_period();
  auto figures = build_scorecard(*ctx.engine, period, view->unit, kSeriesPoints, false);
  for (auto& f : figures) suppress_small_counts(ctx, f);
  std::vector<const Figure*> contract, wider;
  for (const auto& f : figures) (f.def->contract ? contract : wider).push_back(&f);
  std::string q = esc(view->query());
  std::string h = "<span class=\"govuk-caption-l\">" + esc(unit_label(*ctx.engine, view->unit)) + "</span>"
                  "<h1 class=\"govuk-heading-l\">Scorecard</h1>"
                  "<p class=\"govuk-body-l\" id=\"scorecard-summary\">" +
                  esc(period.describe() + ". " + rag_summary(contract, access::suppress_below(ctx.principal()))) +
                  "</p>";
  h += view_picker(*ctx.engine, *view, "/scorecard", picker_options(ctx));
  h += "<ul class=\"govuk-list beacon-downloads\"><li><a class=\"govuk-link\" href=\"/scorecard.xlsx?" + q +
       "\" download>Download the scorecard as a spreadsheet (XLSX)</a></li><li><a class=\"govuk-link\" href=\"/scorecard.pdf?" +
       q + "\" download>Download the scorecard as a PDF</a></li></ul>";
  const bool benchmarks = any_benchmark(contract);
  h += figure_table("Contract indicators", "contract-kpis", contract, *view, benchmarks);
  if (!benchmarks)
    h += "<p class=\"govuk-body\" id=\"no-benchmarks\">No benchmarks are loaded, so England, "
         "statistical neighbour and region figures are not shown. To add them, fill in the "
         "benchmark columns of the indicator targets table and load it on the <a class=\"govuk-link\" "
         "href=\"/data\">Data page</a>.</p>";
  h += figure_table("Other indicators", "other-indicators", wider, *view, any_benchmark(wider));
  ctx.page({"Scorecard", "scorecard"}, h);
}

namespace {

void scorecard_file(Ctx& ctx, bool pdf) {
  auto view = scoped_view(ctx);
  if (!view) return;
  Period period = view->as_period();
  auto views = scorecard_views(*ctx.engine, period, view->unit, kSeriesPoints, true);
  for (auto& v : views)
    for (auto& f : v.figures) suppress_small_counts(ctx, f);
  auto bytes = via_temp_file(pdf ? ".pdf" : ".xlsx", [&](const std::string& path) {
    return pdf ? write_scorecard_pdf(path, *ctx.engine, period, views)
               : write_scorecard_xlsx(path, *ctx.engine, period, views);
  });
  if (!bytes) return ctx.fail(500, bytes.status().message());
  std::string name = "beacon-scorecard-" + view->to.iso() + (pdf ? ".pdf" : ".xlsx");
  ctx.download(*bytes,
               pdf ? "application/pdf"
                   : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               name);
}

}  // namespace

void scorecard_xlsx(Ctx& ctx) { scorecard_file(ctx, false); }
void scorecard_pdf(Ctx& ctx) { scorecard_file(ctx, true); }

}  // namespace beacon::web
