// Feeds arbitrary bytes to the SSDA903 CSV reader as one file. The first
// byte's lowest bit chooses between a given --year and inferring the year,
// so both paths are explored. Checks the batch hangs together.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/ssda903_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::optional<int> year;
  if (size > 0 && (data[0] & 1)) year = 2024;
  std::vector<beacon::CsvInMemory> files = {
      {"903_fuzz/Episodes.csv", std::string(reinterpret_cast<const char*>(data), size)}};
  auto batch = beacon::read_ssda903_csv_from_memory(files, year);
  const auto contributions = static_cast<int32_t>(batch.contributions.size());
  batch.records.for_each_table([&](const auto& table) {
    for (const auto& r : table)
      if (r.contribution < 0 || r.contribution >= contributions || r.ordinal < 1) std::abort();
  });
  for (const auto& [name, counts] : batch.counts)
    if (counts.rejected > counts.read) std::abort();
  return 0;
}
