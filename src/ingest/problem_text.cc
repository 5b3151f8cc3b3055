#include "ingest/problem_text.h"

namespace beacon {

std::string quoted_value(std::string_view text, size_t max) {
  if (text.size() <= max) return "'" + std::string(text) + "'";
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "…'";
}

const char* problem_code(DateError e) {
  switch (e) {
    case DateError::kEmpty:
      return "date.empty";
    case DateError::kFormat:
      return "date.format";
    case DateError::kTwoDigitYear:
      return "date.two-digit-year";
    case DateError::kImpossible:
      return "date.impossible";
  }
  return "date.format";
}

}  // namespace beacon
