// ssd_department → OrgUnit, ssd_professionals → Worker.
#include <set>

#include "ingest/ssd_load.h"

namespace beacon {
namespace {

void read_departments(SsdLoad& load) {
  SsdFile* f = load.file("ssd_department");
  if (!f) return;
  auto& units = load.batch().records.org_units;
  const size_t first = units.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    OrgUnit u;
    u.id = load.own_id(r, *f);
    u.name = r.text("dept_team_name");
    u.parent_id = r.text("dept_team_parent_id");
    if (!u.parent_id.empty() && u.parent_id == u.id)
      r.error("dept_team_parent_id", "names the team itself as its parent", "ref.self-parent");
    else
      load.resolve(r, "dept_team_parent_id", SsdRef::kTeam, false);
    load.keep(*f, i, r, std::move(u));
  }
  // The SSD has no unit kinds: a unit with units under it is a service (or,
  // at the top, the organisation); the rest are teams. The local org_units
  // table can say better.
  std::set<std::string> parents;
  for (size_t i = first; i < units.size(); ++i)
    if (!units[i].parent_id.empty()) parents.insert(units[i].parent_id);
  for (size_t i = first; i < units.size(); ++i) {
    auto& u = units[i];
    u.kind = !parents.count(u.id) ? "team" : u.parent_id.empty() ? "organisation" : "service";
    load.provide(SsdRef::kTeam, u.id, {});
  }
  load.mark_built(SsdRef::kTeam);
  load.carry<OrgUnit>(*f, {"name", "kind", "parent_id"});
}

void read_professionals(SsdLoad& load) {
  SsdFile* f = load.file("ssd_professionals");
  if (!f) return;
  auto& workers = load.batch().records.workers;
  const size_t first = workers.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Worker w;
    w.id = load.own_id(r, *f);
    w.staff_id = r.text("prof_staff_id");
    w.name = r.text("prof_professional_name");
    w.registration_no = r.text("prof_social_worker_registration_no");
    w.job_title = r.text("prof_professional_job_title");
    w.fte = r.number("prof_full_time_equivalency", 0, 2);
    w.agency = r.flag("prof_agency_worker_flag");
    load.keep(*f, i, r, std::move(w));
  }
  for (size_t i = first; i < workers.size(); ++i) load.provide(SsdRef::kWorker, workers[i].id, {});
  load.mark_built(SsdRef::kWorker);
  load.carry<Worker>(*f, {"staff_id", "name", "registration_no", "job_title", "fte", "agency"});
}

}  // namespace

void read_ssd_organisation(SsdLoad& load) {
  read_departments(load);
  read_professionals(load);
}

}  // namespace beacon
