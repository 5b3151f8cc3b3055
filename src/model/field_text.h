// Field values as text, one convention everywhere (store columns, natural
// keys, exports): dates ISO, date-times ISO with "T", booleans "1"/"0",
// code lists joined with ";", empty text for "no value".
#ifndef BEACON_MODEL_FIELD_TEXT_H_
#define BEACON_MODEL_FIELD_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace beacon {

std::string field_text(const std::string& v);
std::string field_text(const Date& v);
std::string field_text(const OptDate& v);
std::string field_text(const DateTime& v);
std::string field_text(const OptDateTime& v);
std::string field_text(const std::optional<bool>& v);
std::string field_text(const std::optional<int>& v);
std::string field_text(const std::optional<double>& v);
std::string field_text(int v);
std::string field_text(int64_t v);
std::string field_text(double v);
std::string field_text(const std::vector<std::string>& v);

// The inverse; false when the text is not a value of that type.
bool parse_field_text(std::string_view t, std::string& out);
bool parse_field_text(std::string_view t, Date& out);
bool parse_field_text(std::string_view t, OptDate& out);
bool parse_field_text(std::string_view t, DateTime& out);
bool parse_field_text(std::string_view t, OptDateTime& out);
bool parse_field_text(std::string_view t, std::optional<bool>& out);
bool parse_field_text(std::string_view t, std::optional<int>& out);
bool parse_field_text(std::string_view t, std::optional<double>& out);
bool parse_field_text(std::string_view t, int& out);
bool parse_field_text(std::string_view t, int64_t& out);
bool parse_field_text(std::string_view t, double& out);
bool parse_field_text(std::string_view t, std::vector<std::string>& out);

// True when the field holds no value (empty text, nullopt, empty list).
template <class T>
bool field_is_empty(const T& v) {
  return field_text(v).empty();
}

// The record's natural key as one string: its kKey fields' texts joined by
// '\x1f', then its ordinal. Equal strings mean the same record.
template <class R>
std::string natural_key(const R& r) {
  std::string key;
  R::visit(r, [&key](const char*, const auto& value, auto role) {
    if (role == decltype(role)::kKey) {
      key += field_text(value);
      key.push_back('\x1f');
    }
  });
  key += std::to_string(r.ordinal);
  return key;
}

// The natural key without the ordinal: records sharing it in one contribution
// are numbered 1, 2, … by position.
template <class R>
std::string natural_key_without_ordinal(const R& r) {
  std::string key;
  R::visit(r, [&key](const char*, const auto& value, auto role) {
    if (role == decltype(role)::kKey) {
      key += field_text(value);
      key.push_back('\x1f');
    }
  });
  return key;
}

// "child_id C1, referral_date 2023-05-02" — for reports.
template <class R>
std::string describe_natural_key(const R& r) {
  std::string out;
  R::visit(r, [&out](const char* name, const auto& value, auto role) {
    if (role == decltype(role)::kKey) {
      if (!out.empty()) out += ", ";
      out += name;
      out += ' ';
      auto text = field_text(value);
      out += text.empty() ? "(blank)" : text;
    }
  });
  if (r.ordinal > 1) out += " (#" + std::to_string(r.ordinal) + ")";
  return out;
}

}  // namespace beacon

#endif  // BEACON_MODEL_FIELD_TEXT_H_
