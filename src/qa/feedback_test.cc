#include "qa/feedback.h"

#include <gtest/gtest.h>

namespace beacon::qa {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

Complaint complaint(Date received, std::string who, std::string theme, OptDate responded) {
  Complaint c;
  c.received = received;
  c.due = complaint_due(received, 1);
  c.responded = responded;
  c.complainant = std::move(who);
  c.theme = std::move(theme);
  return c;
}

TEST(FeedbackTest, StageOneIsDueTenWorkingDaysLater) {
  // Friday 20 Dec 2024: Christmas, Boxing Day and New Year's Day are skipped.
  EXPECT_EQ(complaint_due(D(2024, 12, 20), 1), D(2025, 1, 8));
  EXPECT_EQ(complaint_due(D(2025, 3, 3), 2), D(2025, 4, 7));
}

TEST(FeedbackTest, ChecksNameTheField) {
  auto c = complaint(D(2025, 1, 6), "child", "no-reply", std::nullopt);
  EXPECT_TRUE(check_complaint(c).is_ok());
  c.theme = "rudeness";
  EXPECT_EQ(check_complaint(c).message().rfind("theme:", 0), 0u);
  c.theme = "no-reply";
  c.stage = 4;
  EXPECT_EQ(check_complaint(c).message().rfind("stage:", 0), 0u);
  c.stage = 1;
  c.responded = D(2025, 1, 1);
  EXPECT_EQ(check_complaint(c).message().rfind("responded:", 0), 0u);
}

TEST(FeedbackTest, TimelinessThemesAndShareFromChildren) {
  std::vector<Complaint> cs = {
      complaint(D(2025, 1, 6), "child", "no-reply", D(2025, 1, 10)),       // on time
      complaint(D(2025, 1, 6), "parent", "no-reply", D(2025, 2, 28)),      // late
      complaint(D(2025, 1, 20), "parent", "staff-conduct", std::nullopt),  // open, overdue by March
      complaint(D(2025, 2, 3), "other", "data-breach", D(2025, 2, 4)),
      complaint(D(2024, 12, 2), "child", "no-reply", D(2024, 12, 3)),  // outside
  };
  std::vector<Compliment> compliments = {{0, D(2025, 1, 9), "T1", "W1", "parent", "Thank you"}};
  std::vector<SurveyReturn> surveys = {{0, D(2025, 2, 1), "Care survey", "child", "T1", 4, ""},
                                       {0, D(2025, 2, 2), "Care survey", "child", "T1", 5, ""}};
  auto f = feedback_figures(cs, compliments, surveys, D(2025, 1, 1), D(2025, 3, 31));
  EXPECT_EQ(f.complaints, 4);
  EXPECT_EQ(f.responded, 3);
  EXPECT_EQ(f.responded_on_time, 2);
  EXPECT_EQ(f.open_overdue, 1);
  EXPECT_EQ(f.from_children, 1);
  EXPECT_DOUBLE_EQ(*f.share_from_children(), 0.25);
  EXPECT_EQ(f.by_theme["no-reply"], 2);
  EXPECT_EQ(f.compliments, 1);
  EXPECT_DOUBLE_EQ(*f.mean_rating, 4.5);
  auto trend = feedback_trend(cs, compliments, surveys, D(2025, 1, 1), D(2025, 3, 31));
  ASSERT_EQ(trend.size(), 3u);
  EXPECT_EQ(trend[0].figures.complaints, 3);
  EXPECT_EQ(trend[1].figures.complaints, 1);
  EXPECT_EQ(trend[2].figures.complaints, 0);
}

TEST(FeedbackTest, ComplimentsAndSurveyReturnsAreCheckedFieldByField) {
  Compliment c;
  c.from = "carer";
  c.summary = "Thank you for listening";
  EXPECT_TRUE(check_compliment(c).is_ok());
  c.summary = "  ";
  EXPECT_EQ(check_compliment(c).message().substr(0, 8), "summary:");
  c.summary = "x";
  c.from = "stranger";
  EXPECT_EQ(check_compliment(c).message().substr(0, 5), "from:");
  SurveyReturn s;
  s.survey = "Children and families survey";
  s.rating = 4;
  EXPECT_TRUE(check_survey_return(s).is_ok());
  s.rating = 6;
  EXPECT_EQ(check_survey_return(s).message().substr(0, 7), "rating:");
  s.rating = 0;  // not given
  EXPECT_TRUE(check_survey_return(s).is_ok());
  s.respondent = "robot";
  EXPECT_EQ(check_survey_return(s).message().substr(0, 11), "respondent:");
  s.respondent = "parent";
  s.survey = "";
  EXPECT_EQ(check_survey_return(s).message().substr(0, 7), "survey:");
}

}  // namespace
}  // namespace beacon::qa
