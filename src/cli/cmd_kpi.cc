// beacon kpi / drill / report: figures, the records behind them, and the
// scorecard report (docs/cli.md).
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/drill_export.h"
#include "export/kpi_output.h"
#include "export/scorecard_export.h"

namespace beacon::cli {
namespace {

struct FigureOptions {
  std::string db, from, to, unit, format = "json", out, indicator;
  int series = 12;
};

// Opens the store read-mostly and builds the engine.
Result<std::shared_ptr<const IndicatorEngine>> open_engine(const std::string& db) {
  if (auto st = require_store(db); !st) return st;
  auto ws = Workspace::open(db);
  if (!ws) return ws.status();
  return (*ws)->engine();
}

int run_kpi(const FigureOptions& o) {
  auto period = parse_period(o.from, o.to);
  if (!period) return fail("kpi", period.status().message());
  if (o.series < 0 || o.series > 120) return fail("kpi", "--series must be between 0 and 120");
  auto engine = open_engine(o.db);
  if (!engine) return fail("kpi", engine.status().message());
  const auto& e = **engine;
  if (!e.unit_exists(o.unit)) return fail("kpi", "--unit " + o.unit + ": no such organisation unit or worker");
  const std::string unit = o.unit.empty() ? e.index().organisation().root_id() : o.unit;
  if (o.format == "xlsx") {
    if (o.out.empty()) return fail("kpi", "--format xlsx needs --out FILE");
    auto views = scorecard_views(e, *period, unit, o.series, false);
    auto st = write_scorecard_xlsx(o.out, e, *period, views);
    return st ? 0 : fail("kpi", st.message());
  }
  auto figures = build_scorecard(e, *period, unit, o.series, false);
  std::string content = o.format == "csv" ? kpi_csv(figures)
                                          : kpi_json(*period, unit, figures).dump(2) + "\n";
  auto st = write_output(o.out, content);
  return st ? 0 : fail("kpi", st.message());
}

int run_drill(const FigureOptions& o) {
  const IndicatorDef* def = find_indicator(o.indicator);
  if (!def) return fail("drill", "--indicator " + o.indicator + ": no such indicator (see beacon kpi)");
  auto period = parse_period(o.from, o.to);
  if (!period) return fail("drill", period.status().message());
  auto engine = open_engine(o.db);
  if (!engine) return fail("drill", engine.status().message());
  const auto& e = **engine;
  if (!e.unit_exists(o.unit)) return fail("drill", "--unit " + o.unit + ": no such organisation unit or worker");
  auto rows = e.drill(*def, *period, o.unit);
  if (o.format == "xlsx") {
    if (o.out.empty()) return fail("drill", "--format xlsx needs --out FILE");
    auto st = write_drill_xlsx(o.out, *def, e.effective_period(*def, *period), rows);
    return st ? 0 : fail("drill", st.message());
  }
  std::string content = o.format == "json"
                            ? drill_json(*def, e.effective_period(*def, *period),
                                         o.unit.empty() ? e.index().organisation().root_id() : o.unit, rows)
                                      .dump(2) + "\n"
                            : drill_csv(*def, rows);
  auto st = write_output(o.out, content);
  return st ? 0 : fail("drill", st.message());
}

int run_report(const FigureOptions& o) {
  auto period = parse_period(o.from, o.to);
  if (!period) return fail("report", period.status().message());
  auto engine = open_engine(o.db);
  if (!engine) return fail("report", engine.status().message());
  const auto& e = **engine;
  if (!e.unit_exists(o.unit)) return fail("report", "--unit " + o.unit + ": no such organisation unit or worker");
  auto views = scorecard_views(e, *period, o.unit, 24, o.format == "pdf");
  auto st = o.format == "pdf" ? write_scorecard_pdf(o.out, e, *period, views)
                              : write_scorecard_xlsx(o.out, e, *period, views);
  return st ? 0 : fail("report", st.message());
}

}  // namespace

void add_kpi_commands(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<FigureOptions>();
  auto* kpi = app.add_subcommand("kpi", "Indicator figures for a period and unit");
  kpi->add_option("--db", o->db, "The store")->required();
  kpi->add_option("--to", o->to, "Last day of the period (YYYY-MM-DD)")->required();
  kpi->add_option("--from", o->from, "First day (default: 12 months ending --to)");
  kpi->add_option("--unit", o->unit, "Organisation unit or worker id (default: whole organisation)");
  kpi->add_option("--series", o->series, "Monthly points in each series (default 12)");
  kpi->add_option("--format", o->format, "json, csv or xlsx")->check(CLI::IsMember({"json", "csv", "xlsx"}));
  kpi->add_option("--out", o->out, "Write to FILE instead of standard output");
  kpi->callback([o, &exit_code] { exit_code = run_kpi(*o); });

  auto d = std::make_shared<FigureOptions>();
  d->format = "csv";
  auto* drill = app.add_subcommand("drill", "The records behind one figure");
  drill->add_option("--db", d->db, "The store")->required();
  drill->add_option("--indicator", d->indicator, "Indicator id, e.g. KPI3")->required();
  drill->add_option("--to", d->to, "Last day of the period")->required();
  drill->add_option("--from", d->from, "First day (default: 12 months ending --to)");
  drill->add_option("--unit", d->unit, "Organisation unit or worker id");
  drill->add_option("--format", d->format, "csv, json or xlsx")->check(CLI::IsMember({"csv", "json", "xlsx"}));
  drill->add_option("--out", d->out, "Write to FILE instead of standard output");
  drill->callback([d, &exit_code] { exit_code = run_drill(*d); });

  auto r = std::make_shared<FigureOptions>();
  auto* report = app.add_subcommand("report", "The scorecard report as XLSX or PDF");
  report->add_option("--db", r->db, "The store")->required();
  report->add_option("--to", r->to, "Last day of the period")->required();
  report->add_option("--from", r->from, "First day (default: 12 months ending --to)");
  report->add_option("--unit", r->unit, "Organisation unit (default: whole organisation)");
  report->add_option("--format", r->format, "xlsx or pdf")->required()->check(CLI::IsMember({"xlsx", "pdf"}));
  report->add_option("--out", r->out, "The file to write")->required();
  report->callback([r, &exit_code] { exit_code = run_report(*r); });
}

}  // namespace beacon::cli
