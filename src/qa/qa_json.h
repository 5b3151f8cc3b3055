// QA records as JSON: how the store keeps them and the API answers with them.
// Readers take what they recognise and default the rest, so a record written
// by an older Beacon still reads.
#ifndef BEACON_QA_QA_JSON_H_
#define BEACON_QA_QA_JSON_H_

#include <nlohmann/json.hpp>

#include "qa/cycle.h"
#include "qa/evaluation.h"
#include "qa/feedback.h"
#include "qa/improvement_plan.h"
#include "qa/moderation.h"
#include "qa/recommendation.h"

namespace beacon::qa {

nlohmann::json to_json(const Cycle& c);
nlohmann::json to_json(const Evaluation& e);
nlohmann::json to_json(const EvaluationVersion& v);
nlohmann::json to_json(const Moderation& m);
nlohmann::json to_json(const Recommendation& r);
nlohmann::json to_json(const Complaint& c);
nlohmann::json to_json(const Compliment& c);
nlohmann::json to_json(const SurveyReturn& s);
nlohmann::json to_json(const ImprovementPlan& p);
nlohmann::json to_json(const PlanAction& a);
nlohmann::json to_json(const QuestionSet& s);

// Each returns false when `j` is not an object or a date is unreadable.
bool from_json(const nlohmann::json& j, Cycle& c);
bool from_json(const nlohmann::json& j, Evaluation& e);
bool from_json(const nlohmann::json& j, EvaluationVersion& v);
bool from_json(const nlohmann::json& j, Moderation& m);
bool from_json(const nlohmann::json& j, Recommendation& r);
bool from_json(const nlohmann::json& j, Complaint& c);
bool from_json(const nlohmann::json& j, Compliment& c);
bool from_json(const nlohmann::json& j, SurveyReturn& s);
bool from_json(const nlohmann::json& j, ImprovementPlan& p);
bool from_json(const nlohmann::json& j, PlanAction& a);

}  // namespace beacon::qa

#endif  // BEACON_QA_QA_JSON_H_
