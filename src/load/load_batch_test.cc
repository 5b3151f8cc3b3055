#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "load/load.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::file_bytes;
using testing::TempDir;

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// One year's CIN census as a reader would hand it over: episodes for
// (child, referral, closure).
struct Ep {
  const char* child;
  Date referral;
  OptDate closed;
  const char* need = "N1";
};

Batch cin_census(int year, std::vector<Ep> episodes) {
  Batch b;
  Contribution c;
  c.source = Source::kCinCensus;
  c.table = "*";
  c.collection_year = year;
  c.as_of = D(year + 1, 3, 31);
  c.carried["cin_episodes"] = {"child_id", "referral_date", "primary_need", "closure_date"};
  c.files = "cin_" + std::to_string(year) + ".xml";
  b.contributions.push_back(c);
  int line = 10;
  for (const auto& e : episodes) {
    CinEpisode r;
    r.child_id = e.child;
    r.referral_date = e.referral;
    r.closure_date = e.closed;
    r.primary_need = e.need;
    r.line = line++;
    b.records.cin_episodes.push_back(r);
  }
  b.counts["CINdetails"] = {static_cast<int64_t>(episodes.size()), 0};
  return b;
}

Problem problem(Severity severity, const std::string& code, int line) {
  Problem p;
  p.severity = severity;
  p.file = "cin.xml";
  p.line = line;
  p.field = "PrimaryNeedCode";
  p.message = "a message";
  p.code = code;
  return p;
}

LoadOptions options() {
  LoadOptions o;
  o.user = "tester";
  o.today = D(2025, 6, 1);
  return o;
}

std::unique_ptr<Store> open_store(const std::string& path) {
  auto s = open_sqlite_store(path);
  EXPECT_TRUE(s) << s.status().message();
  return std::move(s).value();
}

TEST(LoadBatch, ReportsWhatAFirstLoadAdds) {
  auto store = open_store(":memory:");
  auto batch = cin_census(2023, {{"C1", D(2023, 5, 2), std::nullopt},
                                 {"C2", D(2023, 6, 1), D(2023, 9, 1)},
                                 {"C3", D(2023, 7, 1), D(2024, 1, 5)}});
  batch.notes.push_back("collection year 2023-24 from the header ReferenceDate");
  auto report = load_batch(*store, batch, {"cin_2023.xml"}, options());
  ASSERT_TRUE(report.ok) << report.refused;
  EXPECT_GT(report.load_id, 0);
  ASSERT_EQ(report.contributions.size(), 1u);
  EXPECT_EQ(report.contributions[0].key, "cin-census/*/2023");
  EXPECT_FALSE(report.contributions[0].replaces);
  EXPECT_EQ(report.read["CINdetails"].read, 3);
  EXPECT_EQ(report.changes["cin_episodes"].added, 3);
  EXPECT_EQ(report.summary(), "added 3, changed 0, withdrawn 0, rejected 0");
  EXPECT_EQ(report.notes, batch.notes);

  auto loads = store->loads();
  ASSERT_EQ(loads->size(), 1u);
  EXPECT_EQ((*loads)[0].id, report.load_id);
  EXPECT_EQ((*loads)[0].user, "tester");
  EXPECT_EQ((*loads)[0].files, "cin_2023.xml");
  EXPECT_EQ((*loads)[0].summary, report.summary());
  auto json = nlohmann::json::parse((*loads)[0].report_json);
  EXPECT_EQ(json["ok"], true);
  EXPECT_EQ(json["changes"]["cin_episodes"]["added"], 3);
  EXPECT_EQ(json["notes"][0], batch.notes[0]);
}

TEST(LoadBatch, NextYearChangesAddsAndWithdraws) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(load_batch(*store,
                         cin_census(2023, {{"C1", D(2023, 5, 2), std::nullopt},
                                           {"C2", D(2023, 6, 1), std::nullopt},
                                           {"C3", D(2023, 7, 1), D(2024, 1, 5)}}),
                         {"cin_2023.xml"}, options())
                  .ok);
  // 2024: C1 now closed, C2 (open last year) gone, C3 (finished) not listed, C4 new.
  auto report = load_batch(
      *store,
      cin_census(2024, {{"C1", D(2023, 5, 2), D(2024, 6, 1)}, {"C4", D(2024, 8, 1), std::nullopt}}),
      {"cin_2024.xml"}, options());
  ASSERT_TRUE(report.ok) << report.refused;
  EXPECT_EQ(report.changes["cin_episodes"].added, 1);
  EXPECT_EQ(report.changes["cin_episodes"].changed, 1);
  EXPECT_EQ(report.changes["cin_episodes"].removed, 1);
  ASSERT_EQ(report.withdrawn.size(), 1u);
  EXPECT_EQ(report.withdrawn[0].key, "child_id C2, referral_date 2023-06-01");
  EXPECT_EQ(report.withdrawn[0].listed_by, "cin-census/*/2023");
  EXPECT_EQ(report.withdrawn[0].missing_from, "cin-census/*/2024");
  EXPECT_NE(report.to_text().find("cin_episodes: child_id C2, referral_date 2023-06-01 (listed by "
                                  "cin-census/*/2023, missing from cin-census/*/2024)"),
            std::string::npos);

  // Both years stay stored; the withdrawal is derived, not a deletion.
  EXPECT_EQ(store->contributions()->size(), 2u);
  EXPECT_EQ(store->read_records()->cin_episodes.size(), 5u);
}

TEST(LoadBatch, AnOlderReturnLoadedLaterChangesNothingTheNewerOneSays) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(load_batch(*store, cin_census(2024, {{"C1", D(2023, 5, 2), D(2024, 6, 1), "N4"}}), {},
                         options())
                  .ok);
  auto report = load_batch(*store, cin_census(2023, {{"C1", D(2023, 5, 2), std::nullopt, "N1"}}),
                           {}, options());
  ASSERT_TRUE(report.ok);
  EXPECT_EQ(report.changes["cin_episodes"].added, 0);
  EXPECT_EQ(report.changes["cin_episodes"].changed, 0);
  EXPECT_EQ(report.summary(), "added 0, changed 0, withdrawn 0, rejected 0");
}

TEST(LoadBatch, AResubmittedYearReplacesItsPredecessor) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(load_batch(*store,
                         cin_census(2024, {{"C1", D(2024, 5, 2), std::nullopt},
                                           {"C2", D(2024, 5, 2), std::nullopt}}),
                         {}, options())
                  .ok);
  auto report =
      load_batch(*store, cin_census(2024, {{"C1", D(2024, 5, 2), D(2024, 9, 9)}}), {}, options());
  ASSERT_TRUE(report.ok);
  ASSERT_EQ(report.contributions.size(), 1u);
  EXPECT_TRUE(report.contributions[0].replaces);
  EXPECT_EQ(report.changes["cin_episodes"].changed, 1);
  EXPECT_EQ(report.changes["cin_episodes"].removed, 1);  // C2 is not in the resubmission
  EXPECT_TRUE(report.withdrawn.empty());                 // replaced, not withdrawn by a later year
  EXPECT_EQ(store->read_records()->cin_episodes.size(), 1u);
}

TEST(LoadBatch, AnyErrorRefusesTheLoadAndLeavesTheFileUntouched) {
  TempDir dir;
  const auto path = dir.file("beacon.db");
  ASSERT_TRUE(load_batch(*open_store(path), cin_census(2023, {{"C1", D(2023, 5, 2), std::nullopt}}),
                         {}, options())
                  .ok);
  const auto before = file_bytes(path);

  auto batch = cin_census(2024, {{"C9", D(2024, 5, 2), std::nullopt}});
  batch.problems.push_back(problem(Severity::kError, "code.unknown", 41));
  batch.problems.push_back(problem(Severity::kFinding, "dq.x", 42));
  batch.problems.push_back(problem(Severity::kError, "date.impossible", 57));
  batch.counts["CINdetails"].rejected = 2;
  LoadReport report;
  {
    auto store = open_store(path);
    report = load_batch(*store, batch, {"cin_2024.xml"}, options());
    EXPECT_EQ(store->loads()->size(), 1u);
  }
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.load_id, 0);
  EXPECT_NE(report.refused.find("2 problems"), std::string::npos);
  ASSERT_EQ(report.errors.size(), 2u);
  auto text = report.to_text();
  EXPECT_NE(text.find("Nothing was loaded"), std::string::npos);
  EXPECT_NE(text.find("cin.xml:41: PrimaryNeedCode: a message"), std::string::npos);
  EXPECT_NE(text.find("cin.xml:57: PrimaryNeedCode: a message"), std::string::npos);
  EXPECT_EQ(file_bytes(path), before);
}

TEST(LoadBatch, DryRunReportsButLeavesTheFileUntouched) {
  TempDir dir;
  const auto path = dir.file("beacon.db");
  ASSERT_TRUE(load_batch(*open_store(path), cin_census(2023, {{"C1", D(2023, 5, 2), std::nullopt}}),
                         {}, options())
                  .ok);
  const auto before = file_bytes(path);
  auto o = options();
  o.dry_run = true;
  LoadReport report;
  {
    auto store = open_store(path);
    report = load_batch(*store, cin_census(2024, {{"C2", D(2024, 5, 2), std::nullopt}}), {}, o);
  }
  EXPECT_TRUE(report.ok);
  EXPECT_TRUE(report.dry_run);
  EXPECT_EQ(report.load_id, 0);
  EXPECT_EQ(report.changes["cin_episodes"].added, 1);
  EXPECT_EQ(report.changes["cin_episodes"].removed, 1);
  EXPECT_NE(report.to_text().find("Dry run: nothing was written"), std::string::npos);
  EXPECT_EQ(file_bytes(path), before);
}

TEST(LoadBatch, SettingBadRowsAsideLoadsTheRestAndListsThem) {
  auto store = open_store(":memory:");
  auto batch = cin_census(2024, {{"C1", D(2024, 5, 2), std::nullopt}});
  batch.problems.push_back(problem(Severity::kError, "date.impossible", 57));
  batch.counts["CINdetails"] = {2, 1};
  auto o = options();
  o.set_aside_bad_rows = true;
  auto report = load_batch(*store, batch, {}, o);
  ASSERT_TRUE(report.ok) << report.refused;
  EXPECT_EQ(report.summary(), "added 1, changed 0, withdrawn 0, rejected 1");
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.to_text().find("Rows set aside (not loaded):\n  cin.xml:57"), std::string::npos);
}

TEST(LoadBatch, FindingsAreSummarisedByCodeWithTheFirstExamples) {
  auto store = open_store(":memory:");
  auto batch = cin_census(2024, {{"C1", D(2024, 5, 2), std::nullopt}});
  for (int line = 1; line <= 5; ++line)
    batch.problems.push_back(problem(Severity::kFinding, "dq.code-unknown", line));
  batch.problems.push_back(problem(Severity::kFinding, "dq.duplicate-key", 9));
  auto report = load_batch(*store, batch, {}, options());
  ASSERT_TRUE(report.ok);
  ASSERT_EQ(report.findings.size(), 2u);
  EXPECT_EQ(report.findings[0].code, "dq.code-unknown");
  EXPECT_EQ(report.findings[0].count, 5);
  ASSERT_EQ(report.findings[0].examples.size(), 3u);
  EXPECT_EQ(report.findings[0].examples[2].line, 3);
  EXPECT_EQ(report.findings[1].count, 1);
  auto json = nlohmann::json::parse(report.to_json());
  EXPECT_EQ(json["findings"][0]["count"], 5);
  EXPECT_EQ(json["findings"][0]["examples"].size(), 3u);
}

TEST(LoadBatch, RefusesTwoFilesMakingOneContribution) {
  auto store = open_store(":memory:");
  auto batch = cin_census(2024, {{"C1", D(2024, 5, 2), std::nullopt}});
  auto second = cin_census(2024, {{"C2", D(2024, 5, 2), std::nullopt}});
  second.contributions[0].files = "cin_2024_copy.xml";
  batch.append(std::move(second));
  auto report = load_batch(*store, batch, {}, options());
  EXPECT_FALSE(report.ok);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].to_string(),
            "cin_2024_copy.xml: holds the same return or table as cin_2024.xml "
            "(cin-census/*/2024); load one of them");
  EXPECT_TRUE(store->loads()->empty());
}

TEST(LoadBatch, NothingToLoadIsRefused) {
  auto store = open_store(":memory:");
  auto report = load_batch(*store, Batch{}, {}, options());
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.refused, "there is nothing to load.");
}

TEST(LoadBatch, SameInputGivesTheSameReport) {
  auto run = [] {
    auto store = open_store(":memory:");
    (void)load_batch(*store,
                     cin_census(2023, {{"C2", D(2023, 5, 2), std::nullopt},
                                       {"C1", D(2023, 5, 2), std::nullopt}}),
                     {}, options());
    return load_batch(*store, cin_census(2024, {{"C3", D(2024, 5, 2), std::nullopt}}), {"x"},
                      options())
        .to_json();
  };
  EXPECT_EQ(run(), run());
}

TEST(LoadBatch, ProgressIsReportedWhenAsked) {
  auto store = open_store(":memory:");
  auto o = options();
  std::vector<std::string> lines;
  o.progress = [&lines](const std::string& line) { lines.push_back(line); };
  ASSERT_TRUE(
      load_batch(*store, cin_census(2024, {{"C1", D(2024, 5, 2), std::nullopt}}), {}, o).ok);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("read the stored records it touches: 0 rows in ", 0), 0u);
  EXPECT_EQ(lines[1].rfind("merged with the stored history: 1 rows in ", 0), 0u);
  EXPECT_EQ(lines[2].rfind("stored: 1 rows in ", 0), 0u);
}

}  // namespace
}  // namespace beacon
