#include "web/qa/workflow.h"

#include <algorithm>
#include <set>

#include "access/policy.h"
#include "core/clock.h"
#include "indicators/catalogue.h"
#include "web/view.h"

namespace beacon::web {
namespace {

void audit(QaRequest& q, std::string action, std::string kind, int64_t id, std::string unit,
           std::string detail) {
  // One trail for everything (docs/access.md): QA changes are "qa." actions.
  AuditEntry e;
  e.user = q.user;
  e.action = "qa." + action;
  e.object = kind + " " + std::to_string(id) + (unit.empty() ? "" : " in " + unit);
  e.detail = std::move(detail);
  e.client = q.client;
  (void)q.backend.audit(e);
}

bool open_on(OptDate end, Date d) { return !end || *end > d; }

}  // namespace

qa::UnitScope qa_scope(const Session& session, const CaseIndex& index) {
  // One rule with the child pages, decided in access/policy.h.
  access::QaReach reach = access::qa_reach(session.principal(), index);
  if (reach.everything) return qa::UnitScope::all();
  qa::UnitScope scope = qa::UnitScope::only(std::move(reach.units));
  scope.by_child = true;
  scope.children.insert(reach.children.ids().begin(), reach.children.ids().end());
  scope.evaluator = reach.evaluator;
  return scope;
}

std::optional<QaRequest> qa_request(Ctx& ctx) {
  qa::QaStore* store = ctx.app.backend().qa_store();
  if (!store) {
    ctx.fail(503, "Quality-assurance records are not kept by this server.");
    return std::nullopt;
  }
  return QaRequest{
      *store,        ctx.app.backend(), *ctx.engine, ctx.session->user_name,
      qa_scope(*ctx.session, ctx.engine->index()),
      default_date(*ctx.engine), clock::now_iso(), ctx.client(),
      ctx.principal()};
}

std::vector<qa::Candidate> sampling_candidates(const CaseIndex& index, Date as_at) {
  const auto& org = index.organisation();
  std::vector<qa::Candidate> out;
  for (const Child& child : index.history().children) {
    const CinEpisode* open = nullptr;
    for (const CinEpisode* e : index.referrals(child.id))
      if (e->referral_date <= as_at && open_on(e->closure_date, as_at)) open = e;
    if (!open) continue;
    qa::Candidate c;
    c.child_id = child.id;
    c.child_name = child.forename;
    // The allocated social worker on the day (the latest allocation that covers it).
    for (const Allocation* a : index.allocations(child.id))
      if (a->start <= as_at && open_on(a->end, as_at) &&
          (a->role.empty() || a->role == "social_worker")) {
        c.practitioner_id = a->worker_id;
        c.team_id = a->team_id;
      }
    if (c.practitioner_id.empty()) c.practitioner_id = open->worker_id;
    if (c.team_id.empty()) c.team_id = std::string(org.team_of(c.practitioner_id));
    if (c.team_id.empty()) c.team_id = open->team_id;
    c.locality_id = org.locality_of(c.team_id);
    c.cohort = "cin";
    for (const CpPlan* p : index.cp_plans(child.id))
      if (p->start <= as_at && open_on(p->end, as_at)) c.cohort = "cp";
    for (const PeriodOfCare& p : index.periods_of_care(child.id))
      if (p.start() <= as_at && open_on(p.end(), as_at)) c.cohort = "cla";
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<qa::Evaluator> available_evaluators(const CaseIndex& index, Date as_at) {
  std::vector<qa::Evaluator> out;
  std::set<std::string> seen;
  for (const Worker& w : index.history().workers) {
    if (w.role != "team_manager" && w.role != "service_manager") continue;
    if ((w.in_post_from && *w.in_post_from > as_at) || (w.in_post_to && *w.in_post_to < as_at))
      continue;
    if (seen.insert(w.id).second) out.push_back({w.id, w.name, 0, 0});
  }
  // No roles recorded: the units' managers evaluate.
  if (out.empty())
    for (const OrgUnit& u : index.organisation().units())
      if (!u.manager_id.empty() && seen.insert(u.manager_id).second)
        out.push_back({u.manager_id, index.organisation().name_of(u.manager_id), 0, 0});
  return out;
}

qa::LineManagement line_management(const CaseIndex& index) {
  qa::LineManagement lm;
  for (const Worker& w : index.history().workers) {
    if (!w.line_manager_id.empty()) lm.line_manager[w.id] = w.line_manager_id;
    std::string team(index.organisation().team_of(w.id));
    if (!team.empty()) lm.team_of[w.id] = team;
  }
  for (const OrgUnit& u : index.organisation().units())
    if (!u.manager_id.empty()) lm.team_manager[u.id] = u.manager_id;
  return lm;
}

Result<CycleCreated> create_cycle(QaRequest& q, qa::Cycle cycle) {
  if (cycle.name.find_first_not_of(" \t") == std::string::npos)
    return Status::invalid_input("name: give the cycle a name");
  if (cycle.end < cycle.start) return Status::invalid_input("end: the cycle ends before it starts");
  if (!qa::find_question_set(cycle.question_set_id))
    return Status::invalid_input("question set: there is no question set called " +
                                 cycle.question_set_id);
  for (const std::string& team : cycle.rules.teams) {
    const OrgUnit* u = q.engine.index().organisation().unit(team);
    if (!u || u->kind != "team") return Status::invalid_input("teams: there is no team " + team);
  }
  std::vector<std::string> previous;
  if (cycle.previous_cycle_id) {
    auto prev = q.store.evaluations({cycle.previous_cycle_id, "", ""}, qa::UnitScope::all());
    if (!prev) return prev.status();
    if (prev->empty()) {
      auto c = q.store.cycle(cycle.previous_cycle_id);
      if (!c) return c.status();
      if (!*c)
        return Status::invalid_input("previous cycle: there is no cycle " +
                                     std::to_string(cycle.previous_cycle_id));
    }
    for (const auto& e : *prev) previous.push_back(e.child_id);
  }
  const CaseIndex& index = q.engine.index();
  Date as_at = cycle.start;
  auto sample = qa::draw_sample(sampling_candidates(index, as_at), cycle.rules, previous);
  if (!sample) return sample.status();
  auto plan = qa::assign_evaluators(sample->children, available_evaluators(index, as_at),
                                    line_management(index));
  auto id = q.store.add_cycle(cycle);
  if (!id) return id.status();
  cycle.id = *id;
  std::map<std::string, std::string> evaluator_of;
  for (const auto& a : plan.assigned) evaluator_of[a.child_id] = a.evaluator_id;
  std::vector<qa::Evaluation> evaluations;
  for (const auto& s : sample->children) {
    auto it = evaluator_of.find(s.child.child_id);
    if (it == evaluator_of.end()) continue;
    qa::Evaluation e;
    e.cycle_id = cycle.id;
    e.question_set_id = cycle.question_set_id;
    e.child_id = s.child.child_id;
    e.child_name = s.child.child_name;
    e.practitioner_id = s.child.practitioner_id;
    e.team_id = s.child.team_id;
    e.evaluator_id = it->second;
    e.revisit = s.revisit;
    e.updated_at = q.now;
    evaluations.push_back(std::move(e));
  }
  if (auto ids = q.store.add_evaluations(evaluations); !ids) return ids.status();
  CycleCreated out;
  out.cycle_id = cycle.id;
  out.sampled = static_cast<int>(evaluations.size());
  for (const auto& e : evaluations) out.revisits += e.revisit;
  out.revisits_wanted = sample->revisits_wanted;
  out.revisits_not_open = sample->revisits_not_open;
  out.unassigned = plan.unassigned;
  audit(q, "cycle.create", "cycle", cycle.id, "",
        cycle.name + ": " + std::to_string(out.sampled) + " children sampled (seed " +
            std::to_string(cycle.rules.seed) + ")");
  return out;
}

Result<qa::Evaluation> find_evaluation(QaRequest& q, int64_t id) {
  auto e = q.store.evaluation(id);
  if (!e) return e.status();
  if (!*e || !q.scope.allows_record((*e)->team_id, (*e)->child_id, (*e)->evaluator_id))
    return Status::not_found("There is no evaluation " + std::to_string(id));
  return std::move(**e);
}

Result<EvaluationResult> act_on_evaluation(QaRequest& q, int64_t id, const std::string& action,
                                           const qa::Answers& answers, const std::string& reason) {
  auto found = find_evaluation(q, id);
  if (!found) return found.status();
  const qa::Evaluation& e = *found;
  const qa::QuestionSet* set = qa::find_question_set(e.question_set_id);
  if (!set)
    return Status::internal("the evaluation's question set " + e.question_set_id + " is unknown");
  EvaluationResult out;
  if (action == "save") {
    auto d = qa::save_draft(e, *set, answers, q.now);
    if (!d) return d.status();
    if (auto st = q.store.save_evaluation(*d, e, nullptr); !st) return st;
    audit(q, "evaluation.save-draft", "evaluation", id, e.team_id, "draft saved");
    out.evaluation = std::move(*d);
    return out;
  }
  if (action == "submit") {
    if (e.status == qa::EvaluationStatus::kSubmitted)
      return Status::conflict(
          "this evaluation has been submitted; change it as a new version instead");
    auto r = qa::submit(e, *set, answers, q.now);
    if (auto* refusal = std::get_if<qa::SubmitRefusal>(&r)) {
      // Keep what was typed: a refused submission saves the draft.
      if (auto d = qa::save_draft(e, *set, answers, q.now); d) {
        if (auto st = q.store.save_evaluation(*d, e, nullptr); !st) return st;
        audit(q, "evaluation.save-draft", "evaluation", id, e.team_id,
              "submission refused: " + std::to_string(refusal->missing.size()) + " things missing");
        out.evaluation = std::move(*d);
      }
      out.missing = std::move(refusal->missing);
      return out;
    }
    qa::Evaluation s = std::get<qa::Evaluation>(std::move(r));
    qa::EvaluationVersion v{s.version, q.now, q.user, "submitted", s.answers};
    if (auto st = q.store.save_evaluation(s, e, &v); !st) return st;
    audit(q, "evaluation.submit", "evaluation", id, e.team_id, "version 1 submitted");
    out.evaluation = std::move(s);
    return out;
  }
  if (action == "edit") {
    auto s = qa::edit_submitted(e, *set, answers, reason, q.now);
    if (!s) return s.status();
    qa::EvaluationVersion v{s->version, q.now, q.user, reason, s->answers};
    if (auto st = q.store.save_evaluation(*s, e, &v); !st) return st;
    audit(q, "evaluation.edit", "evaluation", id, e.team_id,
          "version " + std::to_string(s->version) + ": " + reason);
    out.evaluation = std::move(*s);
    return out;
  }
  return Status::invalid_input("action: must be save, submit or edit");
}

Result<int64_t> moderate(QaRequest& q, int64_t evaluation_id, const qa::Answers& grades,
                         const std::string& note) {
  auto e = find_evaluation(q, evaluation_id);
  if (!e) return e.status();
  if (e->status != qa::EvaluationStatus::kSubmitted)
    return Status::conflict("only a submitted evaluation can be moderated");
  auto g = qa::moderation_grades(grades);
  if (!g) return g.status();
  qa::Moderation m;
  m.evaluation_id = evaluation_id;
  m.cycle_id = e->cycle_id;
  m.evaluator_id = e->evaluator_id;
  m.moderator = q.user;
  m.at = q.now;
  m.grades = std::move(*g);
  m.note = note;
  auto id = q.store.add_moderation(m);
  if (!id) return id;
  audit(q, "evaluation.moderate", "moderation", *id, e->team_id,
        "evaluation " + std::to_string(evaluation_id) + " re-graded " +
            std::string(qa::grade_name(m.grades.at("overall"))));
  return id;
}

Result<qa::Recommendation> add_recommendation(QaRequest& q, int64_t evaluation_id,
                                              const std::string& text, const std::string& owner,
                                              Date due) {
  auto e = find_evaluation(q, evaluation_id);
  if (!e) return e.status();
  qa::Recommendation r;
  r.evaluation_id = evaluation_id;
  r.cycle_id = e->cycle_id;
  r.child_id = e->child_id;
  r.team_id = e->team_id;
  r.text = text;
  r.owner_id = owner.empty() ? e->practitioner_id : owner;
  r.made = q.today;
  r.due = due;
  if (auto st = qa::check_new(r); !st) return st;
  auto id = q.store.add_recommendation(r);
  if (!id) return id.status();
  r.id = *id;
  audit(q, "recommendation.add", "recommendation", r.id, r.team_id,
        "for " + r.child_id + ", owner " + r.owner_id + ", due " + r.due.iso());
  return r;
}

namespace {

Result<qa::Recommendation> find_recommendation(QaRequest& q, int64_t id) {
  auto r = q.store.recommendation(id);
  if (!r) return r.status();
  if (!*r || !q.scope.allows_record((*r)->team_id, (*r)->child_id))
    return Status::not_found("There is no recommendation " + std::to_string(id));
  return std::move(**r);
}

}  // namespace

Result<qa::Recommendation> close_recommendation(QaRequest& q, int64_t id,
                                                const std::string& evidence) {
  auto r = find_recommendation(q, id);
  if (!r) return r;
  auto closed = qa::close(*r, q.today, evidence);
  if (!closed) return closed;
  if (auto st = q.store.update_recommendation(*closed); !st) return st;
  audit(q, "recommendation.close", "recommendation", id, closed->team_id, "done: " + evidence);
  return closed;
}

Result<qa::Recommendation> record_revisit(QaRequest& q, int64_t id, int64_t revisit_evaluation_id,
                                          const std::string& impact, const std::string& note) {
  auto r = find_recommendation(q, id);
  if (!r) return r;
  auto e = find_evaluation(q, revisit_evaluation_id);
  if (!e) return e.status();
  if (e->child_id != r->child_id || !e->revisit || e->cycle_id == r->cycle_id)
    return Status::invalid_input("revisit: evaluation " + std::to_string(revisit_evaluation_id) +
                                 " is not a later revisit of this child");
  auto i = qa::parse_impact(impact);
  if (!i)
    return Status::invalid_input("impact: must be made-a-difference, partly or no-difference");
  auto out = qa::record_impact(*r, *i, note, revisit_evaluation_id);
  if (!out) return out;
  if (auto st = q.store.update_recommendation(*out); !st) return st;
  audit(q, "recommendation.revisit", "recommendation", id, out->team_id,
        std::string(qa::impact_label(*i)));
  return out;
}

Result<qa::Complaint> add_complaint(QaRequest& q, qa::Complaint c) {
  if (c.due == Date()) c.due = qa::complaint_due(c.received, c.stage);
  if (auto st = qa::check_complaint(c); !st) return st;
  if (!q.scope.allows(c.team_id))
    return Status::forbidden("team: outside the teams you can record for");
  auto id = q.store.add_complaint(c);
  if (!id) return id.status();
  c.id = *id;
  audit(q, "complaint.add", "complaint", c.id, c.team_id,
        "stage " + std::to_string(c.stage) + ", " + qa::complaint_theme_label(c.theme));
  return c;
}

Result<qa::Compliment> add_compliment(QaRequest& q, qa::Compliment c) {
  if (auto st = qa::check_compliment(c); !st) return st;
  if (!q.scope.allows(c.team_id))
    return Status::forbidden("team: outside the teams you can record for");
  auto id = q.store.add_compliment(c);
  if (!id) return id.status();
  c.id = *id;
  audit(q, "compliment.add", "compliment", c.id, c.team_id, "from " + c.from);
  return c;
}

Result<qa::SurveyReturn> add_survey_return(QaRequest& q, qa::SurveyReturn s) {
  if (auto st = qa::check_survey_return(s); !st) return st;
  if (!q.scope.allows(s.team_id))
    return Status::forbidden("team: outside the teams you can record for");
  auto id = q.store.add_survey_return(s);
  if (!id) return id.status();
  s.id = *id;
  audit(q, "survey-return.add", "survey-return", s.id, s.team_id,
        s.survey + ", from " + s.respondent +
            (s.rating ? ", rated " + std::to_string(s.rating) : std::string()));
  return s;
}

Result<qa::ImprovementPlan> add_plan(QaRequest& q, qa::ImprovementPlan p) {
  if (auto st = qa::check_plan(p); !st) return st;
  auto id = q.store.add_plan(p);
  if (!id) return id.status();
  p.id = *id;
  audit(q, "plan.add", "plan", p.id, "",
        p.name + ": " + std::to_string(p.priorities.size()) + " priorities");
  return p;
}

Result<qa::ImprovementPlan> find_plan(QaRequest& q, int64_t plan_id) {
  auto plans = q.store.plans();
  if (!plans) return plans.status();
  for (auto& p : *plans)
    if (p.id == plan_id) return std::move(p);
  return Status::not_found("There is no improvement plan " + std::to_string(plan_id));
}

Result<qa::PlanAction> add_plan_action(QaRequest& q, int64_t plan_id, qa::PlanAction a) {
  auto plan = find_plan(q, plan_id);
  if (!plan) return plan.status();
  a.plan_id = plan_id;
  // Numbers are unique across the whole plan, whoever can see the actions.
  auto existing = q.store.actions(plan_id, qa::UnitScope::all());
  if (!existing) return existing.status();
  auto known = [](const std::string& id) { return find_indicator(id) != nullptr; };
  if (auto st = qa::check_new_action(*plan, *existing, a, known); !st) return st;
  if (!a.team_id.empty() && !q.scope.allows(a.team_id))
    return Status::forbidden("team: outside the teams you can record for");
  auto id = q.store.add_action(a);
  if (!id) return id.status();
  a.id = *id;
  audit(q, "plan-action.add", "plan-action", a.id, a.team_id,
        plan->name + " " + a.number + ": " + a.title + ", due " + a.due.iso());
  return a;
}

Result<qa::PlanAction> add_plan_progress(QaRequest& q, int64_t action_id, qa::ProgressUpdate u) {
  auto all = q.store.actions(0, q.scope);
  if (!all) return all.status();
  auto it = std::find_if(all->begin(), all->end(),
                         [&](const qa::PlanAction& a) { return a.id == action_id; });
  if (it == all->end()) return Status::not_found("There is no action " + std::to_string(action_id));
  u.by = q.user;
  auto a = qa::add_progress(*it, u);
  if (!a) return a;
  if (u.rag == "complete" && !a->completed) a->completed = q.today;
  if (auto st = q.store.update_action(*a); !st) return st;
  audit(q, "plan-action.progress", "plan-action", action_id, a->team_id,
        a->number + " " + u.rag + ": " + u.text);
  return a;
}

std::optional<Date> date_param(const http::Request& req, const std::string& name, Date fallback) {
  std::string v = req.param(name);
  if (v.empty()) return fallback;
  return parse_date(v);
}

int64_t id_param(const http::Request& req, size_t index) {
  const std::string& s = req.path_param(index);
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::stoll(s);
}

qa::Answers answers_from_form(const http::Request& req) {
  qa::Answers a;
  for (const auto& [k, v] : req.params) {
    if (k == "csrf" || k == "action" || k == "reason") continue;
    // Checkboxes (tags) arrive once per ticked box: join them.
    auto it = a.find(k);
    if (it == a.end())
      a[k] = v;
    else
      it->second += ", " + v;
  }
  return a;
}

}  // namespace beacon::web
