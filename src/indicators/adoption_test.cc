// Adoption A1 and A10: which placement is "moving in with the adopters".
#include <gtest/gtest.h>

#include "indicators/test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;

Period year_2024_25() { return year_to(D(2025, 3, 31)); }

// A placement for adoption that broke down is not the move-in with the
// family that adopted: A1 runs to the placement the child was adopted from.
TEST(AdoptionA1, EndsWithTheAdoptersWhoAdopted) {
  CaseHistory h;
  h.children.push_back(child("A", D(2020, 1, 1)));
  h.la_episodes.push_back(episode("A", D(2022, 2, 1), "S", "C2", "U4", D(2022, 8, 1), "X1"));
  h.la_episodes.push_back(episode("A", D(2022, 8, 1), "P", "C2", "A3", D(2023, 1, 10), "X1",
                                  "AB2 2BB"));  // first adopters: broke down
  h.la_episodes.push_back(
      episode("A", D(2023, 1, 10), "P", "C2", "U4", D(2023, 9, 1), "X1", "AB3 3CC"));
  h.la_episodes.push_back(
      episode("A", D(2023, 9, 1), "P", "C2", "A5", D(2024, 6, 1), "X1", "AB4 4DD"));
  // A legal-status change with the same adopters does not move the date.
  h.la_episodes.push_back(
      episode("A", D(2024, 6, 1), "L", "E1", "A5", D(2025, 1, 15), "E11", "AB4 4DD"));
  auto a = run(h, "ADOPTION_A1", year_2024_25());
  EXPECT_EQ(a.denominator, 1);
  EXPECT_EQ(a.numerator, 577);  // 1 Feb 2022 → 1 Sep 2023
}

// A10 for a foster-carer adoption ends when the child started living with
// those carers; A1 still ends at the placement for adoption.
TEST(AdoptionA10, FosterCarerAdoptionEndsAtTheStartWithThoseCarers) {
  CaseHistory h;
  h.children.push_back(child("B", D(2020, 1, 1)));
  h.la_episodes.push_back(episode("B", D(2022, 1, 10), "S", "C2", "U4", D(2023, 3, 1), "X1"));
  h.la_episodes.push_back(
      episode("B", D(2023, 3, 1), "P", "C2", "U1", D(2024, 1, 15), "X1", "FF1 1FF", "SC1"));
  h.la_episodes.push_back(
      episode("B", D(2024, 1, 15), "T", "E1", "A4", D(2024, 11, 20), "E11", "FF1 1FF", "SC1"));
  Adoption ad;
  ad.child_id = "B";
  ad.by_foster_carer = true;
  h.adoptions.push_back(ad);
  EXPECT_EQ(run(h, "ADOPTION_A1", year_2024_25()).numerator, 735);   // → 15 Jan 2024
  EXPECT_EQ(run(h, "ADOPTION_A10", year_2024_25()).numerator, 415);  // → 1 Mar 2023
}

}  // namespace
}  // namespace beacon
