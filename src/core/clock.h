// The one place Beacon reads the time of day. Everything that needs "now"
// (audit stamps, sessions, lock-outs, load times) asks here, so a test can
// set the clock and the same inputs give the same outputs.
//
// "Today" for figures, worklists and due dates is not the clock's date: it
// is the date the loaded data runs to (web/view.h default_date), so a page
// never judges the data against a day it does not reach.
#ifndef BEACON_CORE_CLOCK_H_
#define BEACON_CORE_CLOCK_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"

namespace beacon::clock {

// Seconds since 1970-01-01 00:00 UTC.
int64_t now_seconds();
// The calendar date (UTC) by the clock.
Date today();
// "2026-12-07T22:33:00Z".
std::string now_iso();

// Tests: fix the clock at `seconds` since 1970 (nullopt: the system clock again).
void set_for_testing(std::optional<int64_t> seconds);

}  // namespace beacon::clock

#endif  // BEACON_CORE_CLOCK_H_
