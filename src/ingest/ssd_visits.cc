// Statutory visits: ssd_cin_visits, ssd_cp_visits and ssd_cla_visits → Visit
// (kind cin, cp, cla). Their draft/final status comes from the local
// visit_status table.
#include "ingest/ssd_load.h"

namespace beacon {
namespace {

struct VisitTable {
  const char* table;
  const char* kind;
  const char* person;
  const char* date;
  const char* seen;
  const char* seen_alone;
  const char* bedroom;  // nullptr: the table does not record it
  const char* link;     // the plan or period of care the visit is under
  SsdRef link_kind;
};

constexpr VisitTable kVisitTables[] = {
    {"ssd_cin_visits", "cin", "cinv_person_id", "cinv_cin_visit_date", "cinv_cin_visit_seen",
     "cinv_cin_visit_seen_alone", "cinv_cin_visit_bedroom", nullptr, SsdRef::kPerson},
    {"ssd_cp_visits", "cp", "cppv_person_id", "cppv_cp_visit_date", "cppv_cp_visit_seen",
     "cppv_cp_visit_seen_alone", "cppv_cp_visit_bedroom", "cppv_cp_plan_id", SsdRef::kCpPlan},
    {"ssd_cla_visits", "cla", "clav_person_id", "clav_cla_visit_date", "clav_cla_visit_seen",
     "clav_cla_visit_seen_alone", nullptr, "clav_cla_id", SsdRef::kCla},
};

void read_visits(SsdLoad& load, const VisitTable& spec) {
  SsdFile* f = load.file(spec.table);
  if (!f) return;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Visit v;
    v.kind = spec.kind;
    v.visit_id = load.own_id(r, *f);
    v.child_id = load.person(r, spec.person);
    if (spec.link) {
      auto* under = load.resolve(r, spec.link, spec.link_kind, false);
      load.same_child(r, spec.link, spec.link_kind, under, v.child_id);
    }
    v.date = r.required_date_time(spec.date);
    v.seen = r.flag(spec.seen);
    v.seen_alone = r.flag(spec.seen_alone);
    if (spec.bedroom) v.bedroom_seen = r.flag(spec.bedroom);
    load.keep(*f, i, r, std::move(v));
  }
  if (spec.bedroom)
    load.carry<Visit>(*f, {"child_id", "date", "seen", "seen_alone", "bedroom_seen"});
  else
    load.carry<Visit>(*f, {"child_id", "date", "seen", "seen_alone"});
}

}  // namespace

void read_ssd_visits(SsdLoad& load) {
  for (const auto& spec : kVisitTables) read_visits(load, spec);
}

}  // namespace beacon
