// Signed-in sessions, held in memory: a random token in a cookie (Secure,
// HttpOnly, SameSite=Strict) names the session; the session carries the
// user and a CSRF token that every state-changing request must echo.
// Sessions end after `idle` without a request and after `absolute` in all,
// and on sign-out. A restart signs everyone out (nothing to steal on disk).
#ifndef BEACON_WEB_AUTH_SESSIONS_H_
#define BEACON_WEB_AUTH_SESSIONS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"

namespace beacon::web {

struct Session {
  int64_t user_id = 0;
  std::string user_name;
  std::string display_name;
  std::vector<access::Role> roles;
  std::string scope;
  std::string csrf_token;
  int64_t created = 0;    // seconds (the table's clock)
  int64_t last_seen = 0;

  access::Principal principal() const { return {user_name, roles, scope}; }
};

struct SessionLimits {
  int64_t idle_seconds = 30 * 60;
  int64_t absolute_seconds = 12 * 60 * 60;
  size_t max_sessions = 10000;  // oldest dropped beyond this
};

class SessionTable {
 public:
  using Clock = std::function<int64_t()>;  // seconds
  explicit SessionTable(SessionLimits limits = {}, Clock clock = nullptr);

  // Starts a session; returns the token for the cookie.
  std::string start(Session session);
  // The live session for a token (touching its idle timer), or nullopt.
  std::optional<Session> find(const std::string& token);
  void end(const std::string& token);
  // Ends every session of a user (disabled, roles changed, password reset).
  void end_user(int64_t user_id);
  // Ends every session for which `stale` is true.
  void end_if(const std::function<bool(const Session&)>& stale);
  size_t size();

  // True when `given` equals the session's CSRF token (constant time).
  static bool csrf_matches(const Session& s, const std::string& given);

 private:
  static std::string key_of(const std::string& token);  // a hash: tokens are not kept
  void drop_expired(int64_t now);

  SessionLimits limits_;
  Clock clock_;
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;
  int64_t last_sweep_ = 0;
};

}  // namespace beacon::web

#endif  // BEACON_WEB_AUTH_SESSIONS_H_
