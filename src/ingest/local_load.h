// One load of local tables being read: the files, the identifiers they hold,
// how references resolve (these files first, then the records already
// stored), and the batch being built. Shared by local_organisation.cc,
// local_front_door.cc and local_reference.cc.
#ifndef BEACON_INGEST_LOCAL_LOAD_H_
#define BEACON_INGEST_LOCAL_LOAD_H_

#include <array>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ingest/batch.h"
#include "ingest/csv_fields.h"
#include "ingest/csv_records.h"
#include "ingest/csv_table.h"
#include "ingest/local_tables.h"

namespace beacon {

struct LocalFile {
  CsvTable csv;
  const LocalTableSpec* spec = nullptr;
  int32_t contribution = 0;                   // index in Batch::contributions
  std::vector<char> rejected;                 // per row: refused with an error
  std::unordered_map<std::string, int> keys;  // identifying key → line of its first row
};

// What local rows refer to.
enum class LocalRef { kWorker, kUnit, kChild, kContact };
constexpr size_t kLocalRefKinds = 4;

class LocalLoad {
 public:
  LocalLoad(const CaseHistory& existing, Batch& batch);

  // Takes a recognised file; false (with an error) when the table was given already.
  bool add_file(CsvTable csv, const LocalTableSpec& spec, Date load_date);
  LocalFile* file(std::string_view table);
  Batch& batch() { return batch_; }
  const CaseHistory& existing() const { return existing_; }

  RowFields row(LocalFile& f, size_t index) { return RowFields(f.csv, index, batch_.problems); }

  // For tables with one row per identifier: an error when an earlier row of
  // the file already had `key` (as written in `column`).
  void unique(RowFields& r, LocalFile& f, std::string_view column, const std::string& key);
  // Checks the identifier in `column` names a record in these files or
  // already stored. Blank passes unless `required`.
  void check(RowFields& r, std::string_view column, LocalRef kind, bool required);
  // A row holding an identifier loaded; once a kind is built, identifiers
  // seen in the files but never accepted belong to refused rows.
  void accept(LocalRef kind, const std::string& id) { refs_[at(kind)].accepted.insert(id); }
  void mark_built(LocalRef kind) { refs_[at(kind)].built = true; }

  template <class R>
  bool keep(LocalFile& f, size_t index, const RowFields& r, R record) {
    if (!r.ok()) {
      f.rejected[index] = 1;
      return false;
    }
    record.line = r.line();
    record.contribution = f.contribution;
    batch_.records.table<R>().push_back(std::move(record));
    return true;
  }
  template <class R>
  void number_duplicates(const LocalFile& f, size_t first) {
    beacon::number_duplicates(batch_.records.table<R>(), first, f.csv.file, batch_.problems);
  }
  // The contribution carries R's natural key and each field whose column the
  // file has: a column left out leaves that field to other sources.
  template <class R>
  void carry(const LocalFile& f,
             std::initializer_list<std::pair<const char*, const char*>> field_columns) {
    std::vector<std::string> fields;
    for (auto [field, column] : field_columns)
      if (f.csv.column(column) >= 0) fields.emplace_back(field);
    beacon::carry<R>(batch_.contributions[f.contribution], fields);
  }

  // Builds every record, then counts rows.
  void read_all();

 private:
  struct RefIndex {
    const char* noun = "";
    const char* table = "";  // empty: only stored records can be named
    const char* column = "";
    std::unordered_map<std::string, int> seen;  // in these files: id → line
    std::unordered_set<std::string> accepted, stored;
    bool built = false;
  };
  static size_t at(LocalRef kind) { return static_cast<size_t>(kind); }

  const CaseHistory& existing_;
  Batch& batch_;
  std::vector<std::unique_ptr<LocalFile>> files_;
  std::array<RefIndex, kLocalRefKinds> refs_;
};

// A word from a fixed list ("draft", "final"), lower-cased. One not in the
// list is kept as given and reported as a finding.
std::string choice(RowFields& r, std::string_view column,
                   std::initializer_list<std::string_view> known);

// The readers, called by LocalLoad::read_all() in this order.
void read_local_organisation(
    LocalLoad& load);  // org_units, workers, allocations, supervisions, established_posts
void read_local_front_door(LocalLoad& load);  // contacts, contact_decisions, visit_status
void read_local_reference(LocalLoad& load);   // youth_justice, population, targets, bank holidays

}  // namespace beacon

#endif  // BEACON_INGEST_LOCAL_LOAD_H_
