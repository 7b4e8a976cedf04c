// Passwords: 12 to 128 characters of any script after NFKC, not the name,
// not a dictionary word or a common password (libpwquality/cracklib).
#include "app/password_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace medbcp::app {
namespace {

std::string only_message(const core::Problems& problems) {
  EXPECT_EQ(problems.size(), 1u);
  return problems.empty() ? "" : problems[0].message;
}

TEST(PasswordPolicy, TwelveCharactersAtLeast) {
  EXPECT_NE(only_message(password_problems("Tsuki7-Hana", "yamada")).find("12文字以上"),
            std::string::npos);
  EXPECT_TRUE(password_problems("Tsuki7-Hana9", "yamada").empty());
}

TEST(PasswordPolicy, AnyScriptCountsInCharactersNotBytes) {
  // Eleven kanji and kana are 33 bytes but 11 characters: too short.
  EXPECT_FALSE(password_problems("朝の受付は八時から開く", "yamada").empty());
  EXPECT_TRUE(password_problems("さくら内科の受付は朝八時から", "yamada").empty());
}

TEST(PasswordPolicy, AtMost128Characters) {
  EXPECT_NE(
      only_message(password_problems(std::string(129, 'x') + "Q7", "yamada")).find("128文字以内"),
      std::string::npos);
}

TEST(PasswordPolicy, FullWidthLettersAreTheSameAsHalfWidth) {
  // "ａｄｍｉｎｉｓｔｒａｔｏｒ" is "administrator" after NFKC: a dictionary word.
  EXPECT_NE(only_message(password_problems("ａｄｍｉｎｉｓｔｒａｔｏｒ", "yamada")).find("辞書"),
            std::string::npos);
}

TEST(PasswordPolicy, DictionaryWordsAndCommonPasswordsAreRefused) {
  // A word with digits and marks added to pass a rule is still the word.
  EXPECT_NE(only_message(password_problems("password1234!", "yamada")).find("辞書"),
            std::string::npos);
  EXPECT_NE(only_message(password_problems("qwerty123456", "yamada")).find("辞書"),
            std::string::npos);
  EXPECT_NE(only_message(password_problems("administrator", "yamada")).find("辞書"),
            std::string::npos);
}

TEST(PasswordPolicy, TheNameIsNotAPassword) {
  EXPECT_NE(only_message(password_problems("Yamada-Taro-2024", "yamada")).find("ユーザー名"),
            std::string::npos);
  EXPECT_NE(only_message(password_problems("ｙａｍａｄａ-hanako-7", "yamada")).find("ユーザー名"),
            std::string::npos);
  // A one-letter name does not forbid every password holding that letter.
  EXPECT_TRUE(password_problems("Tsuki7-Hana9", "a").empty());
}

TEST(PasswordPolicy, TheFieldIsNamed) {
  const auto problems = password_problems("short", "yamada", "new_password");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "new_password");
}

}  // namespace
}  // namespace medbcp::app
