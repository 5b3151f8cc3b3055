// load_files(): expand, detect, read by format, then complete_load().
#include <algorithm>
#include <chrono>
#include <optional>

#include "history/merge.h"
#include "ingest/detect.h"
#include "ingest/readers.h"
#include "ingest/ssda903_reader.h"
#include "load/complete_load.h"
#include "load/inputs.h"

namespace beacon {
namespace {

// detect_format() names the file at the start of its message; the problem
// names it in its own field.
Problem detection_problem(const InputFile& file, const Status& status) {
  Problem p;
  p.file = file.name;
  p.message = status.message();
  if (p.message.rfind(file.name + ": ", 0) == 0) p.message.erase(0, file.name.size() + 2);
  p.code = "input.format";
  return p;
}

// What a progress line calls the files one reader call read.
std::string describe(const std::vector<DetectedFile>& files) {
  if (files.size() == 1) return files[0].file.name;
  const char* what = "";
  switch (files[0].format) {
    case Format::kSsda903Csv:
      what = "the SSDA903 tables";
      break;
    case Format::kSsdCsv:
      what = "the SSD extract";
      break;
    case Format::kLocalCsv:
      what = "the local tables";
      break;
    default:
      what = "files";
      break;
  }
  return std::string(what) + " (" + std::to_string(files.size()) + " files)";
}

int64_t rows_read(const Batch& b) {
  int64_t n = 0;
  for (const auto& [_, c] : b.counts) n += c.read;
  return n > 0 ? n : static_cast<int64_t>(b.records.total_records());
}

// Reads the detected files, returns first, so that SSD and local tables can
// resolve references against the returns in the same load as well as the store.
class Reading {
 public:
  Reading(Store& store, const LoadOptions& options) : store_(store), options_(options) {}

  Status read(const std::vector<DetectedFile>& detected) {
    std::vector<DetectedFile> ssda903_csv, ssd, local;
    for (const auto& d : detected) {
      switch (d.format) {
        case Format::kCinCensusXml:
          step({d}, [&] { return read_cin_census(d.file); });
          break;
        case Format::kSsda903Xml:
          step({d}, [&] { return read_ssda903_xml(d.file, options_.year); });
          break;
        case Format::kSsda903Csv:
          ssda903_csv.push_back(d);
          break;
        case Format::kSsdCsv:
          ssd.push_back(d);
          break;
        case Format::kLocalCsv:
          local.push_back(d);
          break;
      }
    }
    if (!ssda903_csv.empty())
      step(ssda903_csv, [&] { return read_ssda903_csv(ssda903_csv, options_.year); });
    bool any_ssda903 = std::any_of(detected.begin(), detected.end(), [](const DetectedFile& d) {
      return d.format == Format::kSsda903Csv || d.format == Format::kSsda903Xml;
    });
    if (options_.year && !any_ssda903)
      batch_.notes.push_back("--year applies to SSDA903 returns only; this load has none");
    if (!ssd.empty()) {
      auto existing = existing_history();
      if (!existing) return existing.status();
      step(ssd, [&] { return read_ssd_extract(ssd, *existing); });
    }
    if (!local.empty()) {
      auto existing = existing_history();
      if (!existing) return existing.status();
      step(local, [&] { return read_local_tables(local, *existing, options_.today); });
    }
    return Status::ok();
  }

  Batch& batch() { return batch_; }
  // Every stored contribution and record, when a reader needed them.
  StoredState* stored() { return stored_ ? &*stored_ : nullptr; }

 private:
  template <class Read>
  void step(const std::vector<DetectedFile>& files, Read&& read) {
    auto start = std::chrono::steady_clock::now();
    Batch b = read();
    if (options_.progress)
      options_.progress("read " + describe(files) + ": " + timing(start, rows_read(b)));
    batch_.append(std::move(b));
  }

  // The effective history the store and the batch so far make together.
  Result<CaseHistory> existing_history() {
    if (!stored_) {
      auto start = std::chrono::steady_clock::now();
      auto s = read_stored_state(store_, nullptr);
      if (!s) return s.status();
      stored_ = std::move(*s);
      if (options_.progress)
        options_.progress("read the stored records: " +
                          timing(start, static_cast<int64_t>(stored_->records.total_records())));
    }
    if (batch_.contributions.empty())
      return merge_contributions(stored_->contributions, stored_->records).history;
    StoredState with_batch = *stored_;
    apply_batch(with_batch, batch_);
    return merge_contributions(with_batch.contributions, with_batch.records).history;
  }

  Store& store_;
  const LoadOptions& options_;
  Batch batch_;
  std::optional<StoredState> stored_;
};

}  // namespace

LoadReport load_files(Store& store, const std::vector<std::string>& paths,
                      const LoadOptions& options) {
  LoadReport report;
  report.dry_run = options.dry_run;
  auto inputs = expand_inputs(paths);
  if (!options.names_below.empty()) {
    std::string folder = options.names_below;
    if (folder.back() != '/') folder += '/';
    for (auto& f : inputs.files)
      if (f.name.size() > folder.size() && f.name.rfind(folder, 0) == 0) f.name.erase(0, folder.size());
  }
  Problems problems = std::move(inputs.problems);
  std::vector<std::string> notes;
  if (!inputs.skipped.empty()) {
    std::string list;
    for (size_t i = 0; i < inputs.skipped.size() && i < 5; ++i)
      list += (i ? ", " : "") + inputs.skipped[i].string();
    if (inputs.skipped.size() > 5) list += ", …";
    notes.push_back("skipped " + std::to_string(inputs.skipped.size()) +
                    " files in the folders that are not .csv or .xml (" + list +
                    "); name a file on its own to load it");
  }
  std::vector<DetectedFile> detected;
  for (const auto& f : inputs.files) {
    report.files.push_back(f.name);
    auto d = detect_format(f);
    if (d)
      detected.push_back(std::move(*d));
    else
      problems.push_back(detection_problem(f, d.status()));
  }
  report.notes = notes;
  if (!problems.empty()) {
    // Files that cannot be read at all refuse the load even with
    // --set-aside-bad-rows, which sets aside rows, not files.
    add_problems(report, problems);
    report.refused = "some inputs are missing or not in a format Beacon reads (listed below).";
    return report;
  }
  if (detected.empty()) {
    report.refused = "no files were given.";
    return report;
  }

  Reading reading(store, options);
  if (auto s = reading.read(detected); !s) {
    report.refused = "the store could not be read: " + s.message();
    return report;
  }
  Batch& batch = reading.batch();
  report.read = batch.counts;
  report.notes.insert(report.notes.end(), batch.notes.begin(), batch.notes.end());
  add_problems(report, batch.problems);
  return complete_load(store, batch, std::move(report), options, reading.stored());
}

}  // namespace beacon
