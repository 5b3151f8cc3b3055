// Exports are checked by reading them back: the XLSX's sheets and cells via
// libzip + libxml2, the PDF's text via pdftotext.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/drill_export.h"
#include "export/kpi_output.h"
#include "export/portrait_render.h"
#include "export/scorecard_export.h"
#include "indicators/test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;

std::string read_zip_entry(const std::string& path, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return {};
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name.c_str(), 0)) {
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_close(z);
  return out;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("beacon_export_test_" + name)).string();
}

std::shared_ptr<CaseIndex> small_history() {
  CaseHistory h;
  OrgUnit org{{}, "ORG1", "Test trust", "organisation", "", ""};
  OrgUnit east{{}, "EAST", "East", "locality", "ORG1", ""};
  OrgUnit team{{}, "T1", "Assessment team 1", "team", "EAST", ""};
  h.org_units = {org, east, team};
  Worker w;
  w.id = "W1";
  w.name = "Worker One";
  w.team_id = "T1";
  h.workers = {w};
  auto assessment = [&](std::string child, Date start, Date authorised) {
    Assessment a;
    a.episode.child_id = std::move(child);
    a.start = start;
    a.authorised = authorised;
    a.worker_id = "W1";
    h.assessments.push_back(a);
  };
  assessment("C1", D(2024, 1, 8), D(2024, 3, 11));
  assessment("C2", D(2024, 1, 8), D(2024, 3, 12));
  assessment("C3", D(2024, 2, 1), D(2024, 2, 20));
  return std::make_shared<CaseIndex>(std::move(h));
}

TEST(KpiJson, CarriesTheContractFields) {
  IndicatorEngine engine(small_history());
  Period p = Period::rolling_months(D(2024, 3, 31));
  auto figures = build_scorecard(engine, p, "", 12, true);
  auto j = kpi_json(p, "ORG1", figures);
  EXPECT_EQ(j["from"], "2023-04-01");
  EXPECT_EQ(j["to"], "2024-03-31");
  const auto& kpi3 = j["indicators"][2];
  EXPECT_EQ(kpi3["id"], "KPI3");
  EXPECT_EQ(kpi3["numerator"], 2);
  EXPECT_EQ(kpi3["denominator"], 3);
  EXPECT_NEAR(kpi3["value"].get<double>(), 200.0 / 3, 1e-9);
  EXPECT_EQ(kpi3["rag"], "red");  // 66.7% is below the 80% tolerance floor
  EXPECT_EQ(kpi3["tolerance"][0], 80);
  EXPECT_EQ(kpi3["series"].size(), 12u);
  EXPECT_TRUE(j["indicators"][0]["value"].is_null());  // KPI1: no contacts
}

// Other tools script against `beacon kpi`: exactly the contract's keys, no more.
TEST(KpiJson, HasExactlyTheContractKeys) {
  IndicatorEngine engine(small_history());
  Period p = Period::rolling_months(D(2024, 3, 31));
  auto j = kpi_json(p, "ORG1", build_scorecard(engine, p, "", 3, false));
  auto keys = [](const nlohmann::json& o) {
    std::vector<std::string> out;
    for (const auto& [k, v] : o.items()) out.push_back(k);
    return out;
  };
  EXPECT_EQ(keys(j), (std::vector<std::string>{"from", "indicators", "to", "unit"}));
  ASSERT_FALSE(j["indicators"].empty());
  for (const auto& f : j["indicators"]) {
    EXPECT_EQ(keys(f), (std::vector<std::string>{"benchmarks", "denominator", "id", "kind",
                                                 "measure", "name", "narrative", "numerator",
                                                 "polarity", "rag", "series", "target",
                                                 "tolerance", "trend", "value"}))
        << f["id"];
    EXPECT_EQ(keys(f["benchmarks"]),
              (std::vector<std::string>{"england", "region", "statistical_neighbours"}));
    ASSERT_TRUE(f["tolerance"].is_array());
    EXPECT_EQ(f["tolerance"].size(), 2u);
    ASSERT_EQ(f["series"].size(), 3u);
    EXPECT_EQ(keys(f["series"][0]), (std::vector<std::string>{"to", "value"}));
  }
  // The series ends at the last month end on or before `to`.
  EXPECT_EQ(j["indicators"][0]["series"][2]["to"], "2024-03-31");
  // KPI12 with no established posts loaded says so in its narrative.
  for (const auto& f : j["indicators"]) {
    if (f["id"] == "KPI12") {
      EXPECT_NE(f["narrative"].get<std::string>().find("established posts not loaded"),
                std::string::npos);
    }
  }
}

TEST(ScorecardXlsx, ReadsBackWithNumbersAndRagWords) {
  IndicatorEngine engine(small_history());
  Period p = Period::rolling_months(D(2024, 3, 31));
  auto views = scorecard_views(engine, p, "", 12, true);
  ASSERT_EQ(views.size(), 2u);  // organisation + East
  const std::string path = temp_path("scorecard.xlsx");
  ASSERT_TRUE(write_scorecard_xlsx(path, engine, p, views).is_ok());
  std::string workbook = read_zip_entry(path, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Test trust\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"East\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"Series\""), std::string::npos);
  std::string strings = read_zip_entry(path, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Red"), std::string::npos);
  EXPECT_NE(strings.find("Assessments completed within 45 working days"), std::string::npos);
  // The KPI3 value is stored as a number, not text.
  std::string sheet = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<v>66.666666666666"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(DrillExports, CsvAndXlsxListTheSameRecords) {
  IndicatorEngine engine(small_history());
  Period p = Period::rolling_months(D(2024, 3, 31));
  const auto& def = *find_indicator("KPI3");
  auto rows = engine.drill(def, p, "T1");
  ASSERT_EQ(rows.size(), 3u);
  std::string csv = drill_csv(def, rows);
  EXPECT_NE(csv.find("C2,assessment,no,0,1,2024-01-08,2024-03-12,46,"), std::string::npos) << csv;
  const std::string path = temp_path("drill.xlsx");
  ASSERT_TRUE(write_drill_xlsx(path, def, p, rows).is_ok());
  std::string strings = read_zip_entry(path, "xl/sharedStrings.xml");
  for (const char* child : {"C1", "C2", "C3"}) EXPECT_NE(strings.find(child), std::string::npos);
  std::filesystem::remove(path);
}

TEST(ScorecardPdf, HoldsEachKpiAndItsRagWord) {
  IndicatorEngine engine(small_history());
  Period p = Period::rolling_months(D(2024, 3, 31));
  auto views = scorecard_views(engine, p, "", 12, true);
  const std::string path = temp_path("scorecard.pdf");
  ASSERT_TRUE(write_scorecard_pdf(path, engine, p, views).is_ok());
  const std::string txt = path + ".txt";
  ASSERT_EQ(std::system(("pdftotext -layout " + path + " " + txt).c_str()), 0);
  std::ifstream in(txt);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("KPI15"), std::string::npos);
  EXPECT_NE(text.str().find("Red"), std::string::npos);
  EXPECT_NE(text.str().find("66.7%"), std::string::npos);
  std::filesystem::remove(path);
  std::filesystem::remove(txt);
}

TEST(Portrait, RendersAsPdfAndPng) {
  IndicatorEngine engine(small_history());
  auto portrait = build_pen_portrait(engine, Cohort::kLookedAfter, D(2024, 3, 31), "");
  ASSERT_TRUE(portrait.is_ok());
  const std::string pdf = temp_path("portrait.pdf"), png = temp_path("portrait.png");
  ASSERT_TRUE(write_portrait_page(pdf, *portrait, false).is_ok());
  ASSERT_TRUE(write_portrait_page(png, *portrait, true).is_ok());
  std::ifstream in(png, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG");
  EXPECT_EQ(system(("pdftotext " + pdf + " - | grep -q 'Children looked after'").c_str()), 0);
  std::filesystem::remove(pdf);
  std::filesystem::remove(png);
}

}  // namespace
}  // namespace beacon
