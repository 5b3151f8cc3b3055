// EXPSSDA903 XML: read through the same mapping as the CSV tables, so one
// return gives the same records in either layout.
#include <gtest/gtest.h>

#include "ingest/readers.h"
#include "ingest/ssda903_reader.h"
#include "ingest/ssda903_test_util.h"
#include "model/field_text.h"

namespace beacon {
namespace {

using test::all_problems;
using test::ssda903_testdata;
using test::with_code;

// Every field of every record of one table, as text, with its ordinal.
template <class R>
std::vector<std::string> texts(const std::vector<R>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) {
    std::string s;
    R::visit(r, [&s](const char* name, const auto& value, auto) {
      s += std::string(name) + "=" + field_text(value) + ";";
    });
    out.push_back(s + "#" + std::to_string(r.ordinal));
  }
  return out;
}

Batch csv_return() {
  std::vector<DetectedFile> files;
  for (const char* t : {"Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1",
                        "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes", "DoLo"}) {
    std::string file = std::string(t) + ".csv";
    files.push_back({{ssda903_testdata("903_2024_25/" + file), file}, Format::kSsda903Csv, t});
  }
  return read_ssda903_csv(files, std::nullopt);
}

Batch xml_return() {
  return read_ssda903_xml(
      InputFile{ssda903_testdata("expssda903_2024_25.xml"), "expssda903_2024_25.xml"});
}

const std::string kOpen = "<?xml version=\"1.0\"?>\n<EXPSSDA903>\n";

Batch xml(const std::string& body, std::optional<int> year = 2024,
          const std::string& name = "return.xml") {
  return read_ssda903_xml_from_memory(kOpen + body + "</EXPSSDA903>\n", name, year);
}

TEST(Ssda903Xml, SameReturnAsCsvGivesTheSameRecords) {
  auto c = csv_return();
  auto x = xml_return();
  ASSERT_TRUE(c.problems.empty()) << all_problems(c);
  ASSERT_TRUE(x.problems.empty()) << all_problems(x);
  EXPECT_EQ(texts(x.records.la_episodes), texts(c.records.la_episodes));
  EXPECT_EQ(texts(x.records.la_reviews), texts(c.records.la_reviews));
  EXPECT_EQ(texts(x.records.missing_episodes), texts(c.records.missing_episodes));
  EXPECT_EQ(texts(x.records.oc2_outcomes), texts(c.records.oc2_outcomes));
  EXPECT_EQ(texts(x.records.care_leaver_returns), texts(c.records.care_leaver_returns));
  EXPECT_EQ(texts(x.records.adoptions), texts(c.records.adoptions));
  EXPECT_EQ(texts(x.records.placement_decisions), texts(c.records.placement_decisions));
  EXPECT_EQ(texts(x.records.previous_permanence), texts(c.records.previous_permanence));
  EXPECT_EQ(texts(x.records.allocations), texts(c.records.allocations));
  EXPECT_EQ(texts(x.records.deprivation_of_liberty), texts(c.records.deprivation_of_liberty));
  EXPECT_EQ(x.records.la_episodes.size(), 5u);
  EXPECT_EQ(x.records.allocations.size(), 2u);

  // CSV: four children from Header, then C1002 again from UASC. XML: the
  // header holds UASC, so each child appears once with it.
  ASSERT_EQ(c.records.children.size(), 5u);
  ASSERT_EQ(x.records.children.size(), 4u);
  auto header_part = x.records.children;
  for (auto& k : header_part) k.uasc.reset(), k.uasc_ceased.reset();
  std::vector<Child> csv_header(c.records.children.begin(), c.records.children.begin() + 4);
  EXPECT_EQ(texts(header_part), texts(csv_header));
  EXPECT_EQ(x.records.children[0].uasc, false);
  EXPECT_EQ(x.records.children[1].uasc, c.records.children[4].uasc);
  EXPECT_EQ(x.records.children[1].uasc_ceased, c.records.children[4].uasc_ceased);

  for (const auto& [table, counts] : c.counts) {
    if (table == "UASC") continue;
    EXPECT_EQ(x.counts[table].read, counts.read) << table;
  }
}

TEST(Ssda903Xml, OneContributionForTheWholeReturn) {
  auto x = xml_return();
  ASSERT_EQ(x.contributions.size(), 1u);
  const auto& c = x.contributions[0];
  EXPECT_EQ(c.table, "*");
  EXPECT_EQ(c.source, Source::kSsda903);
  EXPECT_EQ(c.collection_year, 2024);
  EXPECT_EQ(c.as_of, *Date::from_ymd(2025, 3, 31));
  EXPECT_EQ(c.files, "expssda903_2024_25.xml");
  EXPECT_EQ(c.carried.at("children").count("uasc"), 1u);
  EXPECT_EQ(c.carried.at("children").count("sex"), 1u);
  EXPECT_EQ(c.carried.at("la_episodes").count("place"), 1u);
  EXPECT_EQ(x.notes,
            (std::vector<std::string>{"SSDA903 collection year 2024-25, taken from the file name "
                                      "expssda903_2024_25.xml [expssda903_2024_25.xml]"}));
  for (const auto& e : x.records.la_episodes) EXPECT_EQ(e.contribution, 0);
}

TEST(Ssda903Xml, ProblemsNameTheElementPathAndLine) {
  auto b =
      xml("<CHILD><HEADER><CHILDID>C1</CHILDID><SEX>F</SEX></HEADER></CHILD>\n"
          "<CHILD>\n"
          " <HEADER><CHILDID>C2</CHILDID><DOB>31/02/2015</DOB></HEADER>\n"
          " <EPISODE><DECOM>01/04/2024</DECOM><PL>K9</PL></EPISODE>\n"
          " <EPISODE>\n"
          "  <DECOM>01/05/24</DECOM>\n"
          "  <DEC>soon</DEC>\n"
          " </EPISODE>\n"
          "</CHILD>\n");
  ASSERT_EQ(b.problems.size(), 4u) << all_problems(b);
  const auto& dob = b.problems[0];
  EXPECT_EQ(dob.element, "EXPSSDA903/CHILD[2]/HEADER");
  EXPECT_EQ(dob.line, 5);
  EXPECT_EQ(dob.field, "DOB");
  EXPECT_EQ(dob.code, "date.impossible");
  const auto& place = b.problems[1];
  EXPECT_EQ(place.severity, Severity::kFinding);
  EXPECT_EQ(place.element, "EXPSSDA903/CHILD[2]/EPISODE[1]");
  EXPECT_EQ(place.field, "PL");  // named as the file names it
  EXPECT_EQ(place.line, 6);
  EXPECT_EQ(b.problems[2].element, "EXPSSDA903/CHILD[2]/EPISODE[2]");
  EXPECT_EQ(b.problems[2].field, "DECOM");
  EXPECT_EQ(b.problems[2].line, 8);
  EXPECT_EQ(b.problems[2].code, "date.two-digit-year");
  EXPECT_EQ(b.problems[3].field, "DEC");
  EXPECT_EQ(b.problems[3].line, 9);
  EXPECT_EQ(b.problems[3].to_string(),
            "return.xml:9: EXPSSDA903/CHILD[2]/EPISODE[2]: DEC: 'soon' is not a date: not a date "
            "in YYYY-MM-DD or DD/MM/YYYY form");
  // The bad rows are rejected; the rest of the child loads.
  EXPECT_EQ(b.records.children.size(), 1u);
  EXPECT_EQ(b.records.la_episodes.size(), 1u);
  EXPECT_EQ(b.counts["Header"].rejected, 1);
  EXPECT_EQ(b.counts["Episodes"].rejected, 1);
}

TEST(Ssda903Xml, OneLeafFeedingTwoRowsIsReportedOnce) {
  // The header's DOB is also the OC3 row's: a bad one rejects both, said once.
  auto b =
      xml("<CHILD><HEADER><CHILDID>C1</CHILDID><DOB>31/02/2006</DOB><IN_TOUCH>YES</IN_TOUCH>"
          "</HEADER></CHILD>\n");
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].field, "DOB");
  EXPECT_EQ(b.counts["Header"].rejected, 1);
  EXPECT_EQ(b.counts["OC3"].rejected, 1);
}

TEST(Ssda903Xml, ATruncatedFileIsRefusedWhole) {
  // Loaded in part, a cut-short return would look like one that withdrew the
  // children it lost.
  auto b = read_ssda903_xml_from_memory(
      kOpen + "<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER></CHILD>\n<CHILD><HEADER><CHILDID>C2",
      "cut.xml", 2024);
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].code, "xml.truncated");
  EXPECT_EQ(b.problems[0].line, 4);
  EXPECT_EQ(b.problems[0].file, "cut.xml");
  EXPECT_EQ(b.problems[0].element, "EXPSSDA903/CHILD[2]/HEADER/CHILDID");
  EXPECT_TRUE(b.records.children.empty());
  EXPECT_TRUE(b.contributions.empty());
}

TEST(Ssda903Xml, MalformedXmlIsAnError) {
  auto b = xml("<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER>\n<EPISODE><DECOM>x</DEC></EPISODE>");
  auto errors = with_code(b, "xml.malformed");
  ASSERT_EQ(errors.size(), 1u) << all_problems(b);
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_EQ(errors[0].message,
            "malformed XML: Opening and ending tag mismatch: DECOM line 4 and DEC");

  b = read_ssda903_xml_from_memory(kOpen + "<CHILD><HEADER><CHILDID>C\xff</CHILDID>", "bytes.xml",
                                   2024);
  ASSERT_EQ(with_code(b, "xml.encoding").size(), 1u) << all_problems(b);
  EXPECT_EQ(with_code(b, "xml.encoding")[0].line, 3);
  EXPECT_TRUE(b.records.children.empty());

  for (const std::string empty : {"", " \n\n"}) {
    b = read_ssda903_xml_from_memory(empty, "empty.xml", 2024);
    ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
    EXPECT_EQ(b.problems[0].code, "xml.empty");
  }
}

TEST(Ssda903Xml, RefusesAnotherRootElement) {
  auto b = read_ssda903_xml_from_memory("<Message><Children/></Message>", "cin.xml", 2024);
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].code, "xml.root");
  EXPECT_EQ(b.problems[0].message, "not an EXPSSDA903 file: the root element is <Message>");
}

TEST(Ssda903Xml, AChildWithoutAnIdentifierIsRefusedWhole) {
  auto b =
      xml("<CHILD><HEADER><SEX>F</SEX></HEADER>\n"
          " <EPISODE><DECOM>01/04/2024</DECOM></EPISODE></CHILD>\n"
          "<CHILD><HEADER><CHILDID>C2</CHILDID></HEADER></CHILD>\n");
  auto errors = with_code(b, "child.missing");
  ASSERT_EQ(errors.size(), 1u) << all_problems(b);
  EXPECT_EQ(errors[0].element, "EXPSSDA903/CHILD[1]");
  EXPECT_EQ(errors[0].line, 3);
  EXPECT_EQ(b.counts["Header"].rejected, 1);
  EXPECT_EQ(b.counts["Episodes"].rejected, 1);
  ASSERT_EQ(b.records.children.size(), 1u);
  EXPECT_TRUE(b.records.la_episodes.empty());
}

TEST(Ssda903Xml, AChildListedTwiceIsAnError) {
  auto b =
      xml("<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER></CHILD>\n"
          "<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER></CHILD>\n");
  auto errors = with_code(b, "child.duplicate");
  ASSERT_EQ(errors.size(), 1u) << all_problems(b);
  EXPECT_EQ(errors[0].message,
            "child C1 is listed twice in Header, at EXPSSDA903/CHILD[1]/HEADER (line 3) and "
            "EXPSSDA903/CHILD[2]/HEADER (line 4); a child may be listed only once");
}

TEST(Ssda903Xml, YearFromAnElementOfTheFile) {
  const std::string child = "<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER></CHILD>\n";
  auto b = xml("<HEADER><ReferenceDate>2024-03-31</ReferenceDate></HEADER>\n" + child, std::nullopt,
               "903_2020_21.xml");
  ASSERT_EQ(b.contributions.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.contributions[0].collection_year, 2023);
  EXPECT_EQ(b.notes[0],
            "SSDA903 collection year 2023-24, taken from the file's REFERENCEDATE element "
            "(2024-03-31) [903_2020_21.xml]");

  b = xml("<COLLECTION_YEAR>2025</COLLECTION_YEAR>\n" + child, 2022);
  EXPECT_EQ(b.contributions[0].collection_year, 2024);
  EXPECT_EQ(b.notes[0], "--year 2022-23 was not used for return.xml: the file states its own year");
}

TEST(Ssda903Xml, YearFromOptionNameOrDates) {
  const std::string body =
      "<CHILD><HEADER><CHILDID>C1</CHILDID><IN_TOUCH>YES</IN_TOUCH></HEADER>\n"
      "<EPISODE><DECOM>01/06/2022</DECOM><DEC>02/02/2023</DEC></EPISODE></CHILD>\n";
  EXPECT_EQ(xml(body, 2021).contributions[0].collection_year, 2021);
  EXPECT_EQ(xml(body, std::nullopt, "903_2020_21/return.xml").contributions[0].collection_year,
            2020);
  auto b = xml(body, std::nullopt);
  ASSERT_EQ(b.contributions.size(), 1u);
  EXPECT_EQ(b.contributions[0].collection_year, 2022);
  ASSERT_EQ(b.records.care_leaver_returns.size(), 1u);
  EXPECT_EQ(b.records.care_leaver_returns[0].collection_year, 2022);
  EXPECT_EQ(b.notes[0],
            "SSDA903 collection year 2022-23, inferred from the latest date in the files, DEC "
            "02/02/2023 (return.xml line 4) [return.xml]");

  b = xml("<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER></CHILD>\n", std::nullopt);
  ASSERT_EQ(with_code(b, "ssda903.year-unknown").size(), 1u) << all_problems(b);
  EXPECT_TRUE(b.contributions.empty());
  EXPECT_TRUE(b.records.children.empty());
}

TEST(Ssda903Xml, NoChildrenIsNothingToLoad) {
  auto b = xml("");
  EXPECT_TRUE(b.problems.empty()) << all_problems(b);
  EXPECT_TRUE(b.contributions.empty());
  EXPECT_EQ(b.notes, (std::vector<std::string>{"return.xml holds no CHILD: nothing to load"}));
}

TEST(Ssda903Xml, EntityDeclarationsAreRefused) {
  auto b = read_ssda903_xml_from_memory(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE EXPSSDA903 [<!ENTITY x SYSTEM "
      "\"file:///etc/hostname\">]>\n"
      "<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><UPN>&x;</UPN></HEADER></CHILD></"
      "EXPSSDA903>",
      "xxe.xml", 2024);
  ASSERT_EQ(with_code(b, "xml.entity").size(), 1u) << all_problems(b);
  EXPECT_TRUE(b.records.children.empty());
  EXPECT_TRUE(b.contributions.empty());
}

TEST(Ssda903Xml, MissingFileIsAProblem) {
  auto b = read_ssda903_xml(InputFile{ssda903_testdata("nope.xml"), "nope.xml"});
  ASSERT_EQ(b.problems.size(), 1u) << all_problems(b);
  EXPECT_EQ(b.problems[0].code, "file.unreadable");
}

}  // namespace
}  // namespace beacon
