#include "qa/qa_json.h"

namespace beacon::qa {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t num(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

// A required date: false when absent or unreadable.
bool date(const json& j, const char* key, Date& out) {
  auto d = parse_date(str(j, key));
  if (!d) return false;
  out = *d;
  return true;
}

// An optional date: absent or empty is none; unreadable is false.
bool opt_date(const json& j, const char* key, OptDate& out) {
  std::string s = str(j, key);
  out.reset();
  if (s.empty()) return true;
  out = parse_date(s);
  return out.has_value();
}

json opt(const OptDate& d) { return d ? json(d->iso()) : json(""); }

json answers_json(const Answers& a) {
  json j = json::object();
  for (const auto& [k, v] : a) j[k] = v;
  return j;
}

Answers answers_from(const json& j) {
  Answers a;
  if (!j.is_object()) return a;
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.value().is_string()) a[it.key()] = it.value().get<std::string>();
  return a;
}

std::string month_text(YearMonth m) { return m.first_day().iso().substr(0, 7); }

bool month_from(const std::string& s, YearMonth& m) {
  auto d = parse_date(s + "-01");
  if (!d) return false;
  m = YearMonth::of(*d);
  return true;
}

std::string answer_type_name(AnswerType t) {
  switch (t) {
    case AnswerType::kPillarGrade:
      return "pillar-grade";
    case AnswerType::kOverallGrade:
      return "overall-grade";
    case AnswerType::kText:
      return "text";
    case AnswerType::kChoice:
      return "choice";
    case AnswerType::kTags:
      return "tags";
  }
  return "text";
}

}  // namespace

json to_json(const Cycle& c) {
  json teams = json::array(), cohorts = json::array();
  for (const auto& t : c.rules.teams) teams.push_back(t);
  for (const auto& t : c.rules.cohorts) cohorts.push_back(t);
  const char* strata[] = {"team", "locality", "cohort"};
  return {{"id", c.id},
          {"name", c.name},
          {"kind", cycle_kind_name(c.kind)},
          {"start", c.start.iso()},
          {"end", c.end.iso()},
          {"question_set", c.question_set_id},
          {"previous_cycle_id", c.previous_cycle_id},
          {"status", c.status},
          {"rules",
           {{"mode", sample_mode_name(c.rules.mode)},
            {"size", c.rules.size},
            {"per_group", c.rules.per_group},
            {"stratify_by", strata[static_cast<int>(c.rules.stratify_by)]},
            {"teams", teams},
            {"cohorts", cohorts},
            {"revisit_share", c.rules.revisit_share},
            // As text: a 64-bit seed does not survive every JSON reader as a number.
            {"seed", std::to_string(c.rules.seed)}}}};
}

bool from_json(const json& j, Cycle& c) {
  if (!j.is_object()) return false;
  c.id = num(j, "id");
  c.name = str(j, "name");
  c.kind = parse_cycle_kind(str(j, "kind")).value_or(CycleKind::kQuarterly);
  if (!date(j, "start", c.start) || !date(j, "end", c.end)) return false;
  c.question_set_id = str(j, "question_set");
  if (c.question_set_id.empty()) c.question_set_id = "practice-evaluation";
  c.previous_cycle_id = num(j, "previous_cycle_id");
  c.status = str(j, "status");
  if (c.status.empty()) c.status = "open";
  const json& r = j.contains("rules") && j["rules"].is_object() ? j["rules"] : json::object();
  c.rules.mode = parse_sample_mode(str(r, "mode")).value_or(SampleMode::kRandom);
  if (r.contains("size") && r["size"].is_number_integer()) c.rules.size = r["size"].get<int>();
  if (r.contains("per_group") && r["per_group"].is_number_integer())
    c.rules.per_group = r["per_group"].get<int>();
  std::string s = str(r, "stratify_by");
  c.rules.stratify_by = s == "team"     ? Stratum::kTeam
                        : s == "cohort" ? Stratum::kCohort
                                        : Stratum::kLocality;
  c.rules.teams.clear();
  c.rules.cohorts.clear();
  if (r.contains("teams") && r["teams"].is_array())
    for (const auto& t : r["teams"])
      if (t.is_string()) c.rules.teams.insert(t.get<std::string>());
  if (r.contains("cohorts") && r["cohorts"].is_array())
    for (const auto& t : r["cohorts"])
      if (t.is_string()) c.rules.cohorts.insert(t.get<std::string>());
  if (r.contains("revisit_share") && r["revisit_share"].is_number())
    c.rules.revisit_share = r["revisit_share"].get<double>();
  try {
    std::string seed = str(r, "seed");
    if (!seed.empty()) c.rules.seed = std::stoull(seed);
  } catch (...) {
    return false;
  }
  return true;
}

json to_json(const Evaluation& e) {
  return {{"id", e.id},
          {"cycle_id", e.cycle_id},
          {"question_set", e.question_set_id},
          {"child_id", e.child_id},
          {"child_name", e.child_name},
          {"practitioner_id", e.practitioner_id},
          {"team_id", e.team_id},
          {"evaluator_id", e.evaluator_id},
          {"revisit", e.revisit},
          {"status", evaluation_status_name(e.status)},
          {"answers", answers_json(e.answers)},
          {"version", e.version},
          {"submitted_at", e.submitted_at},
          {"updated_at", e.updated_at}};
}

bool from_json(const json& j, Evaluation& e) {
  if (!j.is_object()) return false;
  e.id = num(j, "id");
  e.cycle_id = num(j, "cycle_id");
  e.question_set_id = str(j, "question_set");
  if (e.question_set_id.empty()) e.question_set_id = "practice-evaluation";
  e.child_id = str(j, "child_id");
  e.child_name = str(j, "child_name");
  e.practitioner_id = str(j, "practitioner_id");
  e.team_id = str(j, "team_id");
  e.evaluator_id = str(j, "evaluator_id");
  e.revisit = j.value("revisit", false);
  auto s = parse_evaluation_status(str(j, "status"));
  if (!s) return false;
  e.status = *s;
  e.answers = answers_from(j.value("answers", json::object()));
  e.version = static_cast<int>(num(j, "version"));
  e.submitted_at = str(j, "submitted_at");
  e.updated_at = str(j, "updated_at");
  return true;
}

json to_json(const EvaluationVersion& v) {
  return {{"version", v.version},
          {"at", v.at},
          {"user", v.user},
          {"reason", v.reason},
          {"answers", answers_json(v.answers)}};
}

bool from_json(const json& j, EvaluationVersion& v) {
  if (!j.is_object()) return false;
  v.version = static_cast<int>(num(j, "version"));
  v.at = str(j, "at");
  v.user = str(j, "user");
  v.reason = str(j, "reason");
  v.answers = answers_from(j.value("answers", json::object()));
  return true;
}

json to_json(const Moderation& m) {
  json grades = json::object();
  for (const auto& [k, g] : m.grades) grades[k] = grade_name(g);
  return {{"id", m.id},
          {"evaluation_id", m.evaluation_id},
          {"cycle_id", m.cycle_id},
          {"evaluator_id", m.evaluator_id},
          {"moderator", m.moderator},
          {"at", m.at},
          {"grades", grades},
          {"note", m.note}};
}

bool from_json(const json& j, Moderation& m) {
  if (!j.is_object()) return false;
  m.id = num(j, "id");
  m.evaluation_id = num(j, "evaluation_id");
  m.cycle_id = num(j, "cycle_id");
  m.evaluator_id = str(j, "evaluator_id");
  m.moderator = str(j, "moderator");
  m.at = str(j, "at");
  m.note = str(j, "note");
  m.grades.clear();
  if (j.contains("grades") && j["grades"].is_object())
    for (auto it = j["grades"].begin(); it != j["grades"].end(); ++it)
      if (it.value().is_string())
        if (auto g = parse_grade(it.value().get<std::string>())) m.grades[it.key()] = *g;
  return true;
}

json to_json(const Recommendation& r) {
  return {{"id", r.id},
          {"evaluation_id", r.evaluation_id},
          {"cycle_id", r.cycle_id},
          {"child_id", r.child_id},
          {"team_id", r.team_id},
          {"text", r.text},
          {"owner_id", r.owner_id},
          {"made", r.made.iso()},
          {"due", r.due.iso()},
          {"status", recommendation_status_name(r.status)},
          {"done_on", opt(r.done_on)},
          {"evidence", r.evidence},
          {"impact", impact_name(r.impact)},
          {"impact_note", r.impact_note},
          {"revisit_evaluation_id", r.revisit_evaluation_id}};
}

bool from_json(const json& j, Recommendation& r) {
  if (!j.is_object()) return false;
  r.id = num(j, "id");
  r.evaluation_id = num(j, "evaluation_id");
  r.cycle_id = num(j, "cycle_id");
  r.child_id = str(j, "child_id");
  r.team_id = str(j, "team_id");
  r.text = str(j, "text");
  r.owner_id = str(j, "owner_id");
  if (!date(j, "made", r.made) || !date(j, "due", r.due) || !opt_date(j, "done_on", r.done_on))
    return false;
  r.status = str(j, "status") == "done" ? RecommendationStatus::kDone : RecommendationStatus::kOpen;
  r.evidence = str(j, "evidence");
  r.impact = parse_impact(str(j, "impact")).value_or(Impact::kNotChecked);
  r.impact_note = str(j, "impact_note");
  r.revisit_evaluation_id = num(j, "revisit_evaluation_id");
  return true;
}

json to_json(const Complaint& c) {
  return {{"id", c.id},           {"reference", c.reference},
          {"stage", c.stage},     {"received", c.received.iso()},
          {"due", c.due.iso()},   {"responded", opt(c.responded)},
          {"theme", c.theme},     {"complainant", c.complainant},
          {"outcome", c.outcome}, {"learning_action", c.learning_action},
          {"team_id", c.team_id}, {"child_id", c.child_id},
          {"summary", c.summary}};
}

bool from_json(const json& j, Complaint& c) {
  if (!j.is_object()) return false;
  c.id = num(j, "id");
  c.reference = str(j, "reference");
  c.stage = static_cast<int>(num(j, "stage"));
  if (!date(j, "received", c.received) || !date(j, "due", c.due) ||
      !opt_date(j, "responded", c.responded))
    return false;
  c.theme = str(j, "theme");
  c.complainant = str(j, "complainant");
  c.outcome = str(j, "outcome");
  c.learning_action = str(j, "learning_action");
  c.team_id = str(j, "team_id");
  c.child_id = str(j, "child_id");
  c.summary = str(j, "summary");
  return true;
}

json to_json(const Compliment& c) {
  return {{"id", c.id},           {"received", c.received.iso()},
          {"team_id", c.team_id}, {"worker_id", c.worker_id},
          {"from", c.from},       {"summary", c.summary}};
}

bool from_json(const json& j, Compliment& c) {
  if (!j.is_object()) return false;
  c.id = num(j, "id");
  if (!date(j, "received", c.received)) return false;
  c.team_id = str(j, "team_id");
  c.worker_id = str(j, "worker_id");
  c.from = str(j, "from");
  c.summary = str(j, "summary");
  return true;
}

json to_json(const SurveyReturn& s) {
  return {{"id", s.id},           {"received", s.received.iso()},
          {"survey", s.survey},   {"respondent", s.respondent},
          {"team_id", s.team_id}, {"rating", s.rating},
          {"comment", s.comment}};
}

bool from_json(const json& j, SurveyReturn& s) {
  if (!j.is_object()) return false;
  s.id = num(j, "id");
  if (!date(j, "received", s.received)) return false;
  s.survey = str(j, "survey");
  s.respondent = str(j, "respondent");
  s.team_id = str(j, "team_id");
  s.rating = static_cast<int>(num(j, "rating"));
  s.comment = str(j, "comment");
  return true;
}

json to_json(const ImprovementPlan& p) {
  json priorities = json::array();
  for (const auto& x : p.priorities)
    priorities.push_back({{"number", x.number}, {"title", x.title}, {"sponsor", x.sponsor}});
  return {{"id", p.id},
          {"name", p.name},
          {"kind", p.kind},
          {"start", p.start.iso()},
          {"priorities", priorities}};
}

bool from_json(const json& j, ImprovementPlan& p) {
  if (!j.is_object()) return false;
  p.id = num(j, "id");
  p.name = str(j, "name");
  p.kind = str(j, "kind");
  if (!date(j, "start", p.start)) return false;
  p.priorities.clear();
  if (j.contains("priorities") && j["priorities"].is_array())
    for (const auto& x : j["priorities"])
      if (x.is_object())
        p.priorities.push_back({str(x, "number"), str(x, "title"), str(x, "sponsor")});
  return true;
}

json to_json(const PlanAction& a) {
  json updates = json::array();
  for (const auto& u : a.updates)
    updates.push_back({{"month", month_text(u.month)},
                       {"rag", u.rag},
                       {"text", u.text},
                       {"evidence", u.evidence},
                       {"by", u.by}});
  return {{"id", a.id},
          {"plan_id", a.plan_id},
          {"number", a.number},
          {"title", a.title},
          {"leads", a.leads},
          {"team_id", a.team_id},
          {"start", a.start.iso()},
          {"due", a.due.iso()},
          {"completed", opt(a.completed)},
          {"indicators", a.indicator_ids},
          {"updates", updates}};
}

bool from_json(const json& j, PlanAction& a) {
  if (!j.is_object()) return false;
  a.id = num(j, "id");
  a.plan_id = num(j, "plan_id");
  a.number = str(j, "number");
  a.title = str(j, "title");
  a.leads = str(j, "leads");
  a.team_id = str(j, "team_id");
  if (!date(j, "start", a.start) || !date(j, "due", a.due) ||
      !opt_date(j, "completed", a.completed))
    return false;
  a.indicator_ids.clear();
  if (j.contains("indicators") && j["indicators"].is_array())
    for (const auto& x : j["indicators"])
      if (x.is_string()) a.indicator_ids.push_back(x.get<std::string>());
  a.updates.clear();
  if (j.contains("updates") && j["updates"].is_array())
    for (const auto& x : j["updates"]) {
      if (!x.is_object()) continue;
      ProgressUpdate u;
      if (!month_from(str(x, "month"), u.month)) return false;
      u.rag = str(x, "rag");
      u.text = str(x, "text");
      u.evidence = str(x, "evidence");
      u.by = str(x, "by");
      a.updates.push_back(std::move(u));
    }
  return true;
}

json to_json(const QuestionSet& s) {
  json sections = json::array();
  for (const Section& sec : s.sections) {
    json qs = json::array();
    for (const Question& q : sec.questions)
      qs.push_back({{"id", q.id},
                    {"text", q.text},
                    {"type", answer_type_name(q.type)},
                    {"required", q.required},
                    {"choices", q.choices},
                    {"guidance", q.guidance},
                    {"required_when_below_good", q.learning_for_pillar}});
    sections.push_back(
        {{"id", sec.id}, {"title", sec.title}, {"guidance", sec.guidance}, {"questions", qs}});
  }
  return {{"id", s.id}, {"title", s.title}, {"version", s.version}, {"sections", sections}};
}

}  // namespace beacon::qa
