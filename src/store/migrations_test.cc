#include "store/migrations.h"

#include <gtest/gtest.h>

#include "store/record_tables.h"
#include "store/store.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::TempDir;

// A store as schema version 1 left it: contributions and settings, no load history.
void write_version_1_store(const std::string& path) {
  auto db = sqlite::Database::open(path);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->exec("PRAGMA foreign_keys = ON"));
  ASSERT_TRUE(store::migrate(*db, 1));
  ASSERT_TRUE(store::sync_record_tables(*db));
  ASSERT_TRUE(db->exec(
      "INSERT INTO contributions (key, source, source_table, collection_year, as_of, carried, "
      "files) VALUES ('cin-census/*/2023', 'cin-census', '*', 2023, '2024-03-31', "
      "'{\"children\":[\"id\",\"sex\"]}', 'cin.xml');"
      "INSERT INTO children (contribution_id, ordinal, line, id, sex) VALUES (1, 1, 7, 'C1', 'F');"
      "INSERT INTO settings VALUES ('k', 'v');"));
}

TEST(Migrations, AnOldStoreIsBroughtUpToDateKeepingItsData) {
  TempDir dir;
  const auto path = dir.file("old.db");
  write_version_1_store(path);
  {
    auto db = sqlite::Database::open(path);
    EXPECT_EQ(*db->query_int("PRAGMA user_version"), 1);
  }
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store) << store.status().message();
  auto contributions = (*store)->contributions();
  ASSERT_TRUE(contributions);
  ASSERT_EQ(contributions->size(), 1u);
  EXPECT_EQ((*contributions)[0].key(), "cin-census/*/2023");
  EXPECT_EQ((*contributions)[0].carried.at("children").count("sex"), 1u);
  auto records = (*store)->read_records();
  ASSERT_TRUE(records);
  ASSERT_EQ(records->children.size(), 1u);
  EXPECT_EQ(records->children[0].sex, "F");
  EXPECT_EQ(records->children[0].line, 7);
  EXPECT_EQ(*(*store)->setting("k"), "v");
  // The load history, new in version 2, works.
  EXPECT_TRUE((*store)->loads()->empty());
  ASSERT_TRUE((*store)->commit_load(Batch{}, {0, "", "u", "f", "s", "{}"}));
  EXPECT_EQ((*store)->loads()->size(), 1u);
  store->reset();
  auto db = sqlite::Database::open(path);
  EXPECT_EQ(*db->query_int("PRAGMA user_version"), store::latest_schema_version());
}

TEST(Migrations, AColumnNewToTheModelIsAddedAndOldRowsReadEmpty) {
  TempDir dir;
  const auto path = dir.file("old.db");
  write_version_1_store(path);
  {
    // As if the store predates Child::nationality.
    auto db = sqlite::Database::open(path);
    ASSERT_TRUE(db->exec("ALTER TABLE children DROP COLUMN nationality"));
  }
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store) << store.status().message();
  auto records = (*store)->read_records();
  ASSERT_TRUE(records);
  ASSERT_EQ(records->children.size(), 1u);
  EXPECT_EQ(records->children[0].nationality, "");
  Batch batch;
  batch.contributions.push_back({});
  batch.records.children.push_back({});
  batch.records.children[0].id = "C2";
  batch.records.children[0].nationality = "ERI";
  ASSERT_TRUE((*store)->commit_load(batch, {}));
  records = (*store)->read_records();
  ASSERT_EQ(records->children.size(), 2u);
  EXPECT_EQ(records->children[1].nationality, "ERI");
}

TEST(Migrations, RefusesAStoreFromANewerBeacon) {
  TempDir dir;
  const auto path = dir.file("new.db");
  write_version_1_store(path);
  {
    auto db = sqlite::Database::open(path);
    ASSERT_TRUE(db->exec("PRAGMA user_version = 99"));
  }
  auto store = open_sqlite_store(path);
  ASSERT_FALSE(store);
  EXPECT_NE(store.status().message().find("written by a newer Beacon (schema version 99"),
            std::string::npos);
}

TEST(Migrations, OpeningAnUpToDateStoreWritesNothing) {
  TempDir dir;
  const auto path = dir.file("b.db");
  ASSERT_TRUE(open_sqlite_store(path));
  const auto before = testing::file_bytes(path);
  ASSERT_TRUE(open_sqlite_store(path));
  EXPECT_EQ(testing::file_bytes(path), before);
}

}  // namespace
}  // namespace beacon
