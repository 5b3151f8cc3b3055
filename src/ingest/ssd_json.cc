#include "ingest/ssd_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "ingest/csv_fields.h"
#include "ingest/csv_reader.h"

namespace beacon {
namespace {

using nlohmann::json;

// Deeper nesting than any code list needs is refused before parsing, so
// hostile input cannot make the parser work hard.
constexpr int kMaxDepth = 8;

bool too_deep(std::string_view text) {
  int depth = 0;
  for (char c : text) {
    if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

// A code is letters, digits and _ - . only ("1A", "21", "NFA", "S47_STRATEGY").
bool plain_code(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '_' || c == '-' || c == '.' || c == ' ';
    if (!ok) return false;
  }
  return true;
}

std::optional<Codes> bare_list(std::string_view text) {
  Codes out;
  while (true) {
    auto comma = text.find_first_of(",;");
    auto token = trim_view(text.substr(0, comma));
    if (token.size() >= 2 && (token.front() == '"' || token.front() == '\'') &&
        token.back() == token.front())
      token = trim_view(token.substr(1, token.size() - 2));
    if (!token.empty()) {
      if (!plain_code(token)) return std::nullopt;
      out.emplace_back(token);
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<std::string> scalar_code(const json& j) {
  if (j.is_string()) {
    auto s = std::string(trim_view(j.get_ref<const std::string&>()));
    if (s.empty() || plain_code(s)) return s;
    return std::nullopt;
  }
  if (j.is_number_integer() || j.is_number_unsigned()) return j.dump();
  if (j.is_number_float()) {
    double v = j.get<double>();
    if (std::isfinite(v) && std::trunc(v) == v && std::fabs(v) < 1e15)
      return std::to_string(static_cast<long long>(v));
  }
  return std::nullopt;
}

// In {"1A": "Y", "3B": "N"} a key counts when its value says yes or is a code.
bool truthy(const json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string()) {
    auto flag = parse_yes_no(v.get_ref<const std::string&>());
    return flag.value_or(!trim_view(v.get_ref<const std::string&>()).empty());
  }
  return !v.is_null();
}

}  // namespace

std::optional<Codes> parse_code_list(std::string_view text) {
  text = trim_view(text);
  if (text.empty()) return Codes{};
  if (text.front() != '[' && text.front() != '{' && text.front() != '"') return bare_list(text);
  if (too_deep(text)) return std::nullopt;
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Not JSON, but "[1A, 3B]" still reads as a list.
    if (text.front() == '[' && text.back() == ']')
      return bare_list(text.substr(1, text.size() - 2));
    return std::nullopt;
  }
  Codes out;
  if (j.is_array()) {
    for (const auto& item : j) {
      auto code = scalar_code(item);
      if (!code) return std::nullopt;
      if (!code->empty()) out.push_back(std::move(*code));
    }
  } else if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      auto k = std::string(trim_view(key));
      if (!plain_code(k)) return std::nullopt;
      if (truthy(value)) out.push_back(std::move(k));
    }
  } else if (j.is_string()) {
    return bare_list(j.get_ref<const std::string&>());
  } else {
    return std::nullopt;
  }
  return out;
}

std::string outcome_text(std::string_view text) {
  auto codes = parse_code_list(text);
  if (!codes) return std::string(trim_view(text));
  std::string out;
  for (size_t i = 0; i < codes->size(); ++i) {
    if (i) out.push_back(';');
    out += (*codes)[i];
  }
  return out;
}

}  // namespace beacon
