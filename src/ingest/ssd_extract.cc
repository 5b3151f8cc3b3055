#include "ingest/ssd_extract.h"

#include "ingest/readers.h"
#include "ingest/ssd_load.h"

namespace beacon {
namespace {

// The table a file holds: the one detect_format() named, else the one its
// header matches, else the one it is named after (so that the error can list
// the columns it lacks).
const SsdTableSpec* table_of(const CsvSource& source, const CsvTable& csv) {
  if (!source.table.empty())
    if (const auto* spec = find_ssd_table(source.table)) return spec;
  if (auto match = match_ssd_header(csv.header, source.name)) return match->table;
  return find_ssd_table(file_stem(source.name));
}

}  // namespace

void read_ssd_unused(SsdLoad& load) {
  for (const auto& f : load.files()) {
    if (f->spec->used) continue;
    // Not mapped, but still read: an unreadable row is reported like any other.
    for (size_t i = 0; i < f->csv.rows.size(); ++i)
      if (!load.row(*f, i).ok()) f->rejected[i] = 1;
    if (!f->csv.rows.empty())
      load.note(std::string(f->spec->name) + ": " + std::to_string(f->csv.rows.size()) +
                " rows not used by Beacon");
  }
}

Batch read_ssd_sources(const std::vector<CsvSource>& sources, const CaseHistory& existing) {
  Batch batch;
  SsdLoad load(existing, batch);
  for (const auto& source : sources) {
    auto csv = read_csv_table(source, batch.problems);
    if (!csv) continue;
    const SsdTableSpec* spec = table_of(source, *csv);
    if (!spec) {
      batch.problems.push_back({Severity::kError, source.name, csv->header_line, "", "",
                                "is not an SSD table: its columns match none of the SSD tables",
                                "ssd.unrecognised"});
      continue;
    }
    auto missing = missing_columns(*csv, spec->columns);
    if (!missing.empty()) {
      batch.problems.push_back(
          {Severity::kError, source.name, csv->header_line, "", join_names(missing),
           "the file holds " + std::string(spec->name) + " but lacks " +
               (missing.size() == 1 ? "this column" : "these columns") + "; add " +
               (missing.size() == 1 ? "it" : "them") + " (blank cells are fine)",
           "ssd.missing-columns"});
      auto& counts = batch.counts[std::string(spec->name)];
      counts.read += static_cast<int64_t>(csv->rows.size());
      counts.rejected += static_cast<int64_t>(csv->rows.size());
      continue;
    }
    load.add_file(std::move(*csv), *spec);
  }
  load.read_all();
  load.finish();
  order_problems_by_file(batch.problems, sources);
  return batch;
}

Batch read_ssd_extract(const std::vector<DetectedFile>& files, const CaseHistory& existing) {
  std::vector<CsvSource> sources;
  for (const auto& f : files) sources.push_back({f.file.name, f.file.path, nullptr, f.table});
  return read_ssd_sources(sources, existing);
}

Batch read_ssd_extract_from_memory(const std::vector<MemoryCsv>& files,
                                   const CaseHistory& existing) {
  std::vector<CsvSource> sources;
  for (const auto& f : files) sources.push_back({f.name, "", &f.data, ""});
  return read_ssd_sources(sources, existing);
}

}  // namespace beacon
