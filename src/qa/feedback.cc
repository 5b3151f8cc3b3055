#include "qa/feedback.h"

#include <algorithm>

#include "core/working_days.h"

namespace beacon::qa {
namespace {

bool listed(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace

const std::vector<std::string>& complaint_themes() {
  static const std::vector<std::string> themes = {"staff-conduct",  "inappropriate-action",
                                                  "poor-service",   "disagreement-with-assessment",
                                                  "failure-to-act", "no-reply",
                                                  "data-breach"};
  return themes;
}

std::string complaint_theme_label(const std::string& theme) {
  static const std::map<std::string, std::string> labels = {
      {"staff-conduct", "Staff conduct"},
      {"inappropriate-action", "Inappropriate action"},
      {"poor-service", "Poor service"},
      {"disagreement-with-assessment", "Disagreement with assessment"},
      {"failure-to-act", "Failure to act"},
      {"no-reply", "No reply"},
      {"data-breach", "Data breach"}};
  auto it = labels.find(theme);
  return it == labels.end() ? theme : it->second;
}

const std::vector<std::string>& complainants() {
  static const std::vector<std::string> v = {"child", "parent", "other"};
  return v;
}

const std::vector<std::string>& complaint_outcomes() {
  static const std::vector<std::string> v = {"upheld", "partly-upheld", "not-upheld"};
  return v;
}

const std::vector<std::string>& compliment_sources() {
  static const std::vector<std::string> v = {"child", "parent", "carer", "partner", "other"};
  return v;
}

Status check_compliment(const Compliment& c) {
  if (!listed(compliment_sources(), c.from))
    return Status::invalid_input("from: must be child, parent, carer, partner or other");
  if (c.summary.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::invalid_input("summary: say what the compliment was");
  return Status::ok();
}

const std::vector<std::string>& survey_respondents() {
  static const std::vector<std::string> v = {"child", "parent", "carer", "other"};
  return v;
}

Status check_survey_return(const SurveyReturn& s) {
  if (s.survey.find_first_not_of(" \t") == std::string::npos)
    return Status::invalid_input("survey: name the survey this return answers");
  if (!listed(survey_respondents(), s.respondent))
    return Status::invalid_input("respondent: must be child, parent, carer or other");
  if (s.rating < 0 || s.rating > 5)
    return Status::invalid_input("rating: must be 1 (poor) to 5 (very good), or not given");
  return Status::ok();
}

int response_working_days(int stage) { return stage == 1 ? 10 : stage == 2 ? 25 : 20; }

Date complaint_due(Date received, int stage) {
  const auto& cal = WorkingDayCalendar::england_and_wales();
  Date d = received;
  for (int n = response_working_days(stage); n > 0;) {
    d = d.add_days(1);
    if (cal.is_working_day(d)) --n;
  }
  return d;
}

Status check_complaint(const Complaint& c) {
  if (c.stage < 1 || c.stage > 3) return Status::invalid_input("stage: must be 1, 2 or 3");
  if (!listed(complaint_themes(), c.theme))
    return Status::invalid_input("theme: \"" + c.theme + "\" is not one of the complaint themes");
  if (!listed(complainants(), c.complainant))
    return Status::invalid_input("complainant: must be child, parent or other");
  if (!c.outcome.empty() && !listed(complaint_outcomes(), c.outcome))
    return Status::invalid_input("outcome: must be upheld, partly-upheld or not-upheld");
  if (c.responded && *c.responded < c.received)
    return Status::invalid_input(
        "responded: the response is dated before the complaint was received");
  if (c.due < c.received)
    return Status::invalid_input("due: the due date is before the complaint was received");
  return Status::ok();
}

FeedbackFigures feedback_figures(const std::vector<Complaint>& complaints,
                                 const std::vector<Compliment>& compliments,
                                 const std::vector<SurveyReturn>& surveys, Date from, Date to) {
  FeedbackFigures f;
  for (const Complaint& c : complaints) {
    if (c.received < from || c.received > to) continue;
    ++f.complaints;
    f.from_children += c.complainant == "child";
    ++f.by_theme[c.theme];
    ++f.by_stage[c.stage];
    if (!c.outcome.empty()) ++f.by_outcome[c.outcome];
    if (c.responded) {
      ++f.responded;
      f.responded_on_time += *c.responded <= c.due;
    } else if (c.due < to) {
      ++f.open_overdue;
    }
  }
  for (const Compliment& c : compliments) f.compliments += c.received >= from && c.received <= to;
  int rated = 0, total = 0;
  for (const SurveyReturn& s : surveys) {
    if (s.received < from || s.received > to) continue;
    ++f.survey_returns;
    if (s.rating > 0) {
      ++rated;
      total += s.rating;
    }
  }
  if (rated) f.mean_rating = static_cast<double>(total) / rated;
  return f;
}

std::vector<FeedbackMonth> feedback_trend(const std::vector<Complaint>& complaints,
                                          const std::vector<Compliment>& compliments,
                                          const std::vector<SurveyReturn>& surveys, Date from,
                                          Date to) {
  std::vector<FeedbackMonth> out;
  if (to < from) return out;
  for (YearMonth m = YearMonth::of(from); m <= YearMonth::of(to); m = m.plus(1)) {
    Date a = std::max(from, m.first_day()), b = std::min(to, m.last_day());
    out.push_back({m, feedback_figures(complaints, compliments, surveys, a, b)});
  }
  return out;
}

}  // namespace beacon::qa
