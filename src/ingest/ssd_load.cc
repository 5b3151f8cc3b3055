#include "ingest/ssd_load.h"

namespace beacon {
namespace {

struct RefSpec {
  const char* noun;
  const char* table;
  const char* column;
};

// Indexed by SsdRef.
constexpr RefSpec kRefSpecs[kSsdRefKinds] = {
    {"child", "ssd_person", "pers_person_id"},
    {"worker", "ssd_professionals", "prof_professional_id"},
    {"team", "ssd_department", "dept_team_id"},
    {"referral", "ssd_cin_episodes", "cine_referral_id"},
    {"assessment", "ssd_cin_assessments", "cina_assessment_id"},
    {"section 47 enquiry", "ssd_s47_enquiry", "s47e_s47_enquiry_id"},
    {"initial child protection conference", "ssd_initial_cp_conference", "icpc_icpc_id"},
    {"CP plan", "ssd_cp_plans", "cppl_cp_plan_id"},
    {"period of care (CLA ID)", "ssd_cla_episodes", "clae_cla_id"},
    {"placement", "ssd_cla_placement", "clap_cla_placement_id"},
};

size_t at(SsdRef kind) { return static_cast<size_t>(kind); }

}  // namespace

SsdLoad::SsdLoad(const CaseHistory& existing, Batch& batch) : existing_(existing), batch_(batch) {
  for (size_t i = 0; i < kSsdRefKinds; ++i) {
    refs_[i].noun = kRefSpecs[i].noun;
    refs_[i].table = kRefSpecs[i].table;
    refs_[i].column = kRefSpecs[i].column;
  }
  index_existing();
}

// The records already stored, by the SSD identifiers they keep.
void SsdLoad::index_existing() {
  auto& people = refs_[at(SsdRef::kPerson)].stored;
  for (const auto& c : existing_.children) people[c.id].child_id = c.id;
  for (const auto& w : existing_.workers) refs_[at(SsdRef::kWorker)].stored[w.id];
  for (const auto& u : existing_.org_units) refs_[at(SsdRef::kTeam)].stored[u.id];
  for (const auto& e : existing_.cin_episodes)
    if (!e.referral_id.empty())
      refs_[at(SsdRef::kReferral)].stored.try_emplace(e.referral_id,
                                                      SsdTarget{e.child_id, e.ref(), {}, 1, {}});
  for (const auto& a : existing_.assessments)
    if (!a.assessment_id.empty())
      refs_[at(SsdRef::kAssessment)].stored.try_emplace(
          a.assessment_id, SsdTarget{a.episode.child_id, a.episode, a.start, a.ordinal, {}});
  for (const auto& s : existing_.section47s) {
    if (!s.s47_id.empty())
      refs_[at(SsdRef::kS47)].stored.try_emplace(
          s.s47_id, SsdTarget{s.episode.child_id, s.episode, s.start, s.ordinal, {}});
    if (!s.icpc_id.empty())
      refs_[at(SsdRef::kConference)].stored[s.icpc_id].child_id = s.episode.child_id;
  }
  for (const auto& p : existing_.cp_plans)
    if (!p.plan_id.empty())
      refs_[at(SsdRef::kCpPlan)].stored.try_emplace(
          p.plan_id, SsdTarget{p.child_id, {}, p.start, p.ordinal, {}});
  for (const auto& e : existing_.la_episodes) {
    if (!e.cla_id.empty()) refs_[at(SsdRef::kCla)].stored[e.cla_id].child_id = e.child_id;
    if (!e.placement_id.empty()) {
      SsdTarget t;
      t.child_id = e.child_id;
      t.placement = {e.cla_id,   e.start,
                     e.end,      e.place,
                     e.provider, e.placement_postcode,
                     e.urn,      e.reason_place_change};
      refs_[at(SsdRef::kPlacement)].stored.try_emplace(e.placement_id, std::move(t));
    }
  }
}

bool SsdLoad::add_file(CsvTable csv, const SsdTableSpec& spec) {
  if (const SsdFile* already = file(spec.name)) {
    batch_.problems.push_back({Severity::kError, csv.file, 0, "", "",
                               "holds " + std::string(spec.name) + ", which " + already->csv.file +
                                   " already holds; load one file per SSD table",
                               "ssd.table-twice"});
    auto& counts = batch_.counts[std::string(spec.name)];
    counts.read += static_cast<int64_t>(csv.rows.size());
    counts.rejected += static_cast<int64_t>(csv.rows.size());
    return false;
  }
  auto f = std::make_unique<SsdFile>();
  f->csv = std::move(csv);
  f->csv.table = spec.name;
  f->spec = &spec;
  f->rejected.assign(f->csv.rows.size(), 0);
  f->contribution = static_cast<int32_t>(batch_.contributions.size());
  Contribution c;
  c.id = f->contribution;
  c.source = Source::kSsd;
  c.table = spec.name;
  c.collection_year = 0;
  c.files = f->csv.file;
  batch_.contributions.push_back(std::move(c));
  index_file(*f);
  files_.push_back(std::move(f));
  return true;
}

// Records the identifiers the file holds before any row is read, so rows can
// refer to records of tables read later.
void SsdLoad::index_file(SsdFile& f) {
  auto collect = [&f](std::string_view column, std::unordered_map<std::string, int>& into) {
    int c = f.csv.column(column);
    if (c < 0) return;
    for (const auto& row : f.csv.rows)
      if (static_cast<size_t>(c) < row.fields.size() && !row.fields[c].empty() &&
          row.bad_field != c)
        into.try_emplace(row.fields[c], row.line);
  };
  collect(f.spec->key, f.ids);
  for (auto& ref : refs_)
    if (f.spec->name == ref.table) collect(ref.column, ref.seen);
}

SsdFile* SsdLoad::file(std::string_view table) {
  for (auto& f : files_)
    if (f->spec->name == table) return f.get();
  return nullptr;
}

RowFields SsdLoad::row(SsdFile& f, size_t index) {
  return RowFields(f.csv, index, batch_.problems, &latest_);
}

std::string SsdLoad::own_id(RowFields& r, SsdFile& f) {
  std::string id = r.id(f.spec->key);
  if (id.empty()) return id;
  auto it = f.ids.find(id);
  if (it != f.ids.end() && it->second != r.line())
    r.error(f.spec->key,
            "'" + id + "' is used again; line " + std::to_string(it->second) + " has it first",
            "ssd.duplicate-id");
  return id;
}

const SsdTarget* SsdLoad::resolve(RowFields& r, std::string_view column, SsdRef kind,
                                  bool required) {
  static const SsdTarget kNotYetRead;
  const RefIndex& ref = refs_[at(kind)];
  std::string id = required ? r.id(column) : r.text(column);
  if (id.empty()) return nullptr;
  if (auto it = ref.extract.find(id); it != ref.extract.end()) return &it->second;
  if (auto it = ref.seen.find(id); it != ref.seen.end()) {
    // In the extract: either its table is read later (it exists, which is
    // all this row needs) or its row was refused.
    if (!ref.built) return &kNotYetRead;
    const SsdFile* holder = file(ref.table);
    r.error(column,
            std::string(ref.noun) + " '" + id + "' was refused at " +
                (holder ? holder->csv.file : std::string(ref.table)) + ":" +
                std::to_string(it->second) + ", so this row cannot be loaded either",
            "ref.refused");
    return nullptr;
  }
  if (auto it = ref.stored.find(id); it != ref.stored.end()) return &it->second;
  r.error(column,
          std::string(ref.noun) + " '" + id + "' is neither in " + ref.table +
              " in this load nor already loaded",
          "ref.dangling");
  return nullptr;
}

std::string SsdLoad::person(RowFields& r, std::string_view column) {
  resolve(r, column, SsdRef::kPerson, true);
  return r.text(column);
}

void SsdLoad::same_child(RowFields& r, std::string_view column, SsdRef kind,
                         const SsdTarget* target, const std::string& child) {
  if (!target || target->child_id.empty() || child.empty() || target->child_id == child) return;
  r.error(column,
          std::string(refs_[at(kind)].noun) + " '" + r.text(column) + "' belongs to child '" +
              target->child_id + "', not to child '" + child + "'",
          "ref.other-child");
}

void SsdLoad::provide(SsdRef kind, const std::string& id, SsdTarget target) {
  refs_[at(kind)].extract.try_emplace(id, std::move(target));
}

void SsdLoad::read_all() {
  read_ssd_organisation(*this);
  read_ssd_people(*this);
  read_ssd_front_door(*this);
  read_ssd_cin_plans(*this);
  read_ssd_child_protection(*this);
  read_ssd_looked_after(*this);
  read_ssd_visits(*this);
  read_ssd_permanence(*this);
  read_ssd_involvements(*this);
  read_ssd_unused(*this);
}

void SsdLoad::finish() {
  if (latest_) {
    note("SSD extract as of " + latest_->iso() + " (the latest date in its files)");
  } else if (!files_.empty()) {
    note(
        "the SSD extract holds no dates, so its as-of date is taken as 1970-01-01 and any "
        "dated source takes precedence over it");
  }
  for (auto& c : batch_.contributions) c.as_of = latest_.value_or(Date());
  for (const auto& f : files_) {
    auto& counts = batch_.counts[std::string(f->spec->name)];
    counts.read += static_cast<int64_t>(f->csv.rows.size());
    for (char rejected : f->rejected) counts.rejected += rejected;
    if (f->csv.rows.empty()) note(f->csv.file + ": header only; nothing to load");
  }
}

}  // namespace beacon
