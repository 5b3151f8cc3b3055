// Runs the built `beacon` binary as a user would, for the CLI's end-to-end
// tests: arguments are test-made paths and words, so no shell quoting is needed.
#ifndef BEACON_CLI_RUN_BEACON_H_
#define BEACON_CLI_RUN_BEACON_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace beacon::testing {

struct Run {
  int exit_code = -1;
  std::string output;
};

enum class Stderr { kMerged, kDropped };

// Standard output (with standard error merged in, or dropped so that the
// output holds only what the command writes).
inline Run run_beacon(const std::string& args, Stderr err = Stderr::kMerged) {
  Run run;
  const std::string command = std::string(BEACON_BINARY) + " " + args +
                              (err == Stderr::kMerged ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace beacon::testing

#endif  // BEACON_CLI_RUN_BEACON_H_
