// `beacon generate`: build the synthetic organisation and write every file
// format Beacon loads, plus manifest.json describing what a load of all of
// them should hold.
#ifndef BEACON_SYNTH_GENERATE_H_
#define BEACON_SYNTH_GENERATE_H_

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "synth/figures.h"
#include "synth/options.h"
#include "synth/world.h"
#include "synth/writers.h"

namespace beacon::synth {

struct Generated {
  std::vector<WrittenFile> files;
  // Distinct case-history records per table that loading all the files gives.
  std::map<std::string, int64_t> records;
  std::vector<Figure> figures;
  DefectCounts defects;
  std::vector<std::string> collection_years;  // "2021-22", …
};

// Writes into `out` (created if missing). Refuses a folder that holds other
// files, unless it is an earlier generator output (it has manifest.json),
// whose generated folders are then replaced.
Result<Generated> generate(const Options& options, const std::string& out);

// The manifest's text (deterministic: fixed key order, no clock).
std::string manifest_json(const Options& options, const Generated& g);

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_GENERATE_H_
