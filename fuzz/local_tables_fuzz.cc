// Fuzzes the local-tables reader: the input is one CSV file, read with a
// fixed org_units table and a store holding a child, a worker, a unit, a
// contact and a visit, so that references can resolve both ways.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/local_reader.h"

namespace {

const beacon::CaseHistory& stored() {
  static const beacon::CaseHistory h = [] {
    beacon::CaseHistory h;
    h.children.emplace_back().id = "C1";
    h.workers.emplace_back().id = "W1";
    h.org_units.emplace_back().id = "U1";
    h.contacts.emplace_back().id = "K1";
    auto& v = h.visits.emplace_back();
    v.kind = "cin";
    v.visit_id = "V1";
    return h;
  }();
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<beacon::MemoryCsv> files = {
      {"local.csv", std::string(reinterpret_cast<const char*>(data), size)},
      {"org_units.csv",
       "unit_id,unit_name,unit_kind,parent_unit_id\nORG,Org,organisation,\n"
       "T1,Team,team,ORG\n"},
  };
  beacon::Batch batch =
      beacon::read_local_tables_from_memory(files, stored(), *beacon::Date::from_ymd(2024, 6, 1));
  batch.records.for_each_table([&batch](const auto& table) {
    for (const auto& r : table)
      if (r.contribution < 0 || static_cast<size_t>(r.contribution) >= batch.contributions.size())
        std::abort();
  });
  for (const auto& p : batch.problems)
    if (p.file.empty() || p.message.empty()) std::abort();
  return 0;
}
