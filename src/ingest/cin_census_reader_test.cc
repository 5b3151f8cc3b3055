#include "ingest/cin_census_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/readers.h"
#include "ingest/xml_stream.h"
#include "model/field_text.h"

namespace beacon {
namespace {

const std::string kDir = std::string(BEACON_SOURCE_DIR) + "/src/ingest/testdata/cin_census/";

Batch read_fixture(const std::string& name) { return read_cin_census({kDir + name, name}); }

std::string fixture_text(const std::string& name) {
  std::ifstream in(kDir + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A whole return around `children`; the first <Child> is on line 5.
std::string census(const std::string& children, const std::string& reference = "2025-03-31") {
  return "<?xml version=\"1.0\"?>\n<Message>\n"
         "<Header><CollectionDetails><ReferenceDate>" +
         reference +
         "</ReferenceDate></CollectionDetails></Header>\n"
         "<Children>\n" +
         children + "</Children>\n</Message>\n";
}

Batch read_text(const std::string& xml) { return read_cin_census_from_memory(xml, "mem.xml"); }

Problems of_severity(const Batch& b, Severity s) {
  Problems out;
  for (const auto& p : b.problems)
    if (p.severity == s) out.push_back(p);
  return out;
}

std::string all_problems(const Batch& b) {
  std::string out;
  for (const auto& p : b.problems) out += p.to_string() + "\n";
  return out;
}

Date d(const char* iso) { return *parse_date(iso); }

TEST(CinCensusReader, Reads2017LayoutWithGenderCurrentAndEpisodeLevelIcpc) {
  auto b = read_fixture("cin_2017_18.xml");
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);

  ASSERT_EQ(b.contributions.size(), 1u);
  const auto& c = b.contributions[0];
  EXPECT_EQ(c.source, Source::kCinCensus);
  EXPECT_EQ(c.table, "*");
  EXPECT_EQ(c.collection_year, 2017);
  EXPECT_EQ(c.as_of, d("2018-03-31"));
  EXPECT_EQ(c.files, "cin_2017_18.xml");
  EXPECT_EQ(c.key(), "cin-census/*/2017");

  const auto& r = b.records;
  ASSERT_EQ(r.children.size(), 2u);
  const auto& girl = r.children[0];
  EXPECT_EQ(girl.id, "SYN0001");
  EXPECT_EQ(girl.upn, "A999123456789");
  EXPECT_EQ(girl.sex, "F");
  EXPECT_EQ(girl.ethnicity, "WBRI");
  EXPECT_EQ(girl.birth_date, d("2010-06-15"));
  EXPECT_EQ(girl.disabilities, (Codes{"MOB", "HEAR"}));
  EXPECT_EQ(girl.line, 19);
  EXPECT_EQ(girl.contribution, 0);
  const auto& unborn = r.children[1];
  EXPECT_EQ(unborn.sex, "U");  // GenderCurrent 0
  EXPECT_EQ(unborn.upn_unknown, "UN1");
  EXPECT_EQ(unborn.expected_birth_date, d("2018-05-20"));
  EXPECT_FALSE(unborn.birth_date);

  ASSERT_EQ(r.cin_episodes.size(), 2u);
  const auto& e = r.cin_episodes[0];
  EXPECT_EQ(e.child_id, "SYN0001");
  EXPECT_EQ(e.referral_date, d("2017-05-02"));
  EXPECT_EQ(e.referral_source, "2A");
  EXPECT_EQ(e.primary_need, "N1");
  EXPECT_EQ(e.closure_date, d("2018-02-20"));
  EXPECT_EQ(e.closure_reason, "RC7");
  EXPECT_EQ(e.icpc_date, d("2017-05-25"));  // the CINdetails-level conference
  EXPECT_EQ(e.nfa, false);
  EXPECT_EQ(e.ordinal, 1);
  EXPECT_EQ(r.cin_episodes[1].nfa, false);  // "0"

  ASSERT_EQ(r.assessments.size(), 1u);
  const auto& a = r.assessments[0];
  EXPECT_EQ(a.episode, (EpisodeRef{"SYN0001", d("2017-05-02"), 1}));
  EXPECT_EQ(a.start, d("2017-05-03"));
  EXPECT_EQ(a.authorised, d("2017-06-10"));
  EXPECT_EQ(a.factors, (Codes{"3B", "4B"}));
  EXPECT_TRUE(r.cin_plans.empty());

  ASSERT_EQ(r.section47s.size(), 1u);
  const auto& s = r.section47s[0];
  EXPECT_EQ(s.episode, (EpisodeRef{"SYN0002", d("2018-01-09"), 1}));
  EXPECT_EQ(s.icpc_target, d("2018-01-31"));
  EXPECT_FALSE(s.icpc_date);
  EXPECT_EQ(s.icpc_not_required, true);

  ASSERT_EQ(r.cp_plans.size(), 1u);
  const auto& p = r.cp_plans[0];
  EXPECT_EQ(p.child_id, "SYN0001");
  EXPECT_EQ(p.start, d("2017-05-25"));
  EXPECT_EQ(p.referral_date, d("2017-05-02"));
  EXPECT_EQ(p.episode_ordinal, 1);
  EXPECT_EQ(p.end, d("2018-02-20"));
  EXPECT_EQ(p.initial_category, "NEG");
  EXPECT_EQ(p.latest_category, "EMO");
  EXPECT_EQ(p.previous_plans, 0);
  ASSERT_EQ(r.cp_reviews.size(), 2u);
  EXPECT_EQ(r.cp_reviews[0].plan, (PlanRef{"SYN0001", d("2017-05-25"), 1}));
  EXPECT_EQ(r.cp_reviews[1].date, d("2018-01-18"));
  EXPECT_TRUE(r.pre_proceedings.empty());

  EXPECT_EQ(b.counts["Child"].read, 2);
  EXPECT_EQ(b.counts["Child"].rejected, 0);
  EXPECT_EQ(b.counts["CINdetails"].read, 2);
  EXPECT_EQ(b.counts["Assessments"].read, 1);
  EXPECT_EQ(b.counts["Section47"].read, 1);
  EXPECT_EQ(b.counts["ChildProtectionPlans"].read, 1);
  EXPECT_EQ(b.counts["CPPreviewDate"].read, 2);
  ASSERT_EQ(b.notes.size(), 1u);
  EXPECT_NE(b.notes[0].find("2017-18"), std::string::npos);
}

TEST(CinCensusReader, Reads2024LayoutWithSexAndCinPlans) {
  auto b = read_fixture("cin_2024_25.xml");
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  EXPECT_EQ(b.contributions[0].collection_year, 2024);
  const auto& r = b.records;
  ASSERT_EQ(r.children.size(), 2u);
  EXPECT_EQ(r.children[0].sex, "M");
  EXPECT_EQ(r.children[0].former_upn, "B99912345678C");
  EXPECT_EQ(r.children[0].disabilities, (Codes{"NONE"}));
  EXPECT_EQ(r.children[1].sex, "F");
  EXPECT_TRUE(r.children[1].disabilities.empty());

  ASSERT_EQ(r.cin_plans.size(), 1u);
  EXPECT_EQ(r.cin_plans[0].episode, (EpisodeRef{"SYN1001", d("2024-06-03"), 1}));
  EXPECT_EQ(r.cin_plans[0].start, d("2024-07-15"));
  EXPECT_EQ(r.cin_plans[0].end, d("2024-09-02"));
  ASSERT_EQ(r.section47s.size(), 1u);
  EXPECT_EQ(r.section47s[0].icpc_date, d("2024-09-02"));
  EXPECT_EQ(r.section47s[0].icpc_not_required, false);
  EXPECT_FALSE(r.cin_episodes[0].icpc_date);
  ASSERT_EQ(r.assessments.size(), 1u);
  EXPECT_EQ(r.assessments[0].factors, (Codes{"24A"}));
  EXPECT_EQ(r.cin_episodes[1].nfa, true);
  EXPECT_EQ(r.cin_episodes[1].closure_reason, "RC8");
  ASSERT_EQ(r.cp_reviews.size(), 1u);
  EXPECT_EQ(r.cp_reviews[0].plan, (PlanRef{"SYN1001", d("2024-09-02"), 1}));
  EXPECT_EQ(b.counts["CINPlanDates"].read, 1);
  // Not the 2025-26 layout: pre-proceedings are not carried.
  EXPECT_EQ(b.contributions[0].carried.count("pre_proceedings"), 0u);
}

TEST(CinCensusReader, Reads2025PreProceedingsAndFgdm) {
  auto b = read_fixture("cin_2025_26.xml");
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  EXPECT_EQ(b.contributions[0].collection_year, 2025);
  const auto& r = b.records;
  ASSERT_EQ(r.pre_proceedings.size(), 1u);
  const auto& pp = r.pre_proceedings[0];
  EXPECT_EQ(pp.child_id, "SYN2001");
  EXPECT_EQ(pp.start, d("2025-10-01"));
  EXPECT_EQ(pp.referral_date, d("2025-04-22"));
  EXPECT_EQ(pp.episode_ordinal, 1);
  EXPECT_EQ(pp.letter_before_proceedings, d("2025-10-03"));
  EXPECT_EQ(pp.initial_meeting, d("2025-10-17"));
  EXPECT_EQ(pp.step_decision, d("2026-01-20"));
  EXPECT_FALSE(pp.court_application);
  EXPECT_FALSE(pp.letter_issue_care_proceedings);
  EXPECT_EQ(pp.fgdm_offered, true);
  EXPECT_EQ(pp.fgdm_facilitated, false);
  EXPECT_EQ(pp.review_meetings, 2);
  EXPECT_EQ(pp.outcome, "A");
  EXPECT_EQ(r.children[0].sex, "U");
  EXPECT_EQ(r.cin_episodes[0].referral_source, "5D");
  EXPECT_EQ(b.counts["PreProceedingsandFGDM"].read, 1);
  ASSERT_EQ(b.contributions[0].carried.count("pre_proceedings"), 1u);
  EXPECT_EQ(b.contributions[0].carried.at("pre_proceedings").count("outcome"), 1u);
}

TEST(CinCensusReader, CarriesOnlyTheFieldsTheCensusHolds) {
  auto carried = cin_census_carried_fields(false);
  EXPECT_EQ(carried.count("pre_proceedings"), 0u);
  const auto& a = carried.at("assessments");
  for (const char* f :
       {"child_id", "referral_date", "episode_ordinal", "start", "authorised", "factors"})
    EXPECT_EQ(a.count(f), 1u) << f;
  for (const char* f : {"worker_id", "team_id", "assessment_id", "child_seen", "outcome_nfa"})
    EXPECT_EQ(a.count(f), 0u) << f;
  const auto& children = carried.at("children");
  EXPECT_EQ(children.count("sex"), 1u);
  EXPECT_EQ(children.count("disabilities"), 1u);
  EXPECT_EQ(children.count("forename"), 0u);
  EXPECT_EQ(children.count("uasc"), 0u);
  EXPECT_EQ(carried.at("cin_episodes").count("icpc_date"), 1u);
  EXPECT_EQ(carried.at("cin_episodes").count("worker_id"), 0u);
  EXPECT_EQ(carried.at("cp_reviews").count("plan_ordinal"), 1u);
  EXPECT_EQ(carried.at("cp_reviews").count("due"), 0u);
  EXPECT_EQ(carried.at("section47s").count("icpc_id"), 0u);
  EXPECT_EQ(carried.count("visits"), 0u);
  EXPECT_EQ(cin_census_carried_fields(true).count("pre_proceedings"), 1u);
}

TEST(CinCensusReader, NumbersRecordsSharingAKeyAndReportsThem) {
  auto b = read_fixture("nested_ordinals.xml");
  EXPECT_TRUE(of_severity(b, Severity::kError).empty()) << all_problems(b);
  const auto& r = b.records;

  ASSERT_EQ(r.cin_episodes.size(), 4u);
  EXPECT_EQ(r.cin_episodes[0].ordinal, 1);
  EXPECT_EQ(r.cin_episodes[1].ordinal, 2);  // same child and referral date
  EXPECT_EQ(r.cin_episodes[2].ordinal, 1);
  EXPECT_EQ(r.cin_episodes[3].ordinal, 1);  // another child

  ASSERT_EQ(r.assessments.size(), 4u);
  EXPECT_EQ(r.assessments[0].episode.ordinal, 1);
  EXPECT_EQ(r.assessments[0].ordinal, 1);
  EXPECT_EQ(r.assessments[1].ordinal, 2);  // same episode, same start day
  EXPECT_EQ(r.assessments[1].authorised, d("2024-05-20"));
  EXPECT_EQ(r.assessments[2].episode, (EpisodeRef{"SYN3001", d("2024-04-10"), 2}));
  EXPECT_EQ(r.assessments[2].ordinal, 1);  // the second episode's own
  EXPECT_EQ(r.assessments[3].episode, (EpisodeRef{"SYN3002", d("2024-04-10"), 1}));

  ASSERT_EQ(r.cin_plans.size(), 1u);
  EXPECT_EQ(r.cin_plans[0].episode.ordinal, 1);
  ASSERT_EQ(r.section47s.size(), 2u);
  EXPECT_EQ(r.section47s[0].episode.ordinal, 2);
  EXPECT_EQ(r.section47s[1].ordinal, 2);
  EXPECT_EQ(r.section47s[1].icpc_date, d("2024-05-01"));

  ASSERT_EQ(r.cp_plans.size(), 2u);
  EXPECT_EQ(r.cp_plans[0].referral_date, d("2024-04-10"));
  EXPECT_EQ(r.cp_plans[0].episode_ordinal, 2);
  EXPECT_EQ(r.cp_plans[0].ordinal, 1);
  EXPECT_EQ(r.cp_plans[1].referral_date, d("2024-10-01"));
  EXPECT_EQ(r.cp_plans[1].ordinal, 2);  // same child and start

  ASSERT_EQ(r.cp_reviews.size(), 3u);
  EXPECT_EQ(r.cp_reviews[0].plan, (PlanRef{"SYN3001", d("2024-05-01"), 1}));
  EXPECT_EQ(r.cp_reviews[0].ordinal, 1);
  EXPECT_EQ(r.cp_reviews[1].ordinal, 2);
  EXPECT_EQ(r.cp_reviews[2].plan, (PlanRef{"SYN3001", d("2024-05-01"), 2}));
  EXPECT_EQ(r.cp_reviews[2].ordinal, 1);

  // Every record's natural key is now unique.
  std::set<std::string> keys;
  for (const auto& a : r.assessments) EXPECT_TRUE(keys.insert(natural_key(a)).second);

  auto findings = of_severity(b, Severity::kFinding);
  ASSERT_EQ(findings.size(), 5u) << all_problems(b);
  const std::string child = "Message/Children/Child[1]/";
  struct Want {
    int line;
    std::string element, field;
  };
  std::vector<Want> want = {
      {33, child + "CINdetails[2]", "CINreferralDate"},
      {24, child + "CINdetails[1]/Assessments[2]", "AssessmentActualStartDate"},
      {43, child + "CINdetails[2]/Section47[2]", "S47ActualStartDate"},
      {64, child + "CINdetails[3]/ChildProtectionPlans[1]", "CPPstartDate"},
      {56, child + "CINdetails[2]/ChildProtectionPlans[1]/Reviews/CPPreviewDate[2]",
       "CPPreviewDate"},
  };
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(findings[i].code, "dq.duplicate-key");
    EXPECT_EQ(findings[i].file, "nested_ordinals.xml");
    EXPECT_EQ(findings[i].line, want[i].line) << i;
    EXPECT_EQ(findings[i].element, want[i].element) << i;
    EXPECT_EQ(findings[i].field, want[i].field) << i;
  }
  EXPECT_NE(findings[1].message.find("start 2024-04-11 (#2)"), std::string::npos)
      << findings[1].message;
}

TEST(CinCensusReader, ReportsEveryBadValueAndRejectsOnlyTheirChildren) {
  auto b = read_fixture("bad_values.xml");
  const std::string c = "Message/Children/Child";
  struct Want {
    Severity severity;
    int line;
    std::string element, field, code;
  };
  const auto E = Severity::kError, F = Severity::kFinding;
  std::vector<Want> want = {
      {E, 12, c + "[1]/ChildIdentifiers/PersonBirthDate", "PersonBirthDate", "date.impossible"},
      {E, 25, c + "[2]/CINdetails[1]/CINreferralDate", "CINreferralDate", "date.two-digit-year"},
      {E, 36, c + "[3]/CINdetails[1]/Assessments[1]/AssessmentAuthorisationDate",
       "AssessmentAuthorisationDate", "date.format"},
      {E, 46, c + "[4]/CINdetails[1]/Assessments[1]", "AssessmentActualStartDate",
       "required.missing"},
      {E, 49, c + "[4]/CINdetails[1]/Section47[1]", "S47ActualStartDate", "required.missing"},
      {E, 53, c + "[4]/CINdetails[1]/ChildProtectionPlans[1]", "CPPstartDate", "required.missing"},
      {E, 44, c + "[4]/CINdetails[1]", "CINreferralDate", "required.missing"},
      {E, 58, c + "[5]", "LAchildID", "required.missing"},
      {F, 69, c + "[6]/ChildIdentifiers/UPNunknown", "UPNunknown", "dq.code-unknown"},
      {F, 70, c + "[6]/ChildIdentifiers/GenderCurrent", "GenderCurrent", "dq.code-unknown"},
      {F, 74, c + "[6]/ChildCharacteristics/Ethnicity", "Ethnicity", "dq.code-unknown"},
      {F, 76, c + "[6]/ChildCharacteristics/Disabilities/Disability[1]", "Disability",
       "dq.code-unknown"},
      {F, 81, c + "[6]/CINdetails[1]/ReferralSource", "ReferralSource", "dq.code-unknown"},
      {F, 82, c + "[6]/CINdetails[1]/PrimaryNeedCode", "PrimaryNeedCode", "dq.code-unknown"},
      {F, 84, c + "[6]/CINdetails[1]/ReasonForClosure", "ReasonForClosure", "dq.code-unknown"},
      {F, 89,
       c + "[6]/CINdetails[1]/Assessments[1]/FactorsIdentifiedAtAssessment/AssessmentFactors[1]",
       "AssessmentFactors", "dq.code-unknown"},
      {F, 90,
       c + "[6]/CINdetails[1]/Assessments[1]/FactorsIdentifiedAtAssessment/AssessmentFactors[2]",
       "AssessmentFactors", "dq.code-unknown"},
      {F, 93, c + "[6]/CINdetails[1]/ReferralNFA", "ReferralNFA", "dq.value-unreadable"},
      {F, 96, c + "[6]/CINdetails[1]/ChildProtectionPlans[1]/InitialCategoryOfAbuse",
       "InitialCategoryOfAbuse", "dq.code-unknown"},
      {F, 98, c + "[6]/CINdetails[1]/ChildProtectionPlans[1]/NumberOfPreviousCPP",
       "NumberOfPreviousCPP", "dq.value-unreadable"},
      {F, 100, c + "[6]/CINdetails[1]/ChildProtectionPlans[1]/Reviews/CPPreviewDate[1]",
       "CPPreviewDate", "dq.blank-ignored"},
      {E, 106, c + "[7]", "LAchildID", "cin.child-listed-twice"},
  };
  ASSERT_EQ(b.problems.size(), want.size()) << all_problems(b);
  for (size_t i = 0; i < want.size(); ++i) {
    const auto& p = b.problems[i];
    EXPECT_EQ(p.severity, want[i].severity) << i << ": " << p.to_string();
    EXPECT_EQ(p.file, "bad_values.xml");
    EXPECT_EQ(p.line, want[i].line) << i << ": " << p.to_string();
    EXPECT_EQ(p.element, want[i].element) << i << ": " << p.to_string();
    EXPECT_EQ(p.field, want[i].field) << i << ": " << p.to_string();
    EXPECT_EQ(p.code, want[i].code) << i << ": " << p.to_string();
    EXPECT_FALSE(p.message.empty());
  }
  EXPECT_NE(b.problems[0].message.find("31/02/2015"), std::string::npos);
  EXPECT_NE(b.problems[16].message.find("2024-25"), std::string::npos);  // 18A retired

  // Only SYN4006's first listing is loaded, its unknown codes kept upper-cased.
  EXPECT_EQ(b.counts["Child"].read, 7);
  EXPECT_EQ(b.counts["Child"].rejected, 6);
  EXPECT_EQ(b.counts["CINdetails"].read, 7);
  EXPECT_EQ(b.counts["CINdetails"].rejected, 6);
  EXPECT_EQ(b.counts["Assessments"].read, 3);
  EXPECT_EQ(b.counts["Assessments"].rejected, 2);
  ASSERT_EQ(b.records.children.size(), 1u);
  const auto& child = b.records.children[0];
  EXPECT_EQ(child.id, "SYN4006");
  EXPECT_EQ(child.upn_unknown, "UN9");
  EXPECT_EQ(child.sex, "7");
  EXPECT_EQ(child.ethnicity, "ZZZZ");
  EXPECT_EQ(child.disabilities, (Codes{"XYZ"}));
  ASSERT_EQ(b.records.cin_episodes.size(), 1u);
  const auto& e = b.records.cin_episodes[0];
  EXPECT_EQ(e.referral_source, "11");
  EXPECT_EQ(e.primary_need, "N11");
  EXPECT_EQ(e.closure_reason, "RC99");
  EXPECT_FALSE(e.nfa);
  ASSERT_EQ(b.records.assessments.size(), 1u);
  EXPECT_EQ(b.records.assessments[0].factors, (Codes{"99Z", "18A"}));
  ASSERT_EQ(b.records.cp_plans.size(), 1u);
  EXPECT_EQ(b.records.cp_plans[0].initial_category, "ABC");
  EXPECT_EQ(b.records.cp_plans[0].latest_category, "NEG");
  EXPECT_FALSE(b.records.cp_plans[0].previous_plans);
  EXPECT_TRUE(b.records.cp_reviews.empty());
}

TEST(CinCensusReader, ChildListedTwiceNamesBothLines) {
  auto b = read_fixture("bad_values.xml");
  const auto& p = b.problems.back();
  EXPECT_EQ(p.code, "cin.child-listed-twice");
  EXPECT_NE(p.message.find("SYN4006"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("lines 66 and 106"), std::string::npos) << p.message;
}

TEST(CinCensusReader, TruncatedFileIsRefusedWhole) {
  auto b = read_fixture("truncated.xml");
  auto errors = of_severity(b, Severity::kError);
  ASSERT_EQ(errors.size(), 1u) << all_problems(b);
  EXPECT_EQ(errors[0].code, "xml.truncated");
  EXPECT_EQ(errors[0].file, "truncated.xml");
  EXPECT_EQ(errors[0].line, 64);
  EXPECT_EQ(errors[0].element, "Message/Children/Child[2]/ChildIdentifiers");
  EXPECT_TRUE(has_errors(b.problems));
  // The whole file is rejected, not just the child that was cut short.
  EXPECT_EQ(b.counts["Child"].read, 2);
  EXPECT_EQ(b.counts["Child"].rejected, 2);
  EXPECT_EQ(b.counts["Assessments"].rejected, 1);
  EXPECT_EQ(b.records.total_records(), 0u);
}

TEST(CinCensusReader, NonUtf8IsRefusedWithItsLine) {
  auto b = read_fixture("non_utf8.xml");
  auto errors = of_severity(b, Severity::kError);
  ASSERT_EQ(errors.size(), 1u) << all_problems(b);
  EXPECT_EQ(errors[0].code, "xml.encoding");
  EXPECT_EQ(errors[0].line, 71);
  EXPECT_EQ(errors[0].element, "Message/Children/Child[2]/ChildCharacteristics/Note");
  EXPECT_NE(errors[0].message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(b.counts["Child"].rejected, 2);
  EXPECT_EQ(b.records.total_records(), 0u);
}

TEST(CinCensusReader, EmptyFileIsRefused) {
  auto b = read_fixture("empty.xml");
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].severity, Severity::kError);
  EXPECT_EQ(b.problems[0].code, "xml.empty");
  EXPECT_EQ(b.problems[0].file, "empty.xml");
  EXPECT_EQ(b.records.total_records(), 0u);
}

TEST(CinCensusReader, MissingFileIsRefused) {
  auto b = read_cin_census({kDir + "no_such_file.xml", "no_such_file.xml"});
  ASSERT_EQ(b.problems.size(), 1u);
  EXPECT_EQ(b.problems[0].code, "file.unreadable");
  EXPECT_EQ(b.problems[0].file, "no_such_file.xml");
}

TEST(CinCensusReader, MissingReferenceDateIsRefused) {
  auto b = read_fixture("no_reference_date.xml");
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  const auto& p = b.problems[0];
  EXPECT_EQ(p.severity, Severity::kError);
  EXPECT_EQ(p.code, "cin.reference-date");
  EXPECT_EQ(p.field, "ReferenceDate");
  EXPECT_EQ(p.line, 3);  // the Header
  EXPECT_EQ(p.element, "Message/Header/CollectionDetails");
  EXPECT_EQ(b.contributions[0].collection_year, 0);
  // The children are still read (and checked), but none can be loaded.
  EXPECT_EQ(b.counts["Child"].read, 2);
  EXPECT_EQ(b.counts["Child"].rejected, 2);
  EXPECT_EQ(b.records.total_records(), 0u);
}

TEST(CinCensusReader, ReferenceDateOtherThan31MarchIsRefused) {
  auto b = read_fixture("not_31_march.xml");
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  const auto& p = b.problems[0];
  EXPECT_EQ(p.code, "cin.reference-date");
  EXPECT_EQ(p.line, 7);
  EXPECT_EQ(p.element, "Message/Header/CollectionDetails/ReferenceDate");
  EXPECT_EQ(p.field, "ReferenceDate");
  EXPECT_NE(p.message.find("2025-04-30"), std::string::npos);
}

TEST(CinCensusReader, NoHeaderAtAllIsRefused) {
  auto b = read_text(
      "<Message><Children><Child><ChildIdentifiers><LAchildID>A</LAchildID>"
      "</ChildIdentifiers></Child></Children></Message>");
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].code, "cin.reference-date");
}

TEST(CinCensusReader, ByteOrderMarkAndCrlfReadTheSame) {
  std::string plain = fixture_text("cin_2024_25.xml");
  std::string crlf = "\xEF\xBB\xBF";
  for (char ch : plain) {
    if (ch == '\n') crlf += '\r';
    crlf += ch;
  }
  auto a = read_cin_census_from_memory(plain, "plain.xml");
  auto b = read_cin_census_from_memory(crlf, "crlf.xml");
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  ASSERT_EQ(a.records.total_records(), b.records.total_records());
  ASSERT_EQ(a.records.assessments.size(), 1u);
  EXPECT_EQ(natural_key(a.records.assessments[0]), natural_key(b.records.assessments[0]));
  EXPECT_EQ(a.records.children[1].line, b.records.children[1].line);
  EXPECT_EQ(b.records.children[0].id, "SYN1001");  // no stray \r
  EXPECT_EQ(b.records.children[0].upn, "B999123456789");
}

TEST(CinCensusReader, CodesAndBooleansInAnyCaseAndTrimmedText) {
  auto b = read_text(census(
      "<Child><ChildIdentifiers><LAchildID>  SYN5001\n </LAchildID>"
      "<UPNunknown>un2</UPNunknown><GenderCurrent> 1 </GenderCurrent></ChildIdentifiers>\n"
      "<ChildCharacteristics><Ethnicity>wbri</Ethnicity>"
      "<Disabilities><Disability>aut</Disability></Disabilities></ChildCharacteristics>\n"
      "<CINdetails><CINreferralDate>\n 2024-05-01 \n</CINreferralDate>"
      "<ReferralSource>3e</ReferralSource><PrimaryNeedCode>n3</PrimaryNeedCode>"
      "<CINclosureDate>2024-09-30Z</CINclosureDate><ReasonForClosure>rc9</ReasonForClosure>\n"
      "<Section47><S47ActualStartDate>2024-05-02</S47ActualStartDate>"
      "<ICPCnotRequired>TRUE</ICPCnotRequired></Section47>\n"
      "<ReferralNFA>False</ReferralNFA>\n"
      "<ChildProtectionPlans><CPPstartDate>2024-06-01</CPPstartDate>"
      "<InitialCategoryOfAbuse>mul</InitialCategoryOfAbuse>"
      "<LatestCategoryOfAbuse>Sab</LatestCategoryOfAbuse>"
      "<NumberOfPreviousCPP>10.0</NumberOfPreviousCPP></ChildProtectionPlans>\n"
      "</CINdetails></Child>\n"));
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  ASSERT_EQ(b.records.children.size(), 1u);
  const auto& c = b.records.children[0];
  EXPECT_EQ(c.id, "SYN5001");
  EXPECT_EQ(c.upn_unknown, "UN2");
  EXPECT_EQ(c.sex, "M");
  EXPECT_EQ(c.ethnicity, "WBRI");
  EXPECT_EQ(c.disabilities, (Codes{"AUT"}));
  const auto& e = b.records.cin_episodes[0];
  EXPECT_EQ(e.referral_date, d("2024-05-01"));
  EXPECT_EQ(e.referral_source, "3E");
  EXPECT_EQ(e.primary_need, "N3");
  EXPECT_EQ(e.closure_date, d("2024-09-30"));
  EXPECT_EQ(e.closure_reason, "RC9");
  EXPECT_EQ(e.nfa, false);
  EXPECT_EQ(b.records.section47s[0].icpc_not_required, true);
  const auto& p = b.records.cp_plans[0];
  EXPECT_EQ(p.initial_category, "MUL");
  EXPECT_EQ(p.latest_category, "SAB");
  EXPECT_EQ(p.previous_plans, 10);
}

TEST(CinCensusReader, EitherSexElementInAnyYear) {
  auto old_layout_new_element = read_text(
      census("<Child><ChildIdentifiers><LAchildID>A</LAchildID><Sex>f</Sex></ChildIdentifiers>"
             "</Child>\n",
             "2018-03-31"));
  auto new_layout_old_element = read_text(
      census("<Child><ChildIdentifiers><LAchildID>A</LAchildID><GenderCurrent>9</GenderCurrent>"
             "</ChildIdentifiers></Child>\n"));
  EXPECT_TRUE(old_layout_new_element.problems.empty());
  EXPECT_TRUE(new_layout_old_element.problems.empty());
  EXPECT_EQ(old_layout_new_element.records.children[0].sex, "F");
  EXPECT_EQ(new_layout_old_element.records.children[0].sex, "U");
}

TEST(CinCensusReader, OverlongTextIsAnErrorNamingTheElement) {
  std::string huge(XmlStream::kMaxTextBytes + 1, 'A');
  auto b = read_text(census("<Child><ChildIdentifiers><LAchildID>A</LAchildID><UPN>" + huge +
                            "</UPN></ChildIdentifiers></Child>\n"));
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  const auto& p = b.problems[0];
  EXPECT_EQ(p.code, "xml.text-too-long");
  EXPECT_EQ(p.field, "UPN");
  EXPECT_EQ(p.element, "Message/Children/Child[1]/ChildIdentifiers/UPN");
  EXPECT_EQ(p.line, 5);
  EXPECT_EQ(b.counts["Child"].rejected, 1);
  EXPECT_TRUE(b.records.children.empty());
}

TEST(CinCensusReader, UnknownElementsAndNamespacesAreIgnored) {
  auto b = read_text(
      "<c:Message xmlns:c=\"urn:example\"><c:Header><c:CollectionDetails>"
      "<c:ReferenceDate>2025-03-31</c:ReferenceDate></c:CollectionDetails></c:Header>"
      "<c:Children><c:Child><c:Extra><c:LAchildID>not this</c:LAchildID></c:Extra>"
      "<c:ChildIdentifiers><c:LAchildID>A</c:LAchildID></c:ChildIdentifiers>"
      "<c:CINdetails><c:CINreferralDate>2024-05-01</c:CINreferralDate>"
      "<c:Unknown><c:Assessments/></c:Unknown></c:CINdetails></c:Child></c:Children>"
      "</c:Message>");
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  ASSERT_EQ(b.records.children.size(), 1u);
  EXPECT_EQ(b.records.children[0].id, "A");
  EXPECT_EQ(b.records.cin_episodes.size(), 1u);
  EXPECT_TRUE(b.records.assessments.empty());
}

TEST(CinCensusReader, ReturnWithNoChildrenIsAFinding) {
  auto b = read_text(census(""));
  ASSERT_EQ(b.problems.size(), 1u);
  EXPECT_EQ(b.problems[0].severity, Severity::kFinding);
  EXPECT_EQ(b.problems[0].code, "cin.no-children");
  EXPECT_EQ(b.counts["Child"].read, 0);
}

TEST(CinCensusReader, SameInputSameBatch) {
  auto text = fixture_text("nested_ordinals.xml");
  auto a = read_cin_census_from_memory(text, "x.xml");
  auto b = read_cin_census_from_memory(text, "x.xml");
  ASSERT_EQ(a.problems.size(), b.problems.size());
  for (size_t i = 0; i < a.problems.size(); ++i)
    EXPECT_EQ(a.problems[i].to_string(), b.problems[i].to_string());
  ASSERT_EQ(a.records.cp_reviews.size(), b.records.cp_reviews.size());
  for (size_t i = 0; i < a.records.cp_reviews.size(); ++i)
    EXPECT_EQ(natural_key(a.records.cp_reviews[i]), natural_key(b.records.cp_reviews[i]));
}

}  // namespace
}  // namespace beacon
