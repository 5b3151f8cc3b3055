#include <gtest/gtest.h>

#include "indicators/test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;

CinEpisode referral(std::string child, Date d) {
  CinEpisode e;
  e.child_id = std::move(child);
  e.referral_date = d;
  return e;
}

TEST(ReReferrals, ExactlyTwelveMonthsApartCounts) {
  CaseHistory h;
  h.cin_episodes.push_back(referral("A", D(2023, 6, 15)));
  h.cin_episodes.push_back(referral("A", D(2024, 6, 15)));  // exactly 12 months later: re-referral
  h.cin_episodes.push_back(referral("B", D(2023, 6, 14)));
  h.cin_episodes.push_back(referral("B", D(2024, 6, 15)));  // 12 months + 1 day: not
  h.cin_episodes.push_back(referral("C", D(2024, 2, 29)));
  h.cin_episodes.push_back(referral("C", D(2025, 2, 28)));  // 29 Feb − 12 months = 28 Feb 2024... in window
  auto a = run(h, "KPI2", Period::from_range(D(2024, 4, 1), D(2025, 3, 31)));
  EXPECT_EQ(a.denominator, 3);
  EXPECT_EQ(a.numerator, 2);
}

TEST(ReReferrals, SameDayReferralIsNotEarlier) {
  CaseHistory h;
  h.cin_episodes.push_back(referral("A", D(2024, 6, 15)));
  auto second = referral("A", D(2024, 6, 15));
  second.ordinal = 2;
  h.cin_episodes.push_back(second);
  auto a = run(h, "KPI2", Period::from_range(D(2024, 4, 1), D(2025, 3, 31)));
  EXPECT_EQ(a.denominator, 2);
  EXPECT_EQ(a.numerator, 0);
}

Contact contact(std::string id, DateTime received, std::optional<DateTime> decided) {
  Contact c;
  c.id = id;
  c.child_id = "X" + id;
  c.received = received;
  c.decided = decided;
  return c;
}

DateTime at(Date d, int h, int m = 0) { return {d, h * 3600 + m * 60, true}; }

TEST(ContactDecisions, TwentyFourHoursByTheClock) {
  CaseHistory h;
  h.contacts.push_back(contact("1", at(D(2024, 5, 1), 9), at(D(2024, 5, 2), 9)));      // exactly 24h
  h.contacts.push_back(contact("2", at(D(2024, 5, 1), 9), at(D(2024, 5, 2), 9, 1)));   // 24h 1m
  h.contacts.push_back(contact("3", at(D(2024, 5, 1), 9), std::nullopt));              // never
  h.contacts.push_back(contact("4", {D(2024, 5, 1), 0, false}, at(D(2024, 5, 1), 23)));  // date only
  // Received on the last day and not yet decided: left out.
  h.contacts.push_back(contact("5", at(D(2024, 5, 31), 10), std::nullopt));
  // Received on the last day and decided the same day: in, on time.
  h.contacts.push_back(contact("6", at(D(2024, 5, 31), 10), at(D(2024, 5, 31), 15)));
  auto a = run(h, "KPI1", Period::month_of(D(2024, 5, 31)));
  EXPECT_EQ(a.denominator, 5);
  EXPECT_EQ(a.numerator, 3);
}

}  // namespace
}  // namespace beacon
