#include "ingest/cin_census_values.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

TEST(CinCensusValues, FlagsInAnyCase) {
  for (const char* t : {"true", "TRUE", "True", "1", "yes", "Y"})
    EXPECT_EQ(parse_flag(t), true) << t;
  for (const char* t : {"false", "FALSE", "fAlSe", "0", "No", "n"})
    EXPECT_EQ(parse_flag(t), false) << t;
  for (const char* t : {"", "2", "truthy", "on"}) EXPECT_FALSE(parse_flag(t)) << t;
}

TEST(CinCensusValues, WholeNumbersMayCarryAZeroFraction) {
  EXPECT_EQ(parse_whole_number("10"), 10);
  EXPECT_EQ(parse_whole_number("10.0"), 10);
  EXPECT_EQ(parse_whole_number("10."), 10);
  EXPECT_EQ(parse_whole_number("+3"), 3);
  EXPECT_EQ(parse_whole_number("0"), 0);
  for (const char* t : {"", ".", "1.5", "-1", "ten", "1e3", "99999999999"})
    EXPECT_FALSE(parse_whole_number(t)) << t;
}

TEST(CinCensusValues, SexFromEitherElement) {
  EXPECT_EQ(normalise_sex("1"), "M");
  EXPECT_EQ(normalise_sex("2"), "F");
  EXPECT_EQ(normalise_sex("0"), "U");
  EXPECT_EQ(normalise_sex("9"), "U");
  EXPECT_EQ(normalise_sex("m"), "M");
  EXPECT_EQ(normalise_sex("F"), "F");
  EXPECT_EQ(normalise_sex("u"), "U");
  EXPECT_EQ(normalise_sex("X"), "");
}

TEST(CinCensusValues, CollectionYearLabel) {
  EXPECT_EQ(collection_year_label(2024), "2024-25");
  EXPECT_EQ(collection_year_label(2008), "2008-09");
  EXPECT_EQ(collection_year_label(2099), "2099-00");
}

TEST(CinCensusValues, CodesCheckedAgainstTheYearsList) {
  Problems problems;
  const std::string file = "f.xml", path = "p";
  LeafReader reader(problems, 2017);
  std::string out;
  reader.code({file, 3, path, "AssessmentFactors", "18a"}, "cin.assessment_factor", out);
  EXPECT_EQ(out, "18A");
  EXPECT_TRUE(problems.empty());  // still valid in 2017-18
  reader.set_year(2024);
  reader.code({file, 3, path, "AssessmentFactors", "18a"}, "cin.assessment_factor", out);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].severity, Severity::kFinding);
  EXPECT_EQ(problems[0].code, "dq.code-unknown");
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_EQ(problems[0].field, "AssessmentFactors");
  reader.code({file, 4, path, "Ethnicity", "chne"}, "ethnicity", out);
  EXPECT_EQ(out, "CHNE");
  EXPECT_EQ(problems.size(), 1u);
}

TEST(CinCensusValues, DatesReportWhyTheyAreRefused) {
  Problems problems;
  const std::string file = "f.xml", path = "p";
  LeafReader reader(problems, 0);
  OptDate out;
  EXPECT_TRUE(reader.date({file, 1, path, "X", ""}, out));
  EXPECT_FALSE(out);
  EXPECT_TRUE(reader.date({file, 1, path, "X", "2024-02-29"}, out));
  EXPECT_EQ(out, Date::from_ymd(2024, 2, 29));
  EXPECT_TRUE(reader.date({file, 1, path, "X", "2024-02-29+01:00"}, out));
  EXPECT_TRUE(problems.empty());
  EXPECT_FALSE(reader.date({file, 1, path, "X", "2023-02-29"}, out));
  EXPECT_FALSE(reader.date({file, 2, path, "X", "1/3/24"}, out));
  EXPECT_FALSE(reader.date({file, 3, path, "X", "March"}, out));
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].code, "date.impossible");
  EXPECT_EQ(problems[1].code, "date.two-digit-year");
  EXPECT_EQ(problems[2].code, "date.format");
  EXPECT_EQ(problems[2].severity, Severity::kError);
}

}  // namespace
}  // namespace beacon
