#include "io/mail_message.h"

#include <cstdio>

#include "core/text.h"
#include "io/text_encoding.h"

namespace medbcp::io {
namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool is_ascii_text(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || c == '\r' || c == '\n') return false;
  }
  return true;
}

// Splits UTF-8 into pieces of whole characters of at most `max` bytes.
std::vector<std::string> utf8_pieces(const std::string& text, std::size_t max) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    while (end < text.size()) {
      const std::size_t len = std::max<std::size_t>(core::utf8_sequence_length(text, end), 1);
      if (end + len - i > max) break;
      end += len;
    }
    if (end == i) end = i + 1;  // a broken byte: carried on its own
    out.push_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

std::string date_header(const core::Instant& t) {
  // RFC 5322 date in Japan time: "Mon, 07 Dec 2026 12:00:00 +0900".
  static const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const core::Date d = t.tokyo_date();
  const std::int64_t in_day = t.tokyo_seconds_of_day();
  const std::int64_t days = d.days_since_epoch();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0900",
                kDays[((days % 7) + 7) % 7], d.day, kMonths[d.month - 1], d.year,
                static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                static_cast<int>(in_day % 60));
  return buf;
}

}  // namespace

std::string encode_header_words(const std::string& text, MailCharset charset) {
  if (is_ascii_text(text)) return text;
  std::string out;
  // 75 characters a word: "=?UTF-8?B?" + base64 + "?=" leaves 63 for the
  // base64 of 45 bytes of UTF-8.
  for (const auto& piece : utf8_pieces(text, 45)) {
    if (!out.empty()) out += "\r\n ";
    if (charset == MailCharset::Iso2022Jp) {
      const auto jis = encode_iso2022jp(piece);
      if (jis.unmappable.empty()) {
        out += "=?ISO-2022-JP?B?" + base64(jis.bytes) + "?=";
        continue;
      }
    }
    out += "=?UTF-8?B?" + base64(piece) + "?=";
  }
  return out;
}

bool looks_like_mail_address(const std::string& address) {
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= address.size()) return false;
  if (address.find('@', at + 1) != std::string::npos) return false;
  for (unsigned char c : address) {
    if (c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c >= 0x7f) return false;
  }
  return address.find('.', at) != std::string::npos;
}

std::string mail_bytes(const MailMessage& m, MailCharset charset) {
  std::string body;
  for (char c : m.body) {
    if (c == '\n') {
      body += "\r\n";
    } else if (c != '\r') {
      body += c;
    }
  }
  if (!body.ends_with("\r\n")) body += "\r\n";
  bool jis = false;
  std::string encoded_body;
  if (charset == MailCharset::Iso2022Jp) {
    const auto converted = encode_iso2022jp(body);
    if (converted.unmappable.empty()) {
      jis = true;
      encoded_body = converted.bytes;
    }
  }
  std::string to;
  for (const auto& a : m.to) to += (to.empty() ? "" : ", ") + a;
  const std::string id =
      m.message_id.empty() ? std::to_string(m.date.seconds) + ".medbcp@localhost" : m.message_id;
  std::string out;
  out += "From: " + m.from + "\r\n";
  out += "To: " + to + "\r\n";
  out += "Subject: " + encode_header_words(m.subject, jis ? charset : MailCharset::Utf8) + "\r\n";
  out += "Date: " + date_header(m.date) + "\r\n";
  out += "Message-ID: <" + id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (jis) {
    out += "Content-Type: text/plain; charset=ISO-2022-JP\r\n";
    out += "Content-Transfer-Encoding: 7bit\r\n\r\n";
    out += encoded_body;
  } else {
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    const std::string b64 = base64(body);
    for (std::size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
  }
  return out;
}

}  // namespace medbcp::io
