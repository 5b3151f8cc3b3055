// Feedback: complaints under the children's statutory complaints procedure
// (stages 1–3, received, due and responded dates, theme, who complained,
// outcome, learning action), compliments and survey returns; and the
// figures leaders read from them: timeliness, theme trends and the share of
// complaints made by children themselves.
#ifndef BEACON_QA_FEEDBACK_H_
#define BEACON_QA_FEEDBACK_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace beacon::qa {

// The complaint themes of domain.md §5, as stored.
const std::vector<std::string>& complaint_themes();  // staff-conduct, …
std::string complaint_theme_label(const std::string& theme);
// Who complained: child | parent | other.
const std::vector<std::string>& complainants();
// upheld | partly-upheld | not-upheld (empty while open).
const std::vector<std::string>& complaint_outcomes();

struct Complaint {
  int64_t id = 0;
  std::string reference;
  int stage = 1;  // 1 local resolution, 2 investigation, 3 review panel
  Date received;
  Date due;
  OptDate responded;
  std::string theme;
  std::string complainant = "parent";
  std::string outcome;
  std::string learning_action;
  std::string team_id;
  std::string child_id;
  std::string summary;
};

// Working days allowed to respond at each stage: 10 at stage 1, 25 at stage
// 2, 20 to convene a stage 3 panel (the statutory guidance's standard
// timescales, before extensions).
int response_working_days(int stage);
// received + the stage's working days (England and Wales bank holidays).
Date complaint_due(Date received, int stage);

// Checks a complaint as recorded: stage 1–3, theme, complainant and outcome
// from their lists, responded not before received. The message names the field.
Status check_complaint(const Complaint& c);

// Who a compliment came from: child | parent | carer | partner | other.
const std::vector<std::string>& compliment_sources();

struct Compliment {
  int64_t id = 0;
  Date received;
  std::string team_id;
  std::string worker_id;
  std::string from = "parent";  // child | parent | carer | partner | other
  std::string summary;
};

// Checks a compliment as recorded: who it came from, and what was said.
Status check_compliment(const Compliment& c);

// Who answered a survey: child | parent | carer | other.
const std::vector<std::string>& survey_respondents();

struct SurveyReturn {
  int64_t id = 0;
  Date received;
  std::string survey;  // "Child in care survey 2024"
  std::string respondent = "child";
  std::string team_id;
  int rating = 0;  // 1 (poor) … 5 (very good); 0 not given
  std::string comment;
};

// Checks a survey return as recorded: the survey named, the respondent from
// the list, a rating of 1–5 (0: not given).
Status check_survey_return(const SurveyReturn& s);

struct FeedbackFigures {
  int complaints = 0;
  int responded = 0;
  int responded_on_time = 0;
  int open_overdue = 0;
  int from_children = 0;
  std::optional<double> share_from_children() const {
    return complaints ? std::optional<double>(static_cast<double>(from_children) / complaints)
                      : std::nullopt;
  }
  std::map<std::string, int> by_theme;
  std::map<int, int> by_stage;
  std::map<std::string, int> by_outcome;
  int compliments = 0;
  int survey_returns = 0;
  std::optional<double> mean_rating;
};

// Figures for complaints received, compliments and survey returns dated in [from, to].
FeedbackFigures feedback_figures(const std::vector<Complaint>& complaints,
                                 const std::vector<Compliment>& compliments,
                                 const std::vector<SurveyReturn>& surveys, Date from, Date to);

// Month by month (the months of [from, to]): complaints, on time, by theme.
struct FeedbackMonth {
  YearMonth month;
  FeedbackFigures figures;
};
std::vector<FeedbackMonth> feedback_trend(const std::vector<Complaint>& complaints,
                                          const std::vector<Compliment>& compliments,
                                          const std::vector<SurveyReturn>& surveys, Date from,
                                          Date to);

}  // namespace beacon::qa

#endif  // BEACON_QA_FEEDBACK_H_
