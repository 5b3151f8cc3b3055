// The SSD's free-text-ish values that Beacon normalises to its own codes.
#ifndef BEACON_INGEST_SSD_VALUES_H_
#define BEACON_INGEST_SSD_VALUES_H_

#include <optional>
#include <string>
#include <string_view>

namespace beacon {

// pers_sex → "M", "F" or "U". Accepts M/F/U, Male/Female, 1/2 (CIN
// GenderCurrent), 0/9, Unknown, Not known, Not stated, Indeterminate and
// Unborn, in any case; "" for blank; nullopt for anything else.
std::optional<std::string> normalise_ssd_sex(std::string_view text);

// miss_missing_episode_type → "M" (missing) or "A" (away/absent), or nullopt.
std::optional<std::string> normalise_missing_type(std::string_view text);

// invo_professional_role_id → Beacon's role names where it can tell
// ("Allocated Social Worker" → "social_worker", "Personal Adviser" →
// "personal_adviser", "IRO" → "iro", "Family Support Worker" →
// "family_support"); other roles as given.
std::string normalise_involvement_role(std::string_view text);

// True when an immigration status names an unaccompanied asylum-seeking child.
bool is_uasc_status(std::string_view text);

}  // namespace beacon

#endif  // BEACON_INGEST_SSD_VALUES_H_
