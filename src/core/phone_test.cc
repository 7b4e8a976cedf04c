#include "core/phone.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(Phone, TelUriTakesTheDigitsBeforeAnyRemark) {
  EXPECT_EQ(tel_uri("03-1234-5678（代表）"), "tel:0312345678");
  EXPECT_EQ(tel_uri("+81 3 1234 5678"), "tel:+81312345678");
  EXPECT_EQ(tel_uri("(054) 000-0000 内線12"), "tel:0540000000");
  EXPECT_EQ(tel_uri("０５４－０００－０１１０"), "tel:0540000110");  // as typed on a Japanese IME
  EXPECT_EQ(tel_uri("内線なし"), "");
  EXPECT_EQ(tel_uri(""), "");
}

TEST(Phone, HyphensBecomeNonBreaking) {
  EXPECT_EQ(unbreakable_phone("054-000-0000"), "054\u2011000\u20110000");
  EXPECT_EQ(unbreakable_phone("0120 000 000"), "0120 000 000");
  EXPECT_EQ(unbreakable_phone("０５４"), "０５４");  // multi-byte text is kept whole
}

}  // namespace
}  // namespace medbcp::core
