#include "cli/commands.h"

#include <iostream>

namespace beacon::cli {

void add_load_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("load", "Load files into the store (all or nothing)");
  cmd->callback([&exit_code] {
    std::cerr << "beacon load: not built yet\n";
    exit_code = 1;
  });
}

}  // namespace beacon::cli
