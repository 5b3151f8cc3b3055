// The practice hub's history for the synthetic organisation: three quarterly
// evaluation cycles of about 100 children each (mostly good or requires
// improvement, the share good rising each cycle, a small steady number
// inadequate, a few outstanding), moderation, recommendations part done and
// part overdue, a year of complaints, compliments and survey returns, and a
// development plan with a few dozen actions. Deterministic per seed.
#ifndef BEACON_SYNTH_QA_HISTORY_H_
#define BEACON_SYNTH_QA_HISTORY_H_

#include <string>
#include <vector>

#include "qa/qa_store.h"
#include "synth/world.h"
#include "synth/writers.h"

namespace beacon::synth {

qa::QaHistory build_qa_history(const World& w);

// out/qa/qa_*.csv (docs/local-tables.md, "Quality assurance").
Status write_qa(const World& w, const std::string& out, std::vector<WrittenFile>& files);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_QA_HISTORY_H_
