#include "load/inputs.h"

#include <gtest/gtest.h>

#include "store/test_support.h"

namespace beacon {
namespace {

using testing::TempDir;

std::vector<std::string> names(const ExpandedInputs& in) {
  std::vector<std::string> out;
  for (const auto& f : in.files) out.push_back(f.name.substr(f.name.rfind("/in/") + 4));
  return out;
}

TEST(ExpandInputs, FoldersAreReadRecursivelyInSortedOrderSkippingHiddenFiles) {
  TempDir dir;
  dir.write("in/903/Episodes.csv", "x");
  dir.write("in/903/Header.csv", "x");
  dir.write("in/cin_2024.xml", "x");
  dir.write("in/.DS_Store", "x");
  dir.write("in/.git/config", "x");
  dir.write("in/ssd/.~lock.ssd_person.csv#", "x");
  dir.write("in/ssd/ssd_person.csv", "x");
  dir.write("in/LOCAL/WORKERS.CSV", "x");
  auto in = expand_inputs({dir.file("in")});
  EXPECT_TRUE(in.problems.empty());
  EXPECT_EQ(names(in),
            (std::vector<std::string>{"903/Episodes.csv", "903/Header.csv", "LOCAL/WORKERS.CSV",
                                      "cin_2024.xml", "ssd/ssd_person.csv"}));
}

TEST(ExpandInputs, InFoldersOnlyCsvAndXmlFilesAreTaken) {
  TempDir dir;
  dir.write("in/cin_2024.xml", "x");
  dir.write("in/manifest.json", "{}");
  dir.write("in/README.md", "#");
  auto in = expand_inputs({dir.file("in"), dir.file("in/manifest.json")});
  EXPECT_TRUE(in.problems.empty());
  EXPECT_EQ(names(in), (std::vector<std::string>{"cin_2024.xml", "manifest.json"}));
  // manifest.json, named on its own, is read after all.
  EXPECT_EQ(in.skipped, (std::vector<std::filesystem::path>{dir.file("in/README.md")}));
}

TEST(ExpandInputs, AFileNamedTwiceIsReadOnce) {
  TempDir dir;
  auto file = dir.write("in/cin_2024.xml", "x");
  auto in = expand_inputs({file, dir.file("in"), dir.file("in/../in/cin_2024.xml")});
  EXPECT_EQ(in.files.size(), 1u);
  EXPECT_EQ(in.files[0].name, file);  // named as the user first wrote it
}

TEST(ExpandInputs, MissingPathsAndEmptyFoldersAreProblems) {
  TempDir dir;
  dir.write("empty/.hidden", "x");
  auto in = expand_inputs({dir.file("nowhere.xml"), dir.file("empty")});
  EXPECT_TRUE(in.files.empty());
  ASSERT_EQ(in.problems.size(), 2u);
  EXPECT_EQ(in.problems[0].to_string(), dir.file("nowhere.xml") + ": no such file or folder");
  EXPECT_EQ(in.problems[1].to_string(),
            dir.file("empty") + ": holds no .csv or .xml files to load");
}

}  // namespace
}  // namespace beacon
