// contacts → Contact; contact_decisions → the decision time of a contact
// (a contribution carrying only `decided`); visit_status → the case-system
// status of an SSD visit (carrying only status and its times).
#include <set>

#include "ingest/local_load.h"

namespace beacon {
namespace {

void read_contacts(LocalLoad& load) {
  LocalFile* f = load.file("contacts");
  if (!f) return;
  auto& contacts = load.batch().records.contacts;
  const size_t first = contacts.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Contact c;
    c.id = r.id("contact_id");
    load.unique(r, *f, "contact_id", c.id);
    load.check(r, "child_id", LocalRef::kChild, true);
    c.child_id = r.text("child_id");
    c.received = r.required_date_time("received_at");
    c.decided = r.date_time("decided_at");
    if (c.decided && *c.decided < c.received)
      r.finding("decided_at", "is before received_at", "dq.order");
    c.source = r.code("source", "cin.referral_source", "referral source");
    c.outcome = r.text("outcome");
    c.team_id = r.text("team_id");
    load.check(r, "team_id", LocalRef::kUnit, false);
    c.worker_id = r.text("worker_id");
    load.check(r, "worker_id", LocalRef::kWorker, false);
    load.keep(*f, i, r, std::move(c));
  }
  for (size_t i = first; i < contacts.size(); ++i) load.accept(LocalRef::kContact, contacts[i].id);
  load.mark_built(LocalRef::kContact);
  load.carry<Contact>(*f, {{"child_id", "child_id"},
                           {"received", "received_at"},
                           {"decided", "decided_at"},
                           {"source", "source"},
                           {"outcome", "outcome"},
                           {"team_id", "team_id"},
                           {"worker_id", "worker_id"}});
}

void read_contact_decisions(LocalLoad& load) {
  LocalFile* f = load.file("contact_decisions");
  if (!f) return;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Contact c;
    load.check(r, "contact_id", LocalRef::kContact, true);
    c.id = r.text("contact_id");
    load.unique(r, *f, "contact_id", c.id);
    c.decided = r.required_date_time("decided_at");
    load.keep(*f, i, r, std::move(c));
  }
  load.carry<Contact>(*f, {{"decided", "decided_at"}});
}

void read_visit_status(LocalLoad& load) {
  LocalFile* f = load.file("visit_status");
  if (!f) return;
  std::set<std::pair<std::string, std::string>> visits;  // (kind, id) already loaded
  for (const auto& v : load.existing().visits) visits.emplace(v.kind, v.visit_id);
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Visit v;
    v.visit_id = r.id("visit_id");
    v.kind = ascii_lower(r.text("visit_type"));
    if (v.kind != "cin" && v.kind != "cp" && v.kind != "cla") {
      if (v.kind.empty())
        r.id("visit_type");
      else
        r.error("visit_type", "'" + r.text("visit_type") + "' is not cin, cp or cla",
                "value.visit-type");
    } else if (!v.visit_id.empty()) {
      load.unique(r, *f, "visit_id", v.kind + " " + v.visit_id);
      if (!visits.count({v.kind, v.visit_id}))
        r.error("visit_id",
                v.kind + " visit '" + v.visit_id +
                    "' is not among the visits already loaded (load the SSD extract first)",
                "ref.dangling");
    }
    v.status = choice(r, "status", {"draft", "final"});
    if (v.status.empty()) r.id("status");
    v.recorded_at = r.date_time("recorded_at");
    v.finalised_at = r.date_time("finalised_at");
    if (v.recorded_at && v.finalised_at && *v.finalised_at < *v.recorded_at)
      r.finding("finalised_at", "is before recorded_at", "dq.order");
    load.keep(*f, i, r, std::move(v));
  }
  load.carry<Visit>(
      *f, {{"status", "status"}, {"recorded_at", "recorded_at"}, {"finalised_at", "finalised_at"}});
}

}  // namespace

void read_local_front_door(LocalLoad& load) {
  read_contacts(load);
  read_contact_decisions(load);
  read_visit_status(load);
}

}  // namespace beacon
