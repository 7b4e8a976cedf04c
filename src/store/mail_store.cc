#include "store/mail_store.h"

namespace medbcp::store {
namespace {

constexpr const char* kQueueColumns =
    "id, kind, dedupe_key, recipients, subject, body, created_at, attempts, next_attempt_at, "
    "sent_at, failed_at, last_error";

QueuedMail read_mail(const Statement& s) {
  QueuedMail m;
  m.id = s.integer(0);
  m.kind = s.text(1);
  m.dedupe_key = s.text(2);
  m.recipients = s.text(3);
  m.subject = s.text(4);
  m.body = s.text(5);
  m.created_at = core::Instant{s.integer(6)};
  m.attempts = static_cast<int>(s.integer(7));
  m.next_attempt_at = core::Instant{s.integer(8)};
  if (auto v = s.optional_integer(9)) m.sent_at = core::Instant{*v};
  if (auto v = s.optional_integer(10)) m.failed_at = core::Instant{*v};
  m.last_error = s.text(11);
  return m;
}

}  // namespace

std::optional<MailSettingsRow> load_mail_settings(Database& db) {
  auto s = db.prepare(
      "SELECT enabled, smtp_url, starttls, username, password, from_address, charset, digest_to "
      "FROM mail_settings WHERE id = 1");
  if (!s->step()) return std::nullopt;
  MailSettingsRow r;
  r.enabled = s->integer(0) != 0;
  r.smtp_url = s->text(1);
  r.starttls = s->integer(2) != 0;
  r.username = s->text(3);
  r.password = s->text(4);
  r.from_address = s->text(5);
  r.charset = s->text(6);
  r.digest_to = s->text(7);
  return r;
}

void save_mail_settings(Database& db, const MailSettingsRow& r) {
  db.prepare("DELETE FROM mail_settings WHERE id = 1")->run();
  db.prepare(
        "INSERT INTO mail_settings (id, enabled, smtp_url, starttls, username, password, "
        "from_address, charset, digest_to) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")
      ->bind(1, r.enabled)
      .bind(2, r.smtp_url)
      .bind(3, r.starttls)
      .bind(4, r.username)
      .bind(5, r.password)
      .bind(6, r.from_address)
      .bind(7, r.charset)
      .bind(8, r.digest_to)
      .run();
}

bool enqueue_mail(Database& db, const QueuedMail& m) {
  auto exists = db.prepare("SELECT 1 FROM mail_queue WHERE dedupe_key = ?");
  exists->bind(1, m.dedupe_key);
  if (exists->step()) return false;
  db.prepare(
        "INSERT INTO mail_queue (kind, dedupe_key, recipients, subject, body, created_at, "
        "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      ->bind(1, m.kind)
      .bind(2, m.dedupe_key)
      .bind(3, m.recipients)
      .bind(4, m.subject)
      .bind(5, m.body)
      .bind(6, m.created_at.seconds)
      .bind(7, m.next_attempt_at.seconds)
      .run();
  return true;
}

std::vector<QueuedMail> due_mail(Database& db, core::Instant now, int limit) {
  auto s = db.prepare(std::string("SELECT ") + kQueueColumns +
                      " FROM mail_queue WHERE sent_at IS NULL AND failed_at IS NULL AND "
                      "next_attempt_at <= ? ORDER BY id LIMIT ?");
  s->bind(1, now.seconds).bind(2, limit);
  std::vector<QueuedMail> out;
  while (s->step()) out.push_back(read_mail(*s));
  return out;
}

void mark_mail_sent(Database& db, std::int64_t id, core::Instant at, int attempts) {
  db.prepare("UPDATE mail_queue SET sent_at = ?, attempts = ?, last_error = '' WHERE id = ?")
      ->bind(1, at.seconds)
      .bind(2, attempts)
      .bind(3, id)
      .run();
}

void mark_mail_failed_attempt(Database& db, std::int64_t id, int attempts,
                              core::Instant next_attempt_at, const std::string& error,
                              std::optional<core::Instant> given_up_at) {
  auto s = db.prepare(
      "UPDATE mail_queue SET attempts = ?, next_attempt_at = ?, last_error = ?, failed_at = ? "
      "WHERE id = ?");
  s->bind(1, attempts).bind(2, next_attempt_at.seconds).bind(3, error);
  if (given_up_at) {
    s->bind(4, given_up_at->seconds);
  } else {
    s->bind_null(4);
  }
  s->bind(5, id).run();
}

std::vector<QueuedMail> recent_mail(Database& db, int limit) {
  auto s = db.prepare(std::string("SELECT ") + kQueueColumns +
                      " FROM mail_queue ORDER BY id DESC LIMIT ?");
  s->bind(1, limit);
  std::vector<QueuedMail> out;
  while (s->step()) out.push_back(read_mail(*s));
  return out;
}

bool mail_queued_since(Database& db, const std::string& kind, core::Instant since) {
  auto s = db.prepare("SELECT 1 FROM mail_queue WHERE kind = ? AND created_at >= ?");
  s->bind(1, kind).bind(2, since.seconds);
  return s->step();
}

}  // namespace medbcp::store
