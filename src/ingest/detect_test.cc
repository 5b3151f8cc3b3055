#include "ingest/detect.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace beacon {
namespace {

// Writes `content` to a fresh file under a private temporary folder.
class Files {
 public:
  Files() {
    std::string pattern = (std::filesystem::temp_directory_path() / "detect-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    dir_ = pattern;
  }
  ~Files() { std::filesystem::remove_all(dir_); }
  InputFile write(const std::string& name, const std::string& content) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return {path, name};
  }

 private:
  std::filesystem::path dir_;
};

TEST(DetectFormat, CinCensusByItsRootElement) {
  Files f;
  auto d = detect_format(f.write("return.dat",
                                 "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<Message><Header>"
                                 "<CollectionDetails><Collection>CIN</Collection>"));
  ASSERT_TRUE(d) << d.status().message();
  EXPECT_EQ(d->format, Format::kCinCensusXml);
  EXPECT_EQ(d->table, "*");
  EXPECT_EQ(d->file.name, "return.dat");
}

TEST(DetectFormat, Ssda903XmlByItsRootElement) {
  Files f;
  auto d = detect_format(f.write("903.xml", "<?xml version=\"1.0\"?>\n<EXPSSDA903><CHILD>"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->format, Format::kSsda903Xml);
}

TEST(DetectFormat, RefusesOtherXmlNamingTheFileAndWhatWasExpected) {
  Files f;
  auto school = detect_format(f.write(
      "school.xml", "<Message><Header><CollectionDetails><Collection>SCHOOL CENSUS</Collection>"));
  ASSERT_FALSE(school);
  EXPECT_EQ(school.status().message(),
            "school.xml: is a DfE <Message> return for the SCHOOL CENSUS collection; Beacon reads "
            "the CIN census (Collection CIN)");
  auto other = detect_format(f.write("feed.xml", "<rss version=\"2.0\">"));
  ASSERT_FALSE(other);
  EXPECT_EQ(other.status().message(),
            "feed.xml: is XML with root element <rss>; Beacon reads the CIN census (<Message>) "
            "and SSDA903 (<EXPSSDA903>) returns");
  auto cut = detect_format(f.write("cut.xml", "<?xml version=\"1.0\"?><!-- never ends"));
  ASSERT_FALSE(cut);
  EXPECT_NE(cut.status().message().find("cut.xml: looks like XML"), std::string::npos);
}

TEST(DetectFormat, CsvTablesByTheirColumns) {
  Files f;
  auto episodes = detect_format(f.write(
      "anything.csv",
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
      "URN\n"));
  ASSERT_TRUE(episodes) << episodes.status().message();
  EXPECT_EQ(episodes->format, Format::kSsda903Csv);
  EXPECT_EQ(episodes->table, "Episodes");

  auto person = detect_format(f.write(
      "people.csv",
      "pers_person_id,pers_forename,pers_surname,pers_sex,pers_gender,pers_ethnicity,pers_dob,"
      "pers_common_child_id,pers_legacy_id,pers_upn_unknown,pers_send_flag,pers_expected_dob,"
      "pers_death_date,pers_is_mother,pers_nationality\n"));
  ASSERT_TRUE(person) << person.status().message();
  EXPECT_EQ(person->format, Format::kSsdCsv);
  EXPECT_EQ(person->table, "ssd_person");

  auto workers = detect_format(f.write("staff.csv", "worker_id,name,fte\nW1,A. Worker,1\n"));
  ASSERT_TRUE(workers) << workers.status().message();
  EXPECT_EQ(workers->format, Format::kLocalCsv);
  EXPECT_EQ(workers->table, "workers");
}

TEST(DetectFormat, RefusesAnUnknownCsvListingItsColumns) {
  Files f;
  auto d = detect_format(f.write("notes.csv", "when,who,what\n2024-01-01,me,tea\n"));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.status().message(),
            "notes.csv: the columns (when, who, what) are not those of an SSDA903 table, an SSD "
            "extract table (ssd-fields) or one of Beacon's local tables (docs/local-tables.md)");
}

TEST(DetectFormat, RefusesWhatIsNotText) {
  Files f;
  EXPECT_EQ(detect_format(f.write("empty.csv", "")).status().message(), "empty.csv: is empty");
  EXPECT_EQ(
      detect_format(f.write("book.xlsx", std::string("PK\x03\x04rest", 8))).status().message(),
      "book.xlsx: is a zip file or an Excel workbook; save each table as CSV");
  EXPECT_EQ(detect_format(f.write("utf16.csv", std::string("\xFF\xFE"
                                                           "C\0H\0",
                                                           6)))
                .status()
                .message(),
            "utf16.csv: is not UTF-8 text (CSV or XML expected)");
  auto missing = detect_format({"/nonexistent/x.csv", "x.csv"});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.status().message(), "x.csv: cannot be opened");
}

}  // namespace
}  // namespace beacon
