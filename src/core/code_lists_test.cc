#include "core/code_lists.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

TEST(CodeLists, ShippedEthnicityList) {
  const auto& lists = CodeLists::shipped();
  EXPECT_TRUE(lists.valid("ethnicity", "WBRI"));
  EXPECT_TRUE(lists.valid("ethnicity", "wbri"));
  EXPECT_FALSE(lists.valid("ethnicity", "XXXX"));
  EXPECT_EQ(lists.label("ethnicity_group", "CHNE"), "Other");
}

TEST(CodeLists, YearBoundsAndUnknownLists) {
  auto lists = CodeLists::parse("place,H5,Semi-independent,,2024\nplace,K3,Supported,2024,\n");
  EXPECT_TRUE(lists.valid("place", "H5", 2024));
  EXPECT_FALSE(lists.valid("place", "H5", 2025));
  EXPECT_FALSE(lists.valid("place", "K3", 2023));
  EXPECT_TRUE(lists.valid("place", "K3", 2025));
  EXPECT_TRUE(lists.valid("no-such-list", "anything"));
}

}  // namespace
}  // namespace beacon
