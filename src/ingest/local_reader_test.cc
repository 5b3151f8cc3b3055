// Local tables as files: what must load, what must be refused, contributions.
#include "ingest/local_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/local_test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(LocalReader, LoadsBomCrlfQuotesSpacesAnyOrderAndCase) {
  std::string data =
      "\xEF\xBB\xBF"
      "FTE,Employment,Name,Worker_ID,registration_no\r\n"
      "1.0,AGENCY,\"Worker, Alex\" ,W1  ,SW1\r\n"
      "0.5,employed,Sam,W2,\r\n";
  auto b = read_local({{"staff list.csv", data}});
  EXPECT_THAT(errors(b), IsEmpty());
  ASSERT_EQ(b.records.workers.size(), 2u);
  EXPECT_EQ(b.records.workers[0].id, "W1");
  EXPECT_EQ(b.records.workers[0].name, "Worker, Alex");
  EXPECT_EQ(b.records.workers[0].agency, true);
  EXPECT_EQ(b.records.workers[0].fte, 1.0);
  EXPECT_EQ(b.records.workers[1].agency, false);
  ASSERT_EQ(b.contributions.size(), 1u);
  const Contribution& c = b.contributions[0];
  EXPECT_EQ(c.source, Source::kLocal);
  EXPECT_EQ(c.table, "workers");
  EXPECT_EQ(c.as_of, load_day());
  EXPECT_EQ(c.files, "staff list.csv");
  EXPECT_EQ(c.key(), "local/workers/0");
  // Columns left out are not carried, so the SSD's values for them stand.
  EXPECT_EQ(c.carried.at("workers"),
            (std::set<std::string>{"id", "name", "registration_no", "agency", "fte"}));
}

TEST(LocalReader, HeaderOnlyEmptyAndUnrecognisedFiles) {
  auto b = read_local(
      {{"bank_holidays.csv", "date,name\n"}, {"empty.csv", ""}, {"other.csv", "x,y\n1,2\n"}});
  EXPECT_TRUE(has_note(b, "bank_holidays.csv: header only; nothing to load"));
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr("empty.csv: the file is empty"),
                          HasSubstr("other.csv:1: is not one of Beacon's local tables")));
  EXPECT_EQ(b.contributions.size(), 1u);
}

TEST(LocalReader, MissingRequiredColumnsAreNamed) {
  auto b = read_local({{"supervisions.csv", "worker_id,supervisor_id\nW0,W0\n"},
                       {"posts.csv", "unit_id,fte\nU0,3\n"}});
  EXPECT_THAT(errors(b),
              ElementsAre("supervisions.csv:1: supervision_date: the file looks like the "
                          "supervisions table but lacks this required column "
                          "[local.missing-columns]",
                          "posts.csv:1: from_date: the file looks like the established_posts "
                          "table but lacks this required column [local.missing-columns]"));
  EXPECT_EQ(b.counts.at("supervisions").rejected, 1);
}

TEST(LocalReader, UnknownColumnsAreFindings) {
  auto b = read_local({{"workers.csv", "worker_id,name,employement\nW1,Alex,agency\n"}});
  EXPECT_THAT(errors(b), IsEmpty());
  EXPECT_THAT(findings(b), ElementsAre("finding: workers.csv:1: employement: is not a column of "
                                       "the workers table and was ignored [local.unknown-column]"));
  EXPECT_FALSE(b.records.workers[0].agency);
}

TEST(LocalReader, TheSameTableTwiceIsRefused) {
  auto b = read_local({{"a.csv", "date\n2030-01-02\n"}, {"b.csv", "date\n2030-01-03\n"}});
  EXPECT_THAT(errors(b), ElementsAre(HasSubstr("b.csv: holds the bank_holidays table, which "
                                               "a.csv already holds")));
  EXPECT_EQ(b.records.bank_holidays.size(), 1u);
}

TEST(LocalReader, RefusesBadValuesNamingFileLineAndField) {
  std::string data =
      "worker_id,name,fte,in_post_from,in_post_to\n"
      ",Nameless,1,2020-01-01,\n"
      "W2,Bad Date,1,30/02/2020,\n"
      "W3,Short Year,1,01/02/20,\n"
      "W4,Big,ten,,\n"
      "W5,Order,1,2021-01-01,2020-01-01\n"
      "W6,Wide,1,2020-01-01," +
      std::string(10 << 20, 'x') +
      "\n"
      "W7,Bytes\xff,1,,\n";
  auto b = read_local({{"workers.csv", data}});
  EXPECT_THAT(errors(b),
              ElementsAre(HasSubstr("workers.csv:2: worker_id: is blank"),
                          HasSubstr("workers.csv:3: in_post_from: '30/02/2020': no such date"),
                          HasSubstr("workers.csv:4: in_post_from: '01/02/20': two-digit year"),
                          HasSubstr("workers.csv:5: fte: 'ten' is not a number"),
                          HasSubstr("workers.csv:6: in_post_to: is before in_post_from"),
                          HasSubstr("workers.csv:7: in_post_to: field is 10485760 bytes long"),
                          HasSubstr("workers.csv:8: name: not valid UTF-8")));
  EXPECT_TRUE(b.records.workers.empty());
  EXPECT_EQ(b.counts.at("workers").read, 7);
  EXPECT_EQ(b.counts.at("workers").rejected, 7);
}

TEST(LocalReader, AWorkerListedTwiceIsRefused) {
  auto b = read_local({{"workers.csv", "worker_id,name\nW1,A\nW1,B\n"}});
  EXPECT_THAT(errors(b), ElementsAre("workers.csv:3: worker_id: 'W1' is listed again; line 2 has "
                                     "it first [local.duplicate-key]"));
}

}  // namespace
}  // namespace beacon
