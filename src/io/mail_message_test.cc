// The message on the wire: a Japanese subject as RFC 2047 words, the body in
// UTF-8 (base64) or ISO-2022-JP (7bit), UTF-8 when JIS cannot hold it.
#include "io/mail_message.h"

#include <gtest/gtest.h>

namespace medbcp::io {
namespace {

MailMessage message(std::string body) {
  MailMessage m;
  m.from = "medbcp@clinic.example";
  m.to = {"incho@clinic.example", "jimu@clinic.example"};
  m.subject = "【medbcp】インシデントが報告されました（No.3）";
  m.body = std::move(body);
  m.date = core::Instant::from_tokyo(core::Date{2026, 12, 7}, 8, 40);
  m.message_id = "3.incident@medbcp";
  return m;
}

TEST(MailMessage, UsesUtf8WithBase64AndEncodedWordsByDefault) {
  const std::string bytes =
      mail_bytes(message("受付で脅迫文が見つかりました。\n対応してください。"), MailCharset::Utf8);
  EXPECT_NE(bytes.find("Subject: =?UTF-8?B?"), std::string::npos) << bytes;
  EXPECT_NE(bytes.find("To: incho@clinic.example, jimu@clinic.example\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("Date: Mon, 07 Dec 2026 08:40:00 +0900\r\n"), std::string::npos) << bytes;
  EXPECT_NE(bytes.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("Content-Transfer-Encoding: base64\r\n"), std::string::npos);
  // Every line of the message is within 998 bytes and 7-bit.
  for (unsigned char c : bytes) EXPECT_LT(c, 0x80);
}

TEST(MailMessage, WritesIso2022JpWhenAskedAndItCanHoldTheText) {
  const std::string bytes =
      mail_bytes(message("受付で脅迫文が見つかりました。"), MailCharset::Iso2022Jp);
  EXPECT_NE(bytes.find("Subject: =?ISO-2022-JP?B?"), std::string::npos) << bytes;
  EXPECT_NE(bytes.find("charset=ISO-2022-JP"), std::string::npos);
  EXPECT_NE(bytes.find("Content-Transfer-Encoding: 7bit"), std::string::npos);
  EXPECT_NE(bytes.find("\x1b$B"), std::string::npos);  // JIS X 0208 begins
  for (unsigned char c : bytes) EXPECT_LT(c, 0x80);
  // 髙 is not in JIS X 0208: the body goes as UTF-8 rather than with '?'.
  const std::string fallback =
      mail_bytes(message("連絡：髙橋さん（IT担当）"), MailCharset::Iso2022Jp);
  EXPECT_NE(fallback.find("charset=UTF-8"), std::string::npos);
}

TEST(MailMessage, LongSubjectsAreSplitIntoWordsOfWholeCharacters) {
  EXPECT_EQ(encode_header_words("medbcp status", MailCharset::Utf8), "medbcp status");
  std::string japanese;
  for (int i = 0; i < 40; ++i) japanese += "対応";
  const std::string encoded = encode_header_words(japanese, MailCharset::Utf8);
  std::size_t start = 0, count = 0;
  while (start < encoded.size()) {
    const std::size_t end = encoded.find("\r\n ", start);
    const std::string word = encoded.substr(start, end == std::string::npos ? end : end - start);
    EXPECT_LE(word.size(), 75u) << word;
    ++count;
    if (end == std::string::npos) break;
    start = end + 3;
  }
  EXPECT_GT(count, 1u);
}

TEST(MailMessage, AddressesAreCheckedSimply) {
  EXPECT_TRUE(looks_like_mail_address("incho@clinic.example"));
  for (const char* bad : {"", "incho", "@clinic.example", "incho@", "a b@c.d", "a@b@c.d", "<a@b.c>",
                          "a@b.c,d@e.f", "a@localhost"}) {
    EXPECT_FALSE(looks_like_mail_address(bad)) << bad;
  }
}

}  // namespace
}  // namespace medbcp::io
