#include "ingest/xml_stream.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace beacon {
namespace {

// One line per event: "+path@line", "-path@line" or "-path@line=text" (leaves).
struct Trace {
  std::vector<std::string> events;
  Problems problems;
  bool failed = false;
};

Trace trace(std::string_view xml, std::set<std::string, std::less<>> indexed = {}) {
  Trace t;
  auto s = XmlStream::from_memory(xml, "t.xml");
  s->set_indexed_names(std::move(indexed));
  XmlEvent e;
  while (s->next(e)) {
    std::string line =
        (e.kind == XmlEvent::Kind::kStart ? "+" : "-") + s->path() + "@" + std::to_string(e.line);
    if (e.kind == XmlEvent::Kind::kEnd && e.leaf) line += "=" + e.text;
    t.events.push_back(line);
  }
  t.problems = s->problems();
  t.failed = s->failed();
  return t;
}

TEST(XmlStream, EventsPathsLinesAndLeafText) {
  auto t = trace(
      "<?xml version=\"1.0\"?>\n"
      "<Message>\n"
      "  <Header><Year> 2025 </Year></Header>\n"
      "  <Children>\n"
      "    <Child><Id>A</Id></Child>\n"
      "    <Child>\n"
      "      <Id>B</Id>\n"
      "    </Child>\n"
      "  </Children>\n"
      "</Message>\n",
      {"Child"});
  std::vector<std::string> want = {
      "+Message@2",
      "+Message/Header@3",
      "+Message/Header/Year@3",
      "-Message/Header/Year@3=2025",
      "-Message/Header@3",
      "+Message/Children@4",
      "+Message/Children/Child[1]@5",
      "+Message/Children/Child[1]/Id@5",
      "-Message/Children/Child[1]/Id@5=A",
      "-Message/Children/Child[1]@5",
      "+Message/Children/Child[2]@6",
      "+Message/Children/Child[2]/Id@7",
      "-Message/Children/Child[2]/Id@7=B",
      "-Message/Children/Child[2]@8",
      "-Message/Children@9",
      "-Message@10",
  };
  EXPECT_EQ(t.events, want);
  EXPECT_TRUE(t.problems.empty());
  EXPECT_FALSE(t.failed);
}

TEST(XmlStream, UnindexedNamesShowPositionFromTheSecond) {
  auto t = trace("<a><b/><b/><c/></a>");
  std::vector<std::string> want = {"+a@1",       "+a/b@1", "-a/b@1=", "+a/b[2]@1",
                                   "-a/b[2]@1=", "+a/c@1", "-a/c@1=", "-a@1"};
  EXPECT_EQ(t.events, want);
}

TEST(XmlStream, TextJoinsEntitiesCdataAndCharacterReferences) {
  auto t = trace("<a><b>x &amp; <![CDATA[<y>]]> &#233;</b></a>");
  ASSERT_EQ(t.events.size(), 4u);
  EXPECT_EQ(t.events[2], "-a/b@1=x & <y> \xC3\xA9");
}

TEST(XmlStream, NamespacePrefixesAreDropped) {
  auto t = trace("<m:Message xmlns:m=\"urn:x\"><m:Child/></m:Message>");
  ASSERT_EQ(t.events.size(), 4u);
  EXPECT_EQ(t.events[1], "+Message/Child@1");
}

TEST(XmlStream, UndeclaredPrefixIsAFindingNotAFailure) {
  auto t = trace("<x:a><b>1</b></x:a>");
  EXPECT_FALSE(t.failed);
  ASSERT_FALSE(t.problems.empty());
  EXPECT_EQ(t.problems[0].severity, Severity::kFinding);
  EXPECT_EQ(t.events.size(), 4u);
}

TEST(XmlStream, LineNumbersStayExactPast65535) {
  std::string xml = "<a>\n";
  for (int i = 0; i < 70000; ++i) xml += "<b>1</b>\n";
  xml += "<c>end</c>\n</a>\n";
  auto s = XmlStream::from_memory(xml, "big.xml");
  XmlEvent e;
  int c_line = 0, a_end = 0, b_70000 = 0, b_count = 0;
  while (s->next(e)) {
    if (e.kind == XmlEvent::Kind::kStart && e.name == "b" && ++b_count == 70000) b_70000 = e.line;
    if (e.kind == XmlEvent::Kind::kStart && e.name == "c") c_line = e.line;
    if (e.kind == XmlEvent::Kind::kEnd && e.name == "a") a_end = e.line;
  }
  EXPECT_EQ(b_70000, 70001);
  EXPECT_EQ(c_line, 70002);
  EXPECT_EQ(a_end, 70003);
}

TEST(XmlStream, TruncatedFileNamesLineAndOpenElement) {
  auto t = trace("<Message>\n<Children>\n<Child>\n<Id>A</Id>\n");
  EXPECT_TRUE(t.failed);
  ASSERT_EQ(t.problems.size(), 1u);
  const auto& p = t.problems[0];
  EXPECT_EQ(p.severity, Severity::kError);
  EXPECT_EQ(p.file, "t.xml");
  EXPECT_EQ(p.code, "xml.truncated");
  EXPECT_EQ(p.element, "Message/Children/Child");
  EXPECT_GE(p.line, 4);
  // Events before the break were delivered.
  EXPECT_EQ(t.events.back(), "-Message/Children/Child/Id@4=A");
}

TEST(XmlStream, MismatchedTagIsMalformed) {
  auto t = trace("<a>\n<b>\n</c>\n</a>");
  EXPECT_TRUE(t.failed);
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0].code, "xml.malformed");
  EXPECT_EQ(t.problems[0].line, 3);
  EXPECT_EQ(t.problems[0].element, "a/b");
  EXPECT_NE(t.problems[0].message.find("mismatch"), std::string::npos) << t.problems[0].message;
}

TEST(XmlStream, NonUtf8IsAnEncodingError) {
  auto t = trace("<a>\n<b>caf\xE9</b>\n</a>");
  EXPECT_TRUE(t.failed);
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0].code, "xml.encoding");
  EXPECT_EQ(t.problems[0].line, 2);
  EXPECT_NE(t.problems[0].message.find("UTF-8"), std::string::npos);
}

TEST(XmlStream, DeclaredLatin1IsConverted) {
  auto t = trace("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9</a>");
  EXPECT_FALSE(t.failed);
  ASSERT_EQ(t.events.size(), 2u);
  EXPECT_EQ(t.events[1], "-a@1=caf\xC3\xA9");
}

TEST(XmlStream, EmptyAndBlankFiles) {
  for (std::string_view xml :
       {std::string_view(""), std::string_view("  \n\n"), std::string_view("\xEF\xBB\xBF")}) {
    auto t = trace(xml);
    EXPECT_TRUE(t.failed);
    ASSERT_EQ(t.problems.size(), 1u) << xml;
    EXPECT_EQ(t.problems[0].code, "xml.empty") << t.problems[0].message;
  }
}

TEST(XmlStream, ByteOrderMarkAndCrlf) {
  auto t = trace("\xEF\xBB\xBF<a>\r\n<b> x \r\n</b>\r\n<c>y</c></a>\r\n");
  EXPECT_FALSE(t.failed);
  std::vector<std::string> want = {"+a@1", "+a/b@2", "-a/b@3=x", "+a/c@4", "-a/c@4=y", "-a@4"};
  EXPECT_EQ(t.events, want);
}

TEST(XmlStream, Utf16IsRead) {
  std::string xml = "\xFF\xFE";  // UTF-16LE BOM
  for (char c : std::string("<a>x</a>")) {
    xml.push_back(c);
    xml.push_back('\0');
  }
  auto t = trace(xml);
  EXPECT_FALSE(t.failed) << (t.problems.empty() ? "" : t.problems[0].message);
  ASSERT_EQ(t.events.size(), 2u);
  EXPECT_EQ(t.events[1], "-a@1=x");
}

TEST(XmlStream, EntityDeclarationsAreRefused) {
  std::string bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
      " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
      "<lolz>&lol3;</lolz>\n";
  auto t = trace(bomb);
  EXPECT_TRUE(t.failed);
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0].code, "xml.entity");
  EXPECT_EQ(t.problems[0].line, 3);
  EXPECT_TRUE(t.events.empty());
}

TEST(XmlStream, UndefinedEntityIsMalformedNotExpanded) {
  auto t = trace("<a>&nope;</a>");
  EXPECT_TRUE(t.failed);
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0].code, "xml.malformed");
}

TEST(XmlStream, ExternalEntitiesAreNeverFetched) {
  auto t = trace("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
  EXPECT_TRUE(t.failed);
  ASSERT_FALSE(t.problems.empty());
  EXPECT_EQ(t.problems[0].code, "xml.entity");
}

TEST(XmlStream, LongTextIsCutAndFlagged) {
  std::string xml =
      "<a><b>" + std::string(XmlStream::kMaxTextBytes + 10, 'x') + "</b><c>ok</c></a>";
  auto s = XmlStream::from_memory(xml, "t.xml");
  XmlEvent e;
  bool b_cut = false, c_cut = true;
  size_t b_size = 0;
  while (s->next(e)) {
    if (e.kind != XmlEvent::Kind::kEnd) continue;
    if (e.name == "b") b_cut = e.text_too_long, b_size = e.text.size();
    if (e.name == "c") c_cut = e.text_too_long;
  }
  EXPECT_TRUE(b_cut);
  EXPECT_EQ(b_size, XmlStream::kMaxTextBytes);
  EXPECT_FALSE(c_cut);
  EXPECT_FALSE(s->failed());
}

TEST(XmlStream, ReadsFilesInChunks) {
  auto path = std::filesystem::temp_directory_path() / "beacon_xml_stream_test.xml";
  {
    std::ofstream out(path, std::ios::binary);
    out << "<a>\n";
    for (int i = 0; i < 20000; ++i) out << "<b>" << i << "</b>\n";
    out << "</a>\n";
  }
  auto s = XmlStream::open(path.string(), "shown.xml");
  ASSERT_TRUE(s.is_ok());
  XmlEvent e;
  int leaves = 0;
  std::string last;
  while ((*s)->next(e))
    if (e.kind == XmlEvent::Kind::kEnd && e.leaf) ++leaves, last = e.text;
  EXPECT_EQ(leaves, 20000);
  EXPECT_EQ(last, "19999");
  EXPECT_FALSE((*s)->failed());
  std::filesystem::remove(path);
}

TEST(XmlStream, MissingFileFailsToOpen) {
  auto s = XmlStream::open("/nonexistent/beacon.xml", "beacon.xml");
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.status().message().find("beacon.xml"), std::string::npos);
}

}  // namespace
}  // namespace beacon

namespace beacon {
namespace {

TEST(XmlStream, DepthAndParentNameFollowTheEvents) {
  auto s = XmlStream::from_memory("<a><b><c>x</c></b></a>", "t.xml");
  XmlEvent e;
  std::vector<std::string> seen;
  while (s->next(e))
    seen.push_back(e.name + ":" + std::to_string(s->depth()) + ":" + std::string(s->parent_name()));
  std::vector<std::string> want = {"a:1:", "b:2:a", "c:3:b", "c:3:b", "b:2:a", "a:1:"};
  EXPECT_EQ(seen, want);
}

}  // namespace
}  // namespace beacon
