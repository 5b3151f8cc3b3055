// What one `load` did, or would do: per source table rows read and rejected;
// per case-history table records added, changed and withdrawn; the SSDA903
// collection year and how it was chosen; records withdrawn by a later return;
// data-quality findings by code; and every error. Kept as JSON in the load
// history, printed as text by the command line.
#ifndef BEACON_LOAD_LOAD_REPORT_H_
#define BEACON_LOAD_LOAD_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/problem.h"
#include "history/merge.h"
#include "ingest/batch.h"

namespace beacon {

struct FindingSummary {
  std::string code;
  int64_t count = 0;
  std::vector<Problem> examples;  // the first few, in file order
};

struct ContributionLoaded {
  std::string key;  // e.g. "cin-census/*/2024"
  std::string files;
  bool replaces = false;  // a contribution with this key was already stored
};

struct LoadReport {
  bool ok = false;  // loaded (or, for a dry run, would load)
  bool dry_run = false;
  int64_t load_id = 0;  // in the load history; 0 when nothing was written
  std::string refused;  // why nothing was loaded, when !ok
  std::vector<std::string> files;
  std::vector<ContributionLoaded> contributions;
  std::map<std::string, ReadCounts> read;    // by source table
  std::map<std::string, TableDiff> changes;  // by case-history table; removed = withdrawn
  std::vector<std::string> notes;            // e.g. how the SSDA903 year was chosen
  std::vector<WithdrawnRecord> withdrawn;    // newly withdrawn by this load
  std::vector<FindingSummary> findings;
  // Errors: what refused the load, or the rows set aside with --set-aside-bad-rows.
  std::vector<Problem> errors;

  int64_t total_added() const;
  int64_t total_changed() const;
  int64_t total_withdrawn() const;
  int64_t total_rejected() const;

  // "added 1,204, changed 17, withdrawn 2, rejected 0"
  std::string summary() const;
  std::string to_json() const;
  // For people: what was loaded, then every error.
  std::string to_text() const;
};

// Sorts problems into the report: errors listed in full, findings summarised
// by code with the first `examples` of each.
void add_problems(LoadReport& report, const Problems& problems, size_t examples = 3);

// 1234567 → "1,234,567".
std::string with_thousands(int64_t n);

// A cell of a plain-text table: `s` padded with spaces to `width`, on the
// left for numbers (right_align). Text too long for its column still gets a
// space between it and the next.
std::string cell(const std::string& s, size_t width, bool right_align = false);

}  // namespace beacon

#endif  // BEACON_LOAD_LOAD_REPORT_H_
