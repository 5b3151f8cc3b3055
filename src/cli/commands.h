// The `beacon` command line: each subcommand lives in its own cmd_*.cc and
// registers itself here. Commands are thin: parse options, call the layer
// that does the work, print its result. Exit status: 0 success, 1 refused
// input or failure, 2 usage error.
#ifndef BEACON_CLI_COMMANDS_H_
#define BEACON_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace beacon::cli {

// Each adds one subcommand to `app`; its callback sets `exit_code`.
void add_generate_command(CLI::App& app, int& exit_code);
void add_load_command(CLI::App& app, int& exit_code);
void add_status_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
// kpi, drill, report.
void add_kpi_commands(CLI::App& app, int& exit_code);
// portrait, worklist.
void add_portrait_commands(CLI::App& app, int& exit_code);
// validate: DfE validation rules on a return's files.
void add_validate_command(CLI::App& app, int& exit_code);
// user add, user list, user disable.
void add_user_commands(CLI::App& app, int& exit_code);

}  // namespace beacon::cli

#endif  // BEACON_CLI_COMMANDS_H_
