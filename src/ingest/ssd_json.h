// The SSD keeps some lists as JSON text in one column (assessment factors,
// contact and referral outcomes). Case systems write them differently, so
// this accepts a JSON list (["1A","3B"]), a JSON object whose keys are the
// codes ({"1A": "Y", "3B": "N"} keeps 1A), a JSON string, or a bare comma
// list (1A, 3B).
#ifndef BEACON_INGEST_SSD_JSON_H_
#define BEACON_INGEST_SSD_JSON_H_

#include <optional>
#include <string>
#include <string_view>

#include "model/record.h"

namespace beacon {

// The codes in `text` (empty for blank text), or nullopt when it is not a
// list of codes in any of the forms above.
std::optional<Codes> parse_code_list(std::string_view text);

// A JSON outcome as Beacon shows it: its codes joined by ';', or the text as
// given when it is not a list of codes.
std::string outcome_text(std::string_view text);

}  // namespace beacon

#endif  // BEACON_INGEST_SSD_JSON_H_
