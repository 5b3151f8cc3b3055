// Helpers for the generator's tests: generated output shared by a test suite,
// and a small independent CSV reader (so the tests do not trust the writers).
#ifndef BEACON_SYNTH_TEST_SUPPORT_H_
#define BEACON_SYNTH_TEST_SUPPORT_H_

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "synth/generate.h"

namespace beacon::synth::testing {

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int col(const std::string& name) const {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  }
  const std::string& at(size_t row, const std::string& name) const {
    static const std::string none;
    int c = col(name);
    return c < 0 || static_cast<size_t>(c) >= rows[row].size() ? none
                                                                : rows[row][static_cast<size_t>(c)];
  }
};

// RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes.
inline CsvTable read_csv(const std::filesystem::path& p) {
  const std::string text = read_text(p);
  CsvTable t;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  auto end_row = [&] {
    row.push_back(cell);
    cell.clear();
    if (t.header.empty()) t.header = row;
    else t.rows.push_back(row);
    row.clear();
    any = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell.push_back('"'), ++i;
      else if (c == '"') quoted = false;
      else cell.push_back(c);
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
      any = true;
    } else if (c == '\n') {
      end_row();
    } else if (c != '\r') {
      cell.push_back(c);
      any = true;
    }
  }
  if (any || !cell.empty()) end_row();
  return t;
}

// A folder of generated output, made once and removed at the end.
class Output {
 public:
  Output(const std::string& name, const Options& options) {
    dir_ = std::filesystem::temp_directory_path() /
           ("beacon-synth-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    auto r = generate(options, dir_.string());
    ok_ = r.is_ok();
    if (ok_) generated_ = std::move(r.value());
    else error_ = r.status().message();
  }
  ~Output() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::filesystem::path& dir() const { return dir_; }
  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  const Generated& generated() const { return generated_; }

 private:
  std::filesystem::path dir_;
  bool ok_ = false;
  std::string error_;
  Generated generated_;
};

// Small, fast options for tests: about 3% of the reference trust.
inline Options small_options(uint64_t seed = 1, double defect_rate = 0.01) {
  Options o;
  o.scale = 0.03;
  o.seed = seed;
  o.defect_rate = defect_rate;
  return o;
}

// The output most tests read: generated once per test program.
inline const Output& shared_output() {
  static const Output output("shared", small_options(1, 0.02));
  return output;
}

// Every regular file under `dir`, relative, sorted.
inline std::vector<std::string> files_under(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(std::filesystem::relative(e.path(), dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace beacon::synth::testing

#endif  // BEACON_SYNTH_TEST_SUPPORT_H_
