#include "store/group_commit.h"

namespace beacon::store {

Result<int64_t> AuditGroupCommit::append(const AuditEntry& entry) {
  Waiter me{&entry, std::nullopt};
  std::unique_lock lock(mutex_);
  queue_.push_back(&me);
  for (;;) {
    if (me.result) return std::move(*me.result);
    if (writing_) {
      done_.wait(lock);
      continue;
    }
    // Nobody is writing: this thread writes the whole queue, its own line included.
    writing_ = true;
    std::vector<Waiter*> batch;
    batch.swap(queue_);
    lock.unlock();
    std::vector<AuditEntry> lines;
    lines.reserve(batch.size());
    for (const Waiter* w : batch) lines.push_back(*w->entry);
    auto ids = write_(lines);
    lock.lock();
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!ids)
        batch[i]->result.emplace(ids.status());
      else if (i < ids->size())
        batch[i]->result.emplace((*ids)[i]);
      else
        batch[i]->result.emplace(Status::internal("the audit batch returned too few ids"));
    }
    writing_ = false;
    done_.notify_all();
  }
}

}  // namespace beacon::store
