#include "store/wal_checkpointer.h"

#include <sqlite3.h>

namespace beacon::store {

WalCheckpointer::WalCheckpointer(sqlite::Database db, std::chrono::milliseconds interval)
    : db_(std::move(db)), interval_(interval), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

long long WalCheckpointer::frames_copied() const {
  std::lock_guard lock(mutex_);
  return frames_copied_;
}

void WalCheckpointer::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    // A connection learns that the file is in WAL mode by reading it; until
    // then a checkpoint does nothing.
    (void)db_.query_int("PRAGMA schema_version");
    int log_frames = 0, copied = 0;
    // PASSIVE: copies what it can without waiting for any reader or writer.
    // A busy or failed attempt is simply tried again next time.
    const int rc = sqlite3_wal_checkpoint_v2(db_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                             &log_frames, &copied);
    lock.lock();
    if (rc == SQLITE_OK && copied > 0) frames_copied_ += copied;
  }
}

}  // namespace beacon::store
