// `beacon user add|list|disable` as an administrator runs it.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "store/store.h"
#include "cli/run_beacon.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::Run;
using testing::run_beacon;

TEST(CliUser, AddListAndDisable) {
  testing::TempDir dir;
  std::string db = dir.file("b.db");
  auto added = run_beacon("user add --db " + db +
                          " --name sam --display-name Sam --role team-manager --scope T1");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  size_t at = added.output.find("password: ");
  ASSERT_NE(at, std::string::npos);
  std::string password = added.output.substr(at + 10, 20);
  auto again = run_beacon("user add --db " + db + " --name sam --role executive");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("taken"), std::string::npos);
  EXPECT_EQ(run_beacon("user add --db " + db + " --name x --role boss").exit_code, 2);

  auto list = run_beacon("user list --db " + db);
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.output.find("sam\tSam\tteam-manager\tT1\tactive"), std::string::npos)
      << list.output;
  EXPECT_EQ(run_beacon("user disable --db " + db + " --name sam").exit_code, 0);
  EXPECT_NE(run_beacon("user list --db " + db).output.find("\tdisabled"), std::string::npos);
  EXPECT_EQ(run_beacon("user disable --db " + db + " --name nobody").exit_code, 1);

  auto store = open_sqlite_store(db);
  ASSERT_TRUE(store);
  auto users = (*store)->users();
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ((*users)[0].password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ((*users)[0].password_hash.find(password), std::string::npos);
  auto audit = (*store)->audit_entries({});
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].detail, "disabled");
  EXPECT_EQ((*audit)[1].action, "user-add");
  EXPECT_EQ((*audit)[1].client, "command line");
}

TEST(CliUser, ListNeedsAnExistingStore) {
  testing::TempDir dir;
  EXPECT_EQ(run_beacon("user list --db " + dir.file("none.db")).exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir.file("none.db")));
}

}  // namespace
}  // namespace beacon
