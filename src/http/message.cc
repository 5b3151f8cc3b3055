#include "http/message.h"

#include <cctype>

namespace beacon::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string Request::param(std::string_view name, std::string_view fallback) const {
  auto it = params.find(std::string(name));
  return it == params.end() ? std::string(fallback) : it->second;
}

bool Request::has_param(std::string_view name) const {
  return params.count(std::string(name)) > 0;
}

std::string Request::header(std::string_view name) const {
  auto it = headers.find(lower(name));
  return it == headers.end() ? std::string() : it->second;
}

std::string Request::cookie(std::string_view name) const {
  auto range = headers.equal_range("cookie");
  for (auto it = range.first; it != range.second; ++it) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      size_t semi = rest.find(';');
      std::string_view pair = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name)
        return std::string(pair.substr(eq + 1));
    }
  }
  return {};
}

const std::string& Request::path_param(size_t i) const {
  static const std::string kEmpty;
  return i < path_params.size() ? path_params[i] : kEmpty;
}

void Response::set_header(std::string name, std::string value) {
  // Header values never carry line breaks (response splitting).
  for (char& c : value)
    if (c == '\r' || c == '\n') c = ' ';
  headers.emplace_back(std::move(name), std::move(value));
}

void Response::redirect(const std::string& location, int s) {
  status = s;
  set_header("Location", location);
  content_type = "text/plain; charset=utf-8";
  body = "See " + location + "\n";
}

void Response::set_cookie(std::string_view name, std::string_view value,
                          const CookieOptions& o) {
  std::string c = std::string(name) + "=" + std::string(value) + "; Path=" + o.path;
  if (o.max_age_seconds >= 0) c += "; Max-Age=" + std::to_string(o.max_age_seconds);
  if (o.secure) c += "; Secure";
  if (o.http_only) c += "; HttpOnly";
  if (!o.same_site.empty()) c += "; SameSite=" + o.same_site;
  set_header("Set-Cookie", std::move(c));
}

void Response::text(int s, std::string b, std::string type) {
  status = s;
  body = std::move(b);
  content_type = std::move(type);
}

std::string url_decode(std::string_view s, bool form) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && form) {
      out += ' ';
    } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

void parse_query(std::string_view text, std::multimap<std::string, std::string>& out) {
  while (!text.empty()) {
    size_t amp = text.find('&');
    std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos)
      out.emplace(url_decode(pair), "");
    else
      out.emplace(url_decode(pair.substr(0, eq)), url_decode(pair.substr(eq + 1)));
  }
}

}  // namespace beacon::http
