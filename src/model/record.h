// What every case-history record shares, and how a record describes its fields.
//
// Each record type lists its fields once, in a static visit(self, visitor)
// function: name, member and role. That single list drives the store's
// columns, the merge of loads, the status counts and generic exports, so a new
// field is added in one place.
#ifndef BEACON_MODEL_RECORD_H_
#define BEACON_MODEL_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace beacon {

// Where a contribution came from.
enum class Source : uint8_t {
  kCinCensus,  // CIN census XML (a statutory return)
  kSsda903,    // SSDA903 CSV tables or EXPSSDA903 XML (a statutory return)
  kSsd,        // Standard Safeguarding Dataset extract (the case system's current picture)
  kLocal,      // Beacon's own local tables
};
const char* source_name(Source s);  // "cin-census", "ssda903", "ssd", "local"

// A field's part in the record.
enum class FieldRole : uint8_t {
  kKey,   // part of the natural key (records with equal keys are the same record)
  kData,  // everything else
};

// Book-keeping every record carries; not a field.
struct Record {
  // Position among records with the same natural key in the same contribution
  // (1 for the first). Two assessments starting the same day are both kept.
  int ordinal = 1;
  // The store's identifier of the contribution the record came from (0 = none yet).
  int32_t contribution = 0;
  // Where in its file the record was read (1-based line; 0 unknown), for findings.
  int line = 0;
};

// A referral (CIN episode) as other records refer to it: child + referral date.
struct EpisodeRef {
  std::string child_id;
  OptDate referral_date;  // empty: not tied to an episode
  int ordinal = 1;
  auto operator<=>(const EpisodeRef&) const = default;
};

// A child protection plan as its reviews refer to it: child + plan start.
struct PlanRef {
  std::string child_id;
  Date start;
  int ordinal = 1;
  auto operator<=>(const PlanRef&) const = default;
};

using Codes = std::vector<std::string>;

}  // namespace beacon

#endif  // BEACON_MODEL_RECORD_H_
