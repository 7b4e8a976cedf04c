// Sending one e-mail through an SMTP server with libcurl: plain SMTP (a
// local relay), STARTTLS (required when asked: never falls back to plain)
// or TLS from the start (smtps://), with a user name and password when the
// server wants them. Bounded in time; a failure is a Japanese sentence for
// the 点検 page, never an exception.
#pragma once

#include <string>
#include <vector>

namespace medbcp::io {

struct SmtpServer {
  std::string url;       // smtp://host:587 or smtps://host:465
  bool starttls = true;  // for smtp://: require STARTTLS
  std::string username;
  std::string password;
  long timeout_seconds = 30;
};

struct SmtpResult {
  bool sent = false;
  std::string error;  // Japanese, with curl's own words after it
};

SmtpResult send_mail(const SmtpServer& server, const std::string& from,
                     const std::vector<std::string>& to, const std::string& message_bytes);

}  // namespace medbcp::io
