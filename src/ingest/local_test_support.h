// Helpers for the local-table reader's tests.
#ifndef BEACON_INGEST_LOCAL_TEST_SUPPORT_H_
#define BEACON_INGEST_LOCAL_TEST_SUPPORT_H_

#include "ingest/local_reader.h"
#include "ingest/ssd_test_support.h"

namespace beacon::testing {

inline Date load_day() { return *Date::from_ymd(2024, 6, 1); }

inline Batch read_local(const std::vector<MemoryCsv>& files, const CaseHistory& existing = {}) {
  return read_local_tables_from_memory(files, existing, load_day());
}

// A store holding children C1 and C2, worker W0 in unit U0, contact K0, and
// a CIN visit V1 and a CLA visit V1.
inline CaseHistory stored_basics() {
  CaseHistory h;
  for (auto id : {"C1", "C2"}) {
    h.children.emplace_back();
    h.children.back().id = id;
  }
  h.workers.emplace_back();
  h.workers.back().id = "W0";
  h.org_units.emplace_back();
  h.org_units.back().id = "U0";
  h.contacts.emplace_back();
  h.contacts.back().id = "K0";
  for (auto kind : {"cin", "cla"}) {
    h.visits.emplace_back();
    h.visits.back().kind = kind;
    h.visits.back().visit_id = "V1";
  }
  return h;
}

}  // namespace beacon::testing

#endif  // BEACON_INGEST_LOCAL_TEST_SUPPORT_H_
