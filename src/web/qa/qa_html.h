// Small pieces of markup the QA pages share: grade tags, tables, forms.
#ifndef BEACON_WEB_QA_QA_HTML_H_
#define BEACON_WEB_QA_QA_HTML_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "qa/briefing.h"
#include "qa/evaluation.h"
#include "qa/grades.h"
#include "web/html.h"

namespace beacon::web {

// A grade as a tag carrying its word (colour is never the only signal).
std::string grade_tag(std::optional<qa::Grade> g);
// The id a question's first input takes ("q-assessment-grade"): the error
// summary links to it.
std::string question_anchor(const std::string& question_id);
// One question of a question set as GOV.UK form controls, with its answer
// and error message (empty when none).
std::string question_control(const qa::Question& q, const std::string& answer,
                             const std::string& error);
// Grades by pillar and overall as a table of counts and the share good or better.
std::string grade_table(const std::string& id, const std::string& caption,
                        const std::map<std::string, qa::GradeCounts>& by_pillar);
// The QA section's sub-navigation.
std::string qa_subnav(const std::string& current);

}  // namespace beacon::web

#endif  // BEACON_WEB_QA_QA_HTML_H_
