// beacon validate: the DfE's checks on a return's files, without a store —
// the analyst's check before submitting (docs/cli.md, docs/validation.md).
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "export/validation_output.h"
#include "ingest/detect.h"
#include "ingest/raw_return.h"
#include "ingest/ssda903_year.h"
#include "load/inputs.h"
#include "validation/validate.h"

namespace beacon::cli {
namespace {

using validation::Collection;

struct ReadReturn {
  std::vector<RawCinCensus> cin;
  validation::Ssda903Tables tables;
  std::vector<InputFile> ssda903_files;
};

// Reads every file named (folders expanded as `load` does). The error names
// the file and line that could not be read.
Result<ReadReturn> read_inputs(const std::vector<std::string>& paths) {
  ExpandedInputs expanded = expand_inputs(paths);
  if (!expanded.problems.empty()) return Status::invalid_input(expanded.problems.front().to_string());
  if (expanded.files.empty()) return Status::invalid_input("no .csv or .xml files in what was named");
  ReadReturn out;
  for (const InputFile& file : expanded.files) {
    auto detected = detect_format(file);
    if (!detected) return detected.status();
    switch (detected->format) {
      case Format::kCinCensusXml: {
        auto census = read_raw_cin_census(file);
        if (!census) return census.status();
        out.cin.push_back(std::move(*census));
        break;
      }
      case Format::kSsda903Csv: {
        auto table = read_raw_ssda903_csv(file);
        if (!table) return table.status();
        if (out.tables.count(table->name))
          return Status::invalid_input(file.name + ": a second SSDA903 " + table->name + " table (the first is " +
                                       out.tables[table->name].file + ")");
        out.ssda903_files.push_back(file);
        out.tables[table->name] = std::move(*table);
        break;
      }
      case Format::kSsda903Xml: {
        auto tables = read_raw_ssda903_xml(file);
        if (!tables) return tables.status();
        out.ssda903_files.push_back(file);
        for (auto& t : *tables) {
          if (out.tables.count(t.name))
            return Status::invalid_input(file.name + ": a second SSDA903 " + t.name + " table (the first is " +
                                         out.tables[t.name].file + ")");
          out.tables[t.name] = std::move(t);
        }
        break;
      }
      default:
        return Status::invalid_input(file.name + ": not a CIN census or SSDA903 return (read as " +
                                     (detected->table.empty() ? "another format" : detected->table) + ")");
    }
  }
  return out;
}

// The year of SSDA903 CSVs: from a file or folder name, else from the latest
// DECOM, DEC, REVIEW, MIS_START or DATE_MATCH (as `load` does).
std::optional<int> ssda903_year(const ReadReturn& r) {
  for (const auto& f : r.ssda903_files)
    if (auto named = financial_year_from_names(f)) return named->year;
  LatestReturnDate latest;
  for (const auto& [name, t] : r.tables)
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (!LatestReturnDate::counts(t.columns[c])) continue;
      for (const auto& row : t.rows)
        latest.offer(t.columns[c], row.cells[c], t.file + " line " + std::to_string(row.line));
    }
  if (latest.found()) return latest.year();
  return std::nullopt;
}

}  // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::vector<std::string> inputs;
    std::vector<std::string> previous;
    std::string collection;
    std::string year;
    std::string format = "csv";
    std::string out;
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "validate", "Check a return's files against the DfE's validation rules (no store needed)");
  cmd->add_option("inputs", options->inputs, "Files or folders of one return")->required();
  cmd->add_option("--collection", options->collection, "cin-census or ssda903 (told from the files otherwise)")
      ->check(CLI::IsMember({"cin-census", "ssda903"}));
  cmd->add_option("--year", options->year, "Collection year, e.g. 2024-25 (April 2024 to March 2025)");
  cmd->add_option("--previous", options->previous,
                  "Last year's SSDA903 return (files or folders), for the rules that compare years");
  cmd->add_option("--format", options->format, "csv (default), json or xlsx")
      ->check(CLI::IsMember({"csv", "json", "xlsx"}));
  cmd->add_option("--out", options->out, "Write here instead of standard output (required for xlsx)");
  cmd->callback([options, &exit_code] {
    std::optional<int> year;
    if (!options->year.empty()) {
      year = options->year.find_first_not_of("0123456789-_") == std::string::npos
                 ? financial_year_in(options->year)
                 : std::nullopt;
      if (!year) {
        std::cerr << "beacon validate: --year " << options->year
                  << " is not a financial year written like 2024-25\n";
        exit_code = 2;
        return;
      }
    }
    if (options->format == "xlsx" && options->out.empty()) {
      std::cerr << "beacon validate: --format xlsx needs --out FILE\n";
      exit_code = 2;
      return;
    }
    auto read = read_inputs(options->inputs);
    if (!read) {
      exit_code = fail("validate", read.status().message());
      return;
    }
    const bool has_cin = !read->cin.empty();
    const bool has_903 = !read->tables.empty();
    if (has_cin && has_903) {
      std::cerr << "beacon validate: the files hold both a CIN census and SSDA903 tables; validate "
                   "one return at a time\n";
      exit_code = 2;
      return;
    }
    if (!options->collection.empty() && (options->collection == "cin-census") != has_cin) {
      exit_code = fail("validate", "the files are not a " + options->collection + " return");
      return;
    }
    validation::Options o;
    o.year = year;
    Result<validation::Report> report = Status::internal("no return");
    if (has_cin) {
      if (!options->previous.empty()) {
        std::cerr << "beacon validate: --previous applies to SSDA903 returns only\n";
        exit_code = 2;
        return;
      }
      if (read->cin.size() > 1) {
        std::cerr << "beacon validate: give one CIN census file at a time (" << read->cin.size()
                  << " were found)\n";
        exit_code = 2;
        return;
      }
      report = validation::validate_cin_census(read->cin.front(), o);
    } else {
      if (!year) year = ssda903_year(*read);
      if (!year) {
        exit_code = fail("validate",
                         "the SSDA903 files carry no collection year and hold no dates to infer it "
                         "from; give --year, e.g. --year 2024-25");
        return;
      }
      std::optional<validation::Ssda903Tables> previous;
      if (!options->previous.empty()) {
        auto last = read_inputs(options->previous);
        if (!last) {
          exit_code = fail("validate", last.status().message());
          return;
        }
        if (!last->cin.empty()) {
          exit_code = fail("validate", "--previous names a CIN census, not an SSDA903 return");
          return;
        }
        previous = std::move(last->tables);
      }
      report = validation::validate_ssda903(read->tables, previous ? &*previous : nullptr, *year, o);
    }
    if (!report) {
      exit_code = fail("validate", report.status().message());
      return;
    }
    Status written;
    if (options->format == "xlsx") written = write_validation_xlsx(*report, options->out);
    else
      written = write_output(options->out, options->format == "json" ? validation_json(*report)
                                                                     : validation_csv(*report));
    if (!written) {
      exit_code = fail("validate", written.message());
      return;
    }
    if (!options->out.empty())
      std::cerr << "beacon validate: " << report->findings.size() << " findings from "
                << report->rules_run.size() << " rules (" << report->rules_not_run.size()
                << " not run) written to " << options->out << "\n";
    exit_code = 0;
  });
}

}  // namespace beacon::cli
