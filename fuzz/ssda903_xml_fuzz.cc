// Feeds arbitrary bytes to the EXPSSDA903 XML reader. The first byte's
// lowest bit chooses between a given --year and finding the year in the file.
// Checks the batch hangs together.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/ssda903_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::optional<int> year;
  if (size > 0 && (data[0] & 1)) year = 2024;
  auto batch = beacon::read_ssda903_xml_from_memory(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xml", year);
  if (batch.contributions.size() > 1) std::abort();
  const auto contributions = static_cast<int32_t>(batch.contributions.size());
  batch.records.for_each_table([&](const auto& table) {
    for (const auto& r : table)
      if (r.contribution < 0 || r.contribution >= contributions || r.ordinal < 1) std::abort();
  });
  for (const auto& [name, counts] : batch.counts)
    if (counts.rejected > counts.read) std::abort();
  return 0;
}
