#include "synth/qa_history.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "qa/assignment.h"
#include "qa/feedback.h"
#include "qa/qa_tables.h"
#include "qa/sampling.h"

namespace beacon::synth {
namespace {

using qa::Grade;

bool covers(Date start, OptDate end, Date d) { return start <= d && (!end || *end > d); }

// Picks an index by weights (in any units).
int pick(qa::SeededRandom& rng, const std::vector<int>& weights) {
  int total = 0;
  for (int x : weights) total += x;
  int r = static_cast<int>(rng.below(static_cast<uint64_t>(total)));
  for (size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return static_cast<int>(i);
    r -= weights[i];
  }
  return static_cast<int>(weights.size()) - 1;
}

template <class T>
const T& one_of(qa::SeededRandom& rng, const std::vector<T>& v) {
  return v[rng.below(v.size())];
}

const std::vector<std::string> kEvidence = {
    "The child's words are recorded in the assessment and the plan reflects what they asked for.",
    "Visits are regular and purposeful; case notes describe what was seen and heard.",
    "The chronology is current and the analysis draws on the history and on partners' views.",
    "The plan has clear actions and timescales and was reviewed at the last core group.",
    "Supervision notes record reflective discussion and a clear management direction.",
    "Some visits are recorded late and the record does not always show what changed for the "
    "child."};
const std::vector<std::string> kLearning = {
    "Record the child's own words and what they want to happen.",
    "Keep the chronology up to date and use it to analyse risk.",
    "Make plan actions specific, with owners and dates.",
    "Record the reasons for management decisions in supervision.",
    "Include fathers and wider family in assessment and planning."};
const std::vector<std::string> kRecommendations = {
    "Update the chronology and use it in the next review.",
    "Complete direct work with the child and record their views.",
    "Review the plan with the family and make actions SMART.",
    "Discuss the case in supervision and record the decision.",
    "Contact the father and include him in the assessment.",
    "Arrange a multi-agency meeting with school and health."};

Grade step(Grade g, int by) {
  int i = std::clamp(qa::grade_index(g) + by, 0, 4);
  Grade out = qa::kAllGrades[static_cast<size_t>(i)];
  return out == Grade::kGoodWithOutstanding ? (by < 0 ? Grade::kOutstanding : Grade::kGood) : out;
}

struct Staff {
  std::vector<qa::Evaluator> evaluators;
  qa::LineManagement lm;
};

Staff staff_on(const World& w, Date d) {
  Staff s;
  for (const auto& k : w.workers) {
    if (k.line_manager >= 0)
      s.lm.line_manager[k.id] = w.workers[static_cast<size_t>(k.line_manager)].id;
    if (k.unit >= 0) s.lm.team_of[k.id] = w.units[static_cast<size_t>(k.unit)].id;
    if ((k.role == "team_manager" || k.role == "service_manager") && covers(k.from, k.to, d))
      s.evaluators.push_back({k.id, k.name, 0, 0});
  }
  for (const auto& u : w.units)
    if (u.manager >= 0) s.lm.team_manager[u.id] = w.workers[static_cast<size_t>(u.manager)].id;
  return s;
}

std::vector<qa::Candidate> candidates_on(const World& w, Date d) {
  std::vector<qa::Candidate> out;
  for (const auto& c : w.children) {
    if (!c.in_output) continue;
    bool open = false;
    for (const auto& r : c.referrals) open = open || covers(r.date, r.closure, d);
    if (!open) continue;
    for (const auto& a : c.allocations) {
      if (a.role != "social_worker" || !covers(a.start, a.end, d) || a.worker < 0 || a.team < 0)
        continue;
      const auto& team = w.units[static_cast<size_t>(a.team)];
      std::string locality =
          team.locality >= 0 ? w.units[static_cast<size_t>(team.locality)].id : "";
      out.push_back({c.id, c.forename, w.workers[static_cast<size_t>(a.worker)].id, team.id,
                     locality, "cin"});
      break;
    }
  }
  return out;
}

}  // namespace

qa::QaHistory build_qa_history(const World& w) {
  qa::QaHistory h;
  qa::SeededRandom rng(w.options.seed * 0x9E3779B97F4A7C15ULL + 0x51A);
  const Date as_at = w.window.as_at;
  // The three quarters before the current one.
  qa::Cycle current = qa::quarterly_cycle_for(as_at);
  std::map<std::string, std::vector<std::string>> previous_children;
  int64_t evaluation_id = 0, recommendation_id = 0, moderation_id = 0;
  std::vector<std::string> previous;
  const int size = std::max(10, static_cast<int>(100 * std::min(1.0, w.options.scale * 4) + 0.5));
  for (int k = 0; k < 3; ++k) {
    qa::Cycle c = qa::quarterly_cycle_for(current.start.add_months(-3 * (3 - k)));
    c.id = k + 1;
    c.previous_cycle_id = k ? k : 0;
    c.rules.mode = qa::SampleMode::kStratified;
    c.rules.stratify_by = qa::Stratum::kLocality;
    c.rules.size = size;
    c.rules.seed = w.options.seed * 1000 + static_cast<uint64_t>(k + 1);
    c.status = k < 2 ? "closed" : "open";
    h.cycles.push_back(c);
    auto sample = qa::draw_sample(candidates_on(w, c.start), c.rules, previous);
    if (!sample) continue;
    Staff staff = staff_on(w, c.start);
    auto plan = qa::assign_evaluators(sample->children, staff.evaluators, staff.lm);
    std::map<std::string, std::string> evaluator_of;
    for (const auto& a : plan.assigned) evaluator_of[a.child_id] = a.evaluator_id;
    std::vector<std::string> this_cycle;
    for (const auto& s : sample->children) {
      auto ev = evaluator_of.find(s.child.child_id);
      if (ev == evaluator_of.end()) continue;
      this_cycle.push_back(s.child.child_id);
      qa::Evaluation e;
      e.id = ++evaluation_id;
      e.cycle_id = c.id;
      e.child_id = s.child.child_id;
      e.child_name = s.child.child_name;
      e.practitioner_id = s.child.practitioner_id;
      e.team_id = s.child.team_id;
      e.evaluator_id = ev->second;
      e.revisit = s.revisit;
      // Overall: good rises 42% → 50% → 58%; inadequate a steady 5%; a few outstanding.
      Grade overall =
          qa::kAllGrades[static_cast<size_t>(pick(rng, {3, 3, 42 + 8 * k, 47 - 8 * k, 5}))];
      Date submitted = c.start.add_days(14 + static_cast<int>(rng.below(60)));
      bool done = k < 2 || rng.below(100) < 85;
      if (!done) {
        e.status = rng.below(2) ? qa::EvaluationStatus::kDraft : qa::EvaluationStatus::kAssigned;
        if (e.status == qa::EvaluationStatus::kDraft) e.answers["voice.grade"] = "good";
        h.evaluations.push_back(e);
        continue;
      }
      Grade base = overall == Grade::kGoodWithOutstanding ? Grade::kGood : overall;
      std::vector<std::string> below;
      for (const qa::Pillar& p : qa::kPillars) {
        int r = static_cast<int>(rng.below(10));
        Grade g = r < 7 ? base : step(base, r < 9 ? 1 : -1);
        if (overall == Grade::kGoodWithOutstanding && r == 0) g = Grade::kOutstanding;
        e.answers[std::string(p.id) + ".grade"] = std::string(qa::grade_name(g));
        e.answers[std::string(p.id) + ".evidence"] = one_of(rng, kEvidence);
        if (!qa::is_good_or_better(g)) below.push_back(std::string(p.id));
      }
      e.answers["overall.grade"] = std::string(qa::grade_name(overall));
      e.answers["overall.experience-progress"] = qa::is_good_or_better(overall) ? "Yes" : "Partly";
      e.answers["overall.record-reflects-work"] = rng.below(4) ? "Yes" : "Partly";
      e.answers["overall.child-safe"] = "Yes";
      e.answers["overall.summary"] =
          "Evaluated with the practitioner: " + std::string(qa::grade_label(overall)) + ".";
      e.answers["feedback.child"] = rng.below(3)
                                        ? "Knows their worker and says they are listened to."
                                        : "Too young to give a view; observed at home.";
      e.answers["feedback.parents"] = rng.below(3)
                                          ? "Parent feels supported; wants more notice of visits."
                                          : "Parent declined to give feedback.";
      e.answers["feedback.partners"] = "School and health describe regular information sharing.";
      e.answers["learning.summary"] = one_of(rng, kLearning);
      for (const auto& p : below) e.answers["learning." + p] = one_of(rng, kLearning);
      const auto& themes = qa::finding_themes();
      std::string tags = themes[rng.below(6)];  // the first six recur most
      if (rng.below(2)) tags += ", " + themes[6 + rng.below(themes.size() - 6)];
      e.answers["learning.themes"] = tags;
      e.status = qa::EvaluationStatus::kSubmitted;
      e.version = 1;
      e.submitted_at = submitted.iso();
      e.updated_at = submitted.iso();
      // Moderation of about one in ten, agreeing four times in five.
      if (rng.below(10) == 0) {
        qa::Moderation m;
        m.id = ++moderation_id;
        m.evaluation_id = e.id;
        m.cycle_id = c.id;
        m.evaluator_id = e.evaluator_id;
        m.moderator = "practice-hub";
        m.at = submitted.add_days(10).iso();
        for (const qa::Pillar& p : qa::kPillars) {
          Grade g = *qa::pillar_grade(e.answers, p.id);
          m.grades[std::string(p.id)] = rng.below(5) ? g : step(g, rng.below(2) ? 1 : -1);
        }
        m.grades["overall"] = rng.below(5) ? overall : step(base, 1);
        h.moderations.push_back(m);
      }
      // Recommendations: one or two below good, sometimes one for good work.
      int n = qa::is_good_or_better(overall) ? (rng.below(2) ? 1 : 0)
                                             : 1 + static_cast<int>(rng.below(2));
      for (int i = 0; i < n; ++i) {
        qa::Recommendation r;
        r.id = ++recommendation_id;
        r.evaluation_id = e.id;
        r.cycle_id = c.id;
        r.child_id = e.child_id;
        r.team_id = e.team_id;
        r.text = one_of(rng, kRecommendations);
        r.owner_id = e.practitioner_id;
        r.made = submitted;
        r.due = submitted.add_days(28 + 7 * static_cast<int>(rng.below(5)));
        // The open cycle's longer pieces of work (one in three, chosen from
        // the id so the other draws stay as they were) fall due after the
        // history's end: a real organisation has open work not yet due as
        // well as overdue.
        if (c.status == "open" && r.id % 3 == 0)
          r.due = as_at.add_days(14 + static_cast<int>((r.id * 37) % 100));
        // Most that fell due are done (a quarter of those late); the rest are overdue.
        if (r.due < as_at && rng.below(100) < 70) {
          r.status = qa::RecommendationStatus::kDone;
          Date on = rng.below(4) ? r.due.add_days(-static_cast<int>(rng.below(14)))
                                 : r.due.add_days(1 + static_cast<int>(rng.below(30)));
          r.done_on = std::min(on, as_at);
          if (*r.done_on < r.made) r.done_on = r.made;
          r.evidence = "Seen on the child's record: " + r.text;
        }
        h.recommendations.push_back(r);
      }
      h.evaluations.push_back(e);
    }
    // The revisits check the impact of the previous cycle's recommendations.
    for (const auto& e : h.evaluations) {
      if (e.cycle_id != c.id || !e.revisit || e.status != qa::EvaluationStatus::kSubmitted)
        continue;
      for (auto& r : h.recommendations)
        if (r.child_id == e.child_id && r.cycle_id == c.id - 1 &&
            r.impact == qa::Impact::kNotChecked) {
          int x = static_cast<int>(rng.below(10));
          r.impact = x < 6   ? qa::Impact::kMadeADifference
                     : x < 9 ? qa::Impact::kPartly
                             : qa::Impact::kNoDifference;
          r.impact_note = std::string(qa::impact_label(r.impact)) + ", seen at the revisit.";
          r.revisit_evaluation_id = e.id;
        }
    }
    previous = this_cycle;
  }

  // A year of complaints, compliments and survey returns.
  std::vector<std::string> teams;
  for (const auto& u : w.units)
    if (u.kind == "team") teams.push_back(u.id);
  if (!teams.empty()) {
    const int per_month =
        std::max(2, static_cast<int>(15 * std::min(1.0, w.options.scale * 4) + 0.5));
    Date first = as_at.add_months(-12).add_days(1);
    int64_t complaint_id = 0, compliment_id = 0, survey_id = 0;
    for (YearMonth m = YearMonth::of(first); m <= YearMonth::of(as_at); m = m.plus(1)) {
      int days = m.first_day().days_until(std::min(m.last_day(), as_at)) + 1;
      if (days <= 0) continue;
      auto day = [&] {
        return m.first_day().add_days(static_cast<int>(rng.below(static_cast<uint64_t>(days))));
      };
      for (int i = 0; i < per_month; ++i) {
        qa::Complaint c;
        c.id = ++complaint_id;
        c.reference = "CMP-" + std::to_string(10000 + c.id);
        c.stage = 1 + pick(rng, {85, 12, 3});
        c.received = day();
        c.due = qa::complaint_due(c.received, c.stage);
        c.theme =
            qa::complaint_themes()[static_cast<size_t>(pick(rng, {14, 10, 22, 18, 12, 20, 4}))];
        c.complainant = qa::complainants()[static_cast<size_t>(pick(rng, {12, 70, 18}))];
        c.team_id = one_of(rng, teams);
        int r = static_cast<int>(rng.below(10));
        Date answered = r < 7 ? c.due.add_days(-static_cast<int>(rng.below(8)))
                              : c.due.add_days(1 + static_cast<int>(rng.below(20)));
        if (answered <= as_at) {
          c.responded = std::max(answered, c.received);
          c.outcome = qa::complaint_outcomes()[static_cast<size_t>(pick(rng, {25, 35, 40}))];
          if (c.outcome != "not-upheld")
            c.learning_action = "Shared with the team: " + qa::complaint_theme_label(c.theme) + ".";
        }
        c.summary = qa::complaint_theme_label(c.theme) + " (synthetic)";
        h.complaints.push_back(c);
      }
      for (int i = 0; i < per_month * 2 / 3; ++i) {
        qa::Compliment c;
        c.id = ++compliment_id;
        c.received = day();
        c.team_id = one_of(rng, teams);
        c.from =
            std::vector<std::string>{"child", "parent", "carer", "partner",
                                     "other"}[static_cast<size_t>(pick(rng, {15, 40, 20, 20, 5}))];
        c.summary = "Thanked the worker for their support.";
        h.compliments.push_back(c);
      }
      for (int i = 0; i < per_month; ++i) {
        qa::SurveyReturn s;
        s.id = ++survey_id;
        s.received = day();
        s.survey = "Children and families survey";
        s.respondent = rng.below(3) ? "parent" : "child";
        s.team_id = one_of(rng, teams);
        s.rating = 1 + pick(rng, {5, 10, 25, 35, 25});
        h.survey_returns.push_back(s);
      }
    }
  }

  // The development plan: five priorities, thirty actions, monthly updates.
  qa::ImprovementPlan plan;
  plan.id = 1;
  plan.name = "Children's services development plan";
  plan.start = as_at.add_months(-12).month_start();
  plan.priorities = {
      {"1", "The child's voice shapes every plan", "Director of Children's Social Care"},
      {"2", "Timely, analytical assessments", "Assistant Director, Safeguarding"},
      {"3", "Plans that make a difference", "Assistant Director, Children in Care"},
      {"4", "Management oversight and supervision", "Director of Children's Social Care"},
      {"5", "A stable, skilled workforce", "Director of People"}};
  h.plans.push_back(plan);
  const std::vector<std::vector<std::string>> indicators = {
      {"KPI5", "KPI7"}, {"KPI3", "KPI4"}, {"KPI8", "KPI9"}, {"KPI15"}, {"KPI12", "KPI13"}};
  const std::vector<std::string> leads = {
      "Head of Service, Assessment", "Head of Service, Children in Care", "Principal Social Worker",
      "Practice Hub Manager", "Head of Workforce"};
  int64_t action_id = 0;
  for (int p = 0; p < 5; ++p)
    for (int a = 1; a <= 6; ++a) {
      qa::PlanAction x;
      x.id = ++action_id;
      x.plan_id = 1;
      x.number = std::to_string(p + 1) + "." + std::to_string(a);
      x.title = plan.priorities[static_cast<size_t>(p)].title + ": action " + std::to_string(a);
      x.leads = one_of(rng, leads);
      x.start = plan.start.add_months(static_cast<int>(rng.below(6)));
      x.due = x.start.add_months(4 + static_cast<int>(rng.below(10)));
      x.indicator_ids = indicators[static_cast<size_t>(p)];
      bool complete = x.due < as_at && rng.below(3) != 0;
      for (YearMonth m = YearMonth::of(x.start); m < YearMonth::of(as_at); m = m.plus(1)) {
        if (m == YearMonth::of(as_at).plus(-1) && rng.below(6) == 0)
          break;  // last month's update missed
        std::string rag = std::vector<std::string>{
            "green", "amber", "red"}[static_cast<size_t>(pick(rng, {55, 35, 10}))];
        if (complete && m >= YearMonth::of(x.due)) rag = "complete";
        x.updates.push_back({m, rag, "Progress reviewed at the monthly board.",
                             rag == "complete" ? "Board minutes" : "", x.leads});
        if (rag == "complete") {
          x.completed = std::min(m.last_day(), as_at);
          break;
        }
      }
      h.actions.push_back(x);
    }
  return h;
}

Status write_qa(const World& w, const std::string& out, std::vector<WrittenFile>& files) {
  const std::string dir = out + "/qa";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::io_error("cannot create " + dir + ": " + ec.message());
  qa::QaHistory h = build_qa_history(w);
  for (const auto& [name, text] : qa::write_qa_tables(h)) {
    std::ofstream f(dir + "/" + name, std::ios::binary);
    f << text;
    if (!f) return Status::io_error("cannot write " + dir + "/" + name);
    int64_t rows = -1;
    for (char c : text) rows += c == '\n';
    files.push_back({"qa/" + name, rows});
  }
  return Status::ok();
}

}  // namespace beacon::synth
