// Determinism, the defect knob, and the output-folder policy.
#include "synth/generate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "synth/test_support.h"

namespace beacon::synth {
namespace {

using testing::files_under;
using testing::Output;
using testing::read_csv;
using testing::read_text;
using testing::shared_output;
using testing::small_options;

TEST(Generate, SameSeedGivesByteIdenticalFiles) {
  ASSERT_TRUE(shared_output().ok());
  Output again("again", small_options(1, 0.02));
  ASSERT_TRUE(again.ok()) << again.error();
  auto a = files_under(shared_output().dir()), b = files_under(again.dir());
  ASSERT_EQ(a, b);
  for (const auto& f : a)
    EXPECT_TRUE(read_text(shared_output().dir() / f) == read_text(again.dir() / f)) << f;
}

TEST(Generate, AnotherSeedGivesOtherChildren) {
  ASSERT_TRUE(shared_output().ok());
  Output other("other-seed", small_options(2, 0.02));
  ASSERT_TRUE(other.ok()) << other.error();
  for (const char* f : {"ssd/ssd_person.csv", "ssd/ssd_cin_episodes.csv", "local/workers.csv",
                        "cin_census/cin_census_2024-25.xml"})
    EXPECT_NE(read_text(shared_output().dir() / f), read_text(other.dir() / f)) << f;
}

TEST(Generate, NoDefectsAtRateZero) {
  Output clean("clean", small_options(1, 0.0));
  ASSERT_TRUE(clean.ok()) << clean.error();
  const auto& d = clean.generated().defects;
  EXPECT_EQ(d.invalid_codes + d.missing_ethnicity + d.stale_drafts + d.duplicate_assessments +
                d.withdrawn_referrals,
            0);
  // In the files: every ethnicity given, every referral source a real code,
  // no draft visit older than 48 hours at the as-at date.
  auto person = read_csv(clean.dir() / "ssd/ssd_person.csv");
  for (size_t i = 0; i < person.rows.size(); ++i)
    ASSERT_FALSE(person.at(i, "pers_ethnicity").empty()) << person.at(i, "pers_person_id");
  std::regex source(R"(^(1[A-D]|2[AB]|3[A-F]|4|5[A-D]|6|7|8|9|10)$)");
  auto episodes = read_csv(clean.dir() / "ssd/ssd_cin_episodes.csv");
  for (size_t i = 0; i < episodes.rows.size(); ++i)
    ASSERT_TRUE(std::regex_match(episodes.at(i, "cine_referral_source_code"), source));
  auto visits = read_csv(clean.dir() / "local/visit_status.csv");
  int drafts = 0;
  for (size_t i = 0; i < visits.rows.size(); ++i) {
    if (visits.at(i, "status") != "draft") continue;
    ++drafts;
    // recorded_at within the last 48 hours of 31 March 2026.
    EXPECT_GE(visits.at(i, "recorded_at"), "2026-03-29 23:59") << visits.at(i, "visit_id");
  }
  EXPECT_LT(drafts, 50);
}

TEST(Generate, DefectsAppearInTheFilesAtAHigherRate) {
  Output noisy("noisy", small_options(1, 0.1));
  ASSERT_TRUE(noisy.ok()) << noisy.error();
  const auto& d = noisy.generated().defects;
  EXPECT_GT(d.invalid_codes, 0);
  EXPECT_GT(d.missing_ethnicity, 0);
  EXPECT_GT(d.stale_drafts, 0);
  EXPECT_GT(d.duplicate_assessments, 0);
  EXPECT_GT(d.withdrawn_referrals, 0);
  // Two assessments of one episode starting the same day, in the SSD.
  auto a = read_csv(noisy.dir() / "ssd/ssd_cin_assessments.csv");
  std::set<std::string> seen;
  int same_day = 0;
  for (size_t i = 0; i < a.rows.size(); ++i)
    if (!seen.insert(a.at(i, "cina_referral_id") + a.at(i, "cina_assessment_start_date")).second)
      ++same_day;
  EXPECT_EQ(same_day, d.duplicate_assessments);
  auto factors = read_text(noisy.dir() / "ssd/ssd_assessment_factors.csv");
  EXPECT_NE(factors.find("25A"), std::string::npos);
}

TEST(Generate, RefusesAFolderHoldingOtherFiles) {
  auto dir = std::filesystem::temp_directory_path() / ("beacon-synth-busy-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "mine";
  auto r = generate(small_options(), dir.string());
  EXPECT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("notes.txt"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "notes.txt"));
  std::filesystem::remove_all(dir);
}

TEST(Generate, RefusesImpossibleOptions) {
  Options o = small_options();
  o.scale = 0;
  EXPECT_FALSE(check_options(o).is_ok());
  o = small_options();
  o.defect_rate = -0.1;
  EXPECT_FALSE(check_options(o).is_ok());
  o = small_options();
  o.years = 0;
  EXPECT_FALSE(check_options(o).is_ok());
  EXPECT_TRUE(check_options(small_options()).is_ok());
}

TEST(Generate, AnAsAtDateMidYearGivesTheCompletedYears) {
  Options o = small_options();
  o.scale = 0.01;
  o.years = 2;
  o.as_at = *Date::from_ymd(2025, 10, 15);
  Output mid("mid-year", o);
  ASSERT_TRUE(mid.ok()) << mid.error();
  EXPECT_EQ(mid.generated().collection_years, (std::vector<std::string>{"2023-24", "2024-25"}));
  EXPECT_TRUE(std::filesystem::exists(mid.dir() / "cin_census/cin_census_2024-25.xml"));
  EXPECT_FALSE(std::filesystem::exists(mid.dir() / "cin_census/cin_census_2025-26.xml"));
  // Nothing in the extract is dated after the as-at date.
  auto contacts = read_csv(mid.dir() / "ssd/ssd_contacts.csv");
  for (size_t i = 0; i < contacts.rows.size(); ++i)
    ASSERT_LE(contacts.at(i, "cont_contact_date"), "2025-10-15 23:59");
}

}  // namespace
}  // namespace beacon::synth
