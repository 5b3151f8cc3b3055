// beacon generate --out DIR [--scale 1.0] [--seed 1] [--years 5]
//                 [--as-at 2026-03-31] [--defect-rate 0.01]
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "synth/generate.h"

namespace beacon::cli {

void add_generate_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "generate", "Write a synthetic organisation's files (SSD extract, CIN census, SSDA903, local "
                  "tables) and manifest.json");
  struct Args {
    std::string out;
    std::string as_at = "2026-03-31";
    synth::Options options;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--out", args->out, "Folder to write into (new, empty, or an earlier output)")
      ->required();
  cmd->add_option("--scale", args->options.scale,
                  "Size: 1.0 is the reference trust (about 7,100 children in need, 2,200 looked after)")
      ->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "Random seed: the same seed gives the same files")
      ->capture_default_str();
  cmd->add_option("--years", args->options.years, "Collection years of history")
      ->capture_default_str();
  cmd->add_option("--as-at", args->as_at, "The extract date, YYYY-MM-DD")->capture_default_str();
  cmd->add_option("--defect-rate", args->options.defect_rate,
                  "Share of records given a data-quality defect (0 = clean)")
      ->capture_default_str();
  cmd->callback([args, &exit_code] {
    auto as_at = parse_date(args->as_at);
    if (!as_at) {
      std::cerr << "beacon generate: --as-at '" << args->as_at << "' is not a date (YYYY-MM-DD)\n";
      exit_code = 2;
      return;
    }
    args->options.as_at = *as_at;
    auto result = synth::generate(args->options, args->out);
    if (!result) {
      std::cerr << "beacon generate: " << result.status().message() << "\n";
      exit_code = 1;
      return;
    }
    const auto& g = *result;
    int64_t rows = 0;
    for (const auto& f : g.files) rows += f.rows;
    std::printf("Wrote %zu files (%lld rows) to %s, collection years %s to %s, as at %s.\n",
                g.files.size(), static_cast<long long>(rows), args->out.c_str(),
                g.collection_years.front().c_str(), g.collection_years.back().c_str(),
                args->options.as_at.iso().c_str());
    std::printf("\nThe organisation at the as-at date and over the last 12 months:\n");
    for (const auto& f : g.figures) {
      if (f.value < 0)
        std::printf("  %-48s %10s\n", f.note.c_str(), "-");
      else if (f.value == static_cast<double>(static_cast<int64_t>(f.value)))
        std::printf("  %-48s %10lld\n", f.note.c_str(), static_cast<long long>(f.value));
      else
        std::printf("  %-48s %10.1f\n", f.note.c_str(), f.value);
    }
    std::printf("\nRecords a load of every file gives (manifest.json):\n");
    for (const auto& [table, n] : g.records)
      if (n > 0) std::printf("  %-40s %10lld\n", table.c_str(), static_cast<long long>(n));
    std::printf("\nData-quality defects: %d invalid codes, %d missing ethnicity, %d visits left "
                "in draft, %d duplicate assessments, %d withdrawn referrals.\n",
                g.defects.invalid_codes, g.defects.missing_ethnicity, g.defects.stale_drafts,
                g.defects.duplicate_assessments, g.defects.withdrawn_referrals);
    exit_code = 0;
  });
}

}  // namespace beacon::cli
