#include "ingest/ssd_json.h"

#include <gtest/gtest.h>

namespace beacon {
namespace {

Codes codes(std::string_view text) {
  auto parsed = parse_code_list(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed.value_or(Codes{"<unparsed>"});
}

TEST(ParseCodeList, JsonListsObjectsStringsAndBareLists) {
  EXPECT_EQ(codes(R"(["1A","3B"])"), (Codes{"1A", "3B"}));
  EXPECT_EQ(codes(R"([ "1A" , 21, 20.0 ])"), (Codes{"1A", "21", "20"}));
  EXPECT_EQ(codes(R"({"1A": "Y", "3B": "N", "4C": true, "5A": 0})"), (Codes{"1A", "4C"}));
  EXPECT_EQ(codes(R"("1A, 3B")"), (Codes{"1A", "3B"}));
  EXPECT_EQ(codes("1A, 3B;4C"), (Codes{"1A", "3B", "4C"}));
  EXPECT_EQ(codes("[1A, 3B]"), (Codes{"1A", "3B"}));
  EXPECT_EQ(codes("'1A','2B'"), (Codes{"1A", "2B"}));
  EXPECT_EQ(codes(""), Codes{});
  EXPECT_EQ(codes("[]"), Codes{});
}

TEST(ParseCodeList, RefusesWhatIsNotAListOfCodes) {
  EXPECT_EQ(parse_code_list("[[[[[[[[[[1]]]]]]]]]]"), std::nullopt);
  EXPECT_EQ(parse_code_list(R"([{"a":1}])"), std::nullopt);
  EXPECT_EQ(parse_code_list("{not json"), std::nullopt);
  EXPECT_EQ(parse_code_list("1A, <b>"), std::nullopt);
  EXPECT_EQ(parse_code_list("true"), Codes{"true"});  // a bare word is one code
  EXPECT_EQ(parse_code_list("[true]"), std::nullopt);
}

TEST(OutcomeText, JoinsCodesOrKeepsTheText) {
  EXPECT_EQ(outcome_text(R"(["NFA","S47"])"), "NFA;S47");
  EXPECT_EQ(outcome_text("Referral to children's social care"),
            "Referral to children's social care");
}

}  // namespace
}  // namespace beacon
