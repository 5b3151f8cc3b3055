#include "web/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "indicators/narrative.h"
#include "web/html.h"

namespace beacon::web {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string tick(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fmod(v, 1.0) == 0 ? "%.0f" : "%.1f", v);
  return buf;
}

struct Range {
  double lo = 0, hi = 1;
  void include(std::optional<double> v) {
    if (v && std::isfinite(*v)) {
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  }
};

// A round step giving about `ticks` gridlines.
double nice_step(double span, int ticks) {
  double raw = span / ticks;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string sparkline(const std::vector<std::optional<double>>& values,
                      std::optional<double> target, const std::string& label) {
  const double w = 120, h = 30, pad = 3;
  Range r;
  r.lo = 1e300;
  r.hi = -1e300;
  for (const auto& v : values) r.include(v);
  r.include(target);
  if (r.lo > r.hi) {  // no values at all
    return "<svg class=\"beacon-sparkline\" width=\"120\" height=\"30\" viewBox=\"0 0 120 30\" role=\"img\" aria-label=\"" +
           esc(label + ": no values") + "\"></svg>";
  }
  if (r.hi - r.lo < 1e-9) {
    r.lo -= 1;
    r.hi += 1;
  }
  auto x = [&](size_t i) {
    return values.size() <= 1 ? w / 2 : pad + (w - 2 * pad) * static_cast<double>(i) / (values.size() - 1);
  };
  auto y = [&](double v) { return h - pad - (h - 2 * pad) * (v - r.lo) / (r.hi - r.lo); };
  std::string s = "<svg class=\"beacon-sparkline\" width=\"120\" height=\"30\" viewBox=\"0 0 120 30\" role=\"img\" aria-label=\"" +
                  esc(label) + "\" focusable=\"false\">";
  if (target)
    s += "<line x1=\"0\" x2=\"120\" y1=\"" + num(y(*target)) + "\" y2=\"" + num(y(*target)) +
         "\" stroke=\"#505a5f\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>";
  std::string path;
  std::optional<size_t> last;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    path += (path.empty() || !last || *last + 1 != i ? "M" : "L") + num(x(i)) + " " + num(y(*values[i])) + " ";
    last = i;
  }
  s += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/>";
  if (last)
    s += "<circle cx=\"" + num(x(*last)) + "\" cy=\"" + num(y(*values[*last])) +
         "\" r=\"2.5\" fill=\"#0b0c0c\"/>";
  return s + "</svg>";
}

namespace {

// The value axis scaled to what the chart shows — the values, target,
// tolerance band and benchmarks — with a margin, on round steps; a
// percentage stays within 0 to 100.
Range axis_range(const SeriesChart& c, double& step) {
  Range r;
  r.lo = 1e300;
  r.hi = -1e300;
  for (const auto& v : c.values) r.include(v);
  r.include(c.target);
  r.include(c.tolerance_low);
  r.include(c.tolerance_high);
  for (const auto& b : c.benchmarks) r.include(b.value);
  if (r.lo > r.hi) {  // nothing to show
    r.lo = 0;
    r.hi = c.percentage ? 100 : 1;
  }
  double span = std::max(r.hi - r.lo, std::max(1.0, std::fabs(r.hi)) * 0.1);
  r.lo -= span * 0.15;
  r.hi += span * 0.15;
  if (r.lo < 0 && (c.percentage || r.lo + span * 0.15 >= 0)) r.lo = 0;  // no negative shares or counts
  if (c.percentage) r.hi = std::min(r.hi, 100.0);
  step = nice_step(r.hi - r.lo, 5);
  r.lo = std::floor(r.lo / step) * step;
  r.hi = std::ceil(r.hi / step) * step;
  return r;
}

// Labels at the right of the plot, moved apart so none overlaps another
// (at least `gap` pixels between baselines), kept inside [top, bottom].
struct SideLabel {
  double y;
  std::string text;
};
void spread(std::vector<SideLabel>& labels, double gap, double top, double bottom) {
  std::sort(labels.begin(), labels.end(), [](const SideLabel& a, const SideLabel& b) { return a.y < b.y; });
  for (size_t i = 1; i < labels.size(); ++i)
    labels[i].y = std::max(labels[i].y, labels[i - 1].y + gap);
  if (!labels.empty() && labels.back().y > bottom) {
    labels.back().y = bottom;
    for (size_t i = labels.size() - 1; i-- > 0;) labels[i].y = std::min(labels[i].y, labels[i + 1].y - gap);
  }
  for (auto& l : labels) l.y = std::max(l.y, top);
}

}  // namespace

std::string series_chart(const SeriesChart& c) {
  const double W = 720, H = 320, left = 56, right = 170, top = 16, bottom = 44;
  const double pw = W - left - right, ph = H - top - bottom;
  double step = 1;
  Range r = axis_range(c, step);
  size_t n = c.values.size();
  auto x = [&](size_t i) { return left + (n <= 1 ? pw / 2 : pw * static_cast<double>(i) / (n - 1)); };
  auto y = [&](double v) { return top + ph - ph * (v - r.lo) / (r.hi - r.lo); };

  std::string s = "<svg class=\"beacon-chart\" viewBox=\"0 0 720 320\" role=\"img\" aria-labelledby=\"chart-title\" focusable=\"false\">";
  s += "<title id=\"chart-title\">" + esc(c.title) + "</title>";
  // Gridlines and the value axis.
  for (double v = r.lo; v <= r.hi + step / 2; v += step) {
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(y(v)) + "\" y2=\"" +
         num(y(v)) + "\" stroke=\"#d8dbdd\" stroke-width=\"1\"/>";
    s += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y(v) + 4) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">" + tick(v) + "</text>";
  }
  std::vector<SideLabel> labels;
  if (c.tolerance_low && c.tolerance_high) {
    double y1 = y(std::min(*c.tolerance_high, r.hi)), y2 = y(std::max(*c.tolerance_low, r.lo));
    s += "<rect x=\"" + num(left) + "\" y=\"" + num(y1) + "\" width=\"" + num(pw) + "\" height=\"" +
         num(std::max(0.0, y2 - y1)) + "\" fill=\"#b1b4b6\" fill-opacity=\"0.35\"/>";
    labels.push_back({(y1 + y2) / 2 + 4, "Tolerance band"});
  }
  if (c.target) {
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(y(*c.target)) +
         "\" y2=\"" + num(y(*c.target)) + "\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>";
    labels.push_back({y(*c.target) + 4, "Target " + num(*c.target)});
  }
  for (const auto& b : c.benchmarks) {
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(y(b.value)) +
         "\" y2=\"" + num(y(b.value)) + "\" stroke=\"#6f72af\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>";
    labels.push_back({y(b.value) + 4, b.name + " " + num(b.value)});
  }
  spread(labels, 15, top + 10, top + ph);
  for (const auto& l : labels)
    s += "<text x=\"" + num(left + pw + 6) + "\" y=\"" + num(l.y) +
         "\" font-size=\"12\" fill=\"#0b0c0c\">" + esc(l.text) + "</text>";
  // The series: a line, and a marker at each point.
  std::string path;
  bool pen_down = false;
  for (size_t i = 0; i < n; ++i) {
    if (!c.values[i]) {
      pen_down = false;
      continue;
    }
    path += (pen_down ? "L" : "M") + num(x(i)) + " " + num(y(*c.values[i])) + " ";
    pen_down = true;
  }
  s += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\"/>";
  for (size_t i = 0; i < n; ++i)
    if (c.values[i])
      s += "<circle cx=\"" + num(x(i)) + "\" cy=\"" + num(y(*c.values[i])) + "\" r=\"3.5\" fill=\"#1d70b8\"/>";
  // Month labels: about six along the axis.
  size_t every = std::max<size_t>(1, (n + 5) / 6);
  for (size_t i = 0; i < n && i < c.months.size(); ++i) {
    if ((n - 1 - i) % every != 0) continue;
    const Date& m = c.months[i];
    s += "<text x=\"" + num(x(i)) + "\" y=\"" + num(top + ph + 18) +
         "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">" + kMonths[m.month() - 1] +
         " " + std::to_string(m.year()) + "</text>";
  }
  s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(top + ph) + "\" y2=\"" +
       num(top + ph) + "\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>";
  return s + "</svg>";
}

std::string bar_chart(const BarChart& c) {
  const double W = 720, left = 220, right = 80, top = 28, row = 24, bar = 16;
  const double pw = W - left - right;
  const double H = top + row * static_cast<double>(c.bars.size()) + 12;
  double hi = c.percentage ? 0 : 1;
  for (const auto& b : c.bars)
    if (b.value && std::isfinite(*b.value)) hi = std::max(hi, *b.value);
  if (c.target) hi = std::max(hi, *c.target);
  hi = c.percentage ? std::min(100.0, hi * 1.1) : hi * 1.1;
  if (hi <= 0) hi = 1;
  const double step = nice_step(hi, 4);
  hi = std::ceil(hi / step) * step;
  auto x = [&](double v) { return left + pw * std::clamp(v, 0.0, hi) / hi; };
  const std::string height = num(H);
  std::string s = "<svg class=\"beacon-chart beacon-bar-chart\" viewBox=\"0 0 720 " + height +
                  "\" role=\"img\" aria-label=\"" + esc(c.title) + "\" focusable=\"false\">";
  for (double v = 0; v <= hi + step / 2; v += step) {
    s += "<line x1=\"" + num(x(v)) + "\" x2=\"" + num(x(v)) + "\" y1=\"" + num(top - 4) + "\" y2=\"" +
         num(H - 8) + "\" stroke=\"#d8dbdd\" stroke-width=\"1\"/>";
    s += "<text x=\"" + num(x(v)) + "\" y=\"" + num(top - 10) +
         "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">" + tick(v) + "</text>";
  }
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const Bar& b = c.bars[i];
    const double y = top + row * static_cast<double>(i);
    std::string label = b.label.size() > 30 ? b.label.substr(0, 28) + "…" : b.label;
    s += "<text x=\"" + num(left - 8) + "\" y=\"" + num(y + bar - 3) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">" +
         (label != b.label ? "<title>" + esc(b.label) + "</title>" : std::string()) + esc(label) + "</text>";
    double end = left;
    if (b.value && std::isfinite(*b.value)) {
      end = x(*b.value);
      s += "<rect x=\"" + num(left) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(1.0, end - left)) +
           "\" height=\"" + num(bar) + "\" fill=\"#1d70b8\"/>";
    }
    s += "<text x=\"" + num(end + 6) + "\" y=\"" + num(y + bar - 3) +
         "\" font-size=\"12\" fill=\"#0b0c0c\">" + esc(b.value_text) + "</text>";
  }
  if (c.target) {
    s += "<line x1=\"" + num(x(*c.target)) + "\" x2=\"" + num(x(*c.target)) + "\" y1=\"" + num(top - 4) +
         "\" y2=\"" + num(H - 8) + "\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>";
  }
  return s + "</svg>";
}

std::string stacked_bar_chart(const StackedChart& c) {
  // GOV.UK colours from strongest to weakest grade; hatching from the third on.
  static const char* kFill[] = {"#00703c", "#85994b", "#1d70b8", "#f47738", "#d4351c", "#505a5f"};
  const double W = 720, left = 220, right = 20, row = 28, bar = 20;
  const double pw = W - left - right;
  // The legend across the top, wrapping onto further lines as needed.
  struct Key {
    double x, y;
  };
  std::vector<Key> keys;
  double lx = 0, ly = 6;
  for (size_t k = 0; k < c.series.size() && k < 6; ++k) {
    const double w = 26 + 6.4 * static_cast<double>(c.series[k].size());
    if (lx > 0 && lx + w > W) {
      lx = 0;
      ly += 20;
    }
    keys.push_back({lx, ly});
    lx += w;
  }
  const double top = ly + 34;
  const double H = top + row * static_cast<double>(c.rows.size()) + 8;
  std::string s = "<svg class=\"beacon-chart beacon-stacked-chart\" viewBox=\"0 0 720 " + num(H) +
                  "\" role=\"img\" aria-label=\"" + esc(c.title) + "\" focusable=\"false\"><defs>";
  for (size_t k = 0; k < c.series.size() && k < 6; ++k)
    s += "<pattern id=\"beacon-hatch-" + std::to_string(k) +
         "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
         "<rect width=\"6\" height=\"6\" fill=\"" + kFill[k] + "\"/>" +
         (k >= 2 ? "<rect width=\"2\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.45\"/>" : "") +
         "</pattern>";
  s += "</defs>";
  for (size_t k = 0; k < keys.size(); ++k)
    s += "<rect x=\"" + num(keys[k].x) + "\" y=\"" + num(keys[k].y) +
         "\" width=\"14\" height=\"14\" fill=\"url(#beacon-hatch-" + std::to_string(k) + ")\"/><text x=\"" +
         num(keys[k].x + 18) + "\" y=\"" + num(keys[k].y + 12) + "\" font-size=\"11\" fill=\"#0b0c0c\">" +
         esc(c.series[k]) + "</text>";
  for (size_t i = 0; i < c.rows.size(); ++i) {
    const StackedRow& r = c.rows[i];
    const double y = top + row * static_cast<double>(i);
    int total = 0;
    for (int n : r.counts) total += n;
    std::string label = r.label.size() > 30 ? r.label.substr(0, 28) + "…" : r.label;
    s += "<text x=\"" + num(left - 8) + "\" y=\"" + num(y + bar - 5) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">" +
         (label != r.label ? "<title>" + esc(r.label) + "</title>" : std::string()) + esc(label) + "</text>";
    if (total == 0) {
      s += "<text x=\"" + num(left) + "\" y=\"" + num(y + bar - 5) +
           "\" font-size=\"12\" fill=\"#0b0c0c\">None</text>";
      continue;
    }
    double x = left;
    for (size_t k = 0; k < r.counts.size() && k < 6; ++k) {
      const double share = static_cast<double>(r.counts[k]) / total;
      const double w = pw * share;
      if (w <= 0) continue;
      s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(bar) +
           "\" fill=\"url(#beacon-hatch-" + std::to_string(k) + ")\"/>";
      const std::string pct = std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
      if (w >= 34)
        s += "<text x=\"" + num(x + w / 2) + "\" y=\"" + num(y + bar - 6) +
             "\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\">" + pct + "</text>";
      x += w;
    }
  }
  return s + "</svg>";
}

}  // namespace beacon::web
