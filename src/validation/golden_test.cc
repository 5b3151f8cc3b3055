// The golden cases: one readable file per rule under golden/<collection>/,
// each holding cases of compact input and the findings expected of it
// (docs/validation.md, "Golden cases"). This driver turns each case into a
// real return file, reads it with the validation reader, runs the rule, and
// compares. Input lines keep their line numbers, so an expected finding's line
// is the line of the golden file itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/ssda903_year.h"
#include "validation/golden_cases.h"
#include "validation/validate.h"

namespace beacon::validation {
namespace {

namespace fs = std::filesystem;

std::string finding_row(const Finding& f) {
  return f.child_id + "," + f.table + "," + f.field + "," + f.value + "," + std::to_string(f.line);
}

std::vector<std::string> golden_files() {
  std::vector<std::string> out;
  for (const char* sub : {"cin", "ssda903"}) {
    const fs::path dir = fs::path(BEACON_SOURCE_DIR) / "src/validation/golden" / sub;
    if (!fs::exists(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".test") out.push_back(std::string(sub) + "/" + e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, FindingsMatch) {
  const fs::path path = fs::path(BEACON_SOURCE_DIR) / "src/validation/golden" / GetParam();
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto file = parse_golden_file(text.str(), GetParam());
  ASSERT_TRUE(file.is_ok()) << file.status().message();
  ASSERT_FALSE(file->cases.empty()) << GetParam() << ": no cases";
  for (const GoldenCase& c : file->cases) {
    SCOPED_TRACE(GetParam() + ":" + std::to_string(c.line) + ": " + c.title);
    auto report = run_golden_case(*file, c);
    ASSERT_TRUE(report.is_ok()) << report.status().message();
    std::vector<std::string> got;
    for (const Finding& f : report->findings) {
      EXPECT_EQ(f.rule, file->rule);
      const auto* info = rule_in_year(file->collection, file->rule, c.year);
      ASSERT_NE(info, nullptr) << "the rule does not apply in the case's year";
      EXPECT_EQ(f.kind, info->kind);
      EXPECT_EQ(f.message, info->message);
      EXPECT_FALSE(f.file.empty());
      got.push_back(finding_row(f));
    }
    EXPECT_EQ(report->rules_run, std::vector<std::string>{file->rule});
    std::vector<std::string> want = c.expected;
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want);
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, Golden, testing::ValuesIn(golden_files()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& ch : name)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

}  // namespace
}  // namespace beacon::validation
