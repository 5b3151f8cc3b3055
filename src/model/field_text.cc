#include "model/field_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace beacon {

std::string field_text(const std::string& v) { return v; }
std::string field_text(const Date& v) { return v.iso(); }
std::string field_text(const OptDate& v) { return v ? v->iso() : std::string(); }
std::string field_text(const DateTime& v) { return v.iso(); }
std::string field_text(const OptDateTime& v) { return v ? v->iso() : std::string(); }
std::string field_text(const std::optional<bool>& v) {
  return v ? (*v ? "1" : "0") : std::string();
}
std::string field_text(const std::optional<int>& v) {
  return v ? std::to_string(*v) : std::string();
}
std::string field_text(const std::optional<double>& v) {
  return v ? field_text(*v) : std::string();
}
std::string field_text(int v) { return std::to_string(v); }
std::string field_text(int64_t v) { return std::to_string(v); }
std::string field_text(double v) {
  // Shortest text that reads back to the same double.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}
std::string field_text(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(';');
    out += v[i];
  }
  return out;
}

bool parse_field_text(std::string_view t, std::string& out) {
  out.assign(t);
  return true;
}
bool parse_field_text(std::string_view t, Date& out) {
  auto d = parse_date(t);
  if (!d) return false;
  out = *d;
  return true;
}
bool parse_field_text(std::string_view t, OptDate& out) {
  if (t.empty()) {
    out.reset();
    return true;
  }
  auto d = parse_date(t);
  if (!d) return false;
  out = *d;
  return true;
}
bool parse_field_text(std::string_view t, DateTime& out) {
  auto p = parse_date_time(t);
  if (!p.value) return false;
  out = *p.value;
  return true;
}
bool parse_field_text(std::string_view t, OptDateTime& out) {
  if (t.empty()) {
    out.reset();
    return true;
  }
  DateTime dt;
  if (!parse_field_text(t, dt)) return false;
  out = dt;
  return true;
}
bool parse_field_text(std::string_view t, std::optional<bool>& out) {
  if (t.empty()) out.reset();
  else if (t == "1") out = true;
  else if (t == "0") out = false;
  else return false;
  return true;
}
bool parse_field_text(std::string_view t, int& out) {
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  return ec == std::errc() && p == t.data() + t.size();
}
bool parse_field_text(std::string_view t, int64_t& out) {
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  return ec == std::errc() && p == t.data() + t.size();
}
bool parse_field_text(std::string_view t, std::optional<int>& out) {
  if (t.empty()) {
    out.reset();
    return true;
  }
  int v = 0;
  if (!parse_field_text(t, v)) return false;
  out = v;
  return true;
}
bool parse_field_text(std::string_view t, double& out) {
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  return ec == std::errc() && p == t.data() + t.size() && std::isfinite(out);
}
bool parse_field_text(std::string_view t, std::optional<double>& out) {
  if (t.empty()) {
    out.reset();
    return true;
  }
  double v = 0;
  if (!parse_field_text(t, v)) return false;
  out = v;
  return true;
}
bool parse_field_text(std::string_view t, std::vector<std::string>& out) {
  out.clear();
  while (!t.empty()) {
    auto semi = t.find(';');
    out.emplace_back(t.substr(0, semi));
    if (semi == std::string_view::npos) break;
    t.remove_prefix(semi + 1);
  }
  return true;
}

}  // namespace beacon
