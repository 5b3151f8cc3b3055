#include "synth/generate.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "synth/dates.h"
#include "synth/qa_history.h"

namespace beacon::synth {
namespace {

namespace fs = std::filesystem;

// The folders and files this generator writes (and may replace).
const std::vector<std::string>& generated_entries() {
  static const std::vector<std::string> e = {"ssd", "cin_census", "ssda903", "local", "qa",
                                             "manifest.json"};
  return e;
}

Status prepare(const std::string& out) {
  std::error_code ec;
  const fs::path dir(out);
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) return Status::invalid_input(out + " is not a folder");
    const bool ours = fs::exists(dir / "manifest.json", ec);
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      bool known = false;
      for (const auto& e : generated_entries()) known = known || e == name;
      if (!ours || !known)
        return Status::invalid_input(
            out + " already holds other files (" + name +
            "); give an empty or new folder, or an earlier `beacon generate` output");
    }
    if (ec) return Status::io_error("cannot read " + out + ": " + ec.message());
    for (const auto& e : generated_entries()) fs::remove_all(dir / e, ec);
    if (ec) return Status::io_error("cannot clear " + out + ": " + ec.message());
  }
  fs::create_directories(dir, ec);
  if (ec) return Status::io_error("cannot create " + out + ": " + ec.message());
  return Status::ok();
}

}  // namespace

std::string manifest_json(const Options& options, const Generated& g) {
  nlohmann::ordered_json j;
  j["generator"] = "beacon generate";
  j["seed"] = options.seed;
  j["scale"] = options.scale;
  j["years"] = options.years;
  j["as_at"] = options.as_at.iso();
  j["defect_rate"] = options.defect_rate;
  j["collection_years"] = g.collection_years;
  nlohmann::ordered_json records = nlohmann::ordered_json::object();
  for (const auto& [table, n] : g.records) records[table] = n;
  j["records"] = records;
  nlohmann::ordered_json defects;
  defects["invalid_codes"] = g.defects.invalid_codes;
  defects["missing_ethnicity"] = g.defects.missing_ethnicity;
  defects["stale_draft_visits"] = g.defects.stale_drafts;
  defects["duplicate_assessments"] = g.defects.duplicate_assessments;
  defects["withdrawn_referrals"] = g.defects.withdrawn_referrals;
  j["defects"] = defects;
  nlohmann::ordered_json figures;
  for (const auto& f : g.figures) figures[f.name] = std::round(f.value * 10) / 10;
  j["figures"] = figures;
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& f : g.files) files.push_back({{"path", f.path}, {"rows", f.rows}});
  j["files"] = files;
  return j.dump(2) + "\n";
}

Result<Generated> generate(const Options& options, const std::string& out) {
  if (auto s = check_options(options); !s) return s;
  if (auto s = prepare(out); !s) return s;
  const World world = build_world(options);
  Generated g;
  RecordCounter counter;
  if (auto s = write_ssd(world, out, counter, g.files); !s) return s;
  if (auto s = write_cin_census(world, out, counter, g.files); !s) return s;
  if (auto s = write_ssda903(world, out, counter, g.files); !s) return s;
  if (auto s = write_local(world, out, counter, g.files); !s) return s;
  if (auto s = write_qa(world, out, g.files); !s) return s;
  g.records = counter.counts();
  g.figures = headline_figures(world);
  g.defects = world.defects;
  for (int y : world.window.years) g.collection_years.push_back(year_label(y));
  std::ofstream manifest(fs::path(out) / "manifest.json", std::ios::binary);
  manifest << manifest_json(options, g);
  if (!manifest) return Status::io_error("cannot write " + out + "/manifest.json");
  return g;
}

}  // namespace beacon::synth
