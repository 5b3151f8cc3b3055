// Every catalogued rule, for every year it applies in, is either implemented
// with a golden case that fails it and one that passes it, or listed in
// not_implemented.cc — and never both, so that list can only shrink.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "validation/golden_cases.h"
#include "validation/rule_support.h"
#include "validation/validate.h"

namespace beacon::validation {
namespace {

namespace fs = std::filesystem;

std::optional<GoldenFile> golden(Collection c, const std::string& code) {
  const fs::path path = fs::path(BEACON_SOURCE_DIR) / "src/validation/golden" /
                        (c == Collection::kCinCensus ? "cin" : "ssda903") / (code + ".test");
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  auto file = parse_golden_file(text.str(), path.filename().string());
  if (!file) return std::nullopt;
  return std::move(*file);
}

void check_collection(Collection c) {
  const auto implemented = implemented_rules(c);
  const std::set<std::string> impl(implemented.begin(), implemented.end());
  EXPECT_EQ(impl.size(), implemented.size()) << "a code is implemented twice";
  std::set<std::string> pending;
  for (const auto& n : rules_not_implemented(c)) {
    EXPECT_TRUE(pending.insert(n.rule).second) << n.rule << " is listed twice";
    EXPECT_FALSE(impl.count(n.rule)) << n.rule << " is implemented: take it off the list";
    EXPECT_FALSE(n.why.empty());
  }
  std::set<std::string> catalogued;
  for (const RuleInfo& rule : catalogue(c)) {
    catalogued.insert(rule.code);
    if (pending.count(rule.code)) continue;
    ASSERT_TRUE(impl.count(rule.code)) << rule.code << ": neither implemented nor listed";
    const auto file = golden(c, rule.code);
    ASSERT_TRUE(file.has_value()) << rule.code << ": no readable golden case file";
    EXPECT_EQ(file->rule, rule.code);
    bool fails = false, passes = false;
    for (const GoldenCase& g : file->cases) {
      if (!rule.applies_in(g.year)) continue;
      (g.expected.empty() ? passes : fails) = true;
    }
    EXPECT_TRUE(fails) << rule.code << ": no golden case that fails the version for "
                       << rule.years.front();
    EXPECT_TRUE(passes) << rule.code << ": no golden case that passes the version for "
                        << rule.years.front();
  }
  for (const auto& code : impl) EXPECT_TRUE(catalogued.count(code)) << code << " is not catalogued";
  for (const auto& code : pending) EXPECT_TRUE(catalogued.count(code)) << code << " is not catalogued";
}

TEST(Coverage, EveryCinCensusRule) { check_collection(Collection::kCinCensus); }
TEST(Coverage, EverySsda903Rule) { check_collection(Collection::kSsda903); }

TEST(Coverage, CataloguesAsShipped) {
  // ../shared/returns/README.md: 114 CIN rows (109 codes), 362 SSDA903 rows (333 codes).
  EXPECT_EQ(catalogue(Collection::kCinCensus).size(), 114u);
  EXPECT_EQ(catalogue(Collection::kSsda903).size(), 362u);
  std::set<std::string> cin, ssda;
  for (const auto& r : catalogue(Collection::kCinCensus)) cin.insert(r.code);
  for (const auto& r : catalogue(Collection::kSsda903)) ssda.insert(r.code);
  EXPECT_EQ(cin.size(), 109u);
  EXPECT_EQ(ssda.size(), 333u);
  const RuleInfo* r = rule_in_year(Collection::kCinCensus, "4180", 2024);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->fields, std::vector<std::string>{"Sex"});
  EXPECT_EQ(r->kind, "error");
  EXPECT_EQ(rule_in_year(Collection::kCinCensus, "1570", 2023), nullptr);
}

// Hostile values: every rule runs on blank, absent, malformed and absurd
// values without throwing.
TEST(Robustness, CinRulesOnHostileValues) {
  const char* xml = R"(<Message><Header><CollectionDetails><ReferenceDate>31/02/2025</ReferenceDate><Year>2025</Year></CollectionDetails></Header><Children>
<Child><ChildIdentifiers><LAchildID/><UPN>X</UPN><FormerUPN>1</FormerUPN><PersonBirthDate>never</PersonBirthDate>
<ExpectedPersonBirthDate>9999-99-99</ExpectedPersonBirthDate><PersonDeathDate>0001-01-01</PersonDeathDate><Sex></Sex><UPNunknown>UN7</UPNunknown></ChildIdentifiers>
<ChildCharacteristics><Disabilities><Disability/><Disability>NONE</Disability><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
<CINdetails><CINreferralDate>2099-01-01</CINreferralDate><ReferralNFA>maybe</ReferralNFA><CINclosureDate>x</CINclosureDate><ReasonForClosure/>
<Assessments><AssessmentActualStartDate/><FactorsIdentifiedAtAssessment><AssessmentFactors>21</AssessmentFactors><AssessmentFactors/></FactorsIdentifiedAtAssessment></Assessments>
<Assessments/><CINPlanDates/><CINPlanDates><CINPlanStartDate>2024-13-01</CINPlanStartDate></CINPlanDates><Section47/><Section47><ICPCnotRequired>0</ICPCnotRequired></Section47>
<ChildProtectionPlans><NumberOfPreviousCPP>-1</NumberOfPreviousCPP><Reviews/><Reviews><CPPreviewDate>soon</CPPreviewDate></Reviews></ChildProtectionPlans><ChildProtectionPlans/></CINdetails>
<CINdetails/></Child><Child/><Child><UPN>A12345678901234567890</UPN><CINdetails><ReferralNFA>1</ReferralNFA></CINdetails></Child></Children></Message>)";
  auto raw = read_raw_cin_census_text(xml, "hostile.xml");
  ASSERT_TRUE(raw.is_ok()) << raw.status().message();
  for (int year : catalogue_years(Collection::kCinCensus)) {
    Options o;
    o.year = year;
    auto report = validate_cin_census(*raw, o);
    ASSERT_TRUE(report.is_ok());
    EXPECT_FALSE(report->findings.empty());
    EXPECT_TRUE(report->rules_not_run.empty());
  }
}

TEST(Robustness, Ssda903RulesOnHostileValues) {
  Ssda903Tables tables;
  const std::pair<const char*, const char*> inputs[] = {
      {"Header", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n,,,,,,\n1,Q,31/02/2020,x,UN9,2,99/99/9999\n1,M,01/01/1800\n"},
      {"Episodes", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n,,,,,,,,,,,,\n1,2024-01-01,S,V3,N9,T0,PR9,01/01/1900,E11\n"},
      {"Reviews", "CHILD,DOB,REVIEW,REVIEW_CODE\n1,,,\n"},
      {"OC3", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,,YES\n"},
      {"AD1", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n1,,x,y,z\n"},
      {"PlacedAdoption", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1,,,,RD9\n"},
      {"UASC", "CHILD,SEX,DOB,DUC\n1,,,\n2,M,x,99/99/2024\n"},
      {"OC2", "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
              "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n"
              "1,,99999999999999999999,,1,1\n2,31/02/2010,-1,SDQ9,x,y,z\n"},
      {"Missing", "CHILD,DOB,MISSING,MIS_START,MIS_END\n1,,M,,\n2,,,soon,later\n"},
      {"DoLo", "CHILD,DOB,DOLO_START,DOLO_END\n1,,,\n1,x,99/99/9999,ZZ/ZZ/ZZZZ\n"},
      {"SWEpisodes", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n1,,,,,\n1,,S,ZZ/13/2024,ZZ/ZZ/ZZZZ,X\n"},
      {"PrevPerm", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n1,,,,\n"},
  };
  for (auto [name, csv] : inputs) {
    auto t = read_raw_ssda903_csv_text(csv, std::string(name) + ".csv");
    ASSERT_TRUE(t.is_ok()) << t.status().message();
    EXPECT_EQ(t->name, name);
    tables[t->name] = std::move(*t);
  }
  for (int year : catalogue_years(Collection::kSsda903)) {
    auto report = validate_ssda903(tables, nullptr, year, {});
    ASSERT_TRUE(report.is_ok());
    EXPECT_FALSE(report->findings.empty());
  }
  // No tables at all: rules run and find nothing.
  auto empty = validate_ssda903({}, nullptr, 2024, {});
  ASSERT_TRUE(empty.is_ok());
  EXPECT_TRUE(empty->findings.empty());
}

TEST(Robustness, YearsWithoutRulesAreRefused) {
  auto raw = read_raw_cin_census_text(
      "<Message><Header><CollectionDetails><ReferenceDate>2018-03-31</ReferenceDate>"
      "</CollectionDetails></Header><Children/></Message>",
      "old.xml");
  ASSERT_TRUE(raw.is_ok());
  auto report = validate_cin_census(*raw, {});
  ASSERT_FALSE(report.is_ok());
  EXPECT_NE(report.status().message().find("not for 2017-18"), std::string::npos)
      << report.status().message();
  EXPECT_FALSE(validate_ssda903({}, nullptr, 2019, {}).is_ok());
}

TEST(RawReader, RefusesWhatIsNotACinCensus) {
  EXPECT_FALSE(read_raw_cin_census_text("<EXPSSDA903/>", "a.xml").is_ok());
  EXPECT_FALSE(read_raw_cin_census_text("<Message><Header/></Message>", "b.xml").is_ok());
  auto bad = read_raw_cin_census_text("<Message>\n<Children>\n<Child>\n</Message>", "c.xml");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("c.xml:"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(read_raw_ssda903_csv_text("A,B\n1,2\n", "x.csv").is_ok());
}

TEST(RawReader, KeepsLinesAndRepeatedLeaves) {
  auto raw = read_raw_cin_census_text(
      "<Message>\n<Header><CollectionDetails>\n<ReferenceDate>2025-03-31</ReferenceDate>\n"
      "</CollectionDetails></Header><Children>\n<Child>\n<ChildIdentifiers><LAchildID>C1</LAchildID>\n"
      "</ChildIdentifiers><ChildCharacteristics><Disabilities>\n<Disability>MOB</Disability>\n"
      "<Disability>VIS</Disability></Disabilities></ChildCharacteristics>\n<CINdetails>\n"
      "<CINreferralDate> 2024-05-01 </CINreferralDate>\n</CINdetails></Child></Children></Message>",
      "d.xml");
  ASSERT_TRUE(raw.is_ok()) << raw.status().message();
  ASSERT_EQ(raw->children.size(), 1u);
  const auto& c = raw->children[0];
  EXPECT_EQ(c.child.line, 5);
  EXPECT_EQ(c.child.find("LAchildID")->line, 6);
  ASSERT_EQ(c.child.all("Disability").size(), 2u);
  EXPECT_EQ(c.child.all("Disability")[1]->text, "VIS");
  EXPECT_EQ(c.child.all("Disability")[1]->line, 9);
  ASSERT_EQ(c.episodes.size(), 1u);
  EXPECT_EQ(c.episodes[0].details.line, 10);
  EXPECT_EQ(c.episodes[0].details.find("CINreferralDate")->text, "2024-05-01");
  EXPECT_EQ(raw->header.find("ReferenceDate")->line, 3);
}

}  // namespace
}  // namespace beacon::validation

namespace beacon::validation {
namespace {

// A rule reading last year's return is reported as not run without one, never skipped.
TEST(PreviousYear, RulesNeedingLastYearSayWhyWithoutIt) {
  auto header = read_raw_ssda903_csv_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,F,01/01/2015,WBRI,,,\n",
                                          "Header.csv");
  ASSERT_TRUE(header.is_ok());
  Ssda903Tables now{{"Header", *header}};
  auto without = validate_ssda903(now, nullptr, 2024, {});
  ASSERT_TRUE(without.is_ok());
  auto why = [](const Report& r, const std::string& code) {
    for (const auto& n : r.rules_not_run)
      if (n.rule == code) return n.why;
    return std::string();
  };
  EXPECT_NE(why(*without, "202").find("--previous"), std::string::npos);
  EXPECT_EQ(std::count(without->rules_run.begin(), without->rules_run.end(), "202"), 0);
  auto last = read_raw_ssda903_csv_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/01/2015,WBRI,,,\n",
                                        "Header_last.csv");
  ASSERT_TRUE(last.is_ok());
  Ssda903Tables before{{"Header", *last}};
  auto with = validate_ssda903(now, &before, 2024, {});
  ASSERT_TRUE(with.is_ok());
  EXPECT_EQ(why(*with, "202"), "");
  EXPECT_EQ(std::count_if(with->findings.begin(), with->findings.end(),
                          [](const Finding& f) { return f.rule == "202"; }),
            1);
  // Every rule of the year is either run or reported as not run.
  EXPECT_EQ(with->rules_run.size() + with->rules_not_run.size(), without->rules_run.size() + without->rules_not_run.size());
}

}  // namespace
}  // namespace beacon::validation

namespace beacon::validation {
namespace {

TEST(RawReader, ExpSsda903IntoTables) {
  auto tables = read_raw_ssda903_xml_text(
      "<EXPSSDA903>\n<CHILD><HEADER><CHILDID>7</CHILDID><SEX>F</SEX><DOB>31/02/2010</DOB><DUC>x</DUC>\n"
      "<EPISODE>\n<DECOM>soon</DECOM><PL>U1</PL></EPISODE><EPISODE/></HEADER></CHILD>\n</EXPSSDA903>",
      "r.xml");
  ASSERT_TRUE(tables.is_ok()) << tables.status().message();
  std::map<std::string, RawTable> by_name;
  for (auto& t : *tables) by_name[t.name] = t;
  ASSERT_TRUE(by_name.count("Episodes"));
  const RawTable& e = by_name["Episodes"];
  ASSERT_EQ(e.rows.size(), 1u);  // the empty EPISODE says nothing
  EXPECT_EQ(e.rows[0].line, 3);
  EXPECT_EQ(e.rows[0].cells[static_cast<size_t>(e.column("PLACE"))], "U1");
  EXPECT_EQ(e.rows[0].cells[static_cast<size_t>(e.column("CHILD"))], "7");
  ASSERT_TRUE(by_name.count("UASC"));
  EXPECT_EQ(by_name["UASC"].rows.size(), 1u);
  Ssda903Tables all(by_name.begin(), by_name.end());
  for (int year : catalogue_years(Collection::kSsda903)) EXPECT_TRUE(validate_ssda903(all, &all, year, {}).is_ok());
  EXPECT_FALSE(read_raw_ssda903_xml_text("<EXPSSDA903><CHILD>", "broken.xml").is_ok());
}

}  // namespace
}  // namespace beacon::validation
