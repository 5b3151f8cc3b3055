// Helpers for the SSD reader's tests: hand-made table files with every column
// of their table, and lookups of the problems a batch reports.
#ifndef BEACON_INGEST_SSD_TEST_SUPPORT_H_
#define BEACON_INGEST_SSD_TEST_SUPPORT_H_

#include <map>
#include <string>
#include <vector>

#include "ingest/batch.h"
#include "ingest/csv_table.h"
#include "ingest/ssd_extract.h"
#include "ingest/ssd_tables.h"

namespace beacon::testing {

using Row = std::map<std::string, std::string>;

inline std::string csv_cell(const std::string& v) {
  if (v.find_first_of(",\"\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

// A CSV of `table` with all its columns (in the specification's order) and
// the given rows; cells not given are blank. File name: "<table>.csv".
inline MemoryCsv ssd_file(const std::string& table, const std::vector<Row>& rows) {
  const SsdTableSpec* spec = find_ssd_table(table);
  std::string data;
  for (size_t i = 0; i < spec->columns.size(); ++i)
    data += (i ? "," : "") + std::string(spec->columns[i]);
  data += "\n";
  for (const auto& row : rows) {
    for (size_t i = 0; i < spec->columns.size(); ++i) {
      auto it = row.find(std::string(spec->columns[i]));
      data += (i ? "," : "") + (it == row.end() ? std::string() : csv_cell(it->second));
    }
    data += "\n";
  }
  return {table + ".csv", data};
}

inline Batch read_ssd(const std::vector<MemoryCsv>& files, const CaseHistory& existing = {}) {
  return read_ssd_extract_from_memory(files, existing);
}

// Problems of one severity as "file:line: field: message [code]".
inline std::vector<std::string> problems_of(const Batch& b, Severity severity) {
  std::vector<std::string> out;
  for (const auto& p : b.problems)
    if (p.severity == severity) out.push_back(p.to_string() + " [" + p.code + "]");
  return out;
}
inline std::vector<std::string> errors(const Batch& b) { return problems_of(b, Severity::kError); }
inline std::vector<std::string> findings(const Batch& b) {
  return problems_of(b, Severity::kFinding);
}

// The first problem with this code, or nullptr.
inline const Problem* problem(const Batch& b, const std::string& code) {
  for (const auto& p : b.problems)
    if (p.code == code) return &p;
  return nullptr;
}

inline bool has_note(const Batch& b, const std::string& text) {
  for (const auto& n : b.notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

// The contribution for an SSD table, or nullptr.
inline const Contribution* contribution(const Batch& b, const std::string& table) {
  for (const auto& c : b.contributions)
    if (c.table == table) return &c;
  return nullptr;
}

// A child C1 in ssd_person, and the same for C2: the people most tests need.
inline MemoryCsv two_children() {
  return ssd_file("ssd_person",
                  {{{"pers_person_id", "C1"}, {"pers_sex", "M"}, {"pers_dob", "2015-03-01"}},
                   {{"pers_person_id", "C2"}, {"pers_sex", "F"}, {"pers_dob", "2016-07-12"}}});
}

}  // namespace beacon::testing

#endif  // BEACON_INGEST_SSD_TEST_SUPPORT_H_
