// An e-mail as it goes on the wire (RFC 5322 with MIME): a Japanese subject
// encoded by RFC 2047, a plain-text body in UTF-8 (base64) or ISO-2022-JP
// (7bit) as the clinic's mail setting says. A body ISO-2022-JP cannot hold
// (髙, 﨑 …) goes as UTF-8 rather than with '?' in place of a character.
#pragma once

#include <string>
#include <vector>

#include "core/time.h"

namespace medbcp::io {

enum class MailCharset { Utf8, Iso2022Jp };

struct MailMessage {
  std::string from;  // an address
  std::vector<std::string> to;
  std::string subject;  // UTF-8
  std::string body;     // UTF-8, lines separated by '\n'
  core::Instant date;
  std::string message_id;  // without <>; made from the date when empty
};

// The whole message with CRLF line ends.
std::string mail_bytes(const MailMessage& message, MailCharset charset);

// "=?UTF-8?B?…?=" words (each at most 75 characters, split on whole
// characters) for a header value that is not plain ASCII; ASCII as it is.
std::string encode_header_words(const std::string& text, MailCharset charset);

// A mail address's simple check: one @, something on each side, no space
// or angle bracket or comma.
bool looks_like_mail_address(const std::string& address);

}  // namespace medbcp::io
