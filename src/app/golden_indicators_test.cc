// Golden-file tests: each folder under src/indicators/golden/ holds small
// hand-made inputs in the national formats and expected.txt with figures
// worked out by hand (see that folder's README). Each is loaded into a fresh
// store exactly as `beacon load` would, then every expected line is checked.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/workspace.h"
#include "load/load.h"

namespace beacon {
namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(BEACON_SOURCE_DIR) / "src/indicators/golden";

struct Expectation {
  int line = 0;
  std::string text;
  std::string indicator;
  std::map<std::string, std::string> fields;
};

std::vector<Expectation> read_expectations(const fs::path& file) {
  std::vector<Expectation> out;
  std::ifstream in(file);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    Expectation e;
    e.line = n;
    e.text = line;
    words >> e.indicator;
    std::string word;
    while (words >> word) {
      auto eq = word.find('=');
      if (eq != std::string::npos) e.fields[word.substr(0, eq)] = word.substr(eq + 1);
    }
    out.push_back(e);
  }
  return out;
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(kGolden))
    if (e.is_regular_file() && e.path().filename() == "expected.txt") out.push_back(e.path().parent_path());
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public ::testing::TestWithParam<fs::path> {};

TEST_P(Golden, FiguresMatchTheHandWorkedAnswers) {
  const fs::path dir = GetParam();
  const fs::path db = fs::temp_directory_path() /
                      ("beacon_golden_" + dir.parent_path().filename().string() + "_" +
                       dir.filename().string() + ".db");
  fs::remove(db);
  fs::remove(db.string() + "-wal");
  fs::remove(db.string() + "-shm");
  {
    auto store = open_sqlite_store(db.string());
    ASSERT_TRUE(store.is_ok()) << store.status().message();
    std::vector<std::string> inputs;
    for (const auto& e : fs::directory_iterator(dir)) {
      const auto name = e.path().filename().string();
      if (name == "expected.txt" || name == "README.md") continue;
      inputs.push_back(e.path().string());
    }
    std::sort(inputs.begin(), inputs.end());
    LoadOptions options;
    options.today = *Date::from_ymd(2025, 6, 30);
    options.user = "golden-test";
    LoadReport report = load_files(**store, inputs, options);
    ASSERT_TRUE(report.ok) << report.to_text();
  }
  auto ws = Workspace::open(db.string());
  ASSERT_TRUE(ws.is_ok()) << ws.status().message();
  auto engine = (*ws)->engine();
  for (const auto& e : read_expectations(dir / "expected.txt")) {
    SCOPED_TRACE(dir.string() + "/expected.txt:" + std::to_string(e.line) + ": " + e.text);
    const IndicatorDef* def = find_indicator(e.indicator);
    ASSERT_NE(def, nullptr) << "unknown indicator";
    auto to = parse_date(e.fields.at("to"));
    ASSERT_TRUE(to);
    std::optional<Date> from;
    if (e.fields.count("from")) from = parse_date(e.fields.at("from"));
    const std::string unit = e.fields.count("unit") ? e.fields.at("unit") : "";
    ASSERT_TRUE(engine->unit_exists(unit)) << "unknown unit " << unit;
    Period period = Period::from_range(from, *to);
    Aggregate a = engine->aggregate(*def, period, unit);
    auto value = value_of(def->value_kind, a);
    if (e.fields.count("numerator")) {
      EXPECT_NEAR(a.numerator, std::stod(e.fields.at("numerator")), 1e-9);
    }
    if (e.fields.count("denominator")) {
      EXPECT_NEAR(a.denominator, std::stod(e.fields.at("denominator")), 1e-9);
    }
    if (e.fields.count("value")) {
      if (e.fields.at("value") == "null") {
        EXPECT_FALSE(value.has_value());
      } else {
        ASSERT_TRUE(value.has_value());
        EXPECT_NEAR(*value, std::stod(e.fields.at("value")), 1e-9);
      }
    }
    // The drill-through lists exactly the denominator's records.
    auto rows = engine->drill(*def, period, unit);
    double num = 0, den = 0;
    for (const auto& r : rows) num += r.numerator, den += r.denominator;
    EXPECT_NEAR(num, a.numerator, 1e-9);
    EXPECT_NEAR(den, a.denominator, 1e-9);
  }
  fs::remove(db);
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.parent_path().filename().string() + "_" +
                                              info.param.filename().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace beacon
