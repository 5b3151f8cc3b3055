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

std::string series_chart(const SeriesChart& c) {
  const double W = 720, H = 320, left = 56, right = 150, top = 16, bottom = 44;
  const double pw = W - left - right, ph = H - top - bottom;
  Range r;
  r.lo = 0;
  r.hi = c.percentage ? 100 : 1;
  if (!c.percentage) {
    for (const auto& v : c.values) r.include(v);
    r.include(c.target);
    r.include(c.tolerance_high);
    for (const auto& b : c.benchmarks) r.include(b.value);
    r.hi *= 1.1;
  }
  double step = nice_step(r.hi - r.lo, 5);
  r.hi = std::ceil(r.hi / step) * step;
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
  if (c.tolerance_low && c.tolerance_high) {
    double y1 = y(std::min(*c.tolerance_high, r.hi)), y2 = y(std::max(*c.tolerance_low, r.lo));
    s += "<rect x=\"" + num(left) + "\" y=\"" + num(y1) + "\" width=\"" + num(pw) + "\" height=\"" +
         num(std::max(0.0, y2 - y1)) + "\" fill=\"#b1b4b6\" fill-opacity=\"0.35\"/>";
    s += "<text x=\"" + num(left + pw + 6) + "\" y=\"" + num((y1 + y2) / 2 + 4) +
         "\" font-size=\"12\" fill=\"#0b0c0c\">Tolerance band</text>";
  }
  if (c.target) {
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(y(*c.target)) +
         "\" y2=\"" + num(y(*c.target)) + "\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>";
    s += "<text x=\"" + num(left + pw + 6) + "\" y=\"" + num(y(*c.target) + 4) +
         "\" font-size=\"12\" fill=\"#0b0c0c\">Target " + num(*c.target) + "</text>";
  }
  double label_y_offset = 14;
  for (const auto& b : c.benchmarks) {
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + pw) + "\" y1=\"" + num(y(b.value)) +
         "\" y2=\"" + num(y(b.value)) + "\" stroke=\"#6f72af\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>";
    s += "<text x=\"" + num(left + pw + 6) + "\" y=\"" + num(y(b.value) + label_y_offset) +
         "\" font-size=\"12\" fill=\"#0b0c0c\">" + esc(b.name) + " " + num(b.value) + "</text>";
  }
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

}  // namespace beacon::web
