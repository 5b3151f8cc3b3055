// load_files() end to end: real files on disk, recognised, read, merged and
// stored. The readers' own rules are tested beside them; these tests check
// how a load puts them together.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "load/load.h"
#include "store/test_support.h"

namespace beacon {
namespace {

using testing::file_bytes;
using testing::TempDir;

struct Referral {
  std::string child;
  std::string referral;
  std::string closure;  // "" = open at 31 March
  std::string need = "N1";
};

// A CIN census return for the year starting in April `year`.
std::string census(int year, const std::vector<Referral>& referrals) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header>"
      "<CollectionDetails><Collection>CIN</Collection><Year>" +
      std::to_string(year + 1) + "</Year><ReferenceDate>" + std::to_string(year + 1) +
      "-03-31</ReferenceDate></CollectionDetails></Header>\n<Children>\n";
  for (const auto& r : referrals) {
    xml += "<Child><ChildIdentifiers><LAchildID>" + r.child +
           "</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate>" +
           (year >= 2024 ? "<Sex>F</Sex>" : "<GenderCurrent>2</GenderCurrent>") +
           "</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
           "</ChildCharacteristics>\n<CINdetails><CINreferralDate>" +
           r.referral + "</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>" +
           r.need + "</PrimaryNeedCode>";
    if (!r.closure.empty())
      xml += "<CINclosureDate>" + r.closure + "</CINclosureDate><ReasonForClosure>RC1" +
             "</ReasonForClosure>";
    xml += "</CINdetails></Child>\n";
  }
  return xml + "</Children>\n</Message>\n";
}

LoadOptions options() {
  LoadOptions o;
  o.user = "tester";
  o.today = *Date::from_ymd(2025, 6, 1);
  return o;
}

std::unique_ptr<Store> open_store(const std::string& path) {
  auto s = open_sqlite_store(path);
  EXPECT_TRUE(s) << s.status().message();
  return std::move(s).value();
}

std::string problems(const LoadReport& r) {
  std::string out = r.refused + "\n";
  for (const auto& p : r.errors) out += p.to_string() + "\n";
  return out;
}

TEST(LoadFiles, TwoYearsOfCensusFromAFolderAndThenTheNextYear) {
  TempDir dir;
  dir.write("returns/cin_2023_24.xml",
            census(2023, {{"C1", "2023-05-02", ""}, {"C2", "2023-06-01", "2023-09-01"}}));
  dir.write("returns/.backup/cin_old.xml", "not read: hidden");
  auto store = open_store(":memory:");
  auto first = load_files(*store, {dir.file("returns")}, options());
  ASSERT_TRUE(first.ok) << problems(first);
  EXPECT_EQ(first.files.size(), 1u);
  EXPECT_EQ(first.changes["cin_episodes"].added, 2);
  EXPECT_EQ(first.changes["children"].added, 2);

  // 2024-25 omits C1's referral, open at 31 March 2024: withdrawn.
  auto next = dir.write("cin_2024_25.xml", census(2024, {{"C3", "2024-07-01", ""}}));
  auto second = load_files(*store, {next}, options());
  ASSERT_TRUE(second.ok) << problems(second);
  EXPECT_EQ(second.changes["cin_episodes"].added, 1);
  EXPECT_EQ(second.changes["cin_episodes"].removed, 1);
  ASSERT_EQ(second.withdrawn.size(), 1u);
  EXPECT_EQ(second.withdrawn[0].key, "child_id C1, referral_date 2023-05-02");
  auto loads = store->loads();
  ASSERT_EQ(loads->size(), 2u);
  EXPECT_EQ((*loads)[0].files, next);
}

TEST(LoadFiles, AnUnrecognisedFileRefusesTheWholeLoad) {
  TempDir dir;
  const auto db = dir.file("beacon.db");
  ASSERT_TRUE(load_files(*open_store(db),
                         {dir.write("cin.xml", census(2023, {{"C1", "2023-05-02", ""}}))},
                         options())
                  .ok);
  const auto before = file_bytes(db);
  auto good = dir.write("cin_2024.xml", census(2024, {{"C2", "2024-05-02", ""}}));
  auto odd = dir.write("notes.csv", "when,who\n2024-01-01,me\n");
  LoadReport report;
  {
    auto store = open_store(db);
    auto o = options();
    o.set_aside_bad_rows = true;  // sets rows aside, not files
    report = load_files(*store, {good, odd}, o);
  }
  EXPECT_FALSE(report.ok);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].file, odd);
  EXPECT_NE(report.to_text().find(odd + ": the columns (when, who) are not those of"),
            std::string::npos)
      << report.to_text();
  EXPECT_EQ(file_bytes(db), before);
}

TEST(LoadFiles, ABadValueRefusesTheLoadUnlessBadRowsAreSetAside) {
  TempDir dir;
  auto file =
      dir.write("cin.xml",
                census(2024, {{"C1", "2024-05-02", ""}, {"C2", "2024-02-30", ""}}));  // no such day
  auto store = open_store(":memory:");
  auto refused = load_files(*store, {file}, options());
  EXPECT_FALSE(refused.ok);
  ASSERT_FALSE(refused.errors.empty());
  EXPECT_EQ(refused.errors[0].file, file);
  EXPECT_NE(refused.errors[0].to_string().find("CINreferralDate"), std::string::npos)
      << problems(refused);
  EXPECT_TRUE(store->loads()->empty());

  auto o = options();
  o.set_aside_bad_rows = true;
  auto loaded = load_files(*store, {file}, o);
  ASSERT_TRUE(loaded.ok) << problems(loaded);
  EXPECT_FALSE(loaded.errors.empty());
  EXPECT_EQ(store->loads()->size(), 1u);
  EXPECT_NE(loaded.to_text().find("Rows set aside"), std::string::npos);
}

// Issue 13, item 11: an upload's report and the load history name the files
// as uploaded, never by the server's folder.
TEST(LoadFiles, FilesBelowTheUploadFolderAreNamedWithoutIt) {
  TempDir dir;
  auto store = open_store(":memory:");
  auto o = options();
  o.names_below = dir.file("uploads/3f9a");
  auto bad = dir.write("uploads/3f9a/cin_bad.xml", census(2024, {{"C2", "2024-02-30", ""}}));
  auto refused = load_files(*store, {bad}, o);
  EXPECT_FALSE(refused.ok);
  ASSERT_FALSE(refused.errors.empty());
  EXPECT_EQ(refused.errors[0].file, "cin_bad.xml");
  for (const std::string& text : {refused.to_text(), refused.to_json(), refused.refused})
    EXPECT_EQ(text.find(dir.file("uploads")), std::string::npos) << text;
  auto good = dir.write("uploads/3f9a/cin_2024.xml", census(2024, {{"C1", "2024-05-02", ""}}));
  auto loaded = load_files(*store, {good}, o);
  ASSERT_TRUE(loaded.ok) << problems(loaded);
  auto loads = store->loads();
  ASSERT_EQ(loads->size(), 1u);
  EXPECT_EQ((*loads)[0].files, "cin_2024.xml");
  EXPECT_EQ((*loads)[0].report_json.find(dir.file("uploads")), std::string::npos) << (*loads)[0].report_json;
  EXPECT_NE((*loads)[0].report_json.find("cin_2024.xml"), std::string::npos);
}

TEST(LoadFiles, DryRunWritesNothing) {
  TempDir dir;
  const auto db = dir.file("beacon.db");
  ASSERT_TRUE(load_files(*open_store(db),
                         {dir.write("a.xml", census(2023, {{"C1", "2023-05-02", ""}}))}, options())
                  .ok);
  const auto before = file_bytes(db);
  auto o = options();
  o.dry_run = true;
  LoadReport report;
  {
    auto store = open_store(db);
    report = load_files(*store, {dir.write("b.xml", census(2024, {{"C2", "2024-05-02", ""}}))}, o);
  }
  ASSERT_TRUE(report.ok) << problems(report);
  EXPECT_EQ(report.changes["cin_episodes"].added, 1);
  EXPECT_EQ(report.changes["cin_episodes"].removed, 1);
  EXPECT_EQ(file_bytes(db), before);
}

TEST(LoadFiles, MissingPathsAreNamed) {
  auto store = open_store(":memory:");
  auto report = load_files(*store, {"/nonexistent/returns"}, options());
  EXPECT_FALSE(report.ok);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].to_string(), "/nonexistent/returns: no such file or folder");
}

TEST(LoadFiles, Ssda903CsvYearAndHowItWasChosenAreReported) {
  TempDir dir;
  auto episodes = dir.write(
      "903_2024_25/episodes.csv",
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
      "URN\nC1,2024-06-01,S,C2,N1,U1,PR1,,,,AB1 2CD,AB1 3CD,SC123456\n");
  auto store = open_store(":memory:");
  auto report = load_files(*store, {dir.file("903_2024_25")}, options());
  ASSERT_TRUE(report.ok) << problems(report);
  ASSERT_EQ(report.contributions.size(), 1u);
  EXPECT_EQ(report.contributions[0].key, "ssda903/Episodes/2024");
  std::string notes;
  for (const auto& n : report.notes) notes += n + "\n";
  EXPECT_NE(notes.find("2024-25"), std::string::npos) << notes;
  EXPECT_EQ(report.changes["la_episodes"].added, 1);
}

TEST(LoadFiles, LocalTablesAreReadWithTheStoredHistory) {
  TempDir dir;
  auto store = open_store(":memory:");
  auto workers = dir.write("workers.csv",
                           "worker_id,name,registration_no,fte,in_post_from\n"
                           "W1,A. Worker,SW1,1,2021-09-01\nW2,B. Worker,,0.5,2022-01-10\n");
  auto report = load_files(*store, {workers}, options());
  ASSERT_TRUE(report.ok) << problems(report);
  EXPECT_EQ(report.changes["workers"].added, 2);
  ASSERT_EQ(report.contributions.size(), 1u);
  EXPECT_EQ(report.contributions[0].key, "local/workers/0");

  // A newer workers file replaces the last: W2 leaves, W1 changes.
  dir.write("workers.csv", "worker_id,name,fte\nW1,A. Worker,0.8\n");
  auto again = load_files(*store, {workers}, options());
  ASSERT_TRUE(again.ok) << problems(again);
  EXPECT_TRUE(again.contributions[0].replaces);
  EXPECT_EQ(again.changes["workers"].changed, 1);
  EXPECT_EQ(again.changes["workers"].removed, 1);
}

}  // namespace
}  // namespace beacon
