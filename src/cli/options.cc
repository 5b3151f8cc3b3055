#include "cli/options.h"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace beacon::cli {

Result<Date> parse_date_option(const std::string& option, const std::string& text) {
  DateError error{};
  auto d = parse_date(text, &error);
  if (!d) return Status::invalid_input(option + " " + text + ": " + describe(error));
  return *d;
}

Result<Period> parse_period(const std::string& from, const std::string& to) {
  auto end = parse_date_option("--to", to);
  if (!end) return end.status();
  std::optional<Date> start;
  if (!from.empty()) {
    auto f = parse_date_option("--from", from);
    if (!f) return f.status();
    if (*f > *end) return Status::invalid_input("--from " + from + " is after --to " + to);
    start = *f;
  }
  return Period::from_range(start, *end);
}

Status require_store(const std::string& db) {
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) return Status::not_found("there is no store at " + db);
  return Status::ok();
}

Status write_output(const std::string& path, const std::string& content) {
  if (path.empty()) {
    std::cout << content;
    std::cout.flush();
    return Status::ok();
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::io_error("cannot write " + path);
  out << content;
  if (!out) return Status::io_error("cannot write " + path);
  return Status::ok();
}

int fail(const std::string& command, const std::string& message) {
  std::cerr << "beacon " << command << ": " << message << "\n";
  return 1;
}

}  // namespace beacon::cli
