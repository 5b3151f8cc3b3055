// Copies the write-ahead log back into the store file from a thread of its
// own, on its own connection.
//
// SQLite otherwise checkpoints inside whichever commit first finds the log
// past its limit: with every audited view writing a line, that was a view
// request, which then held up every other audited request (and the audit
// group commit) for the few hundred milliseconds of copying and syncing. A
// passive checkpoint never blocks readers or writers. SQLite's own
// automatic checkpoint stays on as the bound should this thread fall behind.
#ifndef BEACON_STORE_WAL_CHECKPOINTER_H_
#define BEACON_STORE_WAL_CHECKPOINTER_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite.h"

namespace beacon::store {

class WalCheckpointer {
 public:
  // Starts checkpointing `path` every `interval`; stops when destroyed.
  WalCheckpointer(sqlite::Database db, std::chrono::milliseconds interval);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Log frames copied back so far (for tests).
  long long frames_copied() const;

 private:
  void run();

  sqlite::Database db_;
  std::chrono::milliseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  long long frames_copied_ = 0;
  std::thread thread_;
};

}  // namespace beacon::store

#endif  // BEACON_STORE_WAL_CHECKPOINTER_H_
