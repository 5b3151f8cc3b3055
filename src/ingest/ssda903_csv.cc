// SSDA903 CSV tables: recognise each file's table, settle the collection year
// (--year, a file or folder name, else the latest return date across the
// files), then stream every row through the shared mapping.
#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "ingest/csv_reader.h"
#include "ingest/readers.h"
#include "ingest/ssda903_mapper.h"
#include "ingest/ssda903_reader.h"
#include "ingest/ssda903_year.h"

namespace beacon {
namespace {

// A CSV to read: on disk (file.path) or in memory (data).
struct CsvSource {
  InputFile file;
  const std::string* data = nullptr;

  Result<std::unique_ptr<CsvReader>> open() const {
    if (data) return CsvReader::from_string(*data, file.name);
    return CsvReader::open(file.path, file.name);
  }
};

// A recognised file and the year it belongs to.
struct Planned {
  const CsvSource* source = nullptr;
  Ssda903Table table = Ssda903Table::kHeader;
  std::optional<int> year;
  std::string how;
  bool has_rows = true;  // false once a read shows it holds only a header
};

Problem file_problem(const std::string& file, std::string message, std::string code, int line = 0) {
  return {Severity::kError, file, line, "", "", std::move(message), std::move(code)};
}

// A reader's failure message without the file name it starts with.
std::string without_name(const std::string& message, const std::string& name) {
  if (message.rfind(name + ":", 0) == 0)
    return std::string(trim_view(message.substr(name.size() + 1)));
  return message;
}

// Where each of the table's columns sits in a file's header (absent ones left out).
using ColumnPositions = std::vector<std::pair<const char*, size_t>>;
ColumnPositions positions_of(const CsvReader& reader, const Ssda903TableSpec& spec) {
  ColumnPositions out;
  for (const auto* list : {&spec.required, &spec.optional})
    for (const char* col : *list)
      if (int i = reader.column(col); i >= 0) out.emplace_back(col, static_cast<size_t>(i));
  return out;
}

// The row's cells for the table's columns (absent trailing cells are blank).
Ssda903Row row_of(const CsvRow& csv, const ColumnPositions& columns) {
  Ssda903Row row;
  row.line = csv.line;
  for (const auto& [col, i] : columns)
    row.set(col, {i < csv.fields.size() ? csv.fields[i] : std::string(), col, csv.line, "", ""});
  return row;
}

// Rejects a row the CSV layer could not read: an unreadable field, or more
// fields than the header (an unquoted comma shifts every column after it).
bool row_is_readable(const CsvReader& reader, const CsvRow& csv, Problems& problems) {
  const auto& header = reader.header();
  if (csv.bad_field >= 0) {
    auto i = static_cast<size_t>(csv.bad_field);
    problems.push_back({Severity::kError, reader.name(), csv.line, "",
                        i < header.size() ? header[i] : "column " + std::to_string(i + 1),
                        csv.bad_reason, "csv.bad-field"});
    return false;
  }
  for (size_t i = header.size(); i < csv.fields.size(); ++i) {
    if (csv.fields[i].empty()) continue;
    problems.push_back(file_problem(
        reader.name(),
        "the row has " + std::to_string(csv.fields.size()) + " fields but the header has " +
            std::to_string(header.size()) + "; is a value with a comma missing its quotes?",
        "csv.extra-fields", csv.line));
    return false;
  }
  return true;
}

// Opens each file and recognises its table; file-level problems go to `batch`.
std::vector<Planned> recognise(const std::vector<CsvSource>& sources, Batch& batch) {
  std::vector<Planned> out;
  for (const auto& source : sources) {
    const auto& name = source.file.name;
    auto reader = source.open();
    if (!reader) {
      auto message = without_name(reader.status().message(), name);
      bool empty = message.find("empty") != std::string::npos;
      batch.problems.push_back(
          file_problem(name, message, empty ? "file.empty" : "file.unreadable"));
      continue;
    }
    const auto& header = (*reader)->header();
    auto table = ssda903_table_of(header);
    if (!table) {
      auto near = ssda903_near_miss(header);
      batch.problems.push_back(
          file_problem(name,
                       near ? "the columns are not a complete SSDA903 table: it " + near->message()
                            : "the columns are not those of any SSDA903 table",
                       "file.columns", (*reader)->header_line()));
      continue;
    }
    out.push_back({&source, *table, std::nullopt, "", true});
  }
  return out;
}

// Reads the files that need it once, for the latest return date and whether
// they hold any rows.
LatestReturnDate scan_dates(std::vector<Planned*>& files) {
  LatestReturnDate latest;
  for (auto* f : files) {
    auto reader = f->source->open();
    if (!reader) continue;
    auto columns = positions_of(**reader, ssda903_spec(f->table));
    f->has_rows = false;
    CsvRow csv;
    while ((*reader)->next(csv)) {
      f->has_rows = true;
      auto row = row_of(csv, columns);
      for (const auto& [col, cell] : row.cells)
        if (LatestReturnDate::counts(col))
          latest.offer(col, cell.value, f->source->file.name + " line " + std::to_string(csv.line));
    }
  }
  return latest;
}

// Settles each file's collection year (../shared/README.md).
void choose_years(std::vector<Planned>& files, std::optional<int> year_option, Batch& batch) {
  std::vector<Planned*> unnamed;
  std::set<int> named_years;
  const Planned* first_named = nullptr;
  for (auto& f : files) {
    if (year_option) {
      f.year = year_option;
      f.how = "given with --year";
    } else if (auto named = financial_year_from_names(f.source->file)) {
      f.year = named->year;
      f.how = "taken from " + named->how;
      named_years.insert(named->year);
      if (!first_named) first_named = &f;
    } else {
      unnamed.push_back(&f);
    }
  }
  if (unnamed.empty()) return;
  if (named_years.size() == 1) {
    for (auto* f : unnamed) {
      f->year = first_named->year;
      f->how = first_named->how + " (" + first_named->source->file.name + ", loaded with it)";
    }
    return;
  }
  auto latest = scan_dates(unnamed);
  for (auto* f : unnamed) {
    if (latest.found()) {
      f->year = latest.year();
      f->how = latest.how();
    } else if (f->has_rows) {
      batch.problems.push_back(file_problem(
          f->source->file.name,
          "cannot tell which collection year this SSDA903 file belongs to: no year in its file "
          "or folder name and no DECOM, DEC, REVIEW, MIS_START or DATE_MATCH date in the files; "
          "give --year (e.g. --year 2024-25) or put the year in the file name",
          "ssda903.year-unknown"));
    }
  }
}

// One note per distinct year and reason, naming the files it covers.
void note_years(const std::vector<Planned>& files, Batch& batch) {
  std::vector<std::pair<std::string, std::string>> notes;  // note text, files
  for (const auto& f : files) {
    if (!f.year || !f.has_rows) continue;
    auto text = "SSDA903 collection year " + financial_year_label(*f.year) + ", " + f.how;
    auto it = std::find_if(notes.begin(), notes.end(), [&](auto& n) { return n.first == text; });
    if (it == notes.end())
      notes.push_back({text, f.source->file.name});
    else
      it->second += ", " + f.source->file.name;
  }
  for (auto& [text, names] : notes) batch.notes.push_back(text + " [" + names + "]");
}

// The contribution a file's rows go to: files of one table and year share one.
class Contributions {
 public:
  explicit Contributions(Batch& batch) : batch_(batch) {}

  // Called once per file, when its first row is read.
  int32_t for_file(const Planned& f) {
    const auto& name = f.source->file.name;
    auto [it, is_new] =
        index_.try_emplace({f.table, *f.year}, static_cast<int32_t>(batch_.contributions.size()));
    auto& c = is_new ? batch_.contributions.emplace_back()
                     : batch_.contributions[static_cast<size_t>(it->second)];
    if (is_new) {
      c.id = it->second;
      c.source = Source::kSsda903;
      c.table = ssda903_spec(f.table).name;
      c.collection_year = *f.year;
      c.as_of = collection_year_end(*f.year);
      c.carried = ssda903_carried(f.table);
      c.files = name;
    } else {
      c.files += ", " + name;
    }
    return it->second;
  }

  // Takes back the contribution for_file() made for `f`, if it made one and
  // it is the newest: a file refused whole leaves nothing behind.
  void take_back(const Planned& f, int32_t index) {
    auto it = index_.find({f.table, *f.year});
    if (it == index_.end() || it->second != index ||
        static_cast<size_t>(index) + 1 != batch_.contributions.size() ||
        batch_.contributions.back().files != f.source->file.name)
      return;
    batch_.contributions.pop_back();
    index_.erase(it);
  }

 private:
  Batch& batch_;
  std::map<std::pair<Ssda903Table, int>, int32_t> index_;
};

// The size of every table, to undo a file's records.
std::vector<size_t> record_counts(const CaseHistory& records) {
  std::vector<size_t> out;
  records.for_each_table([&](const auto& table) { out.push_back(table.size()); });
  return out;
}

void drop_records_after(CaseHistory& records, const std::vector<size_t>& sizes) {
  size_t i = 0;
  records.for_each_table([&](auto& table) { table.resize(sizes[i++]); });
}

// Streams one file's rows through the mapping.
void read_file(const Planned& f, Ssda903Mapper& mapper, Contributions& contributions,
               Batch& batch) {
  const auto& name = f.source->file.name;
  auto reader = f.source->open();
  if (!reader) return;  // reported when recognised
  const auto& spec = ssda903_spec(f.table);
  auto columns = positions_of(**reader, spec);
  std::optional<int32_t> contribution;  // made when the first row is read
  auto records_before = record_counts(batch.records);
  auto counts_before = batch.counts[spec.name];
  CsvRow csv;
  while ((*reader)->next(csv)) {
    if (!contribution) contribution = contributions.for_file(f);
    if (!row_is_readable(**reader, csv, batch.problems)) {
      auto& counts = batch.counts[spec.name];
      ++counts.read;
      ++counts.rejected;
      continue;
    }
    mapper.map(f.table, row_of(csv, columns), name, *f.year, *contribution);
  }
  for (const auto& p : (*reader)->problems()) batch.problems.push_back(p);
  if (has_errors((*reader)->problems())) {
    // A file whose end is broken (an unclosed quote) may be cut short: loaded
    // in part it would look like a return that withdrew what it lost.
    drop_records_after(batch.records, records_before);
    auto& counts = batch.counts[spec.name];
    counts.rejected = counts_before.rejected + (counts.read - counts_before.read);
    if (contribution) contributions.take_back(f, *contribution);
    return;
  }
  if (!contribution && (*reader)->problems().empty())
    batch.notes.push_back(name + " holds only a header row: nothing to load");
}

Batch read_sources(const std::vector<CsvSource>& sources, std::optional<int> year_option) {
  Batch batch;
  auto files = recognise(sources, batch);
  choose_years(files, year_option, batch);
  note_years(files, batch);
  Ssda903Mapper mapper(batch);
  Contributions contributions(batch);
  for (const auto& f : files) {
    if (!f.has_rows)
      batch.notes.push_back(f.source->file.name + " holds only a header row: nothing to load");
    else if (f.year)
      read_file(f, mapper, contributions, batch);
  }
  return batch;
}

}  // namespace

Batch read_ssda903_csv(const std::vector<DetectedFile>& files, std::optional<int> year_option) {
  std::vector<CsvSource> sources;
  for (const auto& f : files) sources.push_back({f.file, nullptr});
  return read_sources(sources, year_option);
}

Batch read_ssda903_csv_from_memory(const std::vector<CsvInMemory>& files,
                                   std::optional<int> year_option) {
  std::vector<CsvSource> sources;
  for (const auto& f : files) sources.push_back({{"", f.name}, &f.data});
  return read_sources(sources, year_option);
}

}  // namespace beacon
