// Audit lines written by many threads, one transaction for all that wait.
//
// Every audited view must answer only once its line is durable. With one
// commit (and one fsync) per line, 50 clients reading children's records
// queue behind the disk. Here the first waiting thread writes every line
// queued so far in one transaction while the rest wait for it: still one
// durable line per view, but one fsync per batch.
#ifndef BEACON_STORE_GROUP_COMMIT_H_
#define BEACON_STORE_GROUP_COMMIT_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace beacon::store {

class AuditGroupCommit {
 public:
  // Writes the lines in one transaction and gives each its id, in order;
  // an error fails the whole batch (nothing of it is kept).
  using WriteBatch = std::function<Result<std::vector<int64_t>>(std::span<const AuditEntry>)>;

  explicit AuditGroupCommit(WriteBatch write) : write_(std::move(write)) {}

  // Returns once the line is committed (or its batch failed).
  Result<int64_t> append(const AuditEntry& entry);

 private:
  struct Waiter {
    const AuditEntry* entry;
    std::optional<Result<int64_t>> result;
  };

  WriteBatch write_;
  std::mutex mutex_;
  std::condition_variable done_;
  std::vector<Waiter*> queue_;
  bool writing_ = false;
};

}  // namespace beacon::store

#endif  // BEACON_STORE_GROUP_COMMIT_H_
