// Where each person lands after signing in, and the two pages that are a
// home of their own: "My children" for a social worker (every child
// allocated to them, what is due for each, their own figures) and "My team"
// for a team manager (the team's figures reds first, what is overdue by
// worker, each worker's caseload, recommendations for supervision).
//
// Each page gathers its data into a view first, then draws it.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "casefile/timeline.h"
#include "indicators/figure_text.h"
#include "indicators/scorecard.h"
#include "web/handlers.h"
#include "web/qa/qa_views.h"
#include "web/scope.h"
#include "worklists/worklist.h"

namespace beacon::web {
namespace {

// --- Gathering -----------------------------------------------------------

// One child on a worker's list.
struct ChildRow {
  std::string id;
  std::string name;
  std::vector<std::string> status;  // "Looked after", "CP plan", …
  OptDate last_visit;
  const WorkItem* next_visit = nullptr;  // the statutory visit due next
  std::vector<const WorkItem*> due;      // everything due or overdue for the child
  int open_recommendations = 0;
};

// The children allocated to `worker_id` at the end of `at`, by name.
std::vector<std::string> allocated_children(const CaseIndex& index, std::string_view worker_id,
                                            Date at) {
  std::set<std::string> ids;
  for (const Allocation& a : index.history().allocations)
    if (a.worker_id == worker_id && a.start <= at && (!a.end || *a.end > at) &&
        (a.role.empty() || a.role == "social_worker"))
      ids.insert(a.child_id);
  return {ids.begin(), ids.end()};
}

bool is_visit(const WorkItem& w) {
  return w.kind == "cin-visit" || w.kind == "cp-visit" || w.kind == "cla-visit";
}

// "Looked after" wins over "CP plan" wins over "CIN plan": the first status
// is the child's main one. A child with nothing open but a care-leaver
// record is a care leaver.
std::vector<std::string> status_of(const CaseIndex& index, const ChildSummary& s) {
  std::vector<std::string> out;
  auto open = [&](const char* what) {
    return std::find(s.open_involvements.begin(), s.open_involvements.end(), what) !=
           s.open_involvements.end();
  };
  for (const char* s_name : {"Looked after", "CP plan", "CIN plan"})
    if (open(s_name)) out.push_back(s_name);
  // An open referral with no plan yet: a child in need (referral or assessment).
  if (out.empty() && open("Referral open")) out.push_back("Child in need");
  if (out.empty())
    for (const CareLeaver& c : index.history().care_leavers)
      if (c.child_id == s.id) {
        out.push_back("Care leaver");
        break;
      }
  if (out.empty()) out.push_back("Nothing open");
  return out;
}

struct MyChildrenView {
  std::string worker_id;
  std::string worker_name;
  Date at;
  std::vector<ChildRow> children;
  int overdue = 0;
  std::vector<Figure> figures;  // the worker's contract figures with a value
  WorklistView worklist;        // keeps the items the rows point at alive
};

Result<MyChildrenView> my_children_view(Ctx& ctx, const std::string& worker_id, Date at) {
  const CaseIndex& index = ctx.engine->index();
  MyChildrenView v;
  v.worker_id = worker_id;
  v.worker_name = index.organisation().name_of(worker_id);
  v.at = at;
  WorklistOptions o;
  o.as_at = at;
  o.unit_id = worker_id;
  o.horizon_days = 366;  // every child's next visit, however far off
  auto list = worklist_view(*ctx.engine, o);
  if (!list) return list.status();
  v.worklist = std::move(*list);
  std::map<std::string, std::vector<const WorkItem*>, std::less<>> items_by_child;
  for (const WorkItem* w : v.worklist.items) items_by_child[w->child_id].push_back(w);
  std::map<std::string, int> recs_by_child;
  if (auto recs = open_recommendations_for(ctx, worker_id))
    for (const auto& r : *recs) ++recs_by_child[r.child_id];
  for (const std::string& id : allocated_children(index, worker_id, at)) {
    auto s = child_summary(index, id, at);
    if (!s) continue;
    ChildRow row;
    row.id = id;
    row.name = s->name;
    row.status = status_of(index, *s);
    for (const auto& e : s->events)
      if (e.kind == "visit" && e.date <= at && (!row.last_visit || e.date > *row.last_visit))
        row.last_visit = e.date;
    for (const WorkItem* w : items_by_child[id]) {
      if (is_visit(*w) &&
          (!row.next_visit || (w->due && row.next_visit->due && *w->due < *row.next_visit->due)))
        row.next_visit = w;
      if (w->status != WorkStatus::kUpcoming) row.due.push_back(w);
      v.overdue += w->past_due();
    }
    row.open_recommendations = recs_by_child[id];
    v.children.push_back(std::move(row));
  }
  // Those with something overdue first, then by name.
  std::stable_sort(v.children.begin(), v.children.end(), [](const ChildRow& a, const ChildRow& b) {
    auto late = [](const ChildRow& r) {
      return std::any_of(r.due.begin(), r.due.end(),
                         [](const WorkItem* w) { return w->past_due(); });
    };
    return late(a) > late(b);
  });
  const Period year = Period::rolling_months(at);
  for (Figure& f : build_scorecard(*ctx.engine, year, worker_id, 0, true))
    if (f.def->contract && f.value) v.figures.push_back(std::move(f));
  return v;
}

// --- Drawing ----------------------------------------------------------------

std::string tag(const std::string& text, const char* colour) {
  return std::string("<strong class=\"govuk-tag ") + colour + "\">" + esc(text) + "</strong>";
}

std::string status_tags(const std::vector<std::string>& status) {
  std::string h;
  for (const auto& s : status)
    h += tag(s, s == "Looked after"                       ? "govuk-tag--purple"
                : s == "CP plan"                          ? "govuk-tag--red"
                : s == "CIN plan" || s == "Child in need" ? "govuk-tag--blue"
                : s == "Care leaver"                      ? "govuk-tag--turquoise"
                                                          : "govuk-tag--grey") +
         " ";
  return h;
}

std::string child_link(const std::string& id, const std::string& name, Date at) {
  return "<a class=\"govuk-link\" href=\"/children/" + esc(http::url_encode(id)) +
         "?to=" + at.iso() + "\">" + esc(name.empty() ? id : name + " (" + id + ")") + "</a>";
}

// "CP visit due: 3 working days overdue".
std::string due_text(const WorkItem& w) {
  if (!w.due) return w.title;
  std::string left = time_left_text(w);
  left[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(left[0])));
  return w.title + ": " + left;
}

std::string figures_table(const std::vector<Figure>& figures, const std::string& unit, Date at,
                          const std::string& id, const std::string& caption) {
  std::vector<std::vector<std::string>> rows;
  for (const Figure& f : figures)
    rows.push_back({"<a class=\"govuk-link\" href=\"/indicators/" + esc(f.def->id) +
                        "?to=" + at.iso() + "&amp;unit=" + esc(http::url_encode(unit)) + "\">" +
                        esc(f.def->name) + "</a>",
                    esc(figure_text(*f.def, f.value, f.total, f.no_value)), rag_tag(f.rag),
                    trend_text(f.trend.trend)});
  return table(id, caption, {"Indicator", "Value", "Status", "Trend"}, rows);
}

std::string my_children_html(const MyChildrenView& v) {
  std::string h = "<span class=\"govuk-caption-l\">" + esc(v.worker_name) + " · as at " +
                  esc(v.at.text()) + "</span><h1 class=\"govuk-heading-l\">My children</h1>";
  h += "<p class=\"govuk-body-l\" id=\"my-children-summary\">" +
       thousands(static_cast<int64_t>(v.children.size())) +
       (v.children.size() == 1 ? " child" : " children") + " allocated to you; " +
       thousands(v.overdue) + (v.overdue == 1 ? " thing" : " things") + " overdue.</p>";
  h += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/worklists?to=" + v.at.iso() +
       "&amp;unit=" + esc(http::url_encode(v.worker_id)) + "\">Everything due and overdue</a></p>";
  std::vector<std::vector<std::string>> rows;
  for (const ChildRow& c : v.children) {
    std::string due;
    for (const WorkItem* w : c.due)
      due += "<li>" + (w->past_due() ? tag("Overdue", "govuk-tag--red") + " " : std::string()) +
             esc(due_text(*w)) + "</li>";
    std::string next = c.next_visit && c.next_visit->due ? esc(c.next_visit->due->text()) + " (" +
                                                               esc(due_text(*c.next_visit)) + ")"
                                                         : "None due";
    rows.push_back({child_link(c.id, c.name, v.at), status_tags(c.status),
                    esc(c.last_visit ? c.last_visit->text() : "None recorded"), next,
                    due.empty() ? "Nothing due" : "<ul class=\"govuk-list\">" + due + "</ul>",
                    c.open_recommendations ? std::to_string(c.open_recommendations) : "None"});
  }
  if (rows.empty())
    h += "<p class=\"govuk-body\" id=\"my-children-empty\">No children are allocated to you on " +
         esc(v.at.text()) + ".</p>";
  else
    h += table("my-children", "Children allocated to you",
               {"Child", "Status", "Last visit", "Next visit due", "Due or overdue",
                "Open recommendations"},
               rows);
  h += "<h2 class=\"govuk-heading-m\">Your figures</h2>";
  if (v.figures.empty())
    h += "<p class=\"govuk-body\">None of the contract indicators has a value for your work in the "
         "12 months to " +
         esc(v.at.text()) + ".</p>";
  else
    h += figures_table(v.figures, v.worker_id, v.at, "my-figures",
                       "Contract indicators for your work, 12 months to " + v.at.text());
  return h;
}

// A team manager's view of their team.
struct WorkerRow {
  std::string id;
  std::string name;
  int caseload = 0;
  int overdue = 0;
  int due_soon = 0;
};

struct MyTeamView {
  std::string team_id;
  std::string team_name;
  Date at;
  std::vector<Figure> figures;  // contract figures, reds then ambers first
  std::vector<WorkerRow> workers;
  std::vector<const WorkItem*> overdue;  // grouped by worker
  WorklistView worklist;
};

int rag_rank(Rag r) {
  switch (r) {
    case Rag::kRed:
      return 0;
    case Rag::kAmber:
      return 1;
    case Rag::kGreen:
      return 2;
    case Rag::kNone:
      return 3;
  }
  return 3;
}

Result<MyTeamView> my_team_view(Ctx& ctx, const std::string& team_id, Date at) {
  const CaseIndex& index = ctx.engine->index();
  const auto& org = index.organisation();
  MyTeamView v;
  v.team_id = team_id;
  v.team_name = org.name_of(team_id);
  v.at = at;
  const Period year = Period::rolling_months(at);
  for (Figure& f : build_scorecard(*ctx.engine, year, team_id, 0, true))
    if (f.def->contract) v.figures.push_back(std::move(f));
  std::stable_sort(v.figures.begin(), v.figures.end(), [](const Figure& a, const Figure& b) {
    return rag_rank(a.rag) < rag_rank(b.rag);
  });
  WorklistOptions o;
  o.as_at = at;
  o.unit_id = team_id;
  auto list = worklist_view(*ctx.engine, o);
  if (!list) return list.status();
  v.worklist = std::move(*list);
  std::map<std::string, WorkerRow> by_worker;
  for (const Worker& w : index.history().workers)
    if (w.team_id == team_id && (!w.in_post_to || *w.in_post_to > at) &&
        (!w.in_post_from || *w.in_post_from <= at))
      by_worker[w.id] = {w.id, w.name, 0, 0, 0};
  for (const Allocation& a : index.history().allocations)
    if (a.start <= at && (!a.end || *a.end > at) && (a.role.empty() || a.role == "social_worker"))
      if (auto it = by_worker.find(a.worker_id); it != by_worker.end()) ++it->second.caseload;
  for (const WorkItem* w : v.worklist.items) {
    auto it = by_worker.find(w->worker_id);
    if (w->past_due()) {
      v.overdue.push_back(w);
      if (it != by_worker.end()) ++it->second.overdue;
    } else if (w->status == WorkStatus::kDueSoon && it != by_worker.end()) {
      ++it->second.due_soon;
    }
  }
  std::stable_sort(v.overdue.begin(), v.overdue.end(), [&](const WorkItem* a, const WorkItem* b) {
    return org.name_of(a->worker_id) < org.name_of(b->worker_id);
  });
  for (auto& [id, row] : by_worker) v.workers.push_back(row);
  std::stable_sort(v.workers.begin(), v.workers.end(),
                   [](const WorkerRow& a, const WorkerRow& b) { return a.overdue > b.overdue; });
  return v;
}

std::string my_team_html(Ctx& ctx, const MyTeamView& v) {
  const auto& org = ctx.engine->index().organisation();
  int red = 0, amber = 0;
  for (const Figure& f : v.figures) {
    red += f.rag == Rag::kRed;
    amber += f.rag == Rag::kAmber;
  }
  std::string h = "<span class=\"govuk-caption-l\">" + esc(v.team_name) + " · as at " +
                  esc(v.at.text()) + "</span><h1 class=\"govuk-heading-l\">My team</h1>";
  h += "<p class=\"govuk-body-l\" id=\"my-team-summary\">" + std::to_string(red) + " red and " +
       std::to_string(amber) + " amber of " + std::to_string(v.figures.size()) +
       " contract indicators; " + thousands(static_cast<int64_t>(v.overdue.size())) +
       " things overdue across " + std::to_string(v.workers.size()) + " workers.</p>";
  h += figures_table(
      v.figures, v.team_id, v.at, "team-figures",
      "The team's contract indicators, red and amber first, 12 months to " + v.at.text());
  std::vector<std::vector<std::string>> rows;
  for (const WorkerRow& w : v.workers)
    rows.push_back({"<a class=\"govuk-link\" href=\"/worklists?to=" + v.at.iso() +
                        "&amp;unit=" + esc(http::url_encode(w.id)) + "\">" +
                        esc(w.name.empty() ? w.id : w.name) + "</a>",
                    thousands(w.caseload), thousands(w.overdue), thousands(w.due_soon)});
  h += table("team-workers", "Workers: caseload and what is due",
             {"Worker", "Children allocated", "Overdue", "Due soon"}, rows,
             {false, true, true, true});
  std::vector<std::vector<std::string>> late;
  for (const WorkItem* w : v.overdue) {
    std::string worker = org.name_of(w->worker_id);
    late.push_back({esc(worker.empty() ? "Not allocated" : worker),
                    child_link(w->child_id, w->child_name, v.at), esc(due_text(*w))});
  }
  if (late.empty())
    h += "<p class=\"govuk-body\" id=\"team-overdue-empty\">Nothing is overdue in the team.</p>";
  else
    h += table("team-overdue", "Overdue, by worker", {"Worker", "Child", "What"}, late);
  h += qa_recommendations_due(ctx, v.team_id, v.at);
  return h;
}

}  // namespace

// Each person lands where their work is: a social worker on their
// children, a team manager on their team, the practice hub on quality
// assurance, everyone else with figures on the scorecard; an administrator
// alone on the users page.
void home(Ctx& ctx) {
  const access::Principal p = ctx.principal();
  const auto& org = ctx.engine->index().organisation();
  std::string to = "/account";
  if (p.has(access::Role::kPerformanceAnalyst) || p.has(access::Role::kExecutive) ||
      p.has(access::Role::kHeadOfService) || p.has(access::Role::kAssistantDirector) ||
      p.has(access::Role::kScrutiny))
    to = "/scorecard";
  else if (p.has(access::Role::kPracticeHub))
    to = "/qa";
  else if (p.has(access::Role::kTeamManager) && !p.scope.empty() && !org.worker(p.scope))
    to = "/my-team";
  else if (p.has(access::Role::kSocialWorker) && org.worker(p.scope))
    to = "/my-children";
  else if (access::can_view_aggregates(p))
    to = "/scorecard";
  else if (access::can_manage_users(p))
    to = "/admin/users";
  ctx.res.redirect(to, 302);
}

void my_children_page(Ctx& ctx) {
  const access::Principal p = ctx.principal();
  const auto& org = ctx.engine->index().organisation();
  // A social worker's own children; a manager may open a worker of theirs.
  std::string worker = ctx.req.param("worker", p.scope);
  if (!org.worker(worker))
    return ctx.fail(404, "My children is for a social worker: there is no worker called " +
                             (worker.empty() ? std::string("(none given)") : worker) + ".");
  if (auto d = access::can_view_unit(p, org, worker); !d) return ctx.fail(403, d.reason);
  auto v = my_children_view(ctx, worker, default_date(*ctx.engine));
  if (!v) return ctx.fail(500, v.status().message());
  ctx.audit_detail = worker + ": " + std::to_string(v->children.size()) + " children";
  ctx.page({worker == p.scope ? "My children" : "Children of " + v->worker_name, "my-work"},
           my_children_html(*v));
}

void my_team_page(Ctx& ctx) {
  const access::Principal p = ctx.principal();
  const auto& org = ctx.engine->index().organisation();
  std::string team = ctx.req.param("team", p.scope);
  if (team.empty() || org.worker(team) || !org.unit(team))
    return ctx.fail(404, "My team is for a team manager: choose a team.");
  if (auto d = access::can_view_unit(p, org, team); !d) return ctx.fail(403, d.reason);
  auto v = my_team_view(ctx, team, default_date(*ctx.engine));
  if (!v) return ctx.fail(500, v.status().message());
  ctx.audit_detail = team + ": " + std::to_string(v->overdue.size()) + " overdue";
  ctx.page({"My team", "my-work"}, my_team_html(ctx, *v));
}

}  // namespace beacon::web
