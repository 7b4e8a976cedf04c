#include "core/numbering.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(NumberingTest, FullWidthDigits) {
  EXPECT_EQ(full_width_number(0), "０");
  EXPECT_EQ(full_width_number(7), "７");
  EXPECT_EQ(full_width_number(12), "１２");
  EXPECT_EQ(full_width_number(2024), "２０２４");
  EXPECT_EQ(full_width_number(-3), "－３");
  EXPECT_EQ(full_width_number(-2147483647 - 1), "－２１４７４８３６４８");
}

TEST(NumberingTest, Parenthesised) {
  EXPECT_EQ(paren_number(1), "（１）");
  EXPECT_EQ(paren_number(10), "（１０）");
}

TEST(NumberingTest, CircledOneToTwenty) {
  const char* expected[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩",
                            "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"};
  for (int n = 1; n <= 20; ++n) EXPECT_EQ(circled_number(n), expected[n - 1]) << n;
}

TEST(NumberingTest, CircledBeyondTwentyFallsBackToParentheses) {
  EXPECT_EQ(circled_number(21), "（２１）");
  EXPECT_EQ(circled_number(100), "（１００）");
  EXPECT_EQ(circled_number(0), "（０）");
}

}  // namespace
}  // namespace medbcp::core
