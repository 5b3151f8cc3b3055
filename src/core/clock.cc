#include "core/clock.h"

#include <atomic>
#include <chrono>
#include <ctime>

namespace beacon::clock {
namespace {

// INT64_MIN: the system clock.
std::atomic<int64_t> fixed{INT64_MIN};

}  // namespace

int64_t now_seconds() {
  const int64_t f = fixed.load(std::memory_order_relaxed);
  if (f != INT64_MIN) return f;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Date today() {
  const int64_t s = now_seconds();
  return Date::from_serial(static_cast<int32_t>(s >= 0 ? s / 86400 : (s - 86399) / 86400));
}

std::string now_iso() {
  const std::time_t t = static_cast<std::time_t>(now_seconds());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void set_for_testing(std::optional<int64_t> seconds) {
  fixed.store(seconds ? *seconds : INT64_MIN, std::memory_order_relaxed);
}

}  // namespace beacon::clock
