#include "model/record.h"

namespace beacon {

const char* source_name(Source s) {
  switch (s) {
    case Source::kCinCensus: return "cin-census";
    case Source::kSsda903: return "ssda903";
    case Source::kSsd: return "ssd";
    case Source::kLocal: return "local";
  }
  return "unknown";
}

}  // namespace beacon
