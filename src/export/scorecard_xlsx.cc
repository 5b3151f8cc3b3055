// The scorecard workbook.
#include "export/scorecard_export.h"
#include "export/xlsx_book.h"
#include "indicators/narrative.h"

namespace beacon {

std::vector<ScorecardView> scorecard_views(const IndicatorEngine& engine, const Period& period,
                                           std::string_view unit, int series_points,
                                           bool contract_only) {
  const auto& org = engine.index().organisation();
  const std::string top = unit.empty() ? org.root_id() : std::string(unit);
  std::vector<ScorecardView> views;
  views.push_back({org.name_of(top), top, build_scorecard(engine, period, top, series_points, contract_only)});
  for (const OrgUnit* u : org.children(top))
    if (u->kind == "locality" || top != org.root_id())
      views.push_back({org.name_of(u->id), u->id,
                       build_scorecard(engine, period, u->id, series_points, contract_only)});
  return views;
}

namespace {

void write_view(XlsxBook& book, const ScorecardView& view, const Period& period) {
  lxw_worksheet* ws = book.sheet(view.title);
  book.text(ws, 0, 0, view.title + " — " + period.describe());
  const char* headers[] = {"ID", "Indicator", "Measure", "Value", "Numerator", "Denominator",
                           "Target", "Tolerance low", "Tolerance high", "Polarity", "RAG",
                           "Trend", "England", "Statistical neighbours", "Region", "Narrative"};
  for (int c = 0; c < 16; ++c) book.header(ws, 2, c, headers[c]);
  worksheet_set_column(ws, 1, 1, 48, nullptr);
  worksheet_set_column(ws, 15, 15, 90, nullptr);
  worksheet_freeze_panes(ws, 3, 2);
  int row = 3;
  for (const auto& f : view.figures) {
    book.text(ws, row, 0, f.def->id);
    book.text(ws, row, 1, f.def->name);
    book.text(ws, row, 2, f.def->measure);
    book.number(ws, row, 3, f.value);
    book.number(ws, row, 4, f.total.numerator, false);
    book.number(ws, row, 5, f.total.denominator, false);
    book.number(ws, row, 6, f.settings.target, false);
    book.number(ws, row, 7, f.settings.tolerance_low, false);
    book.number(ws, row, 8, f.settings.tolerance_high, false);
    book.text(ws, row, 9, polarity_name(f.settings.polarity));
    book.rag(ws, row, 10, f.rag);
    book.text(ws, row, 11, trend_name(f.trend.trend));
    book.number(ws, row, 12, f.settings.england);
    book.number(ws, row, 13, f.settings.statistical_neighbours);
    book.number(ws, row, 14, f.settings.region);
    book.text(ws, row, 15, f.narrative);
    ++row;
  }
}

void write_series(XlsxBook& book, const ScorecardView& view) {
  lxw_worksheet* ws = book.sheet("Series");
  book.text(ws, 0, 0, "Monthly series — " + view.title);
  book.header(ws, 2, 0, "ID");
  book.header(ws, 2, 1, "Indicator");
  worksheet_set_column(ws, 1, 1, 48, nullptr);
  int row = 3;
  bool dates_written = false;
  for (const auto& f : view.figures) {
    book.text(ws, row, 0, f.def->id);
    book.text(ws, row, 1, f.def->name);
    for (size_t i = 0; i < f.series.size(); ++i) {
      if (!dates_written) book.header(ws, 2, static_cast<int>(2 + i), f.series[i].to.iso());
      book.number(ws, row, static_cast<int>(2 + i), f.series[i].value);
    }
    dates_written = dates_written || !f.series.empty();
    ++row;
  }
}

}  // namespace

Status write_scorecard_xlsx(const std::string& path, const IndicatorEngine& engine,
                            const Period& period, const std::vector<ScorecardView>& views) {
  XlsxBook book(path, period.to);
  for (const auto& v : views) write_view(book, v, period);
  // Teams: the contract KPIs' values for every team, one row each.
  const auto& org = engine.index().organisation();
  lxw_worksheet* ws = book.sheet("Teams");
  book.header(ws, 0, 0, "Team ID");
  book.header(ws, 0, 1, "Team");
  book.header(ws, 0, 2, "Locality");
  worksheet_set_column(ws, 1, 2, 30, nullptr);
  int col = 3;
  std::vector<const IndicatorDef*> kpis;
  for (const auto& def : indicator_catalogue())
    if (def.contract) {
      kpis.push_back(&def);
      book.header(ws, 0, col++, def.id);
    }
  int row = 1;
  for (const auto& u : org.units()) {
    if (u.kind != "team") continue;
    book.text(ws, row, 0, u.id);
    book.text(ws, row, 1, u.name);
    book.text(ws, row, 2, org.name_of(org.locality_of(u.id)));
    for (size_t k = 0; k < kpis.size(); ++k)
      book.number(ws, row, static_cast<int>(3 + k),
                  value_of(kpis[k]->value_kind, engine.aggregate(*kpis[k], period, u.id)));
    ++row;
  }
  if (!views.empty()) write_series(book, views.front());
  return book.close();
}

}  // namespace beacon
