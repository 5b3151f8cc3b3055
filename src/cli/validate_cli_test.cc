// `beacon validate` end to end, on the files the generator writes: the three
// output forms agree, injected defects are found, exit statuses as docs/cli.md.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "cli/run_beacon.h"

namespace beacon {
namespace {

namespace fs = std::filesystem;
using testing::run_beacon;
using testing::Stderr;

using Row = std::vector<std::string>;

// RFC 4180, CRLF line ends.
std::vector<Row> parse_csv(const std::string& text) {
  std::vector<Row> rows;
  Row row;
  std::string cell;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
      continue;
    }
    if (c == '"') quoted = any = true;
    else if (c == ',') row.push_back(cell), cell.clear(), any = true;
    else if (c == '\r') continue;
    else if (c == '\n') {
      row.push_back(cell);
      rows.push_back(row);
      row.clear(), cell.clear(), any = false;
    } else cell += c, any = true;
  }
  if (any) row.push_back(cell), rows.push_back(row);
  return rows;
}

std::string read_zip_entry(const std::string& path, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return "";
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name.c_str(), 0)) {
    char buf[8192];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_close(z);
  return out;
}

std::string xml_text(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (auto [from, to] : entities)
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
      s.replace(at, std::strlen(from), to);
  return s;
}

// One worksheet of an XLSX as rows of text (shared strings resolved).
std::vector<Row> read_sheet(const std::string& path, int sheet) {
  std::vector<std::string> strings;
  const std::string sst = read_zip_entry(path, "xl/sharedStrings.xml");
  static const std::regex si("<si>(?:<t[^>]*>([\\s\\S]*?)</t>|<t/>)</si>");
  for (auto it = std::sregex_iterator(sst.begin(), sst.end(), si); it != std::sregex_iterator(); ++it)
    strings.push_back(xml_text((*it)[1].str()));
  const std::string xml = read_zip_entry(path, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
  std::vector<Row> rows;
  static const std::regex row_re("<row [^>]*>([\\s\\S]*?)</row>");
  static const std::regex cell_re("<c r=\"([A-Z]+)[0-9]+\"([^>]*?)(?:/>|>(?:<v>([^<]*)</v>)?</c>)");
  for (auto r = std::sregex_iterator(xml.begin(), xml.end(), row_re); r != std::sregex_iterator(); ++r) {
    const std::string body = (*r)[1].str();
    Row row;
    for (auto c = std::sregex_iterator(body.begin(), body.end(), cell_re); c != std::sregex_iterator(); ++c) {
      const size_t col = static_cast<size_t>((*c)[1].str()[0] - 'A');
      row.resize(std::max(row.size(), col + 1));
      std::string v = (*c)[3].str();
      if ((*c)[2].str().find("t=\"s\"") != std::string::npos && !v.empty()) v = strings.at(std::stoul(v));
      row[col] = v;
    }
    rows.push_back(row);
  }
  return rows;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ValidateCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("beacon_validate_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    const auto gen = run_beacon("generate --out " + dir_.string() + " --scale 0.02 --defect-rate 0.2");
    ASSERT_EQ(gen.exit_code, 0) << gen.output;
    manifest_ = nlohmann::json::parse(slurp(dir_ / "manifest.json"));
    for (const auto& e : fs::directory_iterator(dir_ / "cin_census")) cin_files_.push_back(e.path());
    std::sort(cin_files_.begin(), cin_files_.end());
    for (const auto& e : fs::directory_iterator(dir_ / "ssda903")) years_903_.push_back(e.path());
    std::sort(years_903_.begin(), years_903_.end());
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static inline fs::path dir_;
  static inline nlohmann::json manifest_;
  static inline std::vector<fs::path> cin_files_;
  static inline std::vector<fs::path> years_903_;

  // The three outputs of one validation; checks they agree and returns the JSON.
  nlohmann::json validate_three_ways(const std::string& inputs) {
    const auto csv = run_beacon("validate " + inputs, Stderr::kDropped);
    EXPECT_EQ(csv.exit_code, 0) << run_beacon("validate " + inputs).output;
    const auto json_run = run_beacon("validate " + inputs + " --format json", Stderr::kDropped);
    EXPECT_EQ(json_run.exit_code, 0);
    const fs::path xlsx = dir_ / "findings.xlsx";
    const auto x = run_beacon("validate " + inputs + " --format xlsx --out " + xlsx.string());
    EXPECT_EQ(x.exit_code, 0) << x.output;

    const auto rows = parse_csv(csv.output);
    EXPECT_FALSE(rows.empty());
    if (rows.empty()) return {};
    EXPECT_EQ(rows[0], (Row{"rule", "kind", "child_id", "table", "field", "value", "file", "line", "message"}));
    const auto j = nlohmann::json::parse(json_run.output);
    const auto& findings = j["findings"];
    EXPECT_EQ(rows.size() - 1, findings.size());
    const auto sheet = read_sheet(xlsx.string(), 3);
    EXPECT_EQ(sheet.size(), findings.size() + 1);
    for (size_t i = 0; i < findings.size() && i + 1 < rows.size() && i + 1 < sheet.size(); ++i) {
      const auto& f = findings[i];
      Row want{f["rule"], f["kind"], f["child_id"], f["table"], f["field"], f["value"], f["file"],
               std::to_string(f["line"].get<int>()), f["message"]};
      Row csv_row = rows[i + 1];
      // The CSV neutralises values a spreadsheet would run as formulas.
      if (!want[5].empty() && std::string("=+-@").find(want[5][0]) != std::string::npos)
        EXPECT_EQ(csv_row[5], "'" + want[5]);
      else
        EXPECT_EQ(csv_row[5], want[5]);
      csv_row[5] = want[5];
      EXPECT_EQ(csv_row, want) << "CSV row " << i + 1;
      Row xl = sheet[i + 1];
      xl.resize(9);
      EXPECT_EQ(xl, want) << "XLSX row " << i + 1;
    }
    // Sorted by rule, then child, then line.
    for (size_t i = 1; i < findings.size(); ++i) {
      const auto& a = findings[i - 1];
      const auto& b = findings[i];
      const auto ka = std::make_tuple(a["rule"].get<std::string>(), a["child_id"].get<std::string>(), a["line"].get<int>());
      const auto kb = std::make_tuple(b["rule"].get<std::string>(), b["child_id"].get<std::string>(), b["line"].get<int>());
      EXPECT_LE(ka, kb) << "finding " << i;
    }
    // The summary counts add up to the findings.
    const auto summary = read_sheet(xlsx.string(), 1);
    size_t head = 0;
    while (head < summary.size() && (summary[head].empty() || summary[head][0] != "rule")) ++head;
    EXPECT_LT(head, summary.size()) << "no header row on the Summary sheet";
    size_t total = 0;
    for (size_t r = head + 1; r < summary.size(); ++r)
      if (summary[r].size() >= 4 && !summary[r][3].empty()) total += std::stoul(summary[r][3]);
    EXPECT_EQ(total, findings.size());
    EXPECT_EQ(summary.size() - head - 1, j["rules_run"].size());
    return j;
  }
};

size_t count_rule(const nlohmann::json& j, const std::string& rule, const std::string& value = "") {
  size_t n = 0;
  for (const auto& f : j["findings"])
    if (f["rule"] == rule && (value.empty() || f["value"] == value)) ++n;
  return n;
}

TEST_F(ValidateCli, CinCensusOutputsAgreeAndFindInjectedDefects) {
  ASSERT_FALSE(cin_files_.empty());
  const auto j = validate_three_ways(cin_files_.back().string());
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["collection"], "cin-census");
  EXPECT_EQ(j["rules_run"].size(), 109u);  // every CIN census rule for 2024-25 onwards
  EXPECT_TRUE(j["rules_not_run"].empty());
  // The generator's defects: referral source 2C (rule 8866), assessment factor 25A
  // (8897Q), an empty <Ethnicity/> (4220).
  EXPECT_GT(count_rule(j, "8866", "2C"), 0u);
  EXPECT_GT(count_rule(j, "8897Q", "25A"), 0u);
  EXPECT_GT(count_rule(j, "4220"), 0u);
}

TEST_F(ValidateCli, Ssda903OutputsAgreeAndSayWhatWasNotRun) {
  ASSERT_GE(years_903_.size(), 2u);
  const fs::path latest = years_903_.back();
  const auto j = validate_three_ways(latest.string() + " --previous " + years_903_[years_903_.size() - 2].string());
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["collection"], "ssda903");
  EXPECT_EQ(j["year"], latest.filename().string());  // the folder name gives the year
  bool postcode = false;
  for (const auto& n : j["rules_not_run"])
    if (n["rule"] == "164") postcode = n["why"].get<std::string>().find("postcode") != std::string::npos;
  EXPECT_TRUE(postcode);
  EXPECT_GT(count_rule(j, "103", ""), 0u);  // blank ETHNIC injected
}

TEST_F(ValidateCli, ExitStatuses) {
  // Usage errors: 2.
  EXPECT_EQ(run_beacon("validate").exit_code, 2);
  EXPECT_EQ(run_beacon("validate " + cin_files_.back().string() + " --format xml").exit_code, 2);
  EXPECT_EQ(run_beacon("validate " + cin_files_.back().string() + " --format xlsx").exit_code, 2);
  EXPECT_EQ(run_beacon("validate " + cin_files_.back().string() + " --year soon").exit_code, 2);
  EXPECT_EQ(run_beacon("validate " + cin_files_.back().string() + " " + years_903_.back().string()).exit_code, 2);
  // Unreadable inputs: 1, naming the file and line.
  EXPECT_EQ(run_beacon("validate " + (dir_ / "no-such-file.xml").string()).exit_code, 1);
  const fs::path broken = dir_ / "broken.xml";
  std::ofstream(broken) << "<Message>\n<Header>\n<Children>\n<Child>\n</Message>\n";
  const auto bad = run_beacon("validate " + broken.string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("broken.xml:"), std::string::npos) << bad.output;
  fs::remove(broken);
  EXPECT_EQ(run_beacon("validate " + (dir_ / "manifest.json").string()).exit_code, 1);
  // A year Beacon has no rules for: 1.
  EXPECT_EQ(run_beacon("validate " + cin_files_.back().string() + " --year 2019-20").exit_code, 1);
  // Findings are results: 0, and the header alone when there are none.
  const fs::path clean = dir_ / "clean.xml";
  std::ofstream(clean) << "<Message><Header><CollectionDetails><Year>2025</Year>"
                          "<ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>"
                          "<Children/></Message>\n";
  const auto none = run_beacon("validate " + clean.string(), Stderr::kDropped);
  EXPECT_EQ(none.exit_code, 0);
  // The return-level disability queries run on an empty return: 2887Q counts 0 codes.
  EXPECT_EQ(parse_csv(none.output).size(), 2u) << none.output;
  fs::remove(clean);
}

}  // namespace
}  // namespace beacon

namespace beacon {
namespace {

// The same 2024-25 return as EXPSSDA903 XML and as CSV tables gives the same findings.
TEST(ValidateCliXml, ExpSsda903AndCsvTablesAgree) {
  const std::string dir = std::string(BEACON_SOURCE_DIR) + "/src/ingest/testdata/ssda903/";
  const auto xml = testing::run_beacon("validate " + dir + "expssda903_2024_25.xml --format json", testing::Stderr::kDropped);
  const auto csv = testing::run_beacon("validate " + dir + "903_2024_25 --format json", testing::Stderr::kDropped);
  ASSERT_EQ(xml.exit_code, 0) << xml.output;
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  const auto x = nlohmann::json::parse(xml.output), c = nlohmann::json::parse(csv.output);
  EXPECT_EQ(x["year"], "2024-25");
  EXPECT_EQ(x["rules_run"], c["rules_run"]);
  auto keys = [](const nlohmann::json& j) {
    std::multiset<std::string> out;
    for (const auto& f : j["findings"])
      out.insert(f["rule"].get<std::string>() + "|" + f["child_id"].get<std::string>() + "|" +
                 f["table"].get<std::string>() + "|" + f["field"].get<std::string>() + "|" + f["value"].get<std::string>());
    return out;
  };
  EXPECT_FALSE(keys(c).empty());
  EXPECT_EQ(keys(x), keys(c));
}

}  // namespace
}  // namespace beacon
