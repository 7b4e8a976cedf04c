// E-mail that reaches the 責任者 without anyone opening a page: a notice
// when an incident or a drill starts (to the 責任者 and the people 別紙１
// has report to the 責任者 directly, the first to be told), a weekly digest
// of what is overdue (to the 責任者 and the addresses the administrator
// adds), and a reminder a week before an MHLW-checklist target date.
//
// Every message is queued in the database — an incident's notice in the
// same transaction as the incident — and sent by a worker (the server's
// MailWorker, or `medbcp mail run`) through SMTP (io/smtp_client.h), with
// retries and back-off: a mail server that is down never blocks a request
// and never loses a message; what could not be sent shows on the 点検 page.
//
// Settings: the administrator's メール設定, or the environment the Debian
// package's /etc/default/medbcp gives (MEDBCP_SMTP_URL, MEDBCP_SMTP_USER,
// MEDBCP_SMTP_PASSWORD, MEDBCP_SMTP_STARTTLS, MEDBCP_MAIL_FROM,
// MEDBCP_MAIL_CHARSET), which take precedence.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/incident.h"
#include "core/plan.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::store {
class Database;
}  // namespace medbcp::store

namespace medbcp::app {

// The body's character set (ISO-2022-JP for old Japanese mail programs).
enum class MailCharset { Utf8, Iso2022Jp };

struct MailSettings {
  bool enabled = false;
  std::string smtp_url;  // smtp://host:587 or smtps://host:465
  bool starttls = true;
  std::string username;
  std::string password;
  std::string from_address;
  MailCharset charset = MailCharset::Utf8;
  std::vector<std::string> digest_to;
  bool from_environment = false;  // set by the environment, not editable on the page
};

// Addresses typed one a line or separated by commas or semicolons,
// trimmed, blanks dropped (the digest's further addresses).
std::vector<std::string> split_mail_addresses(const std::string& text);

// ManageUsers (it holds the SMTP password).
MailSettings mail_settings(Workspace& ws, const Actor& actor);
// ManageUsers. Problems name the field: "smtp_url", "from_address",
// "digest_to" (with the row of the bad address), "charset".
core::Problems save_mail_settings(Workspace& ws, const Actor& actor, const MailSettings& settings);

// Queues the notice of a started incident or drill, inside the caller's
// transaction; nothing when mail is off or nobody has an address.
void queue_incident_started_mail(store::Database& db, const core::Plan& plan,
                                 const core::Incident& incident, bool drill, core::Instant now);

// Whether mail is turned on (the page's setting or the environment's).
bool mail_enabled(Workspace& ws);

// Queues the week's digest (when the last was 7 days ago or more and
// something is overdue) and the checklist target-date reminders due within
// a week. Returns how many were queued.
int queue_scheduled_mail(Workspace& ws, const core::Date& today, core::Instant now);

struct DeliveryReport {
  int sent = 0;
  int retrying = 0;  // failed this time, will be tried again
  int given_up = 0;
};
// Sends the queued messages whose time has come.
DeliveryReport deliver_mail(Workspace& ws, core::Instant now);

// Administrator's 「テスト送信」: one message now, not through the queue.
// The error in Japanese, or "" when sent.
std::string send_test_mail(Workspace& ws, const Actor& actor, const std::string& to,
                           core::Instant now);

struct MailQueueView {
  std::vector<std::string> problems;  // failures people should see (the 点検 page)
  int waiting = 0;
  int sent_recently = 0;
};
// ReadPlan.
MailQueueView mail_queue_view(Workspace& ws, const Actor& actor);

// The back-off after `attempts` failed attempts: 1, 2, 4 … minutes, at
// most 6 hours; after kMailMaxAttempts the message is given up.
std::int64_t mail_retry_delay_seconds(int attempts);
inline constexpr int kMailMaxAttempts = 12;

}  // namespace medbcp::app
