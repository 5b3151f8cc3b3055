#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "model/field_text.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::TempDir;

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// A distinct, non-empty value of every field type the model uses.
void fill(std::string& v, int seed, const char* name) {
  v = std::string(name) + " " + std::to_string(seed) + " \"quoted\", 'é'; ∑";
}
void fill(Date& v, int seed, const char*) { v = D(2020, 1, 1).add_days(seed); }
void fill(OptDate& v, int seed, const char*) { v = D(2021, 2, 1).add_days(seed); }
void fill(DateTime& v, int seed, const char*) { v = {D(2022, 3, 1), 36000 + seed, true}; }
void fill(OptDateTime& v, int seed, const char*) { v = DateTime{D(2022, 3, 2), 7 + seed, true}; }
void fill(std::optional<bool>& v, int seed, const char*) { v = seed % 2 == 0; }
void fill(std::optional<int>& v, int seed, const char*) { v = seed * 7 - 300; }
void fill(std::optional<double>& v, int seed, const char*) { v = 0.1 * seed + 1.0 / 3; }
void fill(int& v, int seed, const char*) { v = seed + 2; }
void fill(int64_t& v, int seed, const char*) { v = (int64_t{1} << 40) + seed; }
void fill(double& v, int seed, const char*) { v = 2.5e-7 * seed; }
void fill(Codes& v, int seed, const char*) { v = {"A" + std::to_string(seed), "B"}; }

template <class R>
R filled(int seed) {
  R r;
  R::visit(r, [&seed](const char* name, auto& v, FieldRole) { fill(v, seed++, name); });
  return r;
}

template <class R>
std::vector<std::string> texts(const R& r) {
  std::vector<std::string> out;
  R::visit(r, [&out](const char*, const auto& v, FieldRole) { out.push_back(field_text(v)); });
  return out;
}

Contribution contribution(Source source, const std::string& table, int year) {
  Contribution c;
  c.source = source;
  c.table = table;
  c.collection_year = year;
  c.as_of = year ? D(year + 1, 3, 31) : D(2025, 6, 1);
  c.files = table + ".csv";
  return c;
}

std::unique_ptr<Store> open_store(const std::string& path) {
  auto s = open_sqlite_store(path);
  EXPECT_TRUE(s) << s.status().message();
  return std::move(s).value();
}

TEST(SqliteStore, RoundTripsEveryTableAndEveryFieldType) {
  TempDir dir;
  Batch batch;
  batch.contributions.push_back(contribution(Source::kSsd, "ssd_person", 0));
  batch.contributions.push_back(contribution(Source::kLocal, "workers", 0));
  batch.contributions[0].carried = {{"children", {"id", "upn"}}, {"workers", {}}};
  batch.records.for_each_table([](auto& table) {
    using R = typename std::decay_t<decltype(table)>::value_type;
    table.push_back(filled<R>(1));
    table.back().ordinal = 3;
    table.back().line = 17;
    table.back().contribution = 1;
    table.push_back(R{});  // every optional field empty
    table.back().contribution = 0;
  });
  {
    auto store = open_store(dir.file("beacon.db"));
    auto id = store->commit_load(batch, {0, "", "tester", "a.csv", "added 58", "{}"});
    ASSERT_TRUE(id) << id.status().message();
  }
  auto store = open_store(dir.file("beacon.db"));  // read back after reopening
  auto contributions = store->contributions();
  ASSERT_TRUE(contributions);
  ASSERT_EQ(contributions->size(), 2u);
  const auto& c = (*contributions)[0];
  EXPECT_EQ(c.key(), "ssd/ssd_person/0");
  EXPECT_EQ(c.as_of, D(2025, 6, 1));
  EXPECT_EQ(c.files, "ssd_person.csv");
  EXPECT_EQ(c.carried, batch.contributions[0].carried);
  EXPECT_EQ((*contributions)[1].source, Source::kLocal);

  auto records = store->read_records();
  ASSERT_TRUE(records) << records.status().message();
  records->for_each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table)>::value_type;
    SCOPED_TRACE(R::kTable);
    const auto& sent = batch.records.table<R>();
    ASSERT_EQ(table.size(), 2u);
    EXPECT_EQ(texts(table[0]), texts(sent[0]));
    EXPECT_EQ(table[0].ordinal, 3);
    EXPECT_EQ(table[0].line, 17);
    EXPECT_EQ(table[0].contribution, (*contributions)[1].id);
    EXPECT_EQ(texts(table[1]), texts(sent[1]));
    EXPECT_EQ(table[1].contribution, (*contributions)[0].id);
  });
}

TEST(SqliteStore, DatesAreIsoTextAndEmptyValuesNull) {
  // Analysts query the file directly: dates must read as dates.
  TempDir dir;
  Batch batch;
  batch.contributions.push_back(contribution(Source::kCinCensus, "*", 2024));
  CinEpisode e;
  e.child_id = "C1";
  e.referral_date = D(2024, 5, 2);
  batch.records.cin_episodes.push_back(e);
  ASSERT_TRUE(open_store(dir.file("b.db"))->commit_load(batch, {}));
  auto db = sqlite::Database::open(dir.file("b.db"));
  ASSERT_TRUE(db);
  auto stmt = db->prepare(
      "SELECT referral_date, closure_date IS NULL, c.as_of FROM cin_episodes "
      "JOIN contributions c ON c.id = contribution_id");
  ASSERT_TRUE(stmt);
  ASSERT_TRUE(*stmt->step());
  EXPECT_EQ(stmt->text(0), "2024-05-02");
  EXPECT_EQ(stmt->int64(1), 1);
  EXPECT_EQ(stmt->text(2), "2025-03-31");
}

TEST(SqliteStore, ReadsOnlyTheTablesAskedFor) {
  Batch batch;
  batch.contributions.push_back(contribution(Source::kLocal, "workers", 0));
  batch.records.workers.push_back(filled<Worker>(1));
  batch.records.supervisions.push_back(filled<Supervision>(1));
  auto store = open_store(":memory:");
  ASSERT_TRUE(store->commit_load(batch, {}));
  std::set<std::string> only = {"workers"};
  auto records = store->read_records(&only);
  ASSERT_TRUE(records);
  EXPECT_EQ(records->workers.size(), 1u);
  EXPECT_TRUE(records->supervisions.empty());
}

TEST(SqliteStore, ResubmittingAContributionReplacesIt) {
  auto store = open_store(":memory:");
  Batch first;
  first.contributions.push_back(contribution(Source::kCinCensus, "*", 2023));
  first.contributions.push_back(contribution(Source::kCinCensus, "*", 2024));
  for (int c : {0, 1}) {
    CinEpisode e;
    e.contribution = c;
    e.child_id = "C" + std::to_string(c);
    e.referral_date = D(2023, 5, 1);
    first.records.cin_episodes.push_back(e);
    first.records.cin_episodes.push_back(e);
    first.records.cin_episodes.back().ordinal = 2;
  }
  ASSERT_TRUE(store->commit_load(first, {}));

  Batch again;  // 2024 resubmitted with one record
  again.contributions.push_back(contribution(Source::kCinCensus, "*", 2024));
  again.contributions[0].files = "resubmitted.xml";
  CinEpisode e;
  e.child_id = "C9";
  e.referral_date = D(2024, 5, 1);
  again.records.cin_episodes.push_back(e);
  ASSERT_TRUE(store->commit_load(again, {}));

  auto contributions = store->contributions();
  ASSERT_TRUE(contributions);
  ASSERT_EQ(contributions->size(), 2u);
  EXPECT_EQ((*contributions)[0].collection_year, 2023);
  EXPECT_EQ((*contributions)[1].collection_year, 2024);
  EXPECT_EQ((*contributions)[1].files, "resubmitted.xml");
  auto records = store->read_records();
  ASSERT_TRUE(records);
  ASSERT_EQ(records->cin_episodes.size(), 3u);
  EXPECT_EQ(records->cin_episodes[0].child_id, "C0");
  EXPECT_EQ(records->cin_episodes[1].child_id, "C0");
  EXPECT_EQ(records->cin_episodes[2].child_id, "C9");
  EXPECT_EQ(records->cin_episodes[2].contribution, (*contributions)[1].id);
}

TEST(SqliteStore, FailedCommitChangesNothing) {
  auto store = open_store(":memory:");
  Batch good;
  good.contributions.push_back(contribution(Source::kLocal, "workers", 0));
  good.records.workers.push_back(filled<Worker>(1));
  ASSERT_TRUE(store->commit_load(good, {}));

  // Replaces the workers, then fails on a later table's bad reference.
  Batch bad;
  bad.contributions.push_back(contribution(Source::kLocal, "workers", 0));
  bad.records.workers.push_back(filled<Worker>(2));
  bad.records.supervisions.push_back(filled<Supervision>(1));
  bad.records.supervisions.back().contribution = 5;
  auto result = store->commit_load(bad, {});
  ASSERT_FALSE(result);
  EXPECT_NE(result.status().message().find("supervisions"), std::string::npos);

  auto records = store->read_records();
  ASSERT_TRUE(records);
  ASSERT_EQ(records->workers.size(), 1u);
  EXPECT_EQ(texts(records->workers[0]), texts(good.records.workers[0]));
  EXPECT_TRUE(records->supervisions.empty());
  EXPECT_EQ(store->contributions()->size(), 1u);
  EXPECT_EQ(store->loads()->size(), 1u);
}

TEST(SqliteStore, RefusesTwoContributionsWithOneKeyInOneLoad) {
  auto store = open_store(":memory:");
  Batch batch;
  batch.contributions.push_back(contribution(Source::kCinCensus, "*", 2024));
  batch.contributions.push_back(contribution(Source::kCinCensus, "*", 2024));
  batch.contributions[0].files = "a.xml";
  batch.contributions[1].files = "b.xml";
  auto result = store->commit_load(batch, {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().message(),
            "two parts of one load are both cin-census/*/2024 (a.xml; b.xml)");
  EXPECT_TRUE(store->loads()->empty());
}

TEST(SqliteStore, KeepsTheLoadHistoryNewestFirst) {
  auto store = open_store(":memory:");
  Batch batch;
  auto first = store->commit_load(batch, {0, "2026-01-02T03:04:05Z", "ann", "a.xml", "one", "{}"});
  auto second = store->commit_load(batch, {0, "", "bob", "b.xml", "two", R"({"x":1})"});
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_LT(*first, *second);
  auto loads = store->loads();
  ASSERT_TRUE(loads);
  ASSERT_EQ(loads->size(), 2u);
  EXPECT_EQ((*loads)[0].id, *second);
  EXPECT_EQ((*loads)[0].user, "bob");
  EXPECT_EQ((*loads)[0].report_json, R"({"x":1})");
  EXPECT_EQ((*loads)[0].at.size(), 20u);  // filled in: YYYY-MM-DDTHH:MM:SSZ
  EXPECT_EQ((*loads)[1].at, "2026-01-02T03:04:05Z");
  EXPECT_EQ((*loads)[1].files, "a.xml");
  EXPECT_EQ((*loads)[1].summary, "one");
}

TEST(SqliteStore, Settings) {
  auto store = open_store(":memory:");
  EXPECT_EQ(*store->setting("theme"), std::nullopt);
  ASSERT_TRUE(store->put_setting("theme", "dark"));
  ASSERT_TRUE(store->put_setting("theme", R"({"mode":"light"})"));
  EXPECT_EQ(*store->setting("theme"), R"({"mode":"light"})");
}

TEST(SqliteStore, FilesAreForTheOwnerOnly) {
  TempDir dir;
  Batch batch;
  batch.contributions.push_back(contribution(Source::kLocal, "workers", 0));
  auto store = open_store(dir.file("b.db"));
  ASSERT_TRUE(store->commit_load(batch, {}));
  for (const char* name : {"b.db", "b.db-wal"}) {
    struct stat st {};
    ASSERT_EQ(::stat(dir.file(name).c_str(), &st), 0) << name;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
  }
}

TEST(SqliteStore, RefusesALinkToNothing) {
  TempDir dir;
  ASSERT_EQ(::symlink(dir.file("missing.db").c_str(), dir.file("link.db").c_str()), 0);
  auto result = open_sqlite_store(dir.file("link.db"));
  ASSERT_FALSE(result);
  EXPECT_NE(result.status().message().find("cannot use the store"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.db")));
}

TEST(SqliteStore, RefusesAFileThatIsNotABeaconStore) {
  TempDir dir;
  auto text = dir.write("notes.txt", std::string(5000, 'x'));
  auto result = open_sqlite_store(text);
  ASSERT_FALSE(result);
  EXPECT_NE(result.status().message().find("notes.txt cannot be used as a Beacon store"),
            std::string::npos);
  EXPECT_EQ(testing::file_bytes(text), std::string(5000, 'x'));

  auto other = dir.file("other.db");
  {
    auto db = sqlite::Database::open(other);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)"));
  }
  auto before = testing::file_bytes(other);
  auto refused = open_sqlite_store(other);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.status().message().find("not a Beacon store"), std::string::npos);
  EXPECT_EQ(testing::file_bytes(other), before);
}

TEST(SqliteStore, RefusesAStoredValueItCannotRead) {
  TempDir dir;
  Batch batch;
  batch.contributions.push_back(contribution(Source::kLocal, "workers", 0));
  batch.records.workers.push_back(filled<Worker>(1));
  ASSERT_TRUE(open_store(dir.file("b.db"))->commit_load(batch, {}));
  {
    auto db = sqlite::Database::open(dir.file("b.db"));
    ASSERT_TRUE(db->exec("UPDATE workers SET in_post_from = '31/02/2024'"));
  }
  auto records = open_store(dir.file("b.db"))->read_records();
  ASSERT_FALSE(records);
  EXPECT_EQ(records.status().message(),
            "the store's workers table holds '31/02/2024' in column in_post_from, which is not "
            "a valid value");
}

}  // namespace
}  // namespace beacon
