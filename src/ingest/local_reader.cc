#include "ingest/local_reader.h"

#include <charconv>

#include "ingest/local_load.h"
#include "ingest/readers.h"

namespace beacon {
namespace {

std::optional<int> digits(std::string_view s) {
  int v = 0;
  if (s.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Recognises the file's table, refusing it (with the columns it lacks) when
// it is not one; reports columns the table does not have.
const LocalTableSpec* table_of(const CsvSource& source, const CsvTable& csv, Batch& batch) {
  std::optional<LocalHeaderMatch> match;
  if (const auto* named = find_local_table(source.table)) {
    match = LocalHeaderMatch{named, {}, {}};
    for (auto r : named->required)
      if (csv.column(r) < 0) match->missing.emplace_back(r);
    for (const auto& h : csv.header)
      if (!h.empty() && !named->knows(ascii_lower(h))) match->unknown.push_back(h);
  } else {
    match = match_local_header(csv.header, source.name);
    if (!match) match = nearest_local_table(csv.header, source.name);
  }
  if (!match) {
    batch.problems.push_back({Severity::kError, source.name, csv.header_line, "", "",
                              "is not one of Beacon's local tables: its columns match none of "
                              "them (see docs/local-tables.md and the templates)",
                              "local.unrecognised"});
    return nullptr;
  }
  std::string name(match->table->name);
  if (!match->missing.empty()) {
    batch.problems.push_back(
        {Severity::kError, source.name, csv.header_line, "", join_names(match->missing),
         "the file looks like the " + name + " table but lacks " +
             (match->missing.size() == 1 ? "this required column" : "these required columns"),
         "local.missing-columns"});
    batch.counts[name].read += static_cast<int64_t>(csv.rows.size());
    batch.counts[name].rejected += static_cast<int64_t>(csv.rows.size());
    return nullptr;
  }
  for (const auto& column : match->unknown)
    batch.problems.push_back({Severity::kFinding, source.name, csv.header_line, "", column,
                              "is not a column of the " + name + " table and was ignored",
                              "local.unknown-column"});
  return match->table;
}

}  // namespace

std::optional<int> parse_financial_year(std::string_view text) {
  text = trim_view(text);
  auto sep = text.find_first_of("-/_");
  auto start = digits(text.substr(0, sep));
  if (!start || text.substr(0, sep).size() != 4 || *start < 1900 || *start > 2198)
    return std::nullopt;
  if (sep == std::string_view::npos) return start;
  auto end_text = text.substr(sep + 1);
  auto end = digits(end_text);
  if (!end) return std::nullopt;
  if (end_text.size() == 2 && *end == (*start + 1) % 100) return start;
  if (end_text.size() == 4 && *end == *start + 1) return start;
  return std::nullopt;
}

Batch read_local_sources(const std::vector<CsvSource>& sources, const CaseHistory& existing,
                         Date load_date) {
  Batch batch;
  LocalLoad load(existing, batch);
  for (const auto& source : sources) {
    auto csv = read_csv_table(source, batch.problems);
    if (!csv) continue;
    if (const LocalTableSpec* spec = table_of(source, *csv, batch))
      load.add_file(std::move(*csv), *spec, load_date);
  }
  load.read_all();
  order_problems_by_file(batch.problems, sources);
  return batch;
}

Batch read_local_tables(const std::vector<DetectedFile>& files, const CaseHistory& existing,
                        Date load_date) {
  std::vector<CsvSource> sources;
  for (const auto& f : files) sources.push_back({f.file.name, f.file.path, nullptr, f.table});
  return read_local_sources(sources, existing, load_date);
}

Batch read_local_tables_from_memory(const std::vector<MemoryCsv>& files,
                                    const CaseHistory& existing, Date load_date) {
  std::vector<CsvSource> sources;
  for (const auto& f : files) sources.push_back({f.name, "", &f.data, ""});
  return read_local_sources(sources, existing, load_date);
}

}  // namespace beacon
