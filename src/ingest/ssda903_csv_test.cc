// The SSDA903 CSV reader on a whole synthetic return: every table's mapping,
// the contributions it makes and the collection year it settles on.
#include <gtest/gtest.h>

#include "ingest/readers.h"
#include "ingest/ssda903_reader.h"
#include "ingest/ssda903_test_util.h"
#include "model/field_text.h"

namespace beacon {
namespace {

using test::all_problems;
using test::ssda903_testdata;

const char* const kTables[] = {"Header",   "Episodes", "Reviews",    "UASC",
                               "OC2",      "OC3",      "AD1",        "PlacedAdoption",
                               "PrevPerm", "Missing",  "SWEpisodes", "DoLo"};

Batch read_full_return() {
  std::vector<DetectedFile> files;
  for (const char* t : kTables) {
    std::string file = std::string(t) + ".csv";
    files.push_back({{ssda903_testdata("903_2024_25/" + file), file}, Format::kSsda903Csv, t});
  }
  return read_ssda903_csv(files, std::nullopt);
}

Date d(int y, int m, int day) { return *Date::from_ymd(y, m, day); }

TEST(Ssda903Csv, FullReturnMakesOneContributionPerTable) {
  auto b = read_full_return();
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  ASSERT_EQ(b.contributions.size(), 12u);
  for (size_t i = 0; i < 12; ++i) {
    const auto& c = b.contributions[i];
    EXPECT_EQ(c.table, kTables[i]);
    EXPECT_EQ(c.id, static_cast<int32_t>(i));
    EXPECT_EQ(c.source, Source::kSsda903);
    EXPECT_EQ(c.collection_year, 2024);
    EXPECT_EQ(c.as_of, d(2025, 3, 31));
    EXPECT_EQ(c.files, std::string(kTables[i]) + ".csv");
    EXPECT_EQ(c.key(), std::string("ssda903/") + kTables[i] + "/2024");
  }
  EXPECT_EQ(b.contributions[3].carried,
            (std::map<std::string, std::set<std::string>>{{"children", {"uasc", "uasc_ceased"}}}));
  EXPECT_EQ(b.contributions[1].carried.at("la_episodes").count("reason_ceased"), 1u);
  ASSERT_EQ(b.notes.size(), 1u);
  EXPECT_EQ(b.notes[0].rfind("SSDA903 collection year 2024-25, taken from the folder name "
                             "903_2024_25 [Header.csv, Episodes.csv",
                             0),
            0u)
      << b.notes[0];
  EXPECT_EQ(b.counts["Episodes"].read, 5);
  EXPECT_EQ(b.counts["Episodes"].rejected, 0);
}

TEST(Ssda903Csv, HeaderAndUascMapToChildren) {
  auto b = read_full_return();
  const auto& kids = b.records.children;
  ASSERT_EQ(kids.size(), 5u);  // four from Header, one from UASC
  const auto& c1001 = kids[0];
  EXPECT_EQ(c1001.id, "C1001");
  EXPECT_EQ(c1001.sex, "F");
  EXPECT_EQ(c1001.birth_date, d(2010, 5, 14));
  EXPECT_EQ(c1001.ethnicity, "WBRI");
  EXPECT_EQ(c1001.upn, "A123456789012");
  EXPECT_EQ(c1001.is_mother, false);
  EXPECT_EQ(c1001.mother_child_birth_date, std::nullopt);
  EXPECT_EQ(c1001.uasc, std::nullopt);  // Header does not say
  EXPECT_EQ(c1001.contribution, 0);
  EXPECT_EQ(c1001.line, 2);
  EXPECT_EQ(kids[1].upn, "");
  EXPECT_EQ(kids[1].upn_unknown, "UN2");  // UN codes say why there is no UPN
  EXPECT_EQ(kids[3].is_mother, true);
  EXPECT_EQ(kids[3].mother_child_birth_date, d(2024, 2, 3));
  const auto& uasc = kids[4];
  EXPECT_EQ(uasc.id, "C1002");
  EXPECT_EQ(uasc.contribution, 3);
  EXPECT_EQ(uasc.uasc, true);
  EXPECT_EQ(uasc.uasc_ceased, d(2024, 9, 2));
  EXPECT_EQ(uasc.sex, "");  // UASC's SEX and DOB are not the child's record
  EXPECT_EQ(uasc.birth_date, std::nullopt);
}

TEST(Ssda903Csv, EpisodesReviewsMissing) {
  auto b = read_full_return();
  ASSERT_EQ(b.records.la_episodes.size(), 5u);
  const auto& e = b.records.la_episodes[1];
  EXPECT_EQ(e.child_id, "C1001");
  EXPECT_EQ(e.start, d(2024, 8, 15));
  EXPECT_EQ(e.rne, "P");
  EXPECT_EQ(e.legal_status, "C2");
  EXPECT_EQ(e.need, "N1");
  EXPECT_EQ(e.place, "K2");
  EXPECT_EQ(e.provider, "PR4");
  EXPECT_EQ(e.end, std::nullopt);
  EXPECT_EQ(e.reason_ceased, "");
  EXPECT_EQ(e.reason_place_change, "CARPL");
  EXPECT_EQ(e.home_postcode, "AB1 2CD");
  EXPECT_EQ(e.placement_postcode, "XY9 8ZZ");
  EXPECT_EQ(e.urn, "SC123456");
  EXPECT_EQ(e.ordinal, 1);
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(b.records.la_episodes[4].end, d(2025, 2, 12));
  EXPECT_EQ(b.records.la_episodes[4].reason_ceased, "E11");

  ASSERT_EQ(b.records.la_reviews.size(), 3u);
  EXPECT_EQ(b.records.la_reviews[1].date, d(2025, 3, 1));
  EXPECT_EQ(b.records.la_reviews[1].participation, "PN2");

  ASSERT_EQ(b.records.missing_episodes.size(), 2u);
  EXPECT_EQ(b.records.missing_episodes[0].type, "M");
  EXPECT_EQ(b.records.missing_episodes[0].start, d(2024, 11, 3));
  EXPECT_EQ(b.records.missing_episodes[0].end, d(2024, 11, 5));
  EXPECT_EQ(b.records.missing_episodes[1].type, "A");
}

TEST(Ssda903Csv, OutcomesAndCareLeaversCarryTheCollectionYear) {
  auto b = read_full_return();
  ASSERT_EQ(b.records.oc2_outcomes.size(), 1u);
  const auto& o = b.records.oc2_outcomes[0];
  EXPECT_EQ(o.child_id, "C1001");
  EXPECT_EQ(o.collection_year, 2024);
  EXPECT_EQ(o.sdq_score, 14);
  EXPECT_EQ(o.sdq_reason, "");
  EXPECT_EQ(o.convicted, false);
  EXPECT_EQ(o.health_check, true);
  EXPECT_EQ(o.substance_misuse, false);
  EXPECT_EQ(o.intervention_received, std::nullopt);

  ASSERT_EQ(b.records.care_leaver_returns.size(), 1u);
  const auto& c = b.records.care_leaver_returns[0];
  EXPECT_EQ(c.child_id, "C1004");
  EXPECT_EQ(c.collection_year, 2024);
  EXPECT_EQ(c.in_touch, "YES");
  EXPECT_EQ(c.activity, "F2");
  EXPECT_EQ(c.accommodation, "D1");
  EXPECT_EQ(c.birth_date, d(2006, 11, 11));  // the OC3 row's own DOB
}

TEST(Ssda903Csv, AdoptionPermanenceSocialWorkersDeprivationOfLiberty) {
  auto b = read_full_return();
  ASSERT_EQ(b.records.adoptions.size(), 1u);
  const auto& a = b.records.adoptions[0];
  EXPECT_EQ(a.decision_date, d(2022, 12, 1));
  EXPECT_EQ(a.match_date, d(2023, 6, 15));
  EXPECT_EQ(a.by_foster_carer, true);
  EXPECT_EQ(a.number_of_adopters, 2);
  EXPECT_EQ(a.adopters_sex, "MF");
  EXPECT_EQ(a.adopters_legal_status, "L11");

  ASSERT_EQ(b.records.placement_decisions.size(), 1u);
  EXPECT_EQ(b.records.placement_decisions[0].decision_date, d(2022, 12, 1));
  EXPECT_EQ(b.records.placement_decisions[0].ceased, std::nullopt);

  ASSERT_EQ(b.records.previous_permanence.size(), 1u);
  EXPECT_EQ(b.records.previous_permanence[0].option, "Z1");

  ASSERT_EQ(b.records.allocations.size(), 2u);
  const auto& sw = b.records.allocations[0];
  EXPECT_EQ(sw.role, "social_worker");
  EXPECT_EQ(sw.worker_id, "SW0042");
  EXPECT_EQ(sw.start, d(2023, 6, 1));
  EXPECT_EQ(sw.end, d(2024, 9, 30));
  EXPECT_EQ(sw.change_reason, "LEFTRL");
  EXPECT_EQ(b.records.allocations[1].end, std::nullopt);

  ASSERT_EQ(b.records.deprivation_of_liberty.size(), 1u);
  EXPECT_EQ(b.records.deprivation_of_liberty[0].start, d(2024, 2, 1));
  EXPECT_EQ(b.records.deprivation_of_liberty[0].end, d(2024, 8, 1));
}

TEST(Ssda903Csv, SexCodesFollowTheYear) {
  const std::string header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
  auto old = read_ssda903_csv_from_memory(
      {{"h.csv",
        header + "A,1,01/01/2010,WBRI,,,\nB,2,01/01/2010,WBRI,,,\nC,M,01/01/2010,WBRI,,,\n"}},
      2023);
  ASSERT_EQ(old.records.children.size(), 3u);
  EXPECT_EQ(old.records.children[0].sex, "M");
  EXPECT_EQ(old.records.children[1].sex, "F");
  EXPECT_EQ(old.records.children[2].sex, "M");
  auto findings = test::with_code(old, "dq.code-unknown");
  ASSERT_EQ(findings.size(), 1u) << all_problems(old);
  EXPECT_EQ(findings[0].line, 4);
  EXPECT_EQ(findings[0].field, "SEX");

  auto now = read_ssda903_csv_from_memory(
      {{"h.csv",
        header + "A,m,01/01/2010,WBRI,,,\nB,U,01/01/2010,WBRI,,,\nC,1,01/01/2010,WBRI,,,\n"}},
      2024);
  ASSERT_EQ(now.records.children.size(), 3u);
  EXPECT_EQ(now.records.children[0].sex, "M");
  EXPECT_EQ(now.records.children[1].sex, "U");
  EXPECT_EQ(now.records.children[2].sex, "M");  // the old code still means male
  findings = test::with_code(now, "dq.code-unknown");
  ASSERT_EQ(findings.size(), 1u) << all_problems(now);
  EXPECT_EQ(findings[0].line, 4);
  EXPECT_EQ(findings[0].severity, Severity::kFinding);
}

}  // namespace
}  // namespace beacon
