#include "app/password_policy.h"

#include <pwquality.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <string>

#include "core/text.h"

namespace medbcp::app {
namespace {

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return text;
}

// libpwquality's code for `password` (negative: a problem), its own length
// rule set to its least: length and character classes are ours (any script
// counts), only its checks of words and the name remain.
int pwquality_code(const std::string& password, const std::string& name) {
  pwquality_settings_t* settings = pwquality_default_settings();
  if (settings == nullptr) return 0;
  pwquality_set_int_value(settings, PWQ_SETTING_MIN_LENGTH, 6);
  pwquality_set_int_value(settings, PWQ_SETTING_DIG_CREDIT, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_UP_CREDIT, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_LOW_CREDIT, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_OTH_CREDIT, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_MIN_CLASS, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_MAX_REPEAT, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_MAX_CLASS_REPEAT, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_MAX_SEQUENCE, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_GECOS_CHECK, 0);
  pwquality_set_int_value(settings, PWQ_SETTING_DICT_CHECK, 1);
  pwquality_set_int_value(settings, PWQ_SETTING_USER_CHECK, 1);
  void* aux = nullptr;
  const int score = pwquality_check(settings, password.c_str(), nullptr,
                                    name.empty() ? nullptr : name.c_str(), &aux);
  pwquality_free_settings(settings);
  return score;
}

// The password without the digits and marks people add to a word to pass
// a rule ("password1234!" → "password").
std::string stem(const std::string& password) {
  std::size_t end = password.size();
  while (end > 0) {
    const unsigned char c = static_cast<unsigned char>(password[end - 1]);
    if (c >= 0x80 || std::isalpha(c) != 0) break;
    --end;
  }
  return password.substr(0, end);
}

// What the dictionary and the name check say, in Japanese; "" when nothing.
std::string dictionary_problem(const std::string& password, const std::string& name) {
  // cracklib keeps state between calls: one check at a time.
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  int code = pwquality_code(password, name);
  if (code >= 0) {
    const std::string word = stem(password);
    if (word.size() >= 6 && word != password) code = pwquality_code(word, name);
  }
  switch (code) {
    case PWQ_ERROR_CRACKLIB_CHECK:
      return "辞書にある単語やよく使われるパスワードをもとにしています。"
             "推測されにくい言葉を組み合わせてください（例: 3つ以上の単語をつなげる）。";
    case PWQ_ERROR_USER_CHECK:
      return "ユーザー名を含むパスワードは使えません。";
    case PWQ_ERROR_PALINDROME:
      return "前から読んでも後ろから読んでも同じパスワードは使えません。";
    default:
      return {};
  }
}

}  // namespace

core::Problems password_problems(std::string_view password, std::string_view name,
                                 const char* field, bool two_factor) {
  const std::string normalized = core::nfkc(password);
  const std::size_t length = core::utf8_to_u32(normalized).size();
  const std::size_t minimum = two_factor ? kMinPasswordLengthWithTwoFactor : kMinPasswordLength;
  if (length < minimum) {
    std::string message = "パスワードは";
    message.append(std::to_string(minimum))
        .append("文字以上にしてください（長い言葉の組み合わせが安全です）。");
    if (!two_factor) message.append("二要素認証を設定している場合は8文字以上で足ります。");
    return {{field, 0, message}};
  }
  if (length > kMaxPasswordLength) {
    std::string message = "パスワードは";
    message.append(std::to_string(kMaxPasswordLength)).append("文字以内にしてください。");
    return {{field, 0, message}};
  }
  const std::string lowered = lower_ascii(normalized);
  const std::string lowered_name = lower_ascii(core::nfkc(name));
  // A name of one or two letters is in too many good passwords to refuse them.
  const bool contains_name = core::utf8_to_u32(lowered_name).size() >= 3
                                 ? lowered.find(lowered_name) != std::string::npos
                                 : !lowered_name.empty() && lowered == lowered_name;
  if (contains_name) {
    return {{field, 0, "ユーザー名を含むパスワードは使えません。"}};
  }
  if (std::string problem = dictionary_problem(normalized, std::string(name)); !problem.empty()) {
    return {{field, 0, problem}};
  }
  return {};
}

}  // namespace medbcp::app
