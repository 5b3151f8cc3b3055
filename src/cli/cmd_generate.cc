#include "cli/commands.h"

#include <iostream>

namespace beacon::cli {

void add_generate_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("generate", "Write a synthetic organisation's files");
  cmd->callback([&exit_code] {
    std::cerr << "beacon generate: not built yet\n";
    exit_code = 1;
  });
}

}  // namespace beacon::cli
