// The printable scorecard: one landscape A4 page per view with every KPI's
// value, target, RAG (word and colour), trend and sparkline, then the
// narratives.
#include "export/canvas.h"
#include "export/scorecard_export.h"
#include "indicators/narrative.h"

namespace beacon {
namespace {

std::string short_number(std::optional<double> v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *v);
  return buf;
}

void draw_view(Canvas& page, const ScorecardView& view, const Period& period) {
  const double left = 30, right = page.width() - 30;
  page.text(left, 24, "Beacon scorecard — " + view.title, 15, true);
  page.text(left, 44, period.describe(), 9);
  double y = 66;
  const double cols[] = {left, left + 40, left + 300, left + 360, left + 410, left + 470,
                         left + 540, left + 600, left + 650};
  const char* heads[] = {"ID", "Indicator", "Value", "Target", "Tolerance", "RAG", "Trend",
                         "Last 12 months", ""};
  for (int i = 0; i < 8; ++i) page.text(cols[i], y, heads[i], 8, true);
  y += 14;
  page.rule(left, y, right - left);
  y += 4;
  for (const auto& f : view.figures) {
    if (y > page.height() - 40) break;
    page.text(cols[0], y, f.def->id, 8, true);
    page.text(cols[1], y, f.def->name, 8, false, 255);
    page.text(cols[2], y, format_value(*f.def, f.value), 8, false, 55);
    page.text(cols[3], y, short_number(f.settings.target), 8);
    if (f.settings.tolerance_low && f.settings.tolerance_high)
      page.text(cols[4], y, short_number(f.settings.tolerance_low) + "–" + short_number(f.settings.tolerance_high), 8);
    page.rag_tag(cols[5], y - 1, f.rag);
    page.text(cols[6], y, std::string(trend_arrow(f.trend.trend)) + " " + trend_name(f.trend.trend), 8);
    std::vector<std::optional<double>> values;
    for (const auto& p : f.series) values.push_back(p.value);
    page.sparkline(cols[7], y, 110, 10, values, f.settings.target);
    y += 16;
    page.rule(left, y - 3, right - left);
  }
}

void draw_narratives(Canvas& page, const ScorecardView& view) {
  const double left = 30, width = page.width() - 60;
  page.text(left, 24, "What the figures say — " + view.title, 14, true);
  double y = 50;
  for (const auto& f : view.figures) {
    if (y > page.height() - 60) {
      page.new_page();
      y = 30;
    }
    page.text(left, y, std::string(f.def->id) + " " + f.def->name, 9, true);
    y += 13;
    y += page.paragraph(left, y, width, f.narrative, 8.5) + 6;
  }
}

}  // namespace

Status write_scorecard_pdf(const std::string& path, const IndicatorEngine& engine,
                           const Period& period, const std::vector<ScorecardView>& views) {
  Canvas page(Canvas::Kind::kPdf, path, true, period.to, "Beacon scorecard");
  bool first = true;
  for (const auto& v : views) {
    if (!first) page.new_page();
    first = false;
    draw_view(page, v, period);
    page.new_page();
    draw_narratives(page, v);
  }
  return page.finish();
}

}  // namespace beacon
