#include "web/response_cache.h"

#include <algorithm>
#include <vector>

namespace beacon::web {

std::string ResponseCache::key(const std::string& path, const std::string& query,
                               const access::Principal& who) {
  std::vector<std::string> roles;
  for (access::Role r : who.roles) roles.push_back(std::to_string(static_cast<int>(r)));
  std::sort(roles.begin(), roles.end());
  std::string k;
  for (const auto& r : roles) k += r + ",";
  // Unit separators cannot occur in a URL or an identifier we accept.
  return k + '\x1f' + who.scope + '\x1f' + path + '?' + query;
}

std::optional<CachedAnswer> ResponseCache::find(const std::shared_ptr<const void>& snapshot,
                                                const std::string& key) const {
  std::shared_ptr<const CachedAnswer> found;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!snapshot || snapshot_.lock() != snapshot) return std::nullopt;
    auto it = answers_.find(key);
    if (it == answers_.end()) return std::nullopt;
    found = it->second;
  }
  return *found;  // copied outside the lock
}

void ResponseCache::keep(const std::shared_ptr<const void>& snapshot, const std::string& key,
                         CachedAnswer answer) {
  answer.chrome.session = nullptr;
  const size_t size = answer.bytes() + key.size();
  if (size > max_bytes_ / 8) return;  // one huge answer must not push out the rest
  auto kept = std::make_shared<const CachedAnswer>(std::move(answer));
  std::lock_guard<std::mutex> lock(mutex_);
  if (!snapshot) return;
  if (snapshot_.lock() != snapshot || bytes_ + size > max_bytes_) {
    // A new snapshot, or full: start afresh (simple, and answers are cheap to
    // make again once; the views people use come straight back).
    answers_.clear();
    bytes_ = 0;
    snapshot_ = snapshot;
  }
  if (answers_.emplace(key, std::move(kept)).second) bytes_ += size;
}

}  // namespace beacon::web
