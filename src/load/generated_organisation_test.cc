// The whole path on a synthetic organisation: `beacon generate` writes every
// format Beacon reads, with a manifest of what loading them all must give;
// load_files() must give exactly that.
#include <gtest/gtest.h>

#include "load/load.h"
#include "load/store_status.h"
#include "store/test_support.h"
#include "synth/generate.h"

namespace beacon {
namespace {

TEST(GeneratedOrganisation, LoadsToTheRecordCountsItsManifestPromises) {
  testing::TempDir dir;
  synth::Options o;
  o.scale = 0.02;
  o.seed = 7;
  o.years = 3;
  auto generated = synth::generate(o, dir.file("org"));
  ASSERT_TRUE(generated) << generated.status().message();

  auto store = std::move(open_sqlite_store(":memory:")).value();
  LoadOptions options;
  options.today = o.as_at;
  auto report = load_files(*store, {dir.file("org")}, options);
  std::string errors;
  for (const auto& p : report.errors) errors += p.to_string() + "\n";
  ASSERT_TRUE(report.ok) << report.refused << "\n" << errors;
  EXPECT_TRUE(report.errors.empty()) << errors;

  auto status = store_status(*store);
  ASSERT_TRUE(status);
  std::map<std::string, int64_t> loaded;
  for (const auto& t : status->tables) loaded[t.table] = t.records;
  for (const auto& [table, expected] : generated->records)
    EXPECT_EQ(loaded[table], expected) << table;

  // Loading the same files again changes nothing.
  auto again = load_files(*store, {dir.file("org")}, options);
  ASSERT_TRUE(again.ok) << again.refused;
  EXPECT_EQ(again.summary(), "added 0, changed 0, withdrawn 0, rejected 0");
  EXPECT_TRUE(again.withdrawn.empty());
}

}  // namespace
}  // namespace beacon
