// Pieces of the readers' problem messages, shared so every format words them
// alike.
#ifndef BEACON_INGEST_PROBLEM_TEXT_H_
#define BEACON_INGEST_PROBLEM_TEXT_H_

#include <string>
#include <string_view>

#include "core/date.h"

namespace beacon {

// A value quoted in a message ('abc'), cut at a whole character after `max`
// bytes ('abc…') so a huge cell cannot flood a report.
std::string quoted_value(std::string_view text, size_t max);

// The stable problem code for a date error: date.empty, date.format, …
const char* problem_code(DateError e);

}  // namespace beacon

#endif  // BEACON_INGEST_PROBLEM_TEXT_H_
