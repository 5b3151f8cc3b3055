// A cache whose values are computed once per key and never under a lock:
// the first caller for a key computes it, later callers for that key wait
// for the same result, and callers for other keys are not held up.
#ifndef BEACON_INDICATORS_ONCE_CACHE_H_
#define BEACON_INDICATORS_ONCE_CACHE_H_

#include <cstddef>
#include <exception>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <string>

namespace beacon {

template <class Value>
class OnceCache {
 public:
  // Past `limit` keys the cache starts afresh (entries are cheap to rebuild;
  // callers already waiting keep their shared result).
  explicit OnceCache(size_t limit) : limit_(limit) {}

  // True once some caller has begun computing `key` (it may still be running).
  bool contains(const std::string& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.count(key) > 0;
  }

  Value get(const std::string& key, const std::function<Value()>& compute) const {
    std::promise<Value> promise;
    std::shared_future<Value> result;
    bool mine = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (auto it = entries_.find(key); it != entries_.end()) {
        result = it->second;
      } else {
        if (entries_.size() >= limit_) entries_.clear();
        result = promise.get_future().share();
        entries_.emplace(key, result);
        mine = true;
      }
    }
    if (mine) {
      try {
        promise.set_value(compute());
      } catch (...) {  // e.g. out of memory: let the next caller try again
        promise.set_exception(std::current_exception());
        std::lock_guard<std::mutex> lock(mutex_);
        entries_.erase(key);
      }
    }
    return result.get();
  }

 private:
  size_t limit_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_future<Value>> entries_;
};

}  // namespace beacon

#endif  // BEACON_INDICATORS_ONCE_CACHE_H_
