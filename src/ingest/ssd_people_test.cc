// ssd_person and the tables adding to a child.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ssd_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(SsdPerson, MapsEveryFieldBeaconKeeps) {
  auto b = read_ssd({ssd_file("ssd_person", {{{"pers_person_id", "C1"},
                                              {"pers_forename", "Jo"},
                                              {"pers_surname", "Bloggs"},
                                              {"pers_sex", "Female"},
                                              {"pers_gender", "ignored"},
                                              {"pers_ethnicity", "mwbc"},
                                              {"pers_dob", "2010-05-06 00:00:00"},
                                              {"pers_upn_unknown", "UN2"},
                                              {"pers_expected_dob", ""},
                                              {"pers_death_date", "2024-01-02"},
                                              {"pers_is_mother", "Y"},
                                              {"pers_nationality", "Syria"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), IsEmpty());
  ASSERT_EQ(b.records.children.size(), 1u);
  const Child& c = b.records.children[0];
  EXPECT_EQ(c.forename, "Jo");
  EXPECT_EQ(c.surname, "Bloggs");
  EXPECT_EQ(c.sex, "F");
  EXPECT_EQ(c.ethnicity, "MWBC");
  EXPECT_EQ(c.birth_date->iso(), "2010-05-06");
  EXPECT_FALSE(c.expected_birth_date);
  EXPECT_EQ(c.death_date->iso(), "2024-01-02");
  EXPECT_EQ(c.upn_unknown, "UN2");
  EXPECT_EQ(c.is_mother, true);
  EXPECT_EQ(c.nationality, "Syria");
  EXPECT_EQ(c.ordinal, 1);
}

TEST(SsdPerson, SexIsNormalisedAndAnUnknownValueKeptWithAFinding) {
  auto b = read_ssd(
      {ssd_file("ssd_person", {{{"pers_person_id", "C1"}, {"pers_sex", "1"}},
                               {{"pers_person_id", "C2"}, {"pers_sex", "f"}},
                               {{"pers_person_id", "C3"}, {"pers_sex", "Unborn"}},
                               {{"pers_person_id", "C4"}, {"pers_sex", "x"}},
                               {{"pers_person_id", "C5"}, {"pers_expected_dob", "2030-02-01"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.children.size(), 5u);
  EXPECT_EQ(b.records.children[0].sex, "M");
  EXPECT_EQ(b.records.children[1].sex, "F");
  EXPECT_EQ(b.records.children[2].sex, "U");
  EXPECT_EQ(b.records.children[3].sex, "X");
  EXPECT_EQ(b.records.children[4].sex, "");
  EXPECT_EQ(b.records.children[4].expected_birth_date->iso(), "2030-02-01");
  EXPECT_THAT(findings(b),
              ElementsAre(HasSubstr("ssd_person.csv:5: pers_sex: 'x' is not a known sex")));
}

TEST(SsdPerson, UnknownEthnicityIsKeptWithAFinding) {
  auto b =
      read_ssd({ssd_file("ssd_person", {{{"pers_person_id", "C1"}, {"pers_ethnicity", "ZZZZ"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_EQ(b.records.children[0].ethnicity, "ZZZZ");
  ASSERT_NE(problem(b, "dq.code-unknown"), nullptr);
  EXPECT_EQ(problem(b, "dq.code-unknown")->field, "pers_ethnicity");
}

TEST(SsdPerson, APersonListedTwiceIsRefused) {
  auto b =
      read_ssd({ssd_file("ssd_person", {{{"pers_person_id", "C1"}}, {{"pers_person_id", "C1"}}})});
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr(
                  "ssd_person.csv:3: pers_person_id: 'C1' is used again; line 2 has it first")));
  EXPECT_EQ(b.records.children.size(), 1u);
}

TEST(SsdDisability, GathersCodesPerChildInAContributionCarryingOnlyDisabilities) {
  auto b = read_ssd(
      {two_children(),
       ssd_file(
           "ssd_disability",
           {{{"disa_table_id", "D1"}, {"disa_person_id", "C1"}, {"disa_disability_code", "aut"}},
            {{"disa_table_id", "D2"}, {"disa_person_id", "C2"}, {"disa_disability_code", "HEAR"}},
            {{"disa_table_id", "D3"}, {"disa_person_id", "C1"}, {"disa_disability_code", "MOB"}},
            {{"disa_table_id", "D4"},
             {"disa_person_id", "C1"},
             {"disa_disability_code", "AUT"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  const auto* c = contribution(b, "ssd_disability");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->carried.at("children"), (std::set<std::string>{"id", "disabilities"}));
  std::vector<Child> from_disability;
  for (const auto& child : b.records.children)
    if (child.contribution == c->id) from_disability.push_back(child);
  ASSERT_EQ(from_disability.size(), 2u);
  EXPECT_EQ(from_disability[0].id, "C1");
  EXPECT_EQ(from_disability[0].disabilities, (Codes{"AUT", "MOB"}));
  EXPECT_EQ(from_disability[0].line, 2);
  EXPECT_EQ(from_disability[1].disabilities, (Codes{"HEAR"}));
}

TEST(SsdDisability, AChildNeitherInTheExtractNorStoredIsAnError) {
  CaseHistory stored;
  stored.children.push_back({});
  stored.children[0].id = "C7";
  auto b = read_ssd(
      {ssd_file(
          "ssd_disability",
          {{{"disa_table_id", "D1"}, {"disa_person_id", "C7"}, {"disa_disability_code", "VIS"}},
           {{"disa_table_id", "D2"}, {"disa_person_id", "C8"}, {"disa_disability_code", "VIS"}}})},
      stored);
  EXPECT_THAT(errors(b),
              ElementsAre("ssd_disability.csv:3: disa_person_id: child 'C8' is neither "
                          "in ssd_person in this load nor already loaded [ref.dangling]"));
  ASSERT_EQ(b.records.children.size(), 1u);
  EXPECT_EQ(b.records.children[0].id, "C7");
  EXPECT_EQ(b.counts.at("ssd_disability").rejected, 1);
}

TEST(SsdImmigrationStatus, UascStatusesMarkTheChildOthersAreNoted) {
  auto b =
      read_ssd({two_children(), ssd_file("ssd_immigration_status",
                                         {{{"immi_immigration_status_id", "I1"},
                                           {"immi_person_id", "C1"},
                                           {"immi_immigration_status", "UASC"},
                                           {"immi_immigration_status_start_date", "2022-01-01"},
                                           {"immi_immigration_status_end_date", "2023-06-30"}},
                                          {{"immi_immigration_status_id", "I2"},
                                           {"immi_person_id", "C2"},
                                           {"immi_immigration_status", "Refugee"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  const auto* c = contribution(b, "ssd_immigration_status");
  EXPECT_EQ(c->carried.at("children"), (std::set<std::string>{"id", "uasc", "uasc_ceased"}));
  ASSERT_EQ(b.records.children.size(), 3u);
  const Child& uasc = b.records.children[2];
  EXPECT_EQ(uasc.id, "C1");
  EXPECT_EQ(uasc.uasc, true);
  EXPECT_EQ(uasc.uasc_ceased->iso(), "2023-06-30");
  EXPECT_TRUE(has_note(b, "ssd_immigration_status: 1 rows are statuses other than UASC"));
}

TEST(SsdMotherAndSend, AddTheFirstChildsBirthAndTheUpn) {
  auto b = read_ssd({two_children(),
                     ssd_file("ssd_mother", {{{"moth_table_id", "M1"},
                                              {"moth_person_id", "C2"},
                                              {"moth_childs_person_id", "C1"},
                                              {"moth_childs_dob", "2024-02-01"}},
                                             {{"moth_table_id", "M2"},
                                              {"moth_person_id", "C2"},
                                              {"moth_childs_dob", "2023-02-01"}}}),
                     ssd_file("ssd_send", {{{"send_table_id", "S1"},
                                            {"send_person_id", "C1"},
                                            {"send_upn", "a123456789012"}}})});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.children.size(), 4u);
  EXPECT_EQ(b.records.children[2].id, "C2");
  EXPECT_EQ(b.records.children[2].mother_child_birth_date->iso(), "2023-02-01");
  EXPECT_EQ(b.records.children[3].upn, "A123456789012");
  EXPECT_EQ(contribution(b, "ssd_send")->carried.at("children"),
            (std::set<std::string>{"id", "upn"}));
}

}  // namespace
}  // namespace beacon
