#include "io/text_encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

namespace medbcp::io {
namespace {

// CP932 bytes of characters whose mapping is easy to get wrong.
constexpr std::string_view kWaveDashCp932 = "\x81\x60";        // ～ (Excel's 〜)
constexpr std::string_view kCircledOneCp932 = "\x87\x40";      // ①
constexpr std::string_view kFullWidthOneCp932 = "\x82\x50";    // １
constexpr std::string_view kHalfWidthKaCp932 = "\xB6";         // ｶ
constexpr std::string_view kNecIbmCp932 = "\xED\x40\xFA\x40";  // 纊 ⅰ (NEC/IBM extensions)
constexpr std::string_view kDenshiKarteCp932 =
    "\x93\x64\x8E\x71\x83\x4A\x83\x8B\x83\x65";  // 電子カルテ

TEST(TextEncodingTest, Cp932DecodesWithMicrosoftMapping) {
  EXPECT_EQ(decode_cp932(kWaveDashCp932), "\uFF5E");
  EXPECT_EQ(decode_cp932(kCircledOneCp932), "①");
  EXPECT_EQ(decode_cp932(kFullWidthOneCp932), "１");
  EXPECT_EQ(decode_cp932(kHalfWidthKaCp932), "ｶ");
  EXPECT_EQ(decode_cp932(kNecIbmCp932), "纊ⅰ");
  EXPECT_EQ(decode_cp932(kDenshiKarteCp932), "電子カルテ");
  EXPECT_EQ(decode_cp932("\x81\x5C\x81\x61\x81\x7C"), "\u2015\u2225\uFF0D");
}

TEST(TextEncodingTest, Cp932RoundTripKeepsEveryForm) {
  const std::string text = "電子カルテ①②⑳ １２３ 123 ｶﾙﾃ カルテ ～ ㈱ № Ⅲ ∥ － ￢ 髙 纊";
  const Cp932Encoded encoded = encode_cp932(text);
  ASSERT_TRUE(encoded.unmappable.empty());
  EXPECT_EQ(decode_cp932(encoded.bytes), text);
}

TEST(TextEncodingTest, JisMappingTwinsEncodeToTheirCp932Bytes) {
  // 〜 typed on a Mac (U+301C) is the same JIS character as Excel's ～.
  const Cp932Encoded encoded = encode_cp932("9:00\u301C17:00 \u2212 \u2016 \u2014");
  EXPECT_TRUE(encoded.unmappable.empty());
  EXPECT_EQ(encoded.bytes,
            "9:00\x81\x60"
            "17:00 \x81\x7C \x81\x61 \x81\x5C");
}

TEST(TextEncodingTest, CharactersOutsideCp932AreReportedNotReplaced) {
  const Cp932Encoded encoded = encode_cp932("𠮷野家 ¥100 😀");
  EXPECT_EQ(encoded.unmappable, (std::vector<char32_t>{0x20BB7, 0xA5, 0x1F600}));
  EXPECT_EQ(cp932_unmappable("ＡＢＣ ①"), std::vector<char32_t>{});
  EXPECT_EQ(cp932_unmappable("ascii only"), std::vector<char32_t>{});
}

TEST(TextEncodingTest, DetectsBomUtf8AndCp932) {
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF"
                            "abc"),
            TextEncoding::Utf8);
  EXPECT_EQ(detect_encoding("管理番号,機器名"), TextEncoding::Utf8);
  EXPECT_EQ(detect_encoding("plain ascii"), TextEncoding::Utf8);
  EXPECT_EQ(detect_encoding(kDenshiKarteCp932), TextEncoding::Cp932);
  EXPECT_EQ(detect_encoding("\xFF\xFE"
                            "a\0"),
            TextEncoding::Utf16Le);
}

TEST(TextEncodingTest, DecodeStripsBomAndConverts) {
  DecodedText bom = decode_text("\xEF\xBB\xBF機器名");
  EXPECT_EQ(bom.utf8, "機器名");
  EXPECT_TRUE(bom.had_bom);

  DecodedText cp932 = decode_text(std::string(kDenshiKarteCp932) + ",\x87\x40");
  EXPECT_EQ(cp932.encoding, TextEncoding::Cp932);
  EXPECT_EQ(cp932.utf8, "電子カルテ,①");
  EXPECT_EQ(cp932.undecodable, 0);

  DecodedText utf16 = decode_text(std::string("\xFF\xFE\x5F\x6A\x68\x56", 6));  // 機器
  EXPECT_EQ(utf16.encoding, TextEncoding::Utf16Le);
  EXPECT_EQ(utf16.utf8, "機器");
}

TEST(TextEncodingTest, BadCp932BytesBecomeReplacementCharactersAndAreCounted) {
  int undecodable = 0;
  // 0xA0 and 0xFD are not CP932 characters; 0x93 0x64 is 電.
  EXPECT_EQ(decode_cp932("\x93\x64\xA0\xFD", &undecodable), "電\uFFFD\uFFFD");
  EXPECT_EQ(undecodable, 2);
}

// ICU's reading of one CP932 character; empty when it is not one.
std::string icu_cp932_char(const std::string& bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cp932 = ucnv_open("windows-31j", &err);
  ucnv_setToUCallBack(cp932, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  UChar units[4];
  const int32_t n =
      ucnv_toUChars(cp932, units, 4, bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  ucnv_close(cp932);
  if (U_FAILURE(err) || n != 1 || units[0] == 0x1A) return {};
  char utf8[8];
  int32_t length = 0;
  u_strToUTF8(utf8, sizeof utf8, &length, units, n, &err);
  return std::string(utf8, static_cast<size_t>(length));
}

// The table decoder must read every CP932 character exactly as ICU's
// converter does (NEC/IBM extensions and the user-defined area included),
// alone and in a long run.
TEST(TextEncodingTest, Cp932DecoderAgreesWithIcuOnEveryCharacter) {
  std::vector<std::string> characters;
  for (int b = 0xA1; b <= 0xDF; ++b) characters.push_back(std::string(1, static_cast<char>(b)));
  for (int lead = 0x81; lead <= 0xFC; ++lead) {
    if (lead > 0x9F && lead < 0xE0) continue;
    for (int trail = 0x40; trail <= 0xFC; ++trail) {
      if (trail != 0x7F) characters.push_back({static_cast<char>(lead), static_cast<char>(trail)});
    }
  }
  std::string all_bytes;
  std::string all_expected;
  int mismatches = 0;
  int unassigned = 0;
  for (const std::string& bytes : characters) {
    std::string expected = icu_cp932_char(bytes);
    int undecodable = 0;
    const std::string ours = decode_cp932(bytes, &undecodable);
    if (expected.empty()) {
      expected = "\uFFFD";
      ++unassigned;
      EXPECT_EQ(undecodable, 1);
    }
    if (ours != expected && ++mismatches <= 5) {
      ADD_FAILURE() << "byte " << std::hex << (static_cast<int>(bytes[0]) & 0xFF) << " "
                    << (bytes.size() > 1 ? static_cast<int>(bytes[1]) & 0xFF : 0);
    }
    all_bytes += bytes;
    all_expected += expected;
  }
  EXPECT_EQ(mismatches, 0);
  // ASCII is ASCII, as Windows has it (ICU's IBM-943 table rotates the
  // controls 0x1A, 0x1C and 0x7F).
  for (int b = 0x00; b <= 0x7F; ++b) {
    const std::string byte(1, static_cast<char>(b));
    EXPECT_EQ(decode_cp932(byte + "\x82\xA0"), byte + "あ");
    EXPECT_EQ(encode_cp932(byte + "あ").bytes, byte + "\x82\xA0");
    all_bytes += byte;
    all_expected += byte;
  }
  EXPECT_GT(unassigned, 0);  // CP932 has gaps, e.g. 0x85 0x40
  int undecodable = 0;
  EXPECT_TRUE(decode_cp932(all_bytes, &undecodable) == all_expected);
  EXPECT_EQ(undecodable, unassigned);
}

TEST(TextEncodingTest, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8("abcdefghijklmnop電子カルテ①"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("abc\xE3\x81"));   // truncated
  EXPECT_FALSE(is_valid_utf8(kDenshiKarteCp932));
}

TEST(TextEncodingTest, FoldsJisTwinsForComparison) {
  EXPECT_EQ(fold_cp932_variants("9:00\u301C17:00"), "9:00\uFF5E17:00");
  EXPECT_EQ(fold_cp932_variants("変化なし①"), "変化なし①");
}

}  // namespace
}  // namespace medbcp::io
