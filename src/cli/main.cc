#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Beacon: performance figures, worklists and quality assurance for children's social care"};
  app.require_subcommand(1);
  int exit_code = 0;
  beacon::cli::add_generate_command(app, exit_code);
  beacon::cli::add_load_command(app, exit_code);
  beacon::cli::add_status_command(app, exit_code);
  beacon::cli::add_serve_command(app, exit_code);
  beacon::cli::add_kpi_commands(app, exit_code);
  beacon::cli::add_portrait_commands(app, exit_code);
  beacon::cli::add_user_commands(app, exit_code);
  beacon::cli::add_validate_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return exit_code;
}
