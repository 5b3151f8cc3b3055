#include "ingest/xml_sniff.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

TEST(XmlSniff, FindsTheRootPastTheDeclarationCommentsAndDoctype) {
  auto s = sniff_xml_start(
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- exported -->\n"
      "<!DOCTYPE Message [ <!ENTITY x \"y\"> ]>\n<Message xmlns=\"http://x\"><Header>");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->root, "Message");
  EXPECT_EQ(s->collection, "");
}

TEST(XmlSniff, DropsANamespacePrefixAndReadsTheCollection) {
  auto s = sniff_xml_start(
      "<cin:Message><cin:Header><cin:CollectionDetails><cin:Collection> CIN </cin:Collection>");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->root, "Message");
  EXPECT_EQ(s->collection, "CIN");
  auto school = sniff_xml_start(
      "<Message><Header><CollectionDetails><Collection>SCHOOL CENSUS"
      "</Collection>");
  EXPECT_EQ(school->collection, "SCHOOL CENSUS");
}

TEST(XmlSniff, RootWithoutAttributes) {
  EXPECT_EQ(sniff_xml_start("<EXPSSDA903><CHILD>")->root, "EXPSSDA903");
  EXPECT_EQ(sniff_xml_start("<EXPSSDA903/>")->root, "EXPSSDA903");
}

TEST(XmlSniff, NotXml) {
  EXPECT_FALSE(sniff_xml_start("CHILD,DOB,DECOM\n1,2,3\n"));
  EXPECT_FALSE(sniff_xml_start(""));
  EXPECT_FALSE(sniff_xml_start("<?xml version=\"1.0\""));  // cut short
  EXPECT_FALSE(sniff_xml_start("<!-- never closed"));
  EXPECT_FALSE(sniff_xml_start("< Message>"));
  EXPECT_FALSE(sniff_xml_start("<Message"));  // the name may go on past the prefix
}

}  // namespace
}  // namespace beacon
