// A load killed half-way (SIGKILL, no chance to clean up) must leave the
// store exactly as it was: SQLite's write-ahead log makes the commit atomic.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "load/load.h"
#include "store/sqlite.h"
#include "store/test_support.h"

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

Batch episodes(int year, int count) {
  Batch b;
  Contribution c;
  c.source = Source::kSsda903;
  c.table = "Episodes";
  c.collection_year = year;
  c.as_of = D(year + 1, 3, 31);
  b.contributions.push_back(c);
  for (int i = 0; i < count; ++i) {
    LaEpisode e;
    e.child_id = "C" + std::to_string(i);
    e.start = D(year, 4, 1).add_days(i % 365);
    e.rne = "S";
    e.legal_status = "C2";
    e.place = "U1";
    e.home_postcode = "AB1 2CD";
    b.records.la_episodes.push_back(std::move(e));
  }
  return b;
}

// What the store holds, as far as a user could tell.
std::string snapshot(const std::string& path) {
  auto store = open_sqlite_store(path);
  if (!store) return "unreadable: " + store.status().message();
  std::string out;
  auto contributions = (*store)->contributions();
  for (const auto& c : *contributions) out += c.key() + "\n";
  auto records = (*store)->read_records();
  records->for_each_table([&out](const auto& t) { out += std::to_string(t.size()) + " "; });
  out += "\nloads " + std::to_string((*store)->loads()->size());
  return out;
}

off_t size_of(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_size : 0;
}

TEST(LoadCrash, KilledMidCommitLeavesTheStoreAsItWas) {
  testing::TempDir dir;
  const auto path = dir.file("beacon.db");
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(store);
    LoadOptions o;
    ASSERT_TRUE(load_batch(**store, episodes(2023, 1000), {"Episodes.csv"}, o).ok);
  }
  const auto before = snapshot(path);

  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child replaces the 2023 episodes and adds a big 2024 table.
    auto store = open_sqlite_store(path);
    if (!store) ::_exit(3);
    Batch big = episodes(2023, 10);
    big.append(episodes(2024, 250000));
    auto id = (*store)->commit_load(big, {});
    ::_exit(id ? 0 : 4);
  }
  // Kill it once the write-ahead log shows the transaction well under way.
  const auto wal = path + "-wal";
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  int status = 0;
  bool exited = false;
  while (size_of(wal) < 2 * 1024 * 1024 && std::chrono::steady_clock::now() < give_up) {
    if (::waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (!exited) {
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
  }
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the child finished (status " << status << ") before it could be killed mid-commit";
  EXPECT_GT(size_of(wal), 0);  // it was killed holding uncommitted pages

  EXPECT_EQ(snapshot(path), before);
  auto db = sqlite::Database::open(path);
  auto check = db->prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check);
  ASSERT_TRUE(*check->step());
  EXPECT_EQ(check->text(0), "ok");
}

}  // namespace
}  // namespace beacon
