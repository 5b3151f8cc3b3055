#include "ingest/ssd_values.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

TEST(NormaliseSex, AcceptsCodesWordsAndCinNumbers) {
  for (auto m : {"M", "m", "Male", "MALE", "1"}) EXPECT_EQ(normalise_ssd_sex(m), "M") << m;
  for (auto f : {"F", "female", "2"}) EXPECT_EQ(normalise_ssd_sex(f), "F") << f;
  for (auto u : {"U", "0", "9", "Unknown", "not stated", "Indeterminate", "Unborn"})
    EXPECT_EQ(normalise_ssd_sex(u), "U") << u;
  EXPECT_EQ(normalise_ssd_sex(" "), "");
  EXPECT_EQ(normalise_ssd_sex("X"), std::nullopt);
}

TEST(NormaliseMissingType, MissingOrAway) {
  EXPECT_EQ(normalise_missing_type("Missing"), "M");
  EXPECT_EQ(normalise_missing_type("a"), "A");
  EXPECT_EQ(normalise_missing_type("Absent"), "A");
  EXPECT_EQ(normalise_missing_type("lost"), std::nullopt);
}

TEST(NormaliseInvolvementRole, MapsTheCommonRolesAndKeepsOthers) {
  EXPECT_EQ(normalise_involvement_role("Allocated Social Worker"), "social_worker");
  EXPECT_EQ(normalise_involvement_role("Allocated Case Worker"), "social_worker");
  EXPECT_EQ(normalise_involvement_role("Personal Advisor"), "personal_adviser");
  EXPECT_EQ(normalise_involvement_role("IRO"), "iro");
  EXPECT_EQ(normalise_involvement_role("Family Support Worker"), "family_support");
  EXPECT_EQ(normalise_involvement_role(" Youth Worker "), "Youth Worker");
}

TEST(IsUascStatus, NamesUnaccompaniedAsylumSeekers) {
  EXPECT_TRUE(is_uasc_status("UASC"));
  EXPECT_TRUE(is_uasc_status("Unaccompanied Asylum Seeking Child"));
  EXPECT_FALSE(is_uasc_status("Refugee status"));
}

}  // namespace
}  // namespace beacon
