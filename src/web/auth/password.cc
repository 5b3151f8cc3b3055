#include "web/auth/password.h"

#include <sodium.h>

#include <mutex>
#include <vector>

namespace beacon::web {
namespace {

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no secure randomness: nothing is safe
  });
}

}  // namespace

Result<std::string> hash_password(std::string_view password, HashCost cost) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops = cost == HashCost::kInteractive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                                          : crypto_pwhash_OPSLIMIT_MIN;
  size_t mem = cost == HashCost::kInteractive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                              : crypto_pwhash_MEMLIMIT_MIN;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Status::internal("could not hash the password (out of memory)");
  return std::string(out);
}

bool verify_password(std::string_view password, const std::string& hash) {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string generate_password(int length) {
  ensure_sodium();
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  constexpr uint32_t n = sizeof(kAlphabet) - 1;
  std::string out;
  for (int i = 0; i < length; ++i) out += kAlphabet[randombytes_uniform(n)];
  return out;
}

std::string random_token(int bytes) {
  ensure_sodium();
  std::vector<unsigned char> raw(static_cast<size_t>(bytes));
  randombytes_buf(raw.data(), raw.size());
  std::string hex(raw.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

std::string password_problem(std::string_view password) {
  if (password.size() < 12) return "Enter a password of at least 12 characters";
  return "";
}

}  // namespace beacon::web
