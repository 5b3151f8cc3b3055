#include "ingest/csv_fields.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

TEST(ParseFlag, AcceptsTheUsualSpellingsInAnyCase) {
  for (auto yes : {"Y", "y", "Yes", "YES", "true", "True", "1", " 1 "})
    EXPECT_EQ(parse_yes_no(yes), true) << yes;
  for (auto no : {"N", "n", "No", "no", "FALSE", "0"}) EXPECT_EQ(parse_yes_no(no), false) << no;
  EXPECT_EQ(parse_yes_no("maybe"), std::nullopt);
  EXPECT_EQ(parse_yes_no(""), std::nullopt);
  EXPECT_EQ(parse_yes_no("2"), std::nullopt);
}

TEST(ParseNumber, DecimalsGroupingAndWholeNumbers) {
  EXPECT_EQ(parse_number("0.5"), 0.5);
  EXPECT_EQ(parse_number(" 12,345 "), 12345.0);
  EXPECT_EQ(parse_number("1,234,567.5"), 1234567.5);
  EXPECT_EQ(parse_number("+3"), 3.0);
  EXPECT_EQ(parse_number("12,34"), std::nullopt);
  EXPECT_EQ(parse_number("1e400"), std::nullopt);
  EXPECT_EQ(parse_number("nan"), std::nullopt);
  EXPECT_EQ(parse_number("ten"), std::nullopt);
  EXPECT_EQ(parse_grouped_whole_number("10.0"), 10);
  EXPECT_EQ(parse_grouped_whole_number("10.00"), 10);
  EXPECT_EQ(parse_grouped_whole_number("-4"), -4);
  EXPECT_EQ(parse_grouped_whole_number("10.5"), std::nullopt);
  EXPECT_EQ(parse_grouped_whole_number("1e20"), std::nullopt);
}

CsvTable table_of(std::string data) {
  Problems problems;
  CsvSource source{"t.csv", "", &data, ""};
  auto t = read_csv_table(source, problems);
  EXPECT_TRUE(t.has_value());
  return std::move(*t);
}

TEST(RowFields, ReadsTypedValuesAndReportsEachProblemWithLineAndColumn) {
  auto t = table_of(
      "ID,When,Flag,N,Code\n"
      "A1,31/02/2024,Yes,10.0,wbri\n"
      ",05/01/24,maybe,x,ZZZZ\n");
  Problems problems;
  OptDate latest;
  RowFields good(t, 0, problems, &latest);
  EXPECT_EQ(good.id("id"), "A1");
  EXPECT_EQ(good.date("when"), std::nullopt);  // 31 February
  EXPECT_EQ(good.flag("flag"), true);
  EXPECT_EQ(good.whole_number("n", 0, 100), 10);
  EXPECT_EQ(good.code("code", "ethnicity", "ethnicity"), "WBRI");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(), "t.csv:2: When: '31/02/2024': no such date");
  EXPECT_EQ(problems[0].code, "date.impossible");
  EXPECT_FALSE(good.ok());

  problems.clear();
  RowFields bad(t, 1, problems, &latest);
  bad.id("ID");
  bad.date("WHEN");
  bad.flag("Flag");
  bad.whole_number("N", 0, 100);
  EXPECT_EQ(bad.code("Code", "ethnicity", "ethnicity"), "ZZZZ");
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0].code, "value.blank-id");
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_EQ(problems[1].code, "date.two-digit-year");
  EXPECT_EQ(problems[1].field, "When");
  EXPECT_EQ(problems[2].code, "value.flag");
  EXPECT_EQ(problems[3].code, "value.number");
  EXPECT_EQ(problems[4].severity, Severity::kFinding);
  EXPECT_EQ(problems[4].code, "dq.code-unknown");
}

TEST(RowFields, EventDatesRaiseTheLatestDatePlannedOnesDoNot) {
  auto t = table_of("a,b,c\n2024-01-02,2030-01-01,2024-02-03 10:15\n");
  Problems problems;
  OptDate latest;
  RowFields r(t, 0, problems, &latest);
  r.date("a");
  r.date("b", DateUse::kPlanned);
  EXPECT_EQ(latest->iso(), "2024-01-02");
  auto dt = r.date_time("c");
  EXPECT_EQ(dt->iso(), "2024-02-03T10:15:00");
  EXPECT_EQ(latest->iso(), "2024-02-03");
  EXPECT_TRUE(problems.empty());
}

TEST(RowFields, RequiredValuesAndRanges) {
  auto t = table_of("d,n,x\n,3.5,7\n");
  Problems problems;
  RowFields r(t, 0, problems);
  r.required_date("d");
  r.number("n", 0, 2);
  r.whole_number("x", 0, 5);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].to_string(), "t.csv:2: d: is blank; a date is required");
  EXPECT_EQ(problems[1].code, "value.range");
  EXPECT_EQ(problems[2].code, "value.range");
}

TEST(RowFields, WrongFieldCountIsAnErrorButTrailingBlanksAreNot) {
  auto t = table_of("a,b,c\n1,2\n1,2,3,,\n1,2,3,4\n");
  Problems problems;
  EXPECT_FALSE(RowFields(t, 0, problems).ok());
  EXPECT_TRUE(RowFields(t, 1, problems).ok());
  EXPECT_FALSE(RowFields(t, 2, problems).ok());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "csv.field-count");
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_EQ(problems[1].line, 4);
}

TEST(RowFields, UnreadableFieldIsReportedOnceAndReadsAsBlank) {
  auto t = table_of("id,name\nA1,\xff\xfe\n");
  Problems problems;
  RowFields r(t, 0, problems);
  EXPECT_EQ(r.text("name"), "");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "name");
  EXPECT_EQ(problems[0].code, "csv.bad-field");
  EXPECT_NE(problems[0].message.find("UTF-8"), std::string::npos);
}

TEST(CsvTable, RefusesAColumnNamedTwiceAndAnEmptyFile) {
  Problems problems;
  std::string twice = "id,Name,name\n1,a,b\n";
  EXPECT_FALSE(read_csv_table({"t.csv", "", &twice, ""}, problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "csv.duplicate-column");
  EXPECT_EQ(problems[0].field, "name");
  std::string empty;
  EXPECT_FALSE(read_csv_table({"e.csv", "", &empty, ""}, problems));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[1].file, "e.csv");
  EXPECT_NE(problems[1].message.find("empty"), std::string::npos);
}

TEST(CsvTable, NamesAndStems) {
  EXPECT_EQ(join_names({"a"}), "a");
  EXPECT_EQ(join_names({"a", "b", "c"}), "a, b and c");
  EXPECT_EQ(file_stem("x/y/SSD_Person.csv"), "ssd_person");
  EXPECT_EQ(file_stem("C:\\data\\workers"), "workers");
}

}  // namespace
}  // namespace beacon
