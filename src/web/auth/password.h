// Passwords: Argon2id hashes in libsodium's self-describing string form
// (crypto_pwhash_str), and generated passwords for new accounts.
#ifndef BEACON_WEB_AUTH_PASSWORD_H_
#define BEACON_WEB_AUTH_PASSWORD_H_

#include <string>
#include <string_view>

#include "core/result.h"

namespace beacon::web {

// Cost of hashing: interactive (about 64 MiB, a fraction of a second) for
// the service; minimal for tests, so they stay fast.
enum class HashCost { kInteractive, kMinimal };

Result<std::string> hash_password(std::string_view password, HashCost cost = HashCost::kInteractive);
// Constant-time check against a stored hash; false for a malformed hash.
bool verify_password(std::string_view password, const std::string& hash);

// `length` characters from an alphabet without look-alikes (no 0/O, 1/l/I).
std::string generate_password(int length = 20);
// `bytes` random bytes as lower-case hex (session ids, CSRF tokens).
std::string random_token(int bytes = 32);

// Rules for a password a person chooses: at least 12 characters, not only
// spaces, not one character (or two or three) repeated, not containing the
// user name, and not on the list of common passwords Beacon ships
// (data/common-passwords.md). Returns the problem in plain English, or
// empty when acceptable.
std::string password_problem(std::string_view password, std::string_view user_name = "");
// Whether `password` (any case) is on that list.
bool is_common_password(std::string_view password);

}  // namespace beacon::web

#endif  // BEACON_WEB_AUTH_PASSWORD_H_
