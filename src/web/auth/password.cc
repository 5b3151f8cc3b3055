#include "web/auth/password.h"

#include <sodium.h>

#include <cctype>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

namespace beacon::embedded {
extern const std::string_view common_passwords;
}

namespace beacon::web {
namespace {

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no secure randomness: nothing is safe
  });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
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

bool is_common_password(std::string_view password) {
  static const std::unordered_set<std::string> common = [] {
    std::unordered_set<std::string> set;
    std::string_view all = embedded::common_passwords;
    while (!all.empty()) {
      size_t end = all.find('\n');
      std::string_view line = all.substr(0, end);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!line.empty()) set.insert(lower(line));
      if (end == std::string_view::npos) break;
      all.remove_prefix(end + 1);
    }
    return set;
  }();
  return common.contains(lower(password));
}

std::string password_problem(std::string_view password, std::string_view user_name) {
  if (password.size() < 12) return "Enter a password of at least 12 characters";
  bool blank = true;
  for (char c : password)
    if (!std::isspace(static_cast<unsigned char>(c))) blank = false;
  if (blank) return "Enter a password that is not only spaces";
  // One short piece said again and again: "aaaaaaaaaaaa", "abababababab".
  for (size_t piece = 1; piece <= 3; ++piece) {
    bool repeats = password.size() % piece == 0;
    for (size_t i = piece; repeats && i < password.size(); ++i)
      if (password[i] != password[i - piece]) repeats = false;
    if (repeats) return "Enter a password that is not one character or a few characters repeated";
  }
  if (user_name.size() >= 3 && lower(password).find(lower(user_name)) != std::string::npos)
    return "Enter a password that does not contain your user name";
  if (is_common_password(password))
    return "Enter a password that is not on the list of commonly used passwords";
  return "";
}

}  // namespace beacon::web
