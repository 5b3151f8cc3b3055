#include "store/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "store/test_support.h"

namespace beacon {
namespace {

AuditEntry line(int n) { return {0, "", "sam", "view-child", "child C" + std::to_string(n), "", ""}; }

// A writer that takes a while, as an fsync does, and counts its batches.
struct SlowWriter {
  std::atomic<int> batches{0};
  std::atomic<int64_t> next_id{1};
  std::atomic<bool> fail_next{false};
  Result<std::vector<int64_t>> operator()(std::span<const AuditEntry> lines) {
    ++batches;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (fail_next.exchange(false)) return Status::io_error("disk full");
    std::vector<int64_t> ids;
    for (size_t i = 0; i < lines.size(); ++i) ids.push_back(next_id++);
    return ids;
  }
};

TEST(AuditGroupCommit, ConcurrentLinesShareCommitsAndEachGetsItsOwnId) {
  SlowWriter writer;
  store::AuditGroupCommit group([&](std::span<const AuditEntry> l) { return writer(l); });
  constexpr int kThreads = 32;
  std::vector<int64_t> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto id = group.append(line(t));
      ids[t] = id ? *id : -1;
    });
  for (auto& t : threads) t.join();
  std::set<int64_t> distinct(ids.begin(), ids.end());
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kThreads));
  EXPECT_FALSE(distinct.count(-1));
  // With 5 ms per commit, 32 threads cannot each have had a commit of their own.
  EXPECT_LT(writer.batches.load(), kThreads);
}

TEST(AuditGroupCommit, AFailedCommitIsReportedAndTheNextOneWorks) {
  SlowWriter writer;
  writer.fail_next = true;
  store::AuditGroupCommit group([&](std::span<const AuditEntry> l) { return writer(l); });
  auto first = group.append(line(1));
  ASSERT_FALSE(first);
  EXPECT_EQ(first.status().code(), StatusCode::kIoError);
  auto second = group.append(line(2));
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, 1);
}

TEST(AuditGroupCommit, EveryLineFromManyThreadsIsInTheStore) {
  testing::TempDir dir;
  auto store = open_sqlite_store(dir.file("b.db"));
  ASSERT_TRUE(store);
  constexpr int kThreads = 16, kEach = 10;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i)
        if (!(*store)->append_audit(line(t * kEach + i))) ++failures;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  AuditQuery all;
  all.limit = 1000;
  auto lines = (*store)->audit_entries(all);
  ASSERT_TRUE(lines);
  std::set<std::string> objects;
  for (const auto& e : *lines) objects.insert(e.object);
  EXPECT_EQ(objects.size(), static_cast<size_t>(kThreads * kEach));
}

}  // namespace
}  // namespace beacon
