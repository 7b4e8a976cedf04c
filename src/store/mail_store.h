// E-mail settings and the mail queue as stored (schema:
// migrations/020_mail.sql).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace medbcp::store {

struct MailSettingsRow {
  bool enabled = false;
  std::string smtp_url;
  bool starttls = true;
  std::string username;
  std::string password;
  std::string from_address;
  std::string charset = "utf-8";
  std::string digest_to;  // further addresses for the weekly digest, comma-separated
};
std::optional<MailSettingsRow> load_mail_settings(Database& db);
void save_mail_settings(Database& db, const MailSettingsRow& row);

struct QueuedMail {
  std::int64_t id = 0;
  std::string kind;
  std::string dedupe_key;
  std::string recipients;  // comma-separated
  std::string subject;
  std::string body;
  core::Instant created_at;
  int attempts = 0;
  core::Instant next_attempt_at;
  std::optional<core::Instant> sent_at;
  std::optional<core::Instant> failed_at;  // given up
  std::string last_error;
};

// False when a message with the same dedupe_key was queued before.
bool enqueue_mail(Database& db, const QueuedMail& mail);
// Waiting messages whose next attempt is due, oldest first.
std::vector<QueuedMail> due_mail(Database& db, core::Instant now, int limit);
void mark_mail_sent(Database& db, std::int64_t id, core::Instant at, int attempts);
void mark_mail_failed_attempt(Database& db, std::int64_t id, int attempts,
                              core::Instant next_attempt_at, const std::string& error,
                              std::optional<core::Instant> given_up_at);
// The newest messages, newest first.
std::vector<QueuedMail> recent_mail(Database& db, int limit);
bool mail_queued_since(Database& db, const std::string& kind, core::Instant since);

}  // namespace medbcp::store
