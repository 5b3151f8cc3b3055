#include "web/auth/sessions.h"

#include <sodium.h>

#include "web/auth/password.h"

namespace beacon::web {

SessionTable::SessionTable(SessionLimits limits, Clock clock)
    : limits_(limits), clock_(std::move(clock)) {
  if (!clock_)
    clock_ = [] {
      return static_cast<int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::steady_clock::now().time_since_epoch())
                                      .count());
    };
}

std::string SessionTable::key_of(const std::string& token) {
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return std::string(reinterpret_cast<const char*>(hash), sizeof hash);
}

std::string SessionTable::start(Session s) {
  std::string token = random_token(32);
  int64_t now = clock_();
  s.created = now;
  s.last_seen = now;
  s.csrf_token = random_token(32);
  std::lock_guard<std::mutex> lock(mutex_);
  drop_expired(now);
  while (sessions_.size() >= limits_.max_sessions) {
    auto oldest = sessions_.begin();
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
      if (it->second.last_seen < oldest->second.last_seen) oldest = it;
    sessions_.erase(oldest);
  }
  sessions_[key_of(token)] = std::move(s);
  return token;
}

std::optional<Session> SessionTable::find(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  int64_t now = clock_();
  std::lock_guard<std::mutex> lock(mutex_);
  if (now - last_sweep_ > 60) drop_expired(now);
  auto it = sessions_.find(key_of(token));
  if (it == sessions_.end()) return std::nullopt;
  Session& s = it->second;
  if (now - s.last_seen > limits_.idle_seconds || now - s.created > limits_.absolute_seconds) {
    sessions_.erase(it);
    return std::nullopt;
  }
  s.last_seen = now;
  return s;
}

void SessionTable::end(const std::string& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.erase(key_of(token));
}

void SessionTable::end_user(int64_t user_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(sessions_, [&](const auto& kv) { return kv.second.user_id == user_id; });
}

void SessionTable::end_if(const std::function<bool(const Session&)>& stale) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(sessions_, [&](const auto& kv) { return stale(kv.second); });
}

size_t SessionTable::size() {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

bool SessionTable::csrf_matches(const Session& s, const std::string& given) {
  if (given.size() != s.csrf_token.size() || given.empty()) return false;
  return sodium_memcmp(given.data(), s.csrf_token.data(), given.size()) == 0;
}

void SessionTable::drop_expired(int64_t now) {
  last_sweep_ = now;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    const Session& s = it->second;
    if (now - s.last_seen > limits_.idle_seconds || now - s.created > limits_.absolute_seconds)
      it = sessions_.erase(it);
    else
      ++it;
  }
}

}  // namespace beacon::web
