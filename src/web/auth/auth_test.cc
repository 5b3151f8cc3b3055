#include <gtest/gtest.h>

#include "web/auth/password.h"
#include "web/auth/sessions.h"
#include "web/auth/users.h"
#include "web/uploads.h"

namespace beacon::web {
namespace {

TEST(PasswordTest, HashesVerifyOnlyTheirPassword) {
  auto h = hash_password("correct horse battery", HashCost::kMinimal);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password("correct horse battery", *h));
  EXPECT_FALSE(verify_password("correct horse batterY", *h));
  EXPECT_FALSE(verify_password("x", "not a hash"));
  EXPECT_FALSE(verify_password("x", ""));
}

TEST(PasswordTest, GeneratedPasswordsAvoidLookAlikes) {
  std::string p = generate_password(200);
  EXPECT_EQ(p.size(), 200u);
  EXPECT_EQ(p.find_first_of("0O1lI"), std::string::npos);
  EXPECT_NE(generate_password(), generate_password());
  EXPECT_EQ(random_token(32).size(), 64u);
  EXPECT_FALSE(password_problem("short").empty());
  EXPECT_TRUE(password_problem("twelve chars").empty());
}

// Issue 13, item 8: the weak passwords a probe set, refused with the reason.
TEST(PasswordTest, WeakPasswordsAreRefused) {
  EXPECT_NE(password_problem("aaaaaaaaaaaa").find("repeated"), std::string::npos);
  EXPECT_NE(password_problem("abababababab").find("repeated"), std::string::npos);
  EXPECT_NE(password_problem(std::string(12, ' ')).find("spaces"), std::string::npos);
  EXPECT_NE(password_problem("\t \t \t \t \t \t ").find("spaces"), std::string::npos);
  EXPECT_NE(password_problem("password1234").find("commonly used"), std::string::npos);
  EXPECT_NE(password_problem("PassWord1234").find("commonly used"), std::string::npos);  // any case
  EXPECT_NE(password_problem("qwertyuiopasdfgh").find("commonly used"), std::string::npos);
  EXPECT_NE(password_problem("samanthasamantha", "samantha").find("user name"), std::string::npos);
  EXPECT_NE(password_problem("my-Samantha-2026", "samantha").find("user name"), std::string::npos);
  // The list shipped with Beacon holds 10,000 passwords of 12 or more characters.
  EXPECT_TRUE(is_common_password("password1234"));
  EXPECT_FALSE(is_common_password("correct horse battery"));
  // Good ones pass.
  EXPECT_EQ(password_problem("correct horse battery", "samantha"), "");
  EXPECT_EQ(password_problem("Tr4vel-by-canal-boat", "sam"), "");
}

TEST(SessionTableTest, IdleAndAbsoluteTimeouts) {
  int64_t now = 1000;
  SessionLimits limits;
  limits.idle_seconds = 60;
  limits.absolute_seconds = 150;
  SessionTable t(limits, [&] { return now; });
  Session s;
  s.user_name = "admin";
  std::string token = t.start(s);
  now += 50;
  ASSERT_TRUE(t.find(token));  // touches the idle timer
  now += 50;
  auto found = t.find(token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_name, "admin");
  EXPECT_EQ(found->csrf_token.size(), 64u);
  now += 51;  // 151 s after the start: past the absolute limit
  EXPECT_FALSE(t.find(token));

  std::string idle = t.start(s);
  now += 61;
  EXPECT_FALSE(t.find(idle));
  EXPECT_FALSE(t.find("not a token"));
}

TEST(SessionTableTest, EndAndCsrf) {
  SessionTable t;
  std::string token = t.start(Session{});
  auto s = t.find(token);
  ASSERT_TRUE(s);
  EXPECT_TRUE(SessionTable::csrf_matches(*s, s->csrf_token));
  EXPECT_FALSE(SessionTable::csrf_matches(*s, ""));
  EXPECT_FALSE(SessionTable::csrf_matches(*s, std::string(64, 'a')));
  t.end(token);
  EXPECT_FALSE(t.find(token));
}

TEST(SessionTableTest, OldestDroppedBeyondTheLimit) {
  int64_t now = 0;
  SessionLimits limits;
  limits.max_sessions = 2;
  SessionTable t(limits, [&] { return now; });
  std::string a = t.start(Session{});
  ++now;
  std::string b = t.start(Session{});
  ++now;
  std::string c = t.start(Session{});
  EXPECT_FALSE(t.find(a));
  EXPECT_TRUE(t.find(b));
  EXPECT_TRUE(t.find(c));
}

TEST(FirstAdministratorTest, CreatedOnceWithAGeneratedPassword) {
  MemoryUserDirectory users;
  auto first = ensure_first_administrator(users, true);
  ASSERT_TRUE(first);
  ASSERT_TRUE(*first);
  EXPECT_EQ((*first)->name, "admin");
  auto stored = users.find("admin");
  ASSERT_TRUE(stored && *stored);
  EXPECT_TRUE(verify_password((*first)->password, (*stored)->password_hash));
  EXPECT_NE((*stored)->password_hash, (*first)->password);
  EXPECT_EQ((*stored)->roles, first_administrator_roles());
  auto again = ensure_first_administrator(users, true);
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
}

TEST(LockOutTest, FiveFailuresLockForFifteenMinutes) {
  UserAccount u;
  int64_t now = 1000;
  for (int i = 1; i < kLockAfterFailures; ++i) {
    u = after_counted_attempt(u, now);
    EXPECT_FALSE(is_locked(u, now)) << i;
  }
  u = after_counted_attempt(u, now);
  EXPECT_TRUE(is_locked(u, now));
  EXPECT_TRUE(is_locked(u, now + kLockSeconds - 1));
  EXPECT_FALSE(is_locked(u, now + kLockSeconds));
  // After the lock has run out, counting starts again.
  u = after_counted_attempt(u, now + kLockSeconds + 1);
  EXPECT_EQ(u.failed_sign_ins, 1);
  EXPECT_FALSE(is_locked(u, now + kLockSeconds + 1));
}

TEST(SessionTableTest, EndUserEndsEveryOneOfTheirSessions) {
  SessionTable t;
  Session a;
  a.user_id = 7;
  Session b;
  b.user_id = 8;
  std::string a1 = t.start(a), a2 = t.start(a), b1 = t.start(b);
  t.end_user(7);
  EXPECT_FALSE(t.find(a1));
  EXPECT_FALSE(t.find(a2));
  EXPECT_TRUE(t.find(b1));
}

TEST(SafeFileNameTest, NoPathsNoHiddenFiles) {
  EXPECT_EQ(safe_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(safe_file_name("C:\\data\\ssd_person.csv"), "ssd_person.csv");
  EXPECT_EQ(safe_file_name(".."), "upload");
  EXPECT_EQ(safe_file_name(".bashrc"), "bashrc");
  EXPECT_EQ(safe_file_name("903 header 2024-25.csv"), "903_header_2024-25.csv");
  EXPECT_EQ(safe_file_name(std::string(300, 'a')).size(), 100u);
}

// Issue 13, item 11: a stored load report that names the server's upload
// folder is shown with the uploaded names only.
TEST(SafeFileNameTest, UploadFoldersAreTakenOutOfWhatIsShown) {
  const std::string dir = "/srv/beacon/uploads";
  EXPECT_EQ(without_upload_folders("/srv/beacon/uploads/3f9a0c/cin_2024.xml", dir), "cin_2024.xml");
  EXPECT_EQ(without_upload_folders("{\"file\":\"/srv/beacon/uploads/3f9a0c/cin.xml\",\"line\":3}", dir + "/"),
            "{\"file\":\"cin.xml\",\"line\":3}");
  EXPECT_EQ(without_upload_folders("/srv/beacon/uploads/a1/x.csv, /srv/beacon/uploads/b2/2-x.csv", dir), "x.csv, 2-x.csv");
  EXPECT_EQ(without_upload_folders("/srv/beacon/uploads/notafolder.csv", dir), "/srv/beacon/uploads/notafolder.csv");
  EXPECT_EQ(without_upload_folders("/elsewhere/a1/x.csv", dir), "/elsewhere/a1/x.csv");
  EXPECT_EQ(without_upload_folders("anything", ""), "anything");
}

}  // namespace
}  // namespace beacon::web
