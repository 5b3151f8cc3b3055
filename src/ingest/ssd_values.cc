#include "ingest/ssd_values.h"

#include "ingest/csv_reader.h"

namespace beacon {
namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

std::optional<std::string> normalise_ssd_sex(std::string_view text) {
  auto t = ascii_lower(trim_view(text));
  if (t.empty()) return std::string();
  if (t == "m" || t == "male" || t == "1") return std::string("M");
  if (t == "f" || t == "female" || t == "2") return std::string("F");
  if (t == "u" || t == "0" || t == "9" || t == "unknown" || t == "not known" || t == "not stated" ||
      t == "not recorded" || t == "indeterminate" || t == "unborn")
    return std::string("U");
  return std::nullopt;
}

std::optional<std::string> normalise_missing_type(std::string_view text) {
  auto t = ascii_lower(trim_view(text));
  if (t == "m" || t == "missing") return std::string("M");
  if (t == "a" || t == "away" || t == "absent" || t == "away from placement")
    return std::string("A");
  return std::nullopt;
}

std::string normalise_involvement_role(std::string_view text) {
  auto t = ascii_lower(trim_view(text));
  if (t == "sw" || contains(t, "social worker") || contains(t, "case worker") ||
      t == "allocated worker")
    return "social_worker";
  if (contains(t, "personal adviser") || contains(t, "personal advisor") || t == "pa")
    return "personal_adviser";
  if (t == "iro" || contains(t, "independent reviewing")) return "iro";
  if (contains(t, "family support")) return "family_support";
  return std::string(trim_view(text));
}

bool is_uasc_status(std::string_view text) {
  auto t = ascii_lower(text);
  return contains(t, "uasc") || contains(t, "unaccompanied");
}

}  // namespace beacon
