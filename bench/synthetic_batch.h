// A large synthetic batch built in memory, shaped like an authority's CIN
// census and SSDA903 returns: children, referrals, assessments, CIN plans,
// section 47 enquiries, CP plans and looked-after episodes. Until the
// synthetic-organisation generator (`beacon generate`) feeds the benchmarks,
// this stands in for it. Deterministic for a given size and year.
#ifndef BEACON_BENCH_SYNTHETIC_BATCH_H_
#define BEACON_BENCH_SYNTHETIC_BATCH_H_

#include "ingest/batch.h"

namespace beacon::bench {

// One CIN census contribution (collection `year`) and one SSDA903 Episodes
// contribution, together holding about `records` records.
Batch synthetic_returns(int64_t records, int year);

}  // namespace beacon::bench

#endif  // BEACON_BENCH_SYNTHETIC_BATCH_H_
