// The written files' structure: the expected files, column sets exactly as
// the specifications give them, a value for every column, dates in their
// format and range, XML that parses, and each year's layout.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "core/date.h"
#include "synth/test_support.h"
#include "synth/writers.h"

namespace beacon::synth {
namespace {

using testing::read_csv;
using testing::shared_output;

const std::filesystem::path& dir() { return shared_output().dir(); }

TEST(Files, GenerationSucceeds) {
  ASSERT_TRUE(shared_output().ok()) << shared_output().error();
}

TEST(Files, EveryFormatIsWritten) {
  ASSERT_TRUE(shared_output().ok()) << shared_output().error();
  auto files = testing::files_under(dir());
  std::set<std::string> have(files.begin(), files.end());
  EXPECT_TRUE(have.count("manifest.json"));
  for (const char* t : {"person", "disability", "immigration_status", "contacts", "cin_episodes",
                        "cin_assessments", "assessment_factors", "cin_plans", "cin_visits",
                        "s47_enquiry", "initial_cp_conference", "cp_plans", "cp_reviews",
                        "cp_visits", "cla_episodes", "cla_placement", "legal_status",
                        "cla_reviews", "cla_visits", "missing", "care_leavers", "permanence",
                        "professionals", "department", "involvements"})
    EXPECT_TRUE(have.count(std::string("ssd/ssd_") + t + ".csv")) << t;
  for (const char* y : {"2021-22", "2022-23", "2023-24", "2024-25", "2025-26"}) {
    EXPECT_TRUE(have.count(std::string("cin_census/cin_census_") + y + ".xml")) << y;
    for (const char* t : {"Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1",
                          "PlacedAdoption", "Missing"})
      EXPECT_TRUE(have.count(std::string("ssda903/") + y + "/" + t + ".csv")) << y << t;
  }
  for (const char* t : {"org_units", "workers", "contact_decisions", "visit_status",
                        "supervisions", "established_posts", "youth_justice",
                        "population_estimates", "indicator_targets"})
    EXPECT_TRUE(have.count(std::string("local/") + t + ".csv")) << t;
}

// ssd-fields.csv (the specification), by table, in order.
std::map<std::string, std::vector<std::string>> ssd_spec() {
  auto spec = read_csv(std::filesystem::path(BEACON_SOURCE_DIR) / "src/synth/testdata/ssd-fields.csv");
  std::map<std::string, std::vector<std::string>> out;
  for (size_t i = 0; i < spec.rows.size(); ++i)
    out[spec.at(i, "table")].push_back(spec.at(i, "field"));
  return out;
}

TEST(Files, SsdColumnsAreExactlyTheSpecification) {
  ASSERT_TRUE(shared_output().ok());
  auto spec = ssd_spec();
  for (const auto& f : testing::files_under(dir() / "ssd")) {
    const std::string table = f.substr(0, f.size() - 4);
    ASSERT_TRUE(spec.count(table)) << f;
    auto csv = read_csv(dir() / "ssd" / f);
    EXPECT_EQ(csv.header, spec[table]) << f;
  }
}

TEST(Files, Ssda903ColumnsAreTheReturnsTables) {
  ASSERT_TRUE(shared_output().ok());
  // specs.md §2.2 (LACV config).
  const std::map<std::string, std::vector<std::string>> spec = {
      {"Header", {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}},
      {"Episodes", {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                    "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}},
      {"Reviews", {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}},
      {"UASC", {"CHILD", "SEX", "DOB", "DUC"}},
      {"OC2", {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
               "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
               "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"}},
      {"OC3", {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}},
      {"AD1", {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
               "SEX_ADOPTR", "LS_ADOPTR"}},
      {"PlacedAdoption", {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED",
                          "REASON_PLACED_CEASED"}},
      {"Missing", {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}}};
  for (const auto& f : testing::files_under(dir() / "ssda903")) {
    const std::string table = std::filesystem::path(f).stem().string();
    ASSERT_TRUE(spec.count(table)) << f;
    EXPECT_EQ(read_csv(dir() / "ssda903" / f).header, spec.at(table)) << f;
  }
}

// docs/local-tables.md: required and optional columns per table.
std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>> local_spec() {
  std::ifstream in(std::filesystem::path(BEACON_SOURCE_DIR) / "docs/local-tables.md");
  std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>> out;
  std::string line;
  std::regex row(R"(^\| `([a-z_0-9]+)` \| ([^|]*)\| ([^|]*)\|)");
  std::regex name("`([a-z_0-9]+)`");
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    auto& entry = out[m[1]];
    for (auto [text, set] : {std::pair{m[2].str(), &entry.first}, {m[3].str(), &entry.second}})
      for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it)
        set->insert((*it)[1]);
  }
  return out;
}

TEST(Files, LocalTablesFollowTheContract) {
  ASSERT_TRUE(shared_output().ok());
  auto spec = local_spec();
  ASSERT_GE(spec.size(), 9u);
  for (const auto& f : testing::files_under(dir() / "local")) {
    const std::string table = f.substr(0, f.size() - 4);
    ASSERT_TRUE(spec.count(table)) << f;
    auto header = read_csv(dir() / "local" / f).header;
    std::set<std::string> have(header.begin(), header.end());
    EXPECT_EQ(have.size(), header.size()) << f << ": a column twice";
    for (const auto& c : spec[table].first) EXPECT_TRUE(have.count(c)) << f << " lacks " << c;
    for (const auto& c : have)
      EXPECT_TRUE(spec[table].first.count(c) || spec[table].second.count(c)) << f << ": " << c;
  }
}

TEST(Files, EveryRowHasEveryColumn) {
  ASSERT_TRUE(shared_output().ok());
  for (const auto& f : testing::files_under(dir())) {
    if (f.size() < 4 || f.substr(f.size() - 4) != ".csv") continue;
    auto csv = read_csv(dir() / f);
    for (size_t i = 0; i < csv.rows.size(); ++i)
      ASSERT_EQ(csv.rows[i].size(), csv.header.size()) << f << " row " << i + 2;
  }
}

bool planned(const std::string& column) {
  return column.find("due") != std::string::npos || column.find("target") != std::string::npos ||
         column.find("expected") != std::string::npos;
}

TEST(Files, SsdDatesAreIsoAndInRange) {
  ASSERT_TRUE(shared_output().ok());
  const Date as_at = *Date::from_ymd(2026, 3, 31), earliest = *Date::from_ymd(1995, 1, 1);
  std::regex iso(R"(^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$)");
  int checked = 0;
  for (const auto& f : testing::files_under(dir() / "ssd")) {
    auto csv = read_csv(dir() / "ssd" / f);
    for (size_t c = 0; c < csv.header.size(); ++c) {
      const auto& col = csv.header[c];
      const bool dated = col.find("date") != std::string::npos || col.find("dob") != std::string::npos ||
                         col.find("_due") != std::string::npos;
      if (!dated) continue;
      for (const auto& row : csv.rows) {
        const auto& v = row[c];
        if (v.empty()) continue;
        ASSERT_TRUE(std::regex_match(v, iso)) << f << " " << col << " '" << v << "'";
        Date d = *parse_date(v);
        EXPECT_GE(d, earliest) << f << " " << col;
        if (!planned(col)) {
          EXPECT_LE(d, as_at) << f << " " << col << " " << v;
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 10000);
}

TEST(Files, Ssda903UsesEachYearsCodesAndNothingAfterItsEnd) {
  ASSERT_TRUE(shared_output().ok());
  std::regex dmy(R"(^\d{2}/\d{2}/\d{4}$)");
  for (int y = 2021; y <= 2025; ++y) {
    char label[16];
    std::snprintf(label, sizeof label, "%d-%02d", y, (y + 1) % 100);
    const Date end = *Date::from_ymd(y + 1, 3, 31);
    const auto folder = dir() / "ssda903" / label;
    auto header = read_csv(folder / "Header.csv");
    ASSERT_GT(header.rows.size(), 10u) << label;
    for (size_t i = 0; i < header.rows.size(); ++i) {
      const auto& sex = header.at(i, "SEX");
      if (y <= 2023) {
        EXPECT_TRUE(sex == "1" || sex == "2") << label << " " << sex;
      } else {
        EXPECT_TRUE(sex == "M" || sex == "F") << label << " " << sex;
      }
    }
    for (const auto& f : testing::files_under(folder)) {
      auto csv = read_csv(folder / f);
      for (size_t c = 0; c < csv.header.size(); ++c) {
        const auto& col = csv.header[c];
        if (col != "DOB" && col != "DECOM" && col != "DEC" && col != "REVIEW" &&
            col.rfind("MIS_", 0) != 0 && col.rfind("DATE_", 0) != 0 && col != "DUC" &&
            col != "MC_DOB")
          continue;
        for (const auto& row : csv.rows) {
          if (row[c].empty()) continue;
          ASSERT_TRUE(std::regex_match(row[c], dmy)) << label << f << col << row[c];
          EXPECT_LE(*parse_date(row[c]), end) << label << " " << f << " " << col;
        }
      }
    }
  }
}

// Walks an element tree, calling f(element) for each.
template <class F>
void walk(xmlNode* n, F&& f) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    f(n);
    walk(n->children, f);
  }
}

std::string text_of(xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return s;
}

TEST(Files, CinCensusIsWellFormedInEachYearsLayout) {
  ASSERT_TRUE(shared_output().ok());
  for (int y = 2021; y <= 2025; ++y) {
    char name[64];
    std::snprintf(name, sizeof name, "cin_census_%d-%02d.xml", y, (y + 1) % 100);
    const auto path = (dir() / "cin_census" / name).string();
    xmlDoc* doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
    ASSERT_NE(doc, nullptr) << name;
    xmlNode* root = xmlDocGetRootElement(doc);
    EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "Message");
    const Date ref = *Date::from_ymd(y + 1, 3, 31);
    int children = 0, gender = 0, sex = 0, reference = 0;
    walk(root, [&](xmlNode* n) {
      std::string tag = reinterpret_cast<const char*>(n->name);
      if (tag == "Child") ++children;
      if (tag == "GenderCurrent") ++gender;
      if (tag == "Sex") ++sex;
      if (tag == "ReferenceDate") {
        ++reference;
        EXPECT_EQ(text_of(n), ref.iso());
      }
      const bool date = tag.find("Date") != std::string::npos && tag != "DateTime" &&
                        xmlFirstElementChild(n) == nullptr;
      if (date && tag != "ExpectedPersonBirthDate" && tag != "ReferenceDate") {
        auto d = parse_date(text_of(n));
        ASSERT_TRUE(d) << name << " " << tag << " " << text_of(n);
        EXPECT_LE(*d, ref) << name << " " << tag;
      }
    });
    EXPECT_EQ(reference, 1);
    EXPECT_GT(children, 100) << name;
    if (y <= 2023) {
      EXPECT_EQ(gender, children) << name;
      EXPECT_EQ(sex, 0) << name;
    } else {
      EXPECT_EQ(sex, children) << name;
      EXPECT_EQ(gender, 0) << name;
    }
    xmlFreeDoc(doc);
  }
}

}  // namespace
}  // namespace beacon::synth
