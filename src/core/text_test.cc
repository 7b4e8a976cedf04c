#include "core/text.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(TextTest, NfkcFoldsFullWidthAndEraSigns) {
  EXPECT_EQ(nfkc("ＰＣ１２"), "PC12");
  EXPECT_EQ(nfkc("㋿"), "令和");
  EXPECT_EQ(nfkc("㍻"), "平成");
  EXPECT_EQ(nfkc("（１）"), "(1)");
  EXPECT_EQ(nfkc("ｶﾙﾃ"), "カルテ");
  EXPECT_EQ(nfkc(""), "");
}

TEST(TextTest, NfkcKeepsPlaceholderCircles) {
  // 〇 and ○ are different characters and NFKC must not merge them away.
  EXPECT_EQ(nfkc("〇〇"), "〇〇");
  EXPECT_EQ(nfkc("○○"), "○○");
}

TEST(TextTest, TrimRemovesAsciiAndIdeographicSpace) {
  EXPECT_EQ(trim("  受付 PC\t"), "受付 PC");
  EXPECT_EQ(trim("　院長　"), "院長");
  EXPECT_EQ(trim("　 \n"), "");
  EXPECT_EQ(trim("a"), "a");
}

TEST(TextTest, MatchKeyIgnoresWidthCaseAndSpaces) {
  EXPECT_EQ(match_key("ＶＰＮ 装置"), "vpn装置");
  EXPECT_EQ(match_key("Vpn　装置"), "vpn装置");
  EXPECT_EQ(match_key("PC"), match_key("ｐｃ"));
}

TEST(TextTest, Utf8Decoding) {
  EXPECT_EQ(utf8_to_u32("a〇😀"), (std::u32string{U'a', U'\u3007', U'\U0001F600'}));
  EXPECT_EQ(utf8_to_u32("\xff"), std::u32string(1, U'\uFFFD'));
  EXPECT_EQ(utf8_to_u32("\xe3\x80"), std::u32string(2, U'\uFFFD'));  // truncated
  EXPECT_EQ(utf8_to_u32("\xc0\xaf"), std::u32string(2, U'\uFFFD'));  // overlong '/'
}

}  // namespace
}  // namespace medbcp::core

namespace medbcp::core {
namespace {

TEST(MatchKey, AsciiAndFullWidthMeetTheSameKey) {
  EXPECT_EQ(match_key(" PC-01\t"), "pc-01");
  EXPECT_EQ(match_key("ＰＣ－０１"), "pc-01");
  EXPECT_EQ(match_key("ｐｃ　-01"), "pc-01");
  EXPECT_EQ(match_key("VPN 装置"), "vpn装置");
}

TEST(Utf8SequenceLength, WellFormedSequencesAndTheRest) {
  EXPECT_EQ(utf8_sequence_length("a", 0), 1u);
  EXPECT_EQ(utf8_sequence_length("é", 0), 2u);
  EXPECT_EQ(utf8_sequence_length("あ", 0), 3u);
  EXPECT_EQ(utf8_sequence_length("𠮷", 0), 4u);
  EXPECT_EQ(utf8_sequence_length("\x80", 0), 0u);              // a stray continuation byte
  EXPECT_EQ(utf8_sequence_length("\xe3\x81", 0), 0u);          // cut short
  EXPECT_EQ(utf8_sequence_length("\xc0\xaf", 0), 0u);          // overlong
  EXPECT_EQ(utf8_sequence_length("\xed\xa0\x80", 0), 0u);      // a surrogate
  EXPECT_EQ(utf8_sequence_length("\xf4\x90\x80\x80", 0), 0u);  // past U+10FFFF
}

TEST(TextTest, ListedNamesTheFirstFewThenSaysThereIsMore) {
  EXPECT_EQ(listed({}), "");
  EXPECT_EQ(listed({"PC-001"}), "PC-001");
  EXPECT_EQ(listed({"PC-001", "PC-002", "PC-003"}), "PC-001、PC-002、PC-003");
  EXPECT_EQ(listed({"PC-001", "PC-002", "PC-003"}, 2), "PC-001、PC-002 ほか");
  EXPECT_EQ(listed({"PC-001", "PC-002"}, 2), "PC-001、PC-002");
}

}  // namespace
}  // namespace medbcp::core
