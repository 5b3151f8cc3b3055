// Closing the loop: each recommendation for a child has an owner and a due
// date, is discussed in supervision and tracked until done. An overdue one
// escalates (to the owner's manager, then the head of service); closing one
// needs evidence; the next cycle's revisit records whether it made a
// difference.
#ifndef BEACON_QA_RECOMMENDATION_H_
#define BEACON_QA_RECOMMENDATION_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace beacon::qa {

enum class RecommendationStatus { kOpen, kDone };
std::string_view recommendation_status_name(RecommendationStatus s);  // open | done

// What the revisit found.
enum class Impact { kNotChecked, kMadeADifference, kPartly, kNoDifference };
std::string_view impact_name(Impact i);  // not-checked | made-a-difference | partly | no-difference
std::string_view impact_label(Impact i);
std::optional<Impact> parse_impact(std::string_view name);

struct Recommendation {
  int64_t id = 0;
  int64_t evaluation_id = 0;
  int64_t cycle_id = 0;
  std::string child_id;
  std::string team_id;
  std::string text;
  std::string owner_id;  // usually the practitioner
  Date made;
  Date due;
  RecommendationStatus status = RecommendationStatus::kOpen;
  OptDate done_on;
  std::string evidence;  // what shows it is done
  Impact impact = Impact::kNotChecked;
  std::string impact_note;
  int64_t revisit_evaluation_id = 0;
};

// A new recommendation must say what, who and by when (due on or after made).
Status check_new(const Recommendation& r);
// Closing: refused without evidence or with a date before it was made.
Result<Recommendation> close(const Recommendation& r, Date on, const std::string& evidence);
// The revisit's finding.
Result<Recommendation> record_impact(const Recommendation& r, Impact impact,
                                     const std::string& note, int64_t revisit_evaluation_id);

bool is_overdue(const Recommendation& r, Date as_at);
// 0 = not overdue; 1 = overdue (owner's manager told); 2 = more than 28 days
// overdue (head of service told).
int escalation_level(const Recommendation& r, Date as_at);
inline constexpr int kEscalateToHeadOfServiceAfterDays = 28;

struct RecommendationCounts {
  int made = 0;
  int done = 0;
  int done_on_time = 0;
  int open = 0;
  int overdue = 0;
};
// Made, done, done on time, open and overdue, by team (and "" for everyone).
std::map<std::string, RecommendationCounts> recommendation_report(
    const std::vector<Recommendation>& recs, Date as_at);

}  // namespace beacon::qa

#endif  // BEACON_QA_RECOMMENDATION_H_
