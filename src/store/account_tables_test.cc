#include "store/account_tables.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/migrations.h"
#include "store/record_tables.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::TempDir;

UserRecord user(std::string name, std::string roles) {
  UserRecord u;
  u.name = std::move(name);
  u.display_name = "Name of " + u.name;
  u.roles = std::move(roles);
  u.password_hash = "$argon2id$fake";
  return u;
}

TEST(AccountTables, UsersAddFindAndUpdate) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("b.db"));
  ASSERT_TRUE(store);
  Store& s = **store;
  auto id = s.add_user(user("sam", "social-worker"));
  ASSERT_TRUE(id);
  EXPECT_EQ(s.add_user(user("sam", "scrutiny")).status().code(), StatusCode::kConflict);
  // SQL metacharacters are data, never SQL.
  ASSERT_TRUE(s.add_user(user("o'brien\"; DROP TABLE users; --", "scrutiny")));
  auto all = s.users();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "o'brien\"; DROP TABLE users; --");
  UserRecord sam = (*all)[1];
  EXPECT_EQ(sam.id, *id);
  EXPECT_FALSE(sam.created_at.empty());
  UserChange change;
  change.roles = "team-manager";
  change.scope = "T1";
  change.disabled = true;
  ASSERT_TRUE(s.change_user(sam.id, change));
  auto again = s.users();
  EXPECT_EQ((*again)[1].roles, "team-manager");
  EXPECT_EQ((*again)[1].scope, "T1");
  EXPECT_TRUE((*again)[1].disabled);
  EXPECT_EQ((*again)[1].display_name, "Name of sam");  // not in the change: kept
  EXPECT_EQ((*again)[1].password_hash, "$argon2id$fake");
  EXPECT_EQ(s.change_user(999, change).code(), StatusCode::kNotFound);
}

// Sign-in's writes touch only the count and the lock, so an administrator's
// reset or disable made while a password was being checked stands; and a
// sign-in confirmed after such a change is refused.
TEST(AccountTables, SignInCountsNeverUndoAnAdministratorsChange) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("b.db"));
  ASSERT_TRUE(store);
  Store& s = **store;
  auto id = s.add_user(user("sam", "social-worker"));
  ASSERT_TRUE(id);
  LockOutRule rule{1000, 5, 900};
  auto counted = s.count_sign_in_attempt("sam", rule);  // read before the reset ...
  ASSERT_TRUE(counted);
  ASSERT_EQ(counted->outcome, SignInAttempt::Outcome::kCounted);
  EXPECT_EQ(counted->user.failed_sign_ins, 1);
  UserChange reset;
  reset.password_hash = "$argon2id$new";
  reset.clear_sign_in_failures = true;
  ASSERT_TRUE(s.change_user(*id, reset));
  // ... the old password was right, but it is no longer the password.
  EXPECT_FALSE(*s.confirm_sign_in(*id, counted->user.password_hash));
  ASSERT_TRUE(s.count_sign_in_attempt("sam", rule));  // a wrong guess after the reset
  EXPECT_EQ((*s.users())[0].password_hash, "$argon2id$new");
  EXPECT_TRUE(*s.confirm_sign_in(*id, "$argon2id$new"));
  EXPECT_EQ((*s.users())[0].failed_sign_ins, 0);
  // Disabled meanwhile: the count stops, the sign-in is refused, the flag stays.
  UserChange off;
  off.disabled = true;
  auto before = s.count_sign_in_attempt("sam", rule);
  ASSERT_TRUE(s.change_user(*id, off));
  EXPECT_FALSE(*s.confirm_sign_in(*id, before->user.password_hash));
  EXPECT_EQ(s.count_sign_in_attempt("sam", rule)->outcome, SignInAttempt::Outcome::kDisabled);
  EXPECT_TRUE((*s.users())[0].disabled);
  EXPECT_EQ(s.count_sign_in_attempt("nobody", rule)->outcome, SignInAttempt::Outcome::kNoSuchUser);
}

// Two connections (two servers on one store) counting at once: every attempt
// is counted, and the fifth locks the account for everyone.
TEST(AccountTables, TheLockOutCountIsAtomicAcrossConnections) {
  TempDir dir;
  auto a = open_sqlite_store(dir.file("b.db"));
  ASSERT_TRUE(a);
  ASSERT_TRUE((*a)->add_user(user("sam", "social-worker")));
  auto b = open_sqlite_store(dir.file("b.db"));
  ASSERT_TRUE(b);
  LockOutRule rule{1000, 5, 900};
  std::atomic<int> counted{0}, locked{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      Store& s = t % 2 ? **a : **b;
      auto r = s.count_sign_in_attempt("sam", rule);
      if (!r) return;
      if (r->outcome == SignInAttempt::Outcome::kCounted) ++counted;
      if (r->outcome == SignInAttempt::Outcome::kLocked) ++locked;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(counted, 5);
  EXPECT_EQ(locked, 3);
  auto u = (*(*a)->users())[0];
  EXPECT_EQ(u.failed_sign_ins, 5);
  EXPECT_EQ(u.locked_until, 1900);
  // A served lock starts the count again.
  rule.now = 1900;
  auto again = (*a)->count_sign_in_attempt("sam", rule);
  ASSERT_EQ(again->outcome, SignInAttempt::Outcome::kCounted);
  EXPECT_EQ(again->user.failed_sign_ins, 1);
  EXPECT_EQ(again->user.locked_until, 0);
}

TEST(AccountTables, AuditTrailFiltersNewestFirst) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("b.db"));
  ASSERT_TRUE(store);
  Store& s = **store;
  ASSERT_TRUE(s.append_audit(
      {0, "2025-01-01T10:00:00Z", "sam", "view-child", "child C1", "", "127.0.0.1"}));
  ASSERT_TRUE(s.append_audit({0, "2025-01-02T10:00:00Z", "kim", "sign-in-failed", "user kim",
                              "wrong password", "10.0.0.9"}));
  ASSERT_TRUE(s.append_audit({0, "", "", "load", "load 1", "added 1", "command line"}));
  auto all = s.audit_entries({});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].action, "load");
  EXPECT_EQ((*all)[0].user, "-");
  EXPECT_FALSE((*all)[0].at.empty());
  auto sam = s.audit_entries({"sam", "", "", "", 100});
  ASSERT_EQ(sam->size(), 1u);
  EXPECT_EQ((*sam)[0].object, "child C1");
  EXPECT_EQ((*sam)[0].client, "127.0.0.1");
  EXPECT_EQ(s.audit_entries({"", "sign-in-failed", "", "", 100})->size(), 1u);
  auto day = s.audit_entries({"", "", "2025-01-02", "2025-01-02", 100});
  ASSERT_EQ(day->size(), 1u);
  EXPECT_EQ((*day)[0].user, "kim");
  EXPECT_EQ(s.audit_entries({"' OR 1=1 --", "", "", "", 100})->size(), 0u);
  EXPECT_EQ(s.audit_entries({"", "", "", "", 2})->size(), 2u);
}

TEST(AccountTables, TheAuditTrailIsReadAPageAtATimeWithEachFilter) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("b.db"));
  ASSERT_TRUE(store);
  Store& s = **store;
  // 25 lines: sam and kim in turn, a view or a sign-in, over five days.
  for (int i = 0; i < 25; ++i)
    ASSERT_TRUE(s.append_audit({0, "2025-01-0" + std::to_string(1 + i / 5) + "T10:00:00Z",
                                i % 2 ? "kim" : "sam", i % 3 ? "view-child" : "sign-in",
                                "line " + std::to_string(i), "", "127.0.0.1"}));
  // Every line of a filter, read 4 at a time from the newest, each page
  // starting below the last id seen: none twice, none missed.
  auto pages = [&](AuditQuery q) {
    q.limit = 4;
    std::vector<std::string> seen;
    for (;;) {
      auto page = s.audit_entries(q);
      if (!page || page->empty()) return seen;
      for (const auto& e : *page) seen.push_back(e.object);
      q.before = page->back().id;
    }
  };
  auto all = pages({});
  ASSERT_EQ(all.size(), 25u);
  EXPECT_EQ(all.front(), "line 24");
  EXPECT_EQ(all.back(), "line 0");
  auto kim = pages({"kim"});
  ASSERT_EQ(kim.size(), 12u);
  EXPECT_EQ(kim.front(), "line 23");
  EXPECT_EQ(pages({"", "sign-in"}).size(), 9u);  // 0, 3, …, 24
  auto kim_views = pages({"kim", "view-child", "2025-01-02", "2025-01-03"});
  // Lines 5–14 fall on 2 and 3 January; kim's are the odd ones, views not a multiple of 3.
  EXPECT_EQ(kim_views, (std::vector<std::string>{"line 13", "line 11", "line 7", "line 5"}));
}

TEST(AccountTables, TheAuditTrailCannotBeChangedEvenWithSql) {
  TempDir dir;
  const auto path = dir.file("b.db");
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE((*store)->append_audit({0, "", "sam", "view-child", "child C1", "", "127.0.0.1"}));
  }
  auto db = sqlite::Database::open(path);
  ASSERT_TRUE(db);
  Status update = db->exec("UPDATE audit_log SET user = 'someone else'");
  EXPECT_FALSE(update);
  EXPECT_NE(update.message().find("append-only"), std::string::npos);
  EXPECT_FALSE(db->exec("DELETE FROM audit_log"));
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM audit_log WHERE user = 'sam'"), 1);
}

TEST(AccountTables, UsersKeptAsASettingMoveToTheTable) {
  TempDir dir;
  const auto path = dir.file("old.db");
  {
    auto db = sqlite::Database::open(path);
    ASSERT_TRUE(store::migrate(*db, 2));
    ASSERT_TRUE(db->exec(
        "INSERT INTO settings VALUES ('users', "
        "'[{\"id\":1,\"name\":\"admin\",\"display_name\":\"Administrator\","
        "\"role\":\"administrator\",\"password_hash\":\"$argon2id$h1\",\"disabled\":false},"
        "{\"id\":2,\"name\":\"old\",\"display_name\":\"Old\",\"role\":\"administrator\",\"password_"
        "hash\":\"h2\","
        "\"disabled\":true}]')"));
  }
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store) << store.status().message();
  auto users = (*store)->users();
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].name, "admin");
  EXPECT_EQ((*users)[0].id, 1);
  EXPECT_EQ((*users)[0].roles, "performance-analyst,administrator");
  EXPECT_EQ((*users)[0].password_hash, "$argon2id$h1");
  EXPECT_FALSE((*users)[0].disabled);
  EXPECT_TRUE((*users)[1].disabled);
  EXPECT_FALSE(*(*store)->setting("users"));  // moved, not copied
}

}  // namespace
}  // namespace beacon
