// The organisation and its workforce: org_units → OrgUnit, workers → Worker,
// allocations → Allocation, supervisions → Supervision, established_posts →
// EstablishedPost.
#include "ingest/local_load.h"

namespace beacon {
namespace {

void read_org_units(LocalLoad& load) {
  LocalFile* f = load.file("org_units");
  if (!f) return;
  auto& units = load.batch().records.org_units;
  const size_t first = units.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    OrgUnit u;
    u.id = r.id("unit_id");
    load.unique(r, *f, "unit_id", u.id);
    u.name = r.id("unit_name");
    u.kind = choice(r, "unit_kind", {"organisation", "locality", "service", "team"});
    if (u.kind.empty()) r.id("unit_kind");
    u.parent_id = r.text("parent_unit_id");
    if (!u.parent_id.empty() && u.parent_id == u.id)
      r.error("parent_unit_id", "names the unit itself as its parent", "ref.self-parent");
    else
      load.check(r, "parent_unit_id", LocalRef::kUnit, false);
    u.manager_id = r.text("manager_worker_id");
    load.check(r, "manager_worker_id", LocalRef::kWorker, false);
    load.keep(*f, i, r, std::move(u));
  }
  for (size_t i = first; i < units.size(); ++i) load.accept(LocalRef::kUnit, units[i].id);
  load.mark_built(LocalRef::kUnit);
  load.carry<OrgUnit>(*f, {{"name", "unit_name"},
                           {"kind", "unit_kind"},
                           {"parent_id", "parent_unit_id"},
                           {"manager_id", "manager_worker_id"}});
}

void read_workers(LocalLoad& load) {
  LocalFile* f = load.file("workers");
  if (!f) return;
  auto& workers = load.batch().records.workers;
  const size_t first = workers.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Worker w;
    w.id = r.id("worker_id");
    load.unique(r, *f, "worker_id", w.id);
    w.name = r.id("name");
    w.staff_id = r.text("staff_id");
    w.job_title = r.text("job_title");
    w.role = choice(r, "role",
                    {"social_worker", "senior_practitioner", "team_manager", "service_manager",
                     "personal_adviser", "family_support", "other"});
    w.team_id = r.text("team_id");
    load.check(r, "team_id", LocalRef::kUnit, false);
    w.registration_no = r.text("registration_no");
    auto employment = ascii_lower(r.text("employment"));
    if (employment == "employed")
      w.agency = false;
    else if (employment == "agency" || employment == "interim")
      w.agency = true;
    else if (!employment.empty())
      r.finding("employment", "'" + employment + "' is not employed, agency or interim; left blank",
                "dq.code-unknown");
    w.fte = r.number("fte", 0, 2);
    w.in_post_from = r.date("in_post_from");
    w.in_post_to = r.date("in_post_to");
    if (w.in_post_from && w.in_post_to && *w.in_post_to < *w.in_post_from)
      r.error("in_post_to", "is before in_post_from", "value.order");
    w.line_manager_id = r.text("line_manager_id");
    if (!w.line_manager_id.empty() && w.line_manager_id == w.id)
      r.error("line_manager_id", "names the worker as their own line manager", "ref.self-parent");
    else
      load.check(r, "line_manager_id", LocalRef::kWorker, false);
    load.keep(*f, i, r, std::move(w));
  }
  for (size_t i = first; i < workers.size(); ++i) load.accept(LocalRef::kWorker, workers[i].id);
  load.mark_built(LocalRef::kWorker);
  load.carry<Worker>(*f, {{"name", "name"},
                          {"staff_id", "staff_id"},
                          {"job_title", "job_title"},
                          {"role", "role"},
                          {"team_id", "team_id"},
                          {"registration_no", "registration_no"},
                          {"agency", "employment"},
                          {"fte", "fte"},
                          {"in_post_from", "in_post_from"},
                          {"in_post_to", "in_post_to"},
                          {"line_manager_id", "line_manager_id"}});
}

void read_allocations(LocalLoad& load) {
  LocalFile* f = load.file("allocations");
  if (!f) return;
  const size_t first = load.batch().records.allocations.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Allocation a;
    load.check(r, "child_id", LocalRef::kChild, true);
    a.child_id = r.text("child_id");
    load.check(r, "worker_id", LocalRef::kWorker, true);
    a.worker_id = r.text("worker_id");
    a.start = r.required_date("start_date");
    a.end = r.date("end_date");
    if (a.end && *a.end < a.start) r.error("end_date", "is before start_date", "value.order");
    a.team_id = r.text("team_id");
    load.check(r, "team_id", LocalRef::kUnit, false);
    a.role = r.text("role");
    load.keep(*f, i, r, std::move(a));
  }
  load.number_duplicates<Allocation>(*f, first);
  load.carry<Allocation>(*f, {{"end", "end_date"}, {"team_id", "team_id"}, {"role", "role"}});
}

void read_supervisions(LocalLoad& load) {
  LocalFile* f = load.file("supervisions");
  if (!f) return;
  const size_t first = load.batch().records.supervisions.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Supervision s;
    load.check(r, "worker_id", LocalRef::kWorker, true);
    s.worker_id = r.text("worker_id");
    s.date = r.required_date("supervision_date");
    load.check(r, "supervisor_id", LocalRef::kWorker, false);
    s.supervisor_id = r.text("supervisor_id");
    load.keep(*f, i, r, std::move(s));
  }
  load.number_duplicates<Supervision>(*f, first);
  load.carry<Supervision>(*f, {{"supervisor_id", "supervisor_id"}});
}

void read_established_posts(LocalLoad& load) {
  LocalFile* f = load.file("established_posts");
  if (!f) return;
  const size_t first = load.batch().records.established_posts.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    EstablishedPost p;
    load.check(r, "unit_id", LocalRef::kUnit, true);
    p.unit_id = r.text("unit_id");
    p.from = r.required_date("from_date");
    p.to = r.date("to_date");
    if (p.to && *p.to < p.from) r.error("to_date", "is before from_date", "value.order");
    if (r.text("fte").empty())
      r.error("fte", "is blank; the number of posts is required", "value.blank");
    p.fte = r.number("fte", 0, 100000).value_or(0);
    load.keep(*f, i, r, std::move(p));
  }
  load.number_duplicates<EstablishedPost>(*f, first);
  load.carry<EstablishedPost>(*f, {{"to", "to_date"}, {"fte", "fte"}});
}

}  // namespace

void read_local_organisation(LocalLoad& load) {
  read_org_units(load);
  read_workers(load);
  read_allocations(load);
  read_supervisions(load);
  read_established_posts(load);
}

}  // namespace beacon
