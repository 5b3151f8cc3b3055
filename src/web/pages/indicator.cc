// An indicator's page: the figure, its series chart with target, tolerance
// band and benchmarks (and the same numbers as a table), the narrative, the
// breakdown by the units below, and the drill-through list of records.
#include <cctype>
#include <cmath>
#include <cstdio>

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

// A value in a table: the value, "Not shown" (small numbers) or "None".
std::string point_value(const IndicatorDef& def, std::optional<double> value, const Aggregate& total) {
  if (value) return format_value(def, value);
  return is_suppressed(total) ? "Not shown" : "None";
}

// A count or FTE as a table shows it; "–" when hidden.
std::string quantity_text(double v, bool fte) {
  if (!std::isfinite(v)) return "–";
  return fte ? one_decimal_text(v) : whole_number(v);
}

// A sortable number for moj-sortable-table (no separators).
std::string sort_value(double v) {
  if (!std::isfinite(v)) return "-1";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

// Column headings that name what is counted: "Contacts decided in time" is
// too long to derive, so "In the figure" / "Contacts" for shares, "Days" /
// "Children" for means.
std::string denominator_heading(const IndicatorDef& def) {
  std::string s = counted_as(def).records;
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}
std::string numerator_heading(const IndicatorDef& def) {
  if (def.value_kind == ValueKind::kPercent) return "Counted in the figure";
  std::string s = counted_as(def).numerator;
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s.empty() ? "Total" : s;
}

std::string summary_list(const Figure& f) {
  const IndicatorDef& def = *f.def;
  auto row = [](const std::string& key, const std::string& value_html) {
    return "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" +
           esc(key) + "</dt><dd class=\"govuk-summary-list__value\">" + value_html + "</dd></div>";
  };
  std::string tol =
      f.settings.tolerance_low && f.settings.tolerance_high
          ? format_value(def, f.settings.tolerance_low) + " to " + format_value(def, f.settings.tolerance_high)
          : "–";
  std::string h = "<dl class=\"govuk-summary-list beacon-figure\">";
  h += row("Value", "<span class=\"beacon-figure__value\">" +
                       esc(f.value ? format_value(def, f.value) : f.no_value) + "</span>");
  h += row("Status", rag_tag(f.rag));
  h += row("Trend", trend_text(f.trend.trend));
  h += row("Target", esc(f.settings.target ? format_value(def, f.settings.target) : "None set"));
  h += row("Tolerance band", esc(tol));
  if (!is_suppressed(f.total)) h += row("Counted", esc(records_text(def, f.total)));
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
  h += row("Benchmarks",
           bench.empty() ? "None loaded. To compare with England, statistical neighbours and region, "
                           "add them to the indicator targets table and load it on the "
                           "<a class=\"govuk-link\" href=\"/data\">Data page</a>."
                         : esc(bench));
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
  h += "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span "
       "class=\"govuk-details__summary-text\">"
       "The chart's figures as a table</span></summary><div class=\"govuk-details__text\">";
  h += "<div class=\"beacon-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Monthly figures\">"
       "<table class=\"govuk-table\" id=\"series-table\"><caption class=\"govuk-table__caption "
       "govuk-table__caption--s\">"
       "Monthly figures</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
       "<th scope=\"col\" class=\"govuk-table__header\">Month end</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Value</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Counted</th>"
       "<th scope=\"col\" class=\"govuk-table__header\">Status</th></tr></thead><tbody "
       "class=\"govuk-table__body\">";
  for (auto it = f.series.rbegin(); it != f.series.rend(); ++it) {
    h += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">" +
         it->to.text() +
         "</th>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" +
         esc(point_value(def, it->value, it->total)) +
         "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" +
         esc(is_suppressed(it->total) ? "–" : records_text(def, it->total)) +
         "</td>"
         "<td class=\"govuk-table__cell\">" +
         rag_tag(it->rag) + "</td></tr>";
  }
  return h + "</tbody></table></div></div></details>";
}

// The breakdown as bars, largest first, with the target marked: what a
// reader used to Power BI looks at before the table beside it.
template <class Rows>
std::string breakdown_chart(Ctx& ctx, const IndicatorDef& def, const View& view, const Period& period,
                            const Rows& rows) {
  BarChart chart;
  chart.title = std::string(def.name) + " by the units of " + unit_label(*ctx.engine, view.unit) +
                ", largest first" + (def.polarity == Polarity::kNone ? "" : ", with the target");
  chart.percentage = def.value_kind == ValueKind::kPercent;
  auto f = ctx.engine->figure(def, period, view.unit, 0);
  chart.target = f.settings.target;
  for (const auto& r : rows)
    chart.bars.push_back({r.name, r.value, point_value(def, r.value, r.total)});
  std::stable_sort(chart.bars.begin(), chart.bars.end(), [](const Bar& a, const Bar& b) {
    return a.value.value_or(-1e300) > b.value.value_or(-1e300);
  });
  return "<figure class=\"beacon-chart-figure\" id=\"breakdown-chart\">" + bar_chart(chart) +
         "<figcaption class=\"govuk-body-s\">Bars: the figure for each unit, largest first" +
         (chart.target ? std::string("; dashed line: the target (") + format_value(def, chart.target) + ")"
                       : std::string()) +
         ". The same figures are in the table below.</figcaption></figure>";
}

std::string breakdown_section(Ctx& ctx, const IndicatorDef& def, const View& view,
                              const Period& period) {
  auto rows = build_breakdown(*ctx.engine, def, period, view.unit);
  std::string h = "<h2 class=\"govuk-heading-m\" id=\"breakdown\">Breakdown</h2>";
  if (rows.empty())
    return h + "<p class=\"govuk-body\">There is nothing below " +
           esc(unit_label(*ctx.engine, view.unit)) + " to break the figure down by.</p>";
  for (auto& r : rows) suppress_small_counts(ctx, r.total, r.value, r.rag);
  h += breakdown_chart(ctx, def, view, period, rows);
  h += "<div class=\"beacon-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Breakdown table\">"
       "<table class=\"govuk-table\" id=\"breakdown-table\" data-module=\"moj-sortable-table\">"
       "<caption class=\"govuk-table__caption govuk-table__caption--s\">" +
       esc(def.name) + " by the units of " + esc(unit_label(*ctx.engine, view.unit)) +
       "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
       "<th scope=\"col\" class=\"govuk-table__header\" aria-sort=\"none\">Unit</th>"
       "<th scope=\"col\" class=\"govuk-table__header\" aria-sort=\"none\">Kind</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\" "
       "aria-sort=\"none\">" + esc(numerator_heading(def)) + "</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\" "
       "aria-sort=\"none\">" + esc(denominator_heading(def)) + "</th>"
       "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\" "
       "aria-sort=\"none\">Value</th>"
       "<th scope=\"col\" class=\"govuk-table__header\" "
       "aria-sort=\"none\">Status</th></tr></thead><tbody class=\"govuk-table__body\">";
  const CountedAs& c = counted_as(def);
  for (auto& r : rows) {
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
         sort_value(r.total.numerator) + "\">" + esc(quantity_text(r.total.numerator, c.numerator_fte)) +
         "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-sort-value=\"" +
         sort_value(r.total.denominator) + "\">" + esc(quantity_text(r.total.denominator, c.records_fte)) +
         "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-sort-value=\"" +
         (r.value ? sort_value(*r.value) : "-1") + "\">" + esc(point_value(def, r.value, r.total)) +
         "</td>"
         "<td class=\"govuk-table__cell\">" +
         rag_tag(r.rag) + "</td></tr>";
  }
  return h + "</tbody></table></div>";
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

// A workforce record's first cell: the worker's or team's name, linking to
// the same figure for them when the user may open it.
std::string worker_or_team_link(Ctx& ctx, const IndicatorDef& def, const View& view,
                                const std::string& id) {
  std::string name = ctx.engine->index().organisation().name_of(id);
  if (name.empty()) name = id;
  if (!unit_in_scope(ctx, id)) return esc(name);
  return "<a class=\"govuk-link\" href=\"/indicators/" + esc(def.id) + "?" +
         esc(view.with_unit(id).query()) + "\">" + esc(name) + "</a>";
}

std::string drill_section(Ctx& ctx, const IndicatorDef& def, const View& view,
                          const Period& period) {
  DrillQuery q = DrillQuery::from(ctx.req);
  const auto& org = ctx.engine->index().organisation();
  const DrillList list = ctx.engine->drill_list(def, period, view.unit);  // keeps the rows alive
  size_t held_back = 0;
  auto rows = drill_rows_for_reader(ctx, def, view, list.rows, q, &held_back);
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
  const bool workers = counts_workers(def);
  if (held_back > 0)
    h += "<div class=\"govuk-inset-text\" id=\"drill-not-listed\">" +
         thousands(static_cast<int64_t>(held_back)) +
         (workers ? " more records count in the figure but are not listed: they are about workers "
                    "or teams outside your area."
                  : " more records count in the figure but are not listed: their children were "
                    "not allocated within your area in the period.") +
         "</div>";
  if (rows.empty()) return h;
  std::vector<std::string> date_labels;
  for (const auto& [label, d] : rows.front()->dates) date_labels.push_back(label);
  std::string measure_label = rows.front()->measure_label;
  h += "<div class=\"beacon-table-scroll\"><table class=\"govuk-table\" "
       "id=\"drill-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">"
       "Records, page " +
       std::to_string(page) + " of " + std::to_string(pages) +
       "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  h += sort_header(workers ? "Worker or team" : "Child", "child", q, base) +
       sort_header("Record", "record", q, base) +
       sort_header("Counted", "in", q, base) +
       "<th scope=\"col\" class=\"govuk-table__header\">Why</th>";
  for (size_t i = 0; i < date_labels.size() && i < 4; ++i)
    h += sort_header(date_labels[i], "date" + std::to_string(i), q, base);
  if (!measure_label.empty()) h += sort_header(measure_label, "measure", q, base, true);
  h += (workers ? std::string("<th scope=\"col\" class=\"govuk-table__header\">Team</th>")
                 : sort_header("Worker", "worker", q, base)) +
       "</tr></thead><tbody class=\"govuk-table__body\">";
  size_t first = static_cast<size_t>(page - 1) * kPageSize;
  for (size_t i = first; i < rows.size() && i < first + kPageSize; ++i) {
    const DrillRow& r = *rows[i];
    h += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">" +
         (workers ? worker_or_team_link(ctx, def, view, r.child_id)
                  : "<a class=\"govuk-link\" href=\"/children/" + esc(http::url_encode(r.child_id)) +
                        "?" + esc(view.query()) + "\">" + esc(r.child_id) + "</a>") +
         "</th>"
         "<td class=\"govuk-table__cell\">" +
         esc(r.record) + "</td><td class=\"govuk-table__cell\">" + (r.in_numerator ? "Yes" : "No") +
         "</td><td class=\"govuk-table__cell\">" + esc(r.reason) + "</td>";
    for (size_t d = 0; d < date_labels.size() && d < 4; ++d)
      h += "<td class=\"govuk-table__cell\">" +
           (d < r.dates.size() && r.dates[d].second ? r.dates[d].second->text() : std::string("–")) +
           "</td>";
    if (!measure_label.empty())
      h += "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" +
           (r.measure ? esc(quantity_text(*r.measure, r.measure_label == "FTE" ||
                                                          *r.measure != std::floor(*r.measure)))
                      : std::string("–")) +
           "</td>";
    std::string worker = org.name_of(workers ? r.team_id : r.worker_id);
    h += "<td class=\"govuk-table__cell\">" +
         esc(worker.empty() ? (workers ? "–" : "Not allocated") : worker) + "</td></tr>";
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
  auto chosen = drill_rows_for_reader(ctx, *def, *view, list.rows, DrillQuery::from(ctx.req));
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
