#include "store/session_store.h"

namespace medbcp::store {

void insert_session(Database& db, const SessionRecord& s) {
  auto stmt = db.prepare(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
      "second_factor_pending, two_factor_setup_required) VALUES (?, ?, ?, ?, ?, ?, ?)");
  stmt->bind(1, s.token_hash)
      .bind(2, s.user_id)
      .bind(3, s.csrf_token)
      .bind(4, s.created_at)
      .bind(5, s.last_seen_at)
      .bind(6, s.second_factor_pending)
      .bind(7, s.two_factor_setup_required)
      .run();
}

namespace {

// The session's columns, first in a row as both queries below select them.
constexpr const char* kSessionColumns =
    "s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, "
    "s.second_factor_pending, s.two_factor_setup_required";

SessionRecord read_session(const Statement& stmt) {
  return SessionRecord{stmt.text(0),    stmt.integer(1),      stmt.text(2),        stmt.integer(3),
                       stmt.integer(4), stmt.integer(5) != 0, stmt.integer(6) != 0};
}

}  // namespace

std::optional<SessionRecord> find_session(Database& db, const std::string& token_hash) {
  auto stmt = db.prepare(std::string("SELECT ") + kSessionColumns +
                         " FROM sessions s WHERE s.token_hash = ?");
  stmt->bind(1, token_hash);
  if (!stmt->step()) return std::nullopt;
  return read_session(*stmt);
}

std::optional<SessionWithUser> find_session_with_user(Database& db, const std::string& token_hash) {
  auto stmt = db.prepare(std::string("SELECT ") + kSessionColumns +
                         ", u.name, u.role, u.password_hash, u.active, u.created_at, "
                         "u.last_login_at, u.must_change_password "
                         "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?");
  stmt->bind(1, token_hash);
  if (!stmt->step()) return std::nullopt;
  SessionRecord session = read_session(*stmt);
  UserRecord user{session.user_id,         stmt->text(7),          stmt->text(8),
                  stmt->text(9),           stmt->integer(10) != 0, stmt->text(11),
                  stmt->optional_text(12), stmt->integer(13) != 0};
  return SessionWithUser{std::move(session), std::move(user)};
}

void touch_session(Database& db, const std::string& token_hash, std::int64_t seen_at) {
  auto stmt = db.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?");
  stmt->bind(1, seen_at).bind(2, token_hash).run();
}

void delete_session(Database& db, const std::string& token_hash) {
  auto stmt = db.prepare("DELETE FROM sessions WHERE token_hash = ?");
  stmt->bind(1, token_hash).run();
}

void delete_user_sessions(Database& db, std::int64_t user_id) {
  auto stmt = db.prepare("DELETE FROM sessions WHERE user_id = ?");
  stmt->bind(1, user_id).run();
}

void clear_two_factor_setup_required(Database& db, std::int64_t user_id) {
  db.prepare("UPDATE sessions SET two_factor_setup_required = 0 WHERE user_id = ?")
      ->bind(1, user_id)
      .run();
}

void delete_expired_sessions(Database& db, std::int64_t created_before, std::int64_t seen_before) {
  auto stmt = db.prepare("DELETE FROM sessions WHERE created_at < ? OR last_seen_at < ?");
  stmt->bind(1, created_before).bind(2, seen_before).run();
}

void record_login_attempt(Database& db, const std::string& login_key, const std::string& remote,
                          std::int64_t at, bool succeeded) {
  auto stmt = db.prepare(
      "INSERT INTO login_attempts (login_key, remote, at, succeeded) VALUES (?, ?, ?, ?)");
  stmt->bind(1, login_key).bind(2, remote).bind(3, at).bind(4, succeeded).run();
}

int count_recent_failures_for_name(Database& db, const std::string& login_key, std::int64_t since) {
  auto stmt = db.prepare(
      "SELECT COUNT(*) FROM login_attempts WHERE login_key = ? AND succeeded = 0 AND at >= ? "
      "AND id > COALESCE((SELECT MAX(id) FROM login_attempts "
      "                   WHERE login_key = ? AND succeeded = 1), 0)");
  stmt->bind(1, login_key).bind(2, since).bind(3, login_key);
  stmt->step();
  return static_cast<int>(stmt->integer(0));
}

int count_recent_failures_from(Database& db, const std::string& remote, std::int64_t since) {
  auto stmt = db.prepare(
      "SELECT COUNT(*) FROM login_attempts WHERE remote = ? AND succeeded = 0 AND at >= ?");
  stmt->bind(1, remote).bind(2, since);
  stmt->step();
  return static_cast<int>(stmt->integer(0));
}

void delete_login_attempts_before(Database& db, std::int64_t before) {
  auto stmt = db.prepare("DELETE FROM login_attempts WHERE at < ?");
  stmt->bind(1, before).run();
}

}  // namespace medbcp::store
