// The SSD extract as files: what must load, what must be refused (with file,
// line and field), contributions, counts and notes.
#include "ingest/ssd_extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ingest/readers.h"
#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const char* kPersonHeader =
    "pers_person_id,pers_forename,pers_surname,pers_sex,pers_gender,pers_ethnicity,pers_dob,"
    "pers_common_child_id,pers_legacy_id,pers_upn_unknown,pers_send_flag,pers_expected_dob,"
    "pers_death_date,pers_is_mother,pers_nationality";

TEST(SsdExtract, LoadsBomCrlfQuotedCommasTrailingSpacesAndAnyColumnOrder) {
  // Columns reversed and upper-cased; BOM; CRLF; a quoted comma; trailing spaces.
  std::string data =
      "\xEF\xBB\xBFPERS_NATIONALITY,pers_is_mother,pers_death_date,pers_expected_dob,"
      "pers_send_flag,pers_upn_unknown,pers_legacy_id,pers_common_child_id,pers_dob,"
      "pers_ethnicity,pers_gender,pers_sex,pers_surname,pers_forename,PERS_PERSON_ID\r\n"
      "\"Eritrea, Asmara\",n,,,,un1,,,01/03/2015,wbri,,male,\"Smith, Jr\",Alex  ,C1  \r\n";
  auto b = read_ssd({{"ssd_person.csv", data}});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.children.size(), 1u);
  const Child& c = b.records.children[0];
  EXPECT_EQ(c.id, "C1");
  EXPECT_EQ(c.forename, "Alex");
  EXPECT_EQ(c.surname, "Smith, Jr");
  EXPECT_EQ(c.nationality, "Eritrea, Asmara");
  EXPECT_EQ(c.sex, "M");
  EXPECT_EQ(c.ethnicity, "WBRI");
  EXPECT_EQ(c.upn_unknown, "UN1");
  EXPECT_EQ(c.is_mother, false);
  EXPECT_EQ(c.birth_date->iso(), "2015-03-01");
  EXPECT_EQ(c.line, 2);
}

TEST(SsdExtract, OneContributionPerFileDatedByTheLatestEventInTheExtract) {
  auto people = two_children();
  auto contacts = ssd_file("ssd_contacts", {{{"cont_contact_id", "K1"},
                                             {"cont_person_id", "C1"},
                                             {"cont_contact_date", "2024-03-28 09:15"}}});
  auto b = read_ssd({people, contacts});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.contributions.size(), 2u);
  for (const auto& c : b.contributions) {
    EXPECT_EQ(c.source, Source::kSsd);
    EXPECT_EQ(c.collection_year, 0);
    EXPECT_EQ(c.as_of.iso(), "2024-03-28");
  }
  EXPECT_EQ(b.contributions[0].table, "ssd_person");
  EXPECT_EQ(b.contributions[0].files, "ssd_person.csv");
  EXPECT_EQ(b.contributions[1].key(), "ssd/ssd_contacts/0");
  EXPECT_EQ(b.records.contacts[0].contribution, 1);
  EXPECT_EQ(b.records.children[1].contribution, 0);
  EXPECT_EQ(b.contributions[0].carried.at("children").count("sex"), 1u);
  EXPECT_EQ(b.contributions[0].carried.at("children").count("upn"), 0u);
  EXPECT_EQ(b.contributions[0].carried.at("children").count("id"), 1u);
  EXPECT_TRUE(has_note(b, "as of 2024-03-28"));
  EXPECT_EQ(b.counts.at("ssd_person").read, 2);
  EXPECT_EQ(b.counts.at("ssd_contacts").rejected, 0);
}

TEST(SsdExtract, PlannedDatesDoNotDateTheExtract) {
  auto b = read_ssd({ssd_file("ssd_person", {{{"pers_person_id", "C1"},
                                              {"pers_dob", "2020-01-01"},
                                              {"pers_expected_dob", "2031-01-01"}}})});
  EXPECT_EQ(b.contributions[0].as_of.iso(), "2020-01-01");
}

TEST(SsdExtract, HeaderOnlyFileLoadsNothingAndSaysSo) {
  auto b = read_ssd({{"ssd_person.csv", std::string(kPersonHeader) + "\n"}});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_TRUE(b.records.children.empty());
  EXPECT_EQ(b.contributions.size(), 1u);
  EXPECT_TRUE(has_note(b, "ssd_person.csv: header only; nothing to load"));
  EXPECT_TRUE(has_note(b, "holds no dates"));
}

TEST(SsdExtract, RefusesAnEmptyFile) {
  auto b = read_ssd({{"ssd_person.csv", ""}});
  ASSERT_EQ(errors(b).size(), 1u);
  EXPECT_EQ(b.problems[0].file, "ssd_person.csv");
  EXPECT_THAT(b.problems[0].message, HasSubstr("empty"));
  EXPECT_TRUE(b.contributions.empty());
}

TEST(SsdExtract, PartialColumnSetIsRefusedNamingTheMissingColumns) {
  std::string data =
      "pers_person_id,pers_forename,pers_surname,pers_ethnicity,pers_dob,pers_common_child_id,"
      "pers_legacy_id,pers_upn_unknown,pers_send_flag,pers_expected_dob,pers_death_date,"
      "pers_is_mother\nC1,A,B,WBRI,2015-01-01,,,,,,,\n";
  auto b = read_ssd({{"people.csv", data}});
  ASSERT_EQ(errors(b).size(), 1u);
  const Problem* p = problem(b, "ssd.missing-columns");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->file, "people.csv");
  EXPECT_EQ(p->line, 1);
  EXPECT_EQ(p->field, "pers_sex, pers_gender and pers_nationality");
  EXPECT_THAT(p->message, HasSubstr("ssd_person"));
  EXPECT_EQ(b.counts.at("ssd_person").rejected, 1);
  EXPECT_TRUE(b.records.children.empty());
}

TEST(SsdExtract, AFileNamedAfterATableButWithWrongColumnsIsRefusedNamingThem) {
  auto b = read_ssd({{"ssd_disability.csv", "person,code\nC1,AUT\n"}});
  const Problem* p = problem(b, "ssd.missing-columns");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->field, "disa_person_id, disa_table_id and disa_disability_code");
}

TEST(SsdExtract, AnUnrecognisedFileIsRefused) {
  auto b = read_ssd({{"notes.csv", "a,b\n1,2\n"}});
  ASSERT_NE(problem(b, "ssd.unrecognised"), nullptr);
  EXPECT_EQ(problem(b, "ssd.unrecognised")->file, "notes.csv");
}

TEST(SsdExtract, TheSameTableTwiceIsRefused) {
  auto first = two_children();
  auto second = two_children();
  second.name = "ssd_person (copy).csv";
  auto b = read_ssd({first, second});
  const Problem* p = problem(b, "ssd.table-twice");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->file, "ssd_person (copy).csv");
  EXPECT_THAT(p->message, HasSubstr("ssd_person.csv already holds"));
  EXPECT_EQ(b.records.children.size(), 2u);
  EXPECT_EQ(b.counts.at("ssd_person").rejected, 2);
}

TEST(SsdExtract, NonUtf8AndHugeFieldsAreRefusedWithTheirRowOnly) {
  std::string data = std::string(kPersonHeader) + "\n" + "C1,Al\xe9x,,M,,,,,,,,,,,\n" +
                     "C2,Sam,,F,,,,,,,,,,,\n" + "C3," + std::string(10 << 20, 'x') +
                     ",,F,,,,,,,,,,,\n";
  auto b = read_ssd({{"ssd_person.csv", data}});
  auto errs = errors(b);
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_THAT(errs[0], HasSubstr("ssd_person.csv:2: pers_forename: not valid UTF-8"));
  EXPECT_THAT(errs[1], HasSubstr("ssd_person.csv:4: pers_forename: field is 10485760 bytes"));
  ASSERT_EQ(b.records.children.size(), 1u);
  EXPECT_EQ(b.records.children[0].id, "C2");
  EXPECT_EQ(b.counts.at("ssd_person").read, 3);
  EXPECT_EQ(b.counts.at("ssd_person").rejected, 2);
}

TEST(SsdExtract, EveryProblemOfARowIsReportedAndTheRowCountedOnce) {
  auto b = read_ssd({ssd_file("ssd_person", {{{"pers_person_id", ""},
                                              {"pers_dob", "31/02/2015"},
                                              {"pers_death_date", "01/01/99"},
                                              {"pers_is_mother", "perhaps"}}})});
  EXPECT_THAT(
      errors(b),
      ElementsAre(HasSubstr("ssd_person.csv:2: pers_person_id: is blank"),
                  HasSubstr("ssd_person.csv:2: pers_dob: '31/02/2015': no such date"),
                  HasSubstr("ssd_person.csv:2: pers_death_date: '01/01/99': two-digit"),
                  HasSubstr("ssd_person.csv:2: pers_is_mother: 'perhaps' is not a yes/no")));
  EXPECT_EQ(b.counts.at("ssd_person").rejected, 1);
  EXPECT_TRUE(b.records.children.empty());
}

TEST(SsdExtract, TablesBeaconDoesNotUseAreCountedAndNoted) {
  auto b = read_ssd(
      {two_children(), ssd_file("ssd_address", {{{"addr_table_id", "A1"}, {"addr_person_id", "C1"}},
                                                {{"addr_table_id", "A2"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_TRUE(has_note(b, "ssd_address: 2 rows not used by Beacon"));
  EXPECT_EQ(b.counts.at("ssd_address").read, 2);
  ASSERT_NE(contribution(b, "ssd_address"), nullptr);
  EXPECT_TRUE(contribution(b, "ssd_address")->carried.empty());
}

TEST(SsdExtract, ProblemsComeInFileOrderThenLineOrder) {
  // Contacts are read after people internally, but come first here.
  auto contacts = ssd_file(
      "ssd_contacts",
      {{{"cont_contact_id", "K1"}, {"cont_person_id", "C9"}, {"cont_contact_date", "2024-01-01"}}});
  auto people = ssd_file("ssd_person", {{{"pers_person_id", "C1"}, {"pers_dob", "2024-13-01"}}});
  auto b = read_ssd({contacts, people});
  auto errs = errors(b);
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_THAT(errs[0], HasSubstr("ssd_contacts.csv:2"));
  EXPECT_THAT(errs[1], HasSubstr("ssd_person.csv:2"));
}

TEST(SsdExtract, ReadsFilesFromDiskUsingTheDetectedTable) {
  auto dir = std::filesystem::temp_directory_path() / "beacon_ssd_extract_test";
  std::filesystem::create_directories(dir);
  auto path = (dir / "export-1.csv").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << two_children().data;
  }
  auto b = read_ssd_extract({{{path, "export-1.csv"}, Format::kSsdCsv, "ssd_person"}}, {});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_EQ(b.records.children.size(), 2u);
  EXPECT_EQ(b.contributions[0].files, "export-1.csv");
  auto missing = read_ssd_extract(
      {{{(dir / "nope.csv").string(), "nope.csv"}, Format::kSsdCsv, "ssd_person"}}, {});
  ASSERT_EQ(errors(missing).size(), 1u);
  EXPECT_EQ(missing.problems[0].file, "nope.csv");
  std::filesystem::remove_all(dir);
}

TEST(SsdExtract, SameInputGivesTheSameBatch) {
  auto files = std::vector<MemoryCsv>{
      two_children(), ssd_file("ssd_contacts", {{{"cont_contact_id", "K1"},
                                                 {"cont_person_id", "C9"},
                                                 {"cont_contact_date", "2024-01-01"}}})};
  auto a = read_ssd(files), b = read_ssd(files);
  ASSERT_EQ(a.problems.size(), b.problems.size());
  for (size_t i = 0; i < a.problems.size(); ++i)
    EXPECT_EQ(a.problems[i].to_string(), b.problems[i].to_string());
  EXPECT_EQ(a.notes, b.notes);
}

}  // namespace
}  // namespace beacon
