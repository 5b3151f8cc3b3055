// An indicator's page: the figure, its series chart with target, tolerance
// band and benchmarks (and the same numbers as a table), the narrative, the
// breakdown by the units below, and the drill-through list of records.
#include "export/drill_export.h"
#include "indicators/narrative.h"
#include "indicators/scorecard.h"
#include "web/drill_query.h"
#include "web/handlers.h"
#include "web/pickers.h"
#include "web/scope.h"
#include "web/svg_chart.h"

namespace beacon::web {
namespace {

constexpr int kSeriesPoints = 24;
constexpr int kPageSize = 50;

const IndicatorDef* indicator_or_fail(Ctx& ctx) {
  const IndicatorDef* def = find_indicator(ctx.req.path_param(0));
  if (!def) ctx.fail(404, "There is no indicator called " + ctx.req.path_param(0) + ".");
  return def;
}

std::string summary_list(const Figure& f) {
  const IndicatorDef& def = *f.def;
  auto row = [](const std::string& key, const std::string& value_html) {
    return "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" +
           esc(key) + "</dt><dd class=\"govuk-summary-list__value\">" + value_html + "</dd></div>";
  };
  std::string tol =
      f.settings.tolerance_low && f.settings.tolerance_high
          ? one_decimal(f.settings.tolerance_low) + " to " + one_decimal(f.settings.tolerance_high)
          : "–";
  std::string h = "<dl class=\"govuk-summary-list beacon-figure\">";
  h += row("Value",
           "<span class=\"beacon-figure__value\">" + esc(format_value(def, f.value)) + "</span>");
  h += row("Status", rag_tag(f.rag));
  h += row("Trend", trend_text(f.trend.trend));
  h += row("Target", esc(one_decimal(f.settings.target)));
  h += row("Tolerance band", esc(tol));
  h += row("Records",
           esc(one_decimal(f.total.numerator) + " of " + one_decimal(f.total.denominator)));
  h += row("Good performance is", f.settings.polarity == Polarity::kHigh  ? "Higher"
                                  : f.settings.polarity == Polarity::kLow ? "Lower"
                                  : f.settings.polarity == Polarity::kBand
                                      ? "Inside the tolerance band"
                                      : "Not set");
  std::string bench;
  for (auto [name, v] :
       {std::pair<const char*, std::optional<double>>{"England", f.settings.england},
        {"Statistical neighbours", f.settings.statistical_neighbours},
        {"Region", f.settings.region}})
    if (v) bench += std::string(bench.empty() ? "" : ", ") + name + " " + one_decimal(v);
  h += row("Benchmarks", esc(bench.empty() ? "None loaded" : bench));
  return h + "</dl>";
}

std::string series_section(const Figure& f) {
  const IndicatorDef& def = *f.def;
  SeriesChart chart;
  chart.title = std::string(def.name) + ", monthly, with target and tolerance band";
  for (const auto& p : f.series) {
    chart.months.push_back(p.to);
    chart.values.push_back(p.value);
  }
  chart.target = f.settings.target;
  chart.tolerance_low = f.settings.tolerance_low;
  chart.tolerance_high = f.settings.tolerance_high;
  if (f.settings.england) chart.benchmarks.push_back({"England", *f.settings.england});
  if (f.settings.statistical_neighbours)
    chart.benchmarks.push_back({"Stat. neighbours", *f.settings.statistical_neighbours});
  if (f.settings.region) chart.benchmarks.push_back({"Region", *f.settings.region});
  chart.percentage = def.value_kind == ValueKind::kPercent;

  std::string h = "<h2 class=\"govuk-heading-m\" id=\"series\">Month by month</h2>";
  h += "<p class=\"govuk-body-s beacon-key\">Key: solid line with dots – the figure; long dashes – "
       "the target; "
       "shaded area – the tolerance band; short dots – benchmarks.</p>";
  h += "<figure class=\"beacon-chart-figure\">" + series_chart(chart) + "</figure>";
  h += "<details class=\"govuk-details\" open><summary class=\"govuk-details__summary\"><span "
       "class=\"govuk-details__summary-text\">"
       "The chart's figures as a table</span></summary><div class=\"govuk-details__text\">";
  h += "<table class=\"govuk-table\" id=\"series-table\"><caption class=\"govuk-table__caption "
       "govuk-table__caption--s\">"
       "Monthly figures</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
       "<th scope=\"col\" class=\"govuk-table__header\">Month end</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Value</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Numerator</th>"
       "<th scope=\"col\" class=\"govuk-table__header "
       "govuk-table__header--numeric\">Denominator</th>"
       "<th scope=\"col\" class=\"govuk-table__header\">Status</th></tr></thead><tbody "
       "class=\"govuk-table__body\">";
  for (auto it = f.series.rbegin(); it != f.series.rend(); ++it) {
    h += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">" +
         it->to.iso() +
         "</th>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" +
         esc(format_value(def, it->value)) +
         "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" +
         one_decimal(it->total.numerator) +
         "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" +
         one_decimal(it->total.denominator) +
         "</td>"
         "<td class=\"govuk-table__cell\">" +
         rag_tag(it->rag) + "</td></tr>";
  }
  return h + "</tbody></table></div></details>";
}

std::string breakdown_section(Ctx& ctx, const IndicatorDef& def, const View& view,
                              const Period& period) {
  auto rows = build_breakdown(*ctx.engine, def, period, view.unit);
  std::string h = "<h2 class=\"govuk-heading-m\" id=\"breakdown\">Breakdown</h2>";
  if (rows.empty())
    return h + "<p class=\"govuk-body\">There is nothing below " +
           esc(unit_label(*ctx.engine, view.unit)) + " to break the figure down by.</p>";
  h += "<table class=\"govuk-table\" id=\"breakdown-table\" data-module=\"moj-sortable-table\">"
       "<caption class=\"govuk-table__caption govuk-table__caption--s\">" +
       esc(def.name) + " by the units of " + esc(unit_label(*ctx.engine, view.unit)) +
       "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
       "<th scope=\"col\" class=\"govuk-table__header\" aria-sort=\"none\">Unit</th>"
       "<th scope=\"col\" class=\"govuk-table__header\" aria-sort=\"none\">Kind</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\" "
       "aria-sort=\"none\">Numerator</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\" "
       "aria-sort=\"none\">Denominator</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\" "
       "aria-sort=\"none\">Value</th>"
       "<th scope=\"col\" class=\"govuk-table__header\" "
       "aria-sort=\"none\">Status</th></tr></thead><tbody class=\"govuk-table__body\">";
  for (auto& r : rows) {
    suppress_small_counts(ctx, r.total, r.value, r.rag);
    bool linkable = (r.has_children || r.kind == "worker") && unit_in_scope(ctx, r.id);
    std::string name = linkable ? "<a class=\"govuk-link\" href=\"/indicators/" + esc(def.id) +
                                      "?" + esc(view.with_unit(r.id).query()) + "#breakdown\">" +
                                      esc(r.name) + "</a>"
                                : esc(r.name);
    h += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\" "
         "data-sort-value=\"" +
         esc(r.name) + "\">" + name +
         "</th>"
         "<td class=\"govuk-table__cell\">" +
         esc(r.kind) +
         "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-sort-value=\"" +
         one_decimal(r.total.numerator) + "\">" + one_decimal(r.total.numerator) +
         "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-sort-value=\"" +
         one_decimal(r.total.denominator) + "\">" + one_decimal(r.total.denominator) +
         "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-sort-value=\"" +
         (r.value ? one_decimal(r.value) : "-1") + "\">" + esc(format_value(def, r.value)) +
         "</td>"
         "<td class=\"govuk-table__cell\">" +
         rag_tag(r.rag) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

std::string sort_header(const std::string& label, const std::string& key, const DrillQuery& q,
                        const std::string& base, bool numeric = false) {
  bool active = q.sort == key;
  DrillQuery next = q;
  next.sort = key;
  next.descending = active && !q.descending;
  std::string aria = active ? (q.descending ? "descending" : "ascending") : "none";
  return std::string("<th scope=\"col\" class=\"govuk-table__header") +
         (numeric ? " govuk-table__header--numeric" : "") + "\" aria-sort=\"" + aria +
         "\"><a class=\"govuk-link beacon-sort\" href=\"" + esc(base + next.query()) + "#drill\">" +
         esc(label) +
         (active ? (q.descending ? " <span aria-hidden=\"true\">▼</span>"
                                 : " <span aria-hidden=\"true\">▲</span>")
                 : "") +
         "</a></th>";
}

std::string drill_section(Ctx& ctx, const IndicatorDef& def, const View& view,
                          const Period& period) {
  DrillQuery q = DrillQuery::from(ctx.req);
  const auto& org = ctx.engine->index().organisation();
  const DrillList list = ctx.engine->drill_list(def, period, view.unit);  // keeps the rows alive
  size_t held_back = 0;
  auto rows = apply_drill_query(list.rows, q, org, child_scope(ctx, view), &held_back);
  ctx.audit_action = "view-drill";
  ctx.audit_detail =
      std::string(def.id) + " for " + view.unit + ": " + std::to_string(rows.size()) + " records";
  int pages = std::max(1, static_cast<int>((rows.size() + kPageSize - 1) / kPageSize));
  int page = std::min(q.page, pages);
  std::string base = "/indicators/" + std::string(def.id) + "?" + view.query();
  std::string h = "<h2 class=\"govuk-heading-m\" id=\"drill\">The records behind the figure</h2>";
  h += "<form method=\"get\" action=\"/indicators/" + esc(def.id) +
       "#drill\" class=\"beacon-filter\">"
       "<input type=\"hidden\" name=\"to\" value=\"" +
       view.to.iso() + "\"><input type=\"hidden\" name=\"period\" value=\"" + esc(view.period) +
       "\">" +
       (view.from ? "<input type=\"hidden\" name=\"from\" value=\"" + view.from->iso() + "\">"
                  : "") +
       "<input type=\"hidden\" name=\"unit\" value=\"" + esc(view.unit) +
       "\">"
       "<input type=\"hidden\" name=\"sort\" value=\"" +
       esc(q.sort) + "\"><input type=\"hidden\" name=\"dir\" value=\"" +
       (q.descending ? "desc" : "asc") +
       "\"><div class=\"beacon-picker__fields\">"
       "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"drill-in\">Show</label>"
       "<select class=\"govuk-select\" id=\"drill-in\" name=\"in\">";
  for (auto [value, label] : {std::pair<const char*, const char*>{"all", "All records"},
                              {"yes", "Counted in the numerator"},
                              {"no", "Not counted in the numerator"}})
    h += std::string("<option value=\"") + value + "\"" + (q.in == value ? " selected" : "") + ">" +
         label + "</option>";
  h += "</select></div><div class=\"govuk-form-group\"><label class=\"govuk-label\" "
       "for=\"drill-child\">Child identifier contains</label>"
       "<input class=\"govuk-input govuk-input--width-10\" id=\"drill-child\" name=\"child\" "
       "type=\"text\" value=\"" +
       esc(q.child) +
       "\"></div>"
       "</div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
       "data-module=\"govuk-button\">Filter</button></form>";
  std::string dl = esc(view.query() + q.query());
  h += "<p class=\"govuk-body\" id=\"drill-count\">" +
       thousands(static_cast<int64_t>(rows.size())) +
       " records. "
       "<a class=\"govuk-link\" id=\"drill-csv\" href=\"/indicators/" +
       esc(def.id) + "/drill.csv?" + dl +
       "\" download>Download as CSV</a> or "
       "<a class=\"govuk-link\" id=\"drill-xlsx\" href=\"/indicators/" +
       esc(def.id) + "/drill.xlsx?" + dl + "\" download>as a spreadsheet (XLSX)</a>.</p>";
  if (held_back > 0)
    h += "<div class=\"govuk-inset-text\" id=\"drill-not-listed\">" +
         thousands(static_cast<int64_t>(held_back)) +
         " more records count in the figure but are not listed: their children were not allocated "
         "within your area "
         "in the period.</div>";
  if (rows.empty()) return h;
  std::vector<std::string> date_labels;
  for (const auto& [label, d] : rows.front()->dates) date_labels.push_back(label);
  std::string measure_label = rows.front()->measure_label;
  h += "<div class=\"beacon-table-scroll\"><table class=\"govuk-table\" "
       "id=\"drill-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">"
       "Records, page " +
       std::to_string(page) + " of " + std::to_string(pages) +
       "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  h += sort_header("Child", "child", q, base) + sort_header("Record", "record", q, base) +
       sort_header("Counted", "in", q, base) +
       "<th scope=\"col\" class=\"govuk-table__header\">Why</th>";
  for (size_t i = 0; i < date_labels.size() && i < 4; ++i)
    h += sort_header(date_labels[i], "date" + std::to_string(i), q, base);
  if (!measure_label.empty()) h += sort_header(measure_label, "measure", q, base, true);
  h +=
      sort_header("Worker", "worker", q, base) + "</tr></thead><tbody class=\"govuk-table__body\">";
  size_t first = static_cast<size_t>(page - 1) * kPageSize;
  for (size_t i = first; i < rows.size() && i < first + kPageSize; ++i) {
    const DrillRow& r = *rows[i];
    h += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><a "
         "class=\"govuk-link\" href=\"/children/" +
         esc(http::url_encode(r.child_id)) + "?" + esc(view.query()) + "\">" + esc(r.child_id) +
         "</a></th>"
         "<td class=\"govuk-table__cell\">" +
         esc(r.record) + "</td><td class=\"govuk-table__cell\">" + (r.in_numerator ? "Yes" : "No") +
         "</td><td class=\"govuk-table__cell\">" + esc(r.reason) + "</td>";
    for (size_t d = 0; d < date_labels.size() && d < 4; ++d)
      h += "<td class=\"govuk-table__cell\">" +
           (d < r.dates.size() && r.dates[d].second ? r.dates[d].second->iso() : std::string("–")) +
           "</td>";
    if (!measure_label.empty())
      h += "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + one_decimal(r.measure) +
           "</td>";
    std::string worker = org.name_of(r.worker_id);
    h += "<td class=\"govuk-table__cell\">" + esc(worker.empty() ? "Not allocated" : worker) +
         "</td></tr>";
  }
  h += "</tbody></table></div>";
  h += pagination(page, pages, [&](int p) {
    return base + q.query() + "&page=" + std::to_string(p) + "#drill";
  });
  return h;
}

}  // namespace

void indicator_page(Ctx& ctx) {
  const IndicatorDef* def = indicator_or_fail(ctx);
  if (!def) return;
  auto view = scoped_view(ctx);
  if (!view) return;
  Period period = view->as_period();
  Figure f = ctx.engine->figure(*def, period, view->unit, kSeriesPoints);
  suppress_small_counts(ctx, f);
  std::vector<Crumb> crumbs = {{"Scorecard", "/scorecard?" + view->query()}};
  for (auto& c : unit_crumbs(*ctx.engine, *view, "/indicators/" + std::string(def->id), "",
                             [&](std::string_view id) { return unit_in_scope(ctx, id); })) {
    if (!c.href.empty()) c.href += "#breakdown";
    crumbs.push_back(c);
  }
  std::string h = "<span class=\"govuk-caption-l\">" + esc(def->id) + " · " +
                  esc(unit_label(*ctx.engine, view->unit)) +
                  "</span><h1 class=\"govuk-heading-l\">" + esc(def->name) + "</h1>";
  h += "<p class=\"govuk-body\">" + esc(f.period.describe()) + ". " + esc(def->definition) + "</p>";
  h += view_picker(*ctx.engine, *view, "/indicators/" + std::string(def->id), picker_options(ctx));
  h += "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">" +
       summary_list(f) +
       "</div>"
       "<div class=\"govuk-grid-column-one-half\"><h2 class=\"govuk-heading-m\">What the figures "
       "say</h2>"
       "<p class=\"govuk-body\" id=\"narrative\">" +
       esc(f.narrative) + "</p>";
  for (const auto& note : f.notes) h += "<div class=\"govuk-inset-text\">" + esc(note) + "</div>";
  h += "</div></div>";
  h += series_section(f);
  h += breakdown_section(ctx, *def, *view, period);
  if (access::can_view_child_level(ctx.principal()))
    h += drill_section(ctx, *def, *view, period);
  else
    h += "<h2 class=\"govuk-heading-m\" id=\"drill\">The records behind the figure</h2><p "
         "class=\"govuk-body\">"
         "Your role shows figures only, not the children's records behind them.</p>";
  ctx.page({def->name, "scorecard", nullptr, crumbs}, h);
}

namespace {

void drill_download(Ctx& ctx, bool xlsx) {
  const IndicatorDef* def = indicator_or_fail(ctx);
  if (!def) return;
  auto view = scoped_view(ctx);
  if (!view) return;
  Period period = view->as_period();
  const DrillList list = ctx.engine->drill_list(*def, period, view->unit);
  auto chosen = apply_drill_query(list.rows, DrillQuery::from(ctx.req),
                                  ctx.engine->index().organisation(), child_scope(ctx, *view));
  const std::vector<DrillRow> rows = copy_drill_rows(chosen);
  ctx.audit_detail =
      std::string(def->id) + " for " + view->unit + ": " + std::to_string(rows.size()) + " records";
  std::string name = "beacon-" + std::string(def->id) + "-" + view->to.iso();
  if (!xlsx) return ctx.download(drill_csv(*def, rows), "text/csv; charset=utf-8", name + ".csv");
  auto bytes = via_temp_file(
      ".xlsx", [&](const std::string& path) { return write_drill_xlsx(path, *def, period, rows); });
  if (!bytes) return ctx.fail(500, bytes.status().message());
  ctx.download(*bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               name + ".xlsx");
}

}  // namespace

void drill_csv_download(Ctx& ctx) { drill_download(ctx, false); }
void drill_xlsx_download(Ctx& ctx) { drill_download(ctx, true); }

}  // namespace beacon::web
