// Workforce measures whose base follows the DfE workforce census (specs.md
// 3.10): vacancy and turnover.
#include <gtest/gtest.h>

#include "indicators/test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;

Worker worker(std::string id, std::string role, std::string registration, bool agency, double fte,
              OptDate from, OptDate to = std::nullopt) {
  Worker w;
  w.id = std::move(id);
  w.role = std::move(role);
  w.registration_no = std::move(registration);
  w.agency = agency;
  w.fte = fte;
  w.in_post_from = from;
  w.in_post_to = to;
  return w;
}

EstablishedPost posts(double fte, Date from) {
  EstablishedPost p;
  p.unit_id = "ORG";
  p.from = from;
  p.fte = fte;
  return p;
}

// A post covered by an agency worker is still vacant: only the organisation's
// own staff fill established posts.
TEST(VacancyRate, AgencyCoverDoesNotFillAPost) {
  CaseHistory h;
  h.established_posts.push_back(posts(5.0, D(2024, 1, 1)));
  h.workers.push_back(worker("E1", "social_worker", "SW1", false, 1.0, D(2020, 1, 1)));
  h.workers.push_back(worker("E2", "team_manager", "SW2", false, 0.5, D(2020, 1, 1)));
  h.workers.push_back(worker("G1", "social_worker", "SW3", true, 1.0, D(2024, 6, 1)));
  auto a = run(h, "VACANCY_RATE", year_to(D(2025, 3, 31)));
  EXPECT_DOUBLE_EQ(a.denominator, 5.0);
  EXPECT_DOUBLE_EQ(a.numerator, 3.5);  // 5.0 − (1.0 + 0.5); the agency worker does not count
}

// Without established posts in force there is no vacancy rate at all (not a
// negative numerator over nothing).
TEST(VacancyRate, NoEstablishedPostsGiveNoValue) {
  CaseHistory h;
  h.workers.push_back(worker("E1", "social_worker", "SW1", false, 1.0, D(2020, 1, 1)));
  auto a = run(h, "VACANCY_RATE", year_to(D(2025, 3, 31)));
  EXPECT_EQ(a.numerator, 0);
  EXPECT_EQ(a.denominator, 0);
  EXPECT_FALSE(value_of(ValueKind::kPercent, a));
}

// Leavers ÷ in post, FTE, over registered employed social workers of every
// role: team managers count, agency workers and unregistered staff do not.
TEST(TurnoverRate, CountsEmployedRegisteredWorkersOfEveryRole) {
  CaseHistory h;
  h.workers.push_back(worker("E1", "social_worker", "SW1", false, 1.0, D(2020, 1, 1)));
  h.workers.push_back(worker("M1", "team_manager", "SW2", false, 1.0, D(2018, 1, 1)));
  h.workers.push_back(
      worker("L1", "team_manager", "SW3", false, 0.6, D(2018, 1, 1), D(2024, 9, 1)));
  h.workers.push_back(
      worker("L2", "social_worker", "SW4", false, 1.0, D(2019, 1, 1), D(2025, 3, 31)));
  h.workers.push_back(
      worker("G1", "social_worker", "SW5", true, 1.0, D(2023, 1, 1), D(2024, 6, 1)));
  h.workers.push_back(worker("F1", "family_support", "", false, 1.0, D(2023, 1, 1), D(2024, 6, 1)));
  auto a = run(h, "TURNOVER_RATE", year_to(D(2025, 3, 31)));
  EXPECT_DOUBLE_EQ(a.numerator, 1.6);    // L1 0.6 + L2 1.0 (left on the last day)
  EXPECT_DOUBLE_EQ(a.denominator, 2.0);  // E1 + M1 in post at the end of 31 March
}

}  // namespace
}  // namespace beacon
