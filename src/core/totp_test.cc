#include "core/totp.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(Base32, EncodesAndDecodesTheRfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},
      {"f", "MY"},
      {"fo", "MZXQ"},
      {"foo", "MZXW6"},
      {"foob", "MZXW6YQ"},
      {"fooba", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI"},
  };
  for (const auto& [bytes, text] : vectors) {
    EXPECT_EQ(base32_encode(bytes), text);
    EXPECT_EQ(base32_decode(text), std::string(bytes));
  }
  // As a person types it from the page: lower case, in groups, padded.
  EXPECT_EQ(base32_decode("mzxw 6ytb-oi======"), std::string("foobar"));
  EXPECT_EQ(base32_decode("MZXW1"), std::nullopt);  // 1 is not in the alphabet
}

// RFC 6238 appendix B, SHA-1, the last six of its eight digits.
TEST(Totp, GivesTheRfc6238Codes) {
  const std::string key = "12345678901234567890";
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
      {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"},
  };
  for (const auto& [time, code] : vectors) {
    EXPECT_EQ(totp_code(key, totp_step(time)), code) << time;
  }
}

TEST(Totp, AcceptsOneStepOfDriftEitherSideAndEachCodeOnce) {
  const std::string key = "12345678901234567890";
  const std::int64_t now = 1234567890;
  const std::int64_t step = totp_step(now);
  EXPECT_EQ(match_totp(key, totp_code(key, step), now, 0), step);
  EXPECT_EQ(match_totp(key, totp_code(key, step - 1), now, 0), step - 1);
  EXPECT_EQ(match_totp(key, totp_code(key, step + 1), now, 0), step + 1);
  EXPECT_EQ(match_totp(key, totp_code(key, step - 2), now, 0), std::nullopt);
  EXPECT_EQ(match_totp(key, totp_code(key, step + 2), now, 0), std::nullopt);
  // Used once: the same step, or an earlier one, is not accepted again.
  EXPECT_EQ(match_totp(key, totp_code(key, step), now, step), std::nullopt);
  EXPECT_EQ(match_totp(key, totp_code(key, step - 1), now, step), std::nullopt);
  EXPECT_EQ(match_totp(key, totp_code(key, step + 1), now, step), step + 1);
  // Typed with a space; not six digits; no secret.
  const std::string code = totp_code(key, step);
  EXPECT_EQ(match_totp(key, code.substr(0, 3) + " " + code.substr(3), now, 0), step);
  EXPECT_EQ(match_totp(key, code.substr(0, 5), now, 0), std::nullopt);
  EXPECT_EQ(match_totp(key, code + "0", now, 0), std::nullopt);
  EXPECT_EQ(match_totp(key, "12a456", now, 0), std::nullopt);
  EXPECT_EQ(match_totp("", code, now, 0), std::nullopt);
}

TEST(Totp, OtpauthUriNamesTheIssuerAndAccount) {
  EXPECT_EQ(otpauth_uri("medbcp さくら", "院長", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/medbcp%20%E3%81%95%E3%81%8F%E3%82%89:%E9%99%A2%E9%95%B7"
            "?secret=JBSWY3DPEHPK3PXP&issuer=medbcp%20%E3%81%95%E3%81%8F%E3%82%89"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace medbcp::core
