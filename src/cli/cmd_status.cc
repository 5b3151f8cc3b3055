#include "cli/commands.h"

#include <iostream>

namespace beacon::cli {

void add_status_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("status", "Show what is loaded");
  cmd->callback([&exit_code] {
    std::cerr << "beacon status: not built yet\n";
    exit_code = 1;
  });
}

}  // namespace beacon::cli
