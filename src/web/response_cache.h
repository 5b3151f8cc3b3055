// Answers kept for re-serving: a figures page or API answer depends only on
// the snapshot (the engine), the URL and what the user may see, so the
// second person to ask for the same view gets it without the work. Pages
// keep their main content, not the whole document: the layout around it
// carries the asker's own sign-out form and CSRF token and is drawn per
// request. A new snapshot (a load) starts the cache afresh. Only routes
// marked `cached` in the route table use it; each call is still checked
// for access and audited as if it were computed.
#ifndef BEACON_WEB_RESPONSE_CACHE_H_
#define BEACON_WEB_RESPONSE_CACHE_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "access/policy.h"
#include "web/layout.h"

namespace beacon::web {

struct CachedAnswer {
  bool is_page = false;
  PageChrome chrome;      // pages: session cleared, set per request
  std::string main_html;  // pages
  std::string content_type;
  std::string body;  // JSON
  std::string audit_action;
  std::string audit_detail;

  size_t bytes() const { return main_html.size() + body.size() + audit_detail.size(); }
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // Everything an answer may depend on besides the snapshot: the URL and the
  // asker's roles and scope (never the user's name: two team managers of
  // one team share their team's pages).
  static std::string key(const std::string& path, const std::string& query,
                         const access::Principal& who);

  // `snapshot` is the engine the answer came from (held weakly: a freed
  // engine's address may be reused, its weak pointer never matches again).
  std::optional<CachedAnswer> find(const std::shared_ptr<const void>& snapshot,
                                   const std::string& key) const;
  void keep(const std::shared_ptr<const void>& snapshot, const std::string& key,
            CachedAnswer answer);

  // find(), and when nothing is kept, makes the caller the one to compute
  // the answer (`leads`): others asking for the same key meanwhile wait for
  // it, up to `patience`, rather than all computing it at once. Whoever
  // leads calls finished() after keep(), kept or not; a waiter whose leader
  // kept nothing computes on its own.
  struct Lookup {
    std::optional<CachedAnswer> answer;
    bool leads = false;
  };
  Lookup find_or_lead(const std::shared_ptr<const void>& snapshot, const std::string& key,
                      std::chrono::milliseconds patience);
  void finished(const std::string& key);
  // How many are waiting for a leader now (tests).
  size_t waiting() const;

 private:
  std::shared_ptr<const CachedAnswer> kept_locked(const std::shared_ptr<const void>& snapshot,
                                                  const std::string& key) const;

  size_t max_bytes_;
  mutable std::mutex mutex_;
  std::weak_ptr<const void> snapshot_;
  size_t bytes_ = 0;
  std::map<std::string, std::shared_ptr<const CachedAnswer>> answers_;
  std::set<std::string> computing_;  // keys someone leads
  std::condition_variable computed_;
  size_t waiting_ = 0;
};

}  // namespace beacon::web

#endif  // BEACON_WEB_RESPONSE_CACHE_H_
