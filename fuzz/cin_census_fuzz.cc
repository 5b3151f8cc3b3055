// Fuzzes the CIN census XML reader: any bytes must give a Batch (records and
// problems), never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  beacon::Batch batch = beacon::read_cin_census_from_memory(text, "fuzz.xml");
  // Touch the results so nothing is optimised away.
  volatile size_t sink = batch.records.total_records() + batch.problems.size();
  (void)sink;
  return 0;
}
