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

std::shared_ptr<const CachedAnswer> ResponseCache::kept_locked(
    const std::shared_ptr<const void>& snapshot, const std::string& key) const {
  if (!snapshot || snapshot_.lock() != snapshot) return nullptr;
  auto it = answers_.find(key);
  return it == answers_.end() ? nullptr : it->second;
}

std::optional<CachedAnswer> ResponseCache::find(const std::shared_ptr<const void>& snapshot,
                                                const std::string& key) const {
  std::shared_ptr<const CachedAnswer> found;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    found = kept_locked(snapshot, key);
  }
  if (!found) return std::nullopt;
  return *found;  // copied outside the lock
}

ResponseCache::Lookup ResponseCache::find_or_lead(const std::shared_ptr<const void>& snapshot,
                                                  const std::string& key,
                                                  std::chrono::milliseconds patience) {
  std::shared_ptr<const CachedAnswer> found;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    found = kept_locked(snapshot, key);
    if (!found) {
      if (computing_.insert(key).second) return {std::nullopt, true};
      // Someone is computing it: wait for them, then take what they kept.
      ++waiting_;
      computed_.wait_for(lock, patience, [&] { return computing_.count(key) == 0; });
      --waiting_;
      found = kept_locked(snapshot, key);
    }
  }
  if (!found) return {};  // nothing kept (an error, too big, or too slow): compute alone
  return {*found, false};
}

size_t ResponseCache::waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_;
}

void ResponseCache::finished(const std::string& key) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    computing_.erase(key);
  }
  computed_.notify_all();
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
