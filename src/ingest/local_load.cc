#include "ingest/local_load.h"

namespace beacon {

LocalLoad::LocalLoad(const CaseHistory& existing, Batch& batch)
    : existing_(existing), batch_(batch) {
  refs_[at(LocalRef::kWorker)] = {"worker", "workers", "worker_id", {}, {}, {}, false};
  refs_[at(LocalRef::kUnit)] = {"unit", "org_units", "unit_id", {}, {}, {}, false};
  refs_[at(LocalRef::kChild)] = {"child", "", "", {}, {}, {}, false};
  refs_[at(LocalRef::kContact)] = {"contact", "contacts", "contact_id", {}, {}, {}, false};
  for (const auto& w : existing.workers) refs_[at(LocalRef::kWorker)].stored.insert(w.id);
  for (const auto& u : existing.org_units) refs_[at(LocalRef::kUnit)].stored.insert(u.id);
  for (const auto& c : existing.children) refs_[at(LocalRef::kChild)].stored.insert(c.id);
  for (const auto& c : existing.contacts) refs_[at(LocalRef::kContact)].stored.insert(c.id);
}

bool LocalLoad::add_file(CsvTable csv, const LocalTableSpec& spec, Date load_date) {
  if (const LocalFile* already = file(spec.name)) {
    batch_.problems.push_back({Severity::kError, csv.file, 0, "", "",
                               "holds the " + std::string(spec.name) + " table, which " +
                                   already->csv.file +
                                   " already holds; load one file per local table",
                               "local.table-twice"});
    auto& counts = batch_.counts[std::string(spec.name)];
    counts.read += static_cast<int64_t>(csv.rows.size());
    counts.rejected += static_cast<int64_t>(csv.rows.size());
    return false;
  }
  auto f = std::make_unique<LocalFile>();
  f->csv = std::move(csv);
  f->csv.table = spec.name;
  f->spec = &spec;
  f->rejected.assign(f->csv.rows.size(), 0);
  f->contribution = static_cast<int32_t>(batch_.contributions.size());
  Contribution c;
  c.id = f->contribution;
  c.source = Source::kLocal;
  c.table = spec.name;
  c.collection_year = 0;
  c.as_of = load_date;
  c.files = f->csv.file;
  batch_.contributions.push_back(std::move(c));
  for (auto& ref : refs_) {
    if (spec.name != ref.table) continue;
    int column = f->csv.column(ref.column);
    for (const auto& row : f->csv.rows)
      if (column >= 0 && static_cast<size_t>(column) < row.fields.size() &&
          !row.fields[column].empty() && row.bad_field != column)
        ref.seen.try_emplace(row.fields[column], row.line);
  }
  files_.push_back(std::move(f));
  return true;
}

LocalFile* LocalLoad::file(std::string_view table) {
  for (auto& f : files_)
    if (f->spec->name == table) return f.get();
  return nullptr;
}

void LocalLoad::unique(RowFields& r, LocalFile& f, std::string_view column,
                       const std::string& key) {
  if (key.empty()) return;
  auto [it, fresh] = f.keys.try_emplace(key, r.line());
  if (!fresh)
    r.error(column,
            "'" + key + "' is listed again; line " + std::to_string(it->second) + " has it first",
            "local.duplicate-key");
}

void LocalLoad::check(RowFields& r, std::string_view column, LocalRef kind, bool required) {
  const RefIndex& ref = refs_[at(kind)];
  std::string id = required ? r.id(column) : r.text(column);
  if (id.empty() || ref.accepted.count(id)) return;
  if (auto it = ref.seen.find(id); it != ref.seen.end()) {
    if (!ref.built) return;  // its table is read later
    r.error(column,
            std::string(ref.noun) + " '" + id + "' was refused at " + file(ref.table)->csv.file +
                ":" + std::to_string(it->second) + ", so this row cannot be loaded either",
            "ref.refused");
    return;
  }
  if (ref.stored.count(id)) return;
  if (*ref.table)
    r.error(column,
            std::string(ref.noun) + " '" + id + "' is neither in " + ref.table +
                " in this load nor already loaded",
            "ref.dangling");
  else
    r.error(column,
            std::string(ref.noun) + " '" + id +
                "' is not among the children already loaded (load the SSD extract or the "
                "returns first)",
            "ref.dangling");
}

std::string choice(RowFields& r, std::string_view column,
                   std::initializer_list<std::string_view> known) {
  std::string value = ascii_lower(r.text(column));
  if (value.empty()) return value;
  std::string listed;
  for (auto k : known) {
    if (k == value) return value;
    listed += (listed.empty() ? "" : ", ") + std::string(k);
  }
  r.finding(column, "'" + value + "' is not one of " + listed + "; kept as given",
            "dq.code-unknown");
  return value;
}

void LocalLoad::read_all() {
  read_local_organisation(*this);
  read_local_front_door(*this);
  read_local_reference(*this);
  for (const auto& f : files_) {
    auto& counts = batch_.counts[std::string(f->spec->name)];
    counts.read += static_cast<int64_t>(f->csv.rows.size());
    for (char rejected : f->rejected) counts.rejected += rejected;
    if (f->csv.rows.empty()) batch_.notes.push_back(f->csv.file + ": header only; nothing to load");
  }
}

}  // namespace beacon
