#include "qa/recommendation.h"

namespace beacon::qa {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

std::string_view recommendation_status_name(RecommendationStatus s) {
  return s == RecommendationStatus::kDone ? "done" : "open";
}

std::string_view impact_name(Impact i) {
  switch (i) {
    case Impact::kNotChecked:
      return "not-checked";
    case Impact::kMadeADifference:
      return "made-a-difference";
    case Impact::kPartly:
      return "partly";
    case Impact::kNoDifference:
      return "no-difference";
  }
  return "";
}

std::string_view impact_label(Impact i) {
  switch (i) {
    case Impact::kNotChecked:
      return "Not yet checked";
    case Impact::kMadeADifference:
      return "Made a difference";
    case Impact::kPartly:
      return "Made some difference";
    case Impact::kNoDifference:
      return "Made no difference";
  }
  return "";
}

std::optional<Impact> parse_impact(std::string_view name) {
  for (auto i :
       {Impact::kNotChecked, Impact::kMadeADifference, Impact::kPartly, Impact::kNoDifference})
    if (impact_name(i) == name) return i;
  return std::nullopt;
}

Status check_new(const Recommendation& r) {
  if (blank(r.text)) return Status::invalid_input("say what is recommended");
  if (blank(r.child_id)) return Status::invalid_input("a recommendation is for a child");
  if (blank(r.owner_id)) return Status::invalid_input("say who owns the recommendation");
  if (r.due < r.made)
    return Status::invalid_input("the due date is before the recommendation was made");
  return Status::ok();
}

Result<Recommendation> close(const Recommendation& r, Date on, const std::string& evidence) {
  if (r.status == RecommendationStatus::kDone)
    return Status::conflict("the recommendation is already done");
  if (blank(evidence))
    return Status::invalid_input("closing a recommendation needs evidence that it is done");
  if (on < r.made) return Status::invalid_input("it cannot be done before it was made");
  Recommendation out = r;
  out.status = RecommendationStatus::kDone;
  out.done_on = on;
  out.evidence = evidence;
  return out;
}

Result<Recommendation> record_impact(const Recommendation& r, Impact impact,
                                     const std::string& note, int64_t revisit_evaluation_id) {
  if (impact == Impact::kNotChecked) return Status::invalid_input("say what the revisit found");
  if (blank(note)) return Status::invalid_input("say what the revisit saw");
  Recommendation out = r;
  out.impact = impact;
  out.impact_note = note;
  out.revisit_evaluation_id = revisit_evaluation_id;
  return out;
}

bool is_overdue(const Recommendation& r, Date as_at) {
  return r.status == RecommendationStatus::kOpen && r.due < as_at;
}

int escalation_level(const Recommendation& r, Date as_at) {
  if (!is_overdue(r, as_at)) return 0;
  return r.due.days_until(as_at) > kEscalateToHeadOfServiceAfterDays ? 2 : 1;
}

std::map<std::string, RecommendationCounts> recommendation_report(
    const std::vector<Recommendation>& recs, Date as_at) {
  std::map<std::string, RecommendationCounts> out;
  for (const Recommendation& r : recs) {
    std::vector<std::string> keys = {""};
    if (!r.team_id.empty()) keys.push_back(r.team_id);
    for (const std::string& key : keys) {
      RecommendationCounts& c = out[key];
      ++c.made;
      if (r.status == RecommendationStatus::kDone) {
        ++c.done;
        c.done_on_time += r.done_on && *r.done_on <= r.due;
      } else {
        ++c.open;
        c.overdue += is_overdue(r, as_at);
      }
    }
  }
  return out;
}

}  // namespace beacon::qa
