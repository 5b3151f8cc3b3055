#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "load/store_status.h"

namespace beacon::cli {

void add_status_command(CLI::App& app, int& exit_code) {
  struct Options {
    std::string db;
    std::string format = "text";
  };
  auto options = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("status", "Show what is loaded");
  cmd->add_option("--db", options->db, "The store (an SQLite file)")->required();
  cmd->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([options, &exit_code] {
    std::error_code ec;
    if (!std::filesystem::exists(options->db, ec)) {
      // Never create a store just to say it is empty.
      std::cerr << "beacon status: there is no store at " << options->db << "\n";
      exit_code = 1;
      return;
    }
    auto store = open_sqlite_store(options->db);
    if (!store) {
      std::cerr << "beacon status: " << store.status().message() << "\n";
      exit_code = 1;
      return;
    }
    auto status = store_status(**store);
    if (!status) {
      std::cerr << "beacon status: " << status.status().message() << "\n";
      exit_code = 1;
      return;
    }
    std::cout << (options->format == "json" ? status->to_json() : status->to_text());
  });
}

}  // namespace beacon::cli
