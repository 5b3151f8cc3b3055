#include "casefile/timeline.h"

#include <algorithm>

#include "core/code_lists.h"

namespace beacon {
namespace {

// Same-day events in the order a child's journey runs.
int journey_rank(std::string_view kind) {
  static const char* kOrder[] = {"referral", "assessment",  "section-47", "icpc",
                                 "cin-plan", "cp-plan",     "cp-review",  "episode",
                                 "la-review", "missing",    "visit",      "allocation",
                                 "adoption", "care-leaver"};
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (kind == kOrder[i]) return static_cast<int>(i);
  return 99;
}

std::string cp_category(std::string_view code) {
  if (code == "NEG") return "neglect";
  if (code == "PHY") return "physical abuse";
  if (code == "SAB") return "sexual abuse";
  if (code == "EMO") return "emotional abuse";
  if (code == "MUL") return "multiple categories";
  return std::string(code);
}

std::string legal_status(std::string_view code) {
  if (code == "C1") return "interim care order";
  if (code == "C2") return "full care order";
  if (code == "D1") return "freeing order";
  if (code == "E1") return "placement order";
  if (code == "V2") return "accommodated under section 20";
  if (code == "V3" || code == "V4") return "short breaks";
  if (code == "J1" || code == "J2" || code == "J3") return "youth justice legal status";
  if (code == "L1" || code == "L2" || code == "L3") return "police protection or emergency order";
  return std::string(code);
}

std::string yes_no(const std::optional<bool>& b, const char* yes, const char* no) {
  if (!b) return "";
  return *b ? yes : no;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

// "primary need N4 Family dysfunction": a code with its words where the
// shipped code lists know it, so no one has to look codes up.
std::string coded(const char* what, std::string_view list, const std::string& code) {
  if (code.empty()) return "";
  std::string label = CodeLists::shipped().label(list, code);
  return std::string(what) + " " + code + (label.empty() ? "" : " " + label);
}

bool open_on(Date start, OptDate end, Date d) { return start <= d && (!end || *end > d); }

class Builder {
 public:
  Builder(const CaseIndex& index, ChildSummary& out) : index_(index), out_(out) {}

  void add(Date date, std::string kind, std::string title, std::string detail,
           OptDate end = std::nullopt, const std::string& worker = "") {
    TimelineEvent e;
    e.date = date;
    e.kind = std::move(kind);
    e.title = std::move(title);
    e.detail = std::move(detail);
    e.end = end;
    e.worker_id = worker;
    if (!worker.empty()) e.worker_name = index_.organisation().name_of(worker);
    out_.events.push_back(std::move(e));
  }

 private:
  const CaseIndex& index_;
  ChildSummary& out_;
};

void describe_child(const Child& c, Date as_at, ChildSummary& out) {
  out.id = c.id;
  out.name = c.forename;
  if (!c.surname.empty()) out.name += (out.name.empty() ? "" : " ") + c.surname;
  out.sex = c.sex == "M" ? "Male" : c.sex == "F" ? "Female" : "Not recorded";
  out.birth_date = c.birth_date;
  if (c.birth_date && *c.birth_date <= as_at) {
    int age = as_at.year() - c.birth_date->year();
    if (c.birth_date->add_years(age) > as_at) --age;
    out.age = age;
  }
  std::string label = CodeLists::shipped().label("ethnicity", c.ethnicity);
  out.ethnicity = label.empty() ? (c.ethnicity.empty() ? "Not recorded" : c.ethnicity) : label;
  for (const auto& d : c.disabilities)
    if (d != "NONE") out.disabilities.push_back(d);
  out.uasc = c.uasc.value_or(false);
}

}  // namespace

Result<ChildSummary> child_summary(const CaseIndex& index, std::string_view child_id,
                                   Date as_at) {
  const Child* child = index.child(child_id);
  if (!child) return Status::not_found("There is no child with the identifier " +
                                       std::string(child_id) + ".");
  ChildSummary out;
  describe_child(*child, as_at, out);
  Builder b(index, out);
  const CaseHistory& h = index.history();
  std::vector<std::string> open;

  bool referral_open = false;
  for (const CinEpisode* r : index.referrals(child_id)) {
    b.add(r->referral_date, "referral", "Referral received",
          join({coded("primary need", "cin.primary_need", r->primary_need),
                coded("source", "cin.referral_source", r->referral_source),
                r->nfa.value_or(false) ? "no further action" : ""}),
          r->closure_date, r->worker_id);
    if (r->closure_date)
      b.add(*r->closure_date, "referral", "Case closed",
            coded("reason", "cin.closure_reason", r->closure_reason));
    if (open_on(r->referral_date, r->closure_date, as_at)) referral_open = true;
  }
  if (referral_open) open.push_back("Referral open");

  for (const Assessment* a : index.assessments(child_id)) {
    b.add(a->start, "assessment", "Assessment started", "", a->authorised, a->worker_id);
    if (a->authorised) {
      int wd = index.calendar().working_days(a->start, *a->authorised);
      b.add(*a->authorised, "assessment", "Assessment authorised",
            join({std::to_string(wd) + " working days from start",
                  yes_no(a->child_seen, "child seen", "child not seen"),
                  a->factors.empty() ? "" : std::to_string(a->factors.size()) + " factors recorded"}),
            std::nullopt, a->worker_id);
    }
  }

  bool cin_plan_open = false;
  for (const CinPlan& p : h.cin_plans) {
    if (p.episode.child_id != child_id) continue;
    b.add(p.start, "cin-plan", "CIN plan started", "", p.end, p.worker_id);
    if (p.end) b.add(*p.end, "cin-plan", "CIN plan ended", "");
    if (open_on(p.start, p.end, as_at)) cin_plan_open = true;
  }
  if (cin_plan_open) open.push_back("CIN plan");

  for (const Section47& s : h.section47s) {
    if (s.episode.child_id != child_id) continue;
    b.add(s.start, "section-47", "Section 47 enquiry started",
          s.icpc_not_required.value_or(false) ? "initial conference not required" : "", s.end,
          s.worker_id);
    if (s.icpc_date) {
      int wd = index.calendar().working_days(s.start, *s.icpc_date);
      b.add(*s.icpc_date, "icpc", "Initial child protection conference",
            std::to_string(wd) + " working days from the enquiry's start");
    }
  }

  bool cp_open = false;
  for (const CpPlan* p : index.cp_plans(child_id)) {
    b.add(p->start, "cp-plan", "Child protection plan started",
          join({p->initial_category.empty() ? "" : "category " + cp_category(p->initial_category),
                p->previous_plans && *p->previous_plans > 0
                    ? std::to_string(*p->previous_plans) + " previous plans"
                    : ""}),
          p->end, p->worker_id);
    if (p->end) b.add(*p->end, "cp-plan", "Child protection plan ended", "");
    if (open_on(p->start, p->end, as_at)) cp_open = true;
  }
  if (cp_open) open.push_back("CP plan");
  for (const CpReview& r : h.cp_reviews) {
    if (r.plan.child_id != child_id) continue;
    b.add(r.date, "cp-review", "Child protection review conference",
          yes_no(r.plan_continues, "plan continues", "plan ended"));
  }

  bool looked_after = false;
  for (const PeriodOfCare& period : index.periods_of_care(child_id)) {
    for (const LaEpisode* e : period.episodes) {
      std::string title = e->rne == "S" ? "Started to be looked after"
                          : e->rne == "P" || e->rne == "T" ? "Placement changed"
                          : e->rne == "L" ? "Legal status changed"
                                          : "Looked-after episode";
      b.add(e->start, "episode", title,
            join({legal_status(e->legal_status), coded("placement", "903.place", e->place)}),
            e->end);
    }
    if (period.end())
      b.add(*period.end(), "episode", "Stopped being looked after",
            coded("reason", "903.rec", period.last_episode().reason_ceased));
    const LaEpisode* now = period.episode_open_at(as_at);
    if (now && !is_short_break(now->legal_status)) looked_after = true;
  }
  if (looked_after) open.push_back("Looked after");
  for (const LaReview* r : index.la_reviews(child_id))
    b.add(r->date, "la-review", "Looked-after review",
          coded("participation", "903.review_code", r->participation));
  for (const MissingEpisode& m : h.missing_episodes) {
    if (m.child_id != child_id) continue;
    b.add(m.start, "missing", m.type == "A" ? "Away from placement" : "Missing",
          yes_no(m.rhi_offered, "return interview offered", "return interview not offered"),
          m.end);
  }
  for (const Visit& v : h.visits) {
    if (v.child_id != child_id) continue;
    std::string kind = v.kind == "cp" ? "CP visit" : v.kind == "cla" ? "Looked-after visit"
                                                                     : "CIN plan visit";
    b.add(v.date.date, "visit", kind,
          join({yes_no(v.seen, "child seen", "child not seen"),
                yes_no(v.seen_alone, "seen alone", ""),
                v.status == "draft" ? "still in draft" : ""}),
          std::nullopt, v.worker_id);
  }
  for (const Allocation* a : index.allocations(child_id)) {
    std::string role = a->role == "social_worker" ? "social worker" : a->role;
    std::replace(role.begin(), role.end(), '_', ' ');
    b.add(a->start, "allocation", "Allocated to " + index.organisation().name_of(a->worker_id),
          role.empty() ? "" : "as " + role, a->end, a->worker_id);
    if (open_on(a->start, a->end, as_at) && (a->role == "social_worker" || a->role.empty())) {
      // In date order: the most recent allocation in force wins.
      out.allocated_worker_id = a->worker_id;
      out.allocated_worker = index.organisation().name_of(a->worker_id);
      out.team = index.organisation().name_of(a->team_id);
    }
  }
  for (const Adoption* a : index.adoptions(child_id)) {
    if (a->decision_date) b.add(*a->decision_date, "adoption", "Decision that the child should be placed for adoption", "");
    if (a->placement_order_date) b.add(*a->placement_order_date, "adoption", "Placement order granted", "");
    if (a->match_date) b.add(*a->match_date, "adoption", "Matched with adopters", "");
    if (a->placed_date) b.add(*a->placed_date, "adoption", "Placed for adoption", "");
  }
  for (const CareLeaverReturn& c : h.care_leaver_returns) {
    if (c.child_id != child_id) continue;
    Date at = *Date::from_ymd(c.collection_year + 1, 3, 31);
    b.add(at, "care-leaver", "Care leaver return " + std::to_string(c.collection_year) + "-" +
                                 std::to_string((c.collection_year + 1) % 100),
          join({coded("in touch:", "903.in_touch", c.in_touch),
                coded("activity", "903.activ", c.activity),
                coded("accommodation", "903.accom", c.accommodation)}));
  }

  out.open_involvements = std::move(open);
  std::stable_sort(out.events.begin(), out.events.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) {
                     if (a.date != b.date) return a.date > b.date;
                     return journey_rank(a.kind) > journey_rank(b.kind);
                   });
  return out;
}

}  // namespace beacon
