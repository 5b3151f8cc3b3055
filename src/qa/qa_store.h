// Where QA records live: cycles, evaluations (with their versions),
// moderations, recommendations, complaints, compliments, survey returns and
// improvement plans. Every list takes a UnitScope so that a role's view is one
// argument (scope.h). The SQLite implementation is in src/store
// (open_sqlite_qa_store); changes are audited by the caller (audit.h).
#ifndef BEACON_QA_QA_STORE_H_
#define BEACON_QA_QA_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "qa/cycle.h"
#include "qa/evaluation.h"
#include "qa/feedback.h"
#include "qa/improvement_plan.h"
#include "qa/moderation.h"
#include "qa/recommendation.h"
#include "qa/scope.h"

namespace beacon::qa {

struct EvaluationFilter {
  int64_t cycle_id = 0;      // 0: every cycle
  std::string evaluator_id;  // empty: anyone's
  std::string child_id;      // empty: every child
};

// Everything a generated or imported QA history holds, for one transaction.
struct QaHistory {
  std::vector<Cycle> cycles;  // ids as given; other records refer to them
  std::vector<Evaluation> evaluations;
  std::vector<Moderation> moderations;
  std::vector<Recommendation> recommendations;
  std::vector<Complaint> complaints;
  std::vector<Compliment> compliments;
  std::vector<SurveyReturn> survey_returns;
  std::vector<ImprovementPlan> plans;
  std::vector<PlanAction> actions;
};

class QaStore {
 public:
  virtual ~QaStore() = default;

  virtual Result<int64_t> add_cycle(const Cycle& c) = 0;
  virtual Status update_cycle(const Cycle& c) = 0;
  virtual Result<std::vector<Cycle>> cycles() = 0;  // by start date, then id
  virtual Result<std::optional<Cycle>> cycle(int64_t id) = 0;

  // A cycle's sample, in one transaction; returns the new ids in order.
  virtual Result<std::vector<int64_t>> add_evaluations(const std::vector<Evaluation>& e) = 0;
  virtual Result<std::vector<Evaluation>> evaluations(const EvaluationFilter& f,
                                                      const UnitScope& scope) = 0;
  virtual Result<std::optional<Evaluation>> evaluation(int64_t id) = 0;
  // Writes the evaluation as it stands, refusing a stale write (the stored
  // version or status moved on since `e` was read: kConflict). With
  // `version`, also keeps that snapshot in the evaluation's history.
  virtual Status save_evaluation(const Evaluation& e, const Evaluation& as_read,
                                 const EvaluationVersion* version) = 0;
  virtual Result<std::vector<EvaluationVersion>> versions(int64_t evaluation_id) = 0;

  // One moderation per evaluation (kConflict for a second).
  virtual Result<int64_t> add_moderation(const Moderation& m) = 0;
  virtual Result<std::vector<Moderation>> moderations(int64_t cycle_id) = 0;  // 0: all

  virtual Result<int64_t> add_recommendation(const Recommendation& r) = 0;
  virtual Status update_recommendation(const Recommendation& r) = 0;
  virtual Result<std::vector<Recommendation>> recommendations(const UnitScope& scope) = 0;
  // Changes whenever any recommendation is added, changed or removed, by
  // anyone: what answers that list recommendations are kept against.
  virtual Result<int64_t> recommendations_version() = 0;
  // Changes whenever any QA record of any kind changes, by anyone.
  virtual Result<int64_t> version() = 0;
  virtual Result<std::optional<Recommendation>> recommendation(int64_t id) = 0;

  virtual Result<int64_t> add_complaint(const Complaint& c) = 0;
  virtual Status update_complaint(const Complaint& c) = 0;
  virtual Result<std::vector<Complaint>> complaints(const UnitScope& scope) = 0;
  virtual Result<int64_t> add_compliment(const Compliment& c) = 0;
  virtual Result<std::vector<Compliment>> compliments(const UnitScope& scope) = 0;
  virtual Result<int64_t> add_survey_return(const SurveyReturn& s) = 0;
  virtual Result<std::vector<SurveyReturn>> survey_returns(const UnitScope& scope) = 0;

  virtual Result<int64_t> add_plan(const ImprovementPlan& p) = 0;
  virtual Result<std::vector<ImprovementPlan>> plans() = 0;
  virtual Result<int64_t> add_action(const PlanAction& a) = 0;
  virtual Status update_action(const PlanAction& a) = 0;
  // 0: every plan's actions. Organisation-wide actions (no unit) are in
  // every scope: a plan belongs to everyone.
  virtual Result<std::vector<PlanAction>> actions(int64_t plan_id, const UnitScope& scope) = 0;

  // Replaces every QA record with `h` (ids kept as given), in one
  // transaction: a generated or imported history.
  virtual Status replace_all(const QaHistory& h) = 0;
};

}  // namespace beacon::qa

#endif  // BEACON_QA_QA_STORE_H_
