// One SSD extract being read: its table files, the identifiers they hold,
// how references between records resolve (this extract first, then the
// records already stored), and the batch being built. The per-area readers
// (ssd_people.cc, ssd_children_in_need.cc, …) share it.
#ifndef BEACON_INGEST_SSD_LOAD_H_
#define BEACON_INGEST_SSD_LOAD_H_

#include <array>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/batch.h"
#include "ingest/csv_fields.h"
#include "ingest/csv_records.h"
#include "ingest/csv_table.h"
#include "ingest/ssd_tables.h"

namespace beacon {

// One table file of the extract.
struct SsdFile {
  CsvTable csv;
  const SsdTableSpec* spec = nullptr;
  int32_t contribution = 0;                  // index in Batch::contributions
  std::vector<char> rejected;                // per row: refused with an error
  std::unordered_map<std::string, int> ids;  // key column value → line of its first row
};

// The kinds of record SSD rows refer to by identifier.
enum class SsdRef {
  kPerson,
  kWorker,
  kTeam,
  kReferral,
  kAssessment,
  kS47,
  kConference,
  kCpPlan,
  kCla,
  kPlacement,
};
constexpr size_t kSsdRefKinds = 10;

// A looked-after placement, as the episodes naming it take it over.
struct SsdPlacement {
  std::string cla_id;
  OptDate start;
  OptDate end;
  std::string place, provider, postcode, urn, reason_change;
};

// What a resolved identifier leads to.
struct SsdTarget {
  std::string child_id;
  EpisodeRef episode;      // referral: its own; assessment, S47: the referral's
  Date start;              // assessment, S47, CP plan
  int ordinal = 1;         // assessment, S47, CP plan
  SsdPlacement placement;  // placement
};

class SsdLoad {
 public:
  SsdLoad(const CaseHistory& existing, Batch& batch);

  // Takes a recognised file; false (with an error) when the table was given already.
  bool add_file(CsvTable csv, const SsdTableSpec& spec);
  // The file holding `table`, or nullptr when the extract lacks it.
  SsdFile* file(std::string_view table);
  const std::vector<std::unique_ptr<SsdFile>>& files() const { return files_; }

  Batch& batch() { return batch_; }
  const CaseHistory& existing() const { return existing_; }
  void note(std::string text) { batch_.notes.push_back(std::move(text)); }
  // The latest event date read so far.
  OptDate latest() const { return latest_; }

  // Reads one row (reporting unreadable fields and a wrong field count).
  RowFields row(SsdFile& f, size_t index);
  // The row's own identifier in the table's key column: required, and an
  // error when an earlier row of the file already used it.
  std::string own_id(RowFields& r, SsdFile& f);

  // Resolves the identifier in `column`: among this extract's records first,
  // then the records already stored. Blank gives nullptr (an error when
  // `required`); an identifier found nowhere, or whose own row was refused,
  // is an error naming the column, and gives nullptr.
  const SsdTarget* resolve(RowFields& r, std::string_view column, SsdRef kind, bool required);
  // A required child reference; returns the identifier as written.
  std::string person(RowFields& r, std::string_view column);
  // An error when the record `target` (resolved from `column`) belongs to
  // another child than the row's.
  void same_child(RowFields& r, std::string_view column, SsdRef kind, const SsdTarget* target,
                  const std::string& child);

  // Makes a record the table's readers resolve to (after its ordinal is known).
  void provide(SsdRef kind, const std::string& id, SsdTarget target);
  // Declares a kind complete: from now on, an identifier seen in the extract
  // but never provided belongs to a refused row.
  void mark_built(SsdRef kind) { refs_[static_cast<size_t>(kind)].built = true; }

  // Appends a record read from `line` of `f` to the batch.
  template <class R>
  void add(const SsdFile& f, int line, R record) {
    record.line = line;
    record.contribution = f.contribution;
    batch_.records.table<R>().push_back(std::move(record));
  }
  // Appends `record` from a sound row; otherwise marks the row refused.
  template <class R>
  bool keep(SsdFile& f, size_t index, const RowFields& r, R record) {
    if (!r.ok()) {
      f.rejected[index] = 1;
      return false;
    }
    add(f, r.line(), std::move(record));
    return true;
  }

  // Numbers the records a file added from `first` on that share a natural
  // key (ordinal = position among them) and reports each duplicate.
  template <class R>
  void number_duplicates(const SsdFile& f, size_t first);

  // The fields (besides the natural key) that `f`'s contribution carries for R.
  template <class R>
  void carry(const SsdFile& f, std::initializer_list<const char*> fields);

  // Builds every record (ssd_extract.cc lists the readers in order).
  void read_all();
  // Dates the contributions, counts rows and orders the problems.
  void finish();

 private:
  struct RefIndex {
    const char* noun = "";
    const char* table = "";
    const char* column = "";
    std::unordered_map<std::string, int> seen;  // in the extract: id → line
    std::unordered_map<std::string, SsdTarget> extract, stored;
    bool built = false;
  };
  void index_existing();
  void index_file(SsdFile& f);

  const CaseHistory& existing_;
  Batch& batch_;
  std::vector<std::unique_ptr<SsdFile>> files_;
  std::array<RefIndex, kSsdRefKinds> refs_;
  OptDate latest_;
};

template <class R>
void SsdLoad::number_duplicates(const SsdFile& f, size_t first) {
  beacon::number_duplicates(batch_.records.table<R>(), first, f.csv.file, batch_.problems);
}

template <class R>
void SsdLoad::carry(const SsdFile& f, std::initializer_list<const char*> fields) {
  beacon::carry<R>(batch_.contributions[f.contribution], fields);
}

// The readers, one per area, called by SsdLoad::read_all() in this order.
void read_ssd_organisation(SsdLoad& load);      // ssd_department, ssd_professionals
void read_ssd_people(SsdLoad& load);            // ssd_person and the tables adding to a child
void read_ssd_front_door(SsdLoad& load);        // ssd_contacts, ssd_cin_episodes, assessments
void read_ssd_cin_plans(SsdLoad& load);         // CIN plans, S47 enquiries and conferences
void read_ssd_child_protection(SsdLoad& load);  // CP plans and reviews
void read_ssd_looked_after(SsdLoad& load);      // episodes, placements, legal status, reviews
void read_ssd_visits(SsdLoad& load);            // CIN, CP and CLA visits
void read_ssd_permanence(SsdLoad& load);        // missing, care leavers, permanence
void read_ssd_involvements(SsdLoad& load);      // involvements, pre-proceedings
void read_ssd_unused(SsdLoad& load);            // tables Beacon does not map

}  // namespace beacon

#endif  // BEACON_INGEST_SSD_LOAD_H_
