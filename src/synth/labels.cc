#include "synth/labels.h"

#include <map>

namespace beacon::synth {

std::string referral_source_label(const std::string& code) {
  static const std::map<std::string, std::string> labels = {
      {"1A", "Individual: family member, relative or carer"},
      {"1B", "Individual: acquaintance"},
      {"1C", "Individual: self"},
      {"1D", "Individual: other"},
      {"2A", "Schools"},
      {"2B", "Education services"},
      {"3A", "Health: GP"},
      {"3B", "Health: health visitor"},
      {"3C", "Health: school nurse"},
      {"3D", "Health: other primary health services"},
      {"3E", "Health: A&E"},
      {"3F", "Health: other"},
      {"4", "Housing"},
      {"5A", "LA services: social care"},
      {"5B", "LA services: other internal"},
      {"5C", "LA services: external"},
      {"5D", "LA services: early help"},
      {"6", "Police"},
      {"7", "Other legal agency"},
      {"8", "Other"},
      {"9", "Anonymous"},
      {"10", "Unknown"}};
  auto it = labels.find(code);
  return it == labels.end() ? std::string() : it->second;
}

}  // namespace beacon::synth
