// The child: ssd_person, and the tables that each add a field or two to the
// child (ssd_disability, ssd_immigration_status, ssd_mother, ssd_send). Each
// of those makes its own contribution carrying only its fields, so loading
// one of them never blanks what the others said.
#include <algorithm>
#include <map>

#include "ingest/ssd_load.h"
#include "ingest/ssd_values.h"

namespace beacon {
namespace {

void read_person(SsdLoad& load) {
  SsdFile* f = load.file("ssd_person");
  if (!f) return;
  auto& children = load.batch().records.children;
  const size_t first = children.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    Child c;
    c.id = load.own_id(r, *f);
    c.forename = r.text("pers_forename");
    c.surname = r.text("pers_surname");
    auto sex = normalise_ssd_sex(r.text("pers_sex"));
    c.sex = sex ? *sex : ascii_upper(r.text("pers_sex"));
    if (!sex)
      r.finding("pers_sex",
                "'" + r.text("pers_sex") + "' is not a known sex (M, F or U); kept as given",
                "dq.code-unknown");
    c.ethnicity = r.code("pers_ethnicity", "ethnicity", "ethnicity");
    c.birth_date = r.date("pers_dob");
    c.expected_birth_date = r.date("pers_expected_dob", DateUse::kPlanned);
    c.death_date = r.date("pers_death_date");
    c.upn_unknown = r.code("pers_upn_unknown", "cin.upn_unknown", "UPN unknown");
    c.is_mother = r.flag("pers_is_mother");
    c.nationality = r.text("pers_nationality");
    if (c.birth_date && c.death_date && *c.death_date < *c.birth_date)
      r.finding("pers_death_date", "is before the date of birth", "dq.order");
    load.keep(*f, i, r, std::move(c));
  }
  for (size_t i = first; i < children.size(); ++i)
    load.provide(SsdRef::kPerson, children[i].id, {children[i].id, {}, {}, 1, {}});
  load.mark_built(SsdRef::kPerson);
  load.carry<Child>(*f,
                    {"forename", "surname", "sex", "ethnicity", "birth_date", "expected_birth_date",
                     "death_date", "upn_unknown", "is_mother", "nationality"});
}

// Rows adding to a child, gathered into one record per child in the order
// the children first appear.
class ChildAdditions {
 public:
  Child& child(const std::string& id, int line) {
    auto [it, fresh] = index_.try_emplace(id, records_.size());
    if (fresh) {
      records_.emplace_back();
      records_.back().id = id;
      records_.back().line = line;
    }
    return records_[it->second];
  }
  void add_to(SsdLoad& load, const SsdFile& f) {
    for (auto& c : records_) load.add(f, c.line, std::move(c));
  }

 private:
  std::map<std::string, size_t> index_;
  std::vector<Child> records_;
};

void read_disability(SsdLoad& load) {
  SsdFile* f = load.file("ssd_disability");
  if (!f) return;
  ChildAdditions additions;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    auto id = load.person(r, "disa_person_id");
    auto code = r.code("disa_disability_code", "cin.disability", "disability");
    if (code.empty() && r.ok())
      r.error("disa_disability_code", "is blank; a disability row needs its code", "value.blank");
    if (!r.ok()) {
      f->rejected[i] = 1;
      continue;
    }
    auto& codes = additions.child(id, r.line()).disabilities;
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    if (codes.size() > 1 && std::find(codes.begin(), codes.end(), "NONE") != codes.end())
      r.finding("disa_disability_code", "child '" + id + "' has NONE together with other codes",
                "dq.disability-none");
  }
  additions.add_to(load, *f);
  load.carry<Child>(*f, {"disabilities"});
}

void read_immigration_status(SsdLoad& load) {
  SsdFile* f = load.file("ssd_immigration_status");
  if (!f) return;
  ChildAdditions additions;
  std::map<std::string, bool> open;  // child → a UASC status without an end date
  int other = 0;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    auto id = load.person(r, "immi_person_id");
    auto status = r.text("immi_immigration_status");
    r.date("immi_immigration_status_start_date");
    auto end = r.date("immi_immigration_status_end_date");
    if (!r.ok()) {
      f->rejected[i] = 1;
      continue;
    }
    if (!is_uasc_status(status)) {
      ++other;
      continue;
    }
    Child& c = additions.child(id, r.line());
    c.uasc = true;
    // Ceased when every UASC status has ended: the latest end.
    if (!end) open[id] = true;
    if (end && (!c.uasc_ceased || *c.uasc_ceased < *end)) c.uasc_ceased = end;
  }
  for (const auto& [id, still_open] : open)
    if (still_open) additions.child(id, 0).uasc_ceased.reset();
  additions.add_to(load, *f);
  if (other > 0)
    load.note("ssd_immigration_status: " + std::to_string(other) +
              " rows are statuses other than UASC, not used by Beacon");
  load.carry<Child>(*f, {"uasc", "uasc_ceased"});
}

void read_mother(SsdLoad& load) {
  SsdFile* f = load.file("ssd_mother");
  if (!f) return;
  ChildAdditions additions;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    auto id = load.person(r, "moth_person_id");
    load.resolve(r, "moth_childs_person_id", SsdRef::kPerson, false);
    auto born = r.date("moth_childs_dob");
    if (!r.ok()) {
      f->rejected[i] = 1;
      continue;
    }
    // SSDA903 MC_DOB: the birth date of her first child.
    Child& c = additions.child(id, r.line());
    if (born && (!c.mother_child_birth_date || *born < *c.mother_child_birth_date))
      c.mother_child_birth_date = born;
  }
  additions.add_to(load, *f);
  load.carry<Child>(*f, {"mother_child_birth_date"});
}

void read_send(SsdLoad& load) {
  SsdFile* f = load.file("ssd_send");
  if (!f) return;
  ChildAdditions additions;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    load.own_id(r, *f);
    auto id = load.person(r, "send_person_id");
    auto upn = ascii_upper(r.text("send_upn"));
    if (!upn.empty() && upn.size() != 13)
      r.finding("send_upn", "'" + upn + "' is not 13 characters long, as a UPN is", "dq.upn");
    if (!r.ok()) {
      f->rejected[i] = 1;
      continue;
    }
    Child& c = additions.child(id, r.line());
    if (c.upn.empty())
      c.upn = upn;
    else if (!upn.empty() && upn != c.upn)
      r.finding("send_upn",
                "child '" + id + "' already has UPN " + c.upn + "; this one is not used",
                "dq.upn-conflict");
  }
  additions.add_to(load, *f);
  load.carry<Child>(*f, {"upn"});
}

}  // namespace

void read_ssd_people(SsdLoad& load) {
  read_person(load);
  read_disability(load);
  read_immigration_status(load);
  read_mother(load);
  read_send(load);
}

}  // namespace beacon
