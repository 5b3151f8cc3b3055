#include "ingest/ssda903_tables.h"

#include <gtest/gtest.h>

#include "ingest/csv_reader.h"
#include "ingest/readers.h"

namespace beacon {
namespace {

TEST(Ssda903Tables, RecognisesEveryTableByItsSpecColumns) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"Header", {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}},
      {"Episodes",
       {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}},
      {"Reviews", {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}},
      {"UASC", {"CHILD", "SEX", "DOB", "DUC"}},
      {"OC2",
       {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
        "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED"}},
      {"OC3", {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}},
      {"AD1",
       {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
        "LS_ADOPTR"}},
      {"PlacedAdoption",
       {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}},
      {"PrevPerm", {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"}},
      {"Missing", {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}},
      {"SWEpisodes", {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"}},
      {"DoLo", {"CHILD", "DOB", "DOLO_START", "DOLO_END"}},
  };
  for (const auto& [table, header] : cases) {
    EXPECT_EQ(ssda903_table_for_header(header), table) << table;
    // Any order, any case, surrounding spaces.
    std::vector<std::string> shuffled(header.rbegin(), header.rend());
    for (auto& h : shuffled) h = "  " + ascii_lower(h) + " ";
    EXPECT_EQ(ssda903_table_for_header(shuffled), table) << table;
  }
}

TEST(Ssda903Tables, ToleratesExtraColumnsAndPrefersTheFullerTable) {
  EXPECT_EQ(ssda903_table_for_header({"CHILD", "DOB", "REVIEW", "REVIEW_CODE", "IRO name"}),
            "Reviews");
  // A Header with an added DUC column also holds UASC's columns: it is still Header.
  EXPECT_EQ(
      ssda903_table_for_header({"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "DUC"}),
      "Header");
  // The DOB repeated from Header is not needed to recognise a table.
  EXPECT_EQ(ssda903_table_for_header({"CHILD", "MISSING", "MIS_START", "MIS_END"}), "Missing");
}

TEST(Ssda903Tables, PartialColumnSetIsNoTableButNamesWhatIsMissing) {
  std::vector<std::string> header = {
      "CHILD",     "DECOM",   "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "REASON_PLACE_CHANGE",
      "HOME_POST", "PL_POST", "URN"};
  EXPECT_EQ(ssda903_table_for_header(header), std::nullopt);
  auto near = ssda903_near_miss(header);
  ASSERT_TRUE(near);
  EXPECT_EQ(near->table, Ssda903Table::kEpisodes);
  EXPECT_EQ(near->missing, (std::vector<std::string>{"DEC", "REC"}));
  EXPECT_EQ(near->message(), "looks like SSDA903 Episodes but lacks the columns DEC, REC");
}

TEST(Ssda903Tables, UnrelatedHeadersResembleNothing) {
  EXPECT_EQ(ssda903_near_miss({"pers_person_id", "pers_sex", "pers_dob"}), std::nullopt);
  EXPECT_EQ(ssda903_near_miss({"CHILD", "DOB", "notes"}), std::nullopt);
  EXPECT_EQ(ssda903_table_for_header({}), std::nullopt);
  // An exact match is not a near miss.
  EXPECT_EQ(ssda903_near_miss({"CHILD", "DOLO_START", "DOLO_END"}), std::nullopt);
}

TEST(Ssda903Tables, SpecsByName) {
  ASSERT_NE(ssda903_spec_named("episodes"), nullptr);
  EXPECT_EQ(ssda903_spec_named("episodes")->table, Ssda903Table::kEpisodes);
  EXPECT_EQ(ssda903_spec_named("ssd_person"), nullptr);
  EXPECT_EQ(ssda903_tables().size(), 12u);
}

}  // namespace
}  // namespace beacon
