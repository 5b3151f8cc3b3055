#include "store/wal_checkpointer.h"

#include <gtest/gtest.h>

#include <thread>

#include "store/test_support.h"

namespace beacon::store {
namespace {

TEST(WalCheckpointer, CopiesCommittedFramesBackWhileTheWriterGoesOn) {
  testing::TempDir dir;
  const std::string path = dir.file("wal.db");
  auto writer = sqlite::Database::open(path);
  ASSERT_TRUE(writer);
  // The writer never checkpoints itself: only the checkpointer can.
  ASSERT_TRUE(writer->exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                           "CREATE TABLE t (x TEXT)"));
  auto reader = sqlite::Database::open(path);
  ASSERT_TRUE(reader);
  WalCheckpointer checkpointer(std::move(*reader), std::chrono::milliseconds(5));
  for (int i = 0; i < 200; ++i)
    ASSERT_TRUE(writer->exec("INSERT INTO t VALUES (printf('%0500d', " + std::to_string(i) + "))"));
  for (int waited = 0; waited < 5000 && checkpointer.frames_copied() == 0; waited += 10)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GT(checkpointer.frames_copied(), 0);
  EXPECT_EQ(*writer->query_int("SELECT count(*) FROM t"), 200);
}

}  // namespace
}  // namespace beacon::store
