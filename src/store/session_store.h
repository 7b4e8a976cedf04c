// Server-side web sessions (table sessions) and login attempts (table
// login_attempts, for throttling). Sessions are found by a hash of the
// cookie's token; the token itself is never stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"
#include "store/user_store.h"

namespace medbcp::store {

struct SessionRecord {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;    // Unix seconds
  std::int64_t last_seen_at = 0;  // Unix seconds
  // Made by the password alone; opens only the second step of sign-in.
  bool second_factor_pending = false;
  // Its role must use two-factor sign-in, not yet set up: only the set-up page opens.
  bool two_factor_setup_required = false;
};

void insert_session(Database& db, const SessionRecord& session);
std::optional<SessionRecord> find_session(Database& db, const std::string& token_hash);
// A session with its account, in one query: every signed-in request asks,
// and on PostgreSQL each query is a round trip.
struct SessionWithUser {
  SessionRecord session;
  UserRecord user;
};
std::optional<SessionWithUser> find_session_with_user(Database& db, const std::string& token_hash);
void touch_session(Database& db, const std::string& token_hash, std::int64_t seen_at);
void delete_session(Database& db, const std::string& token_hash);
void delete_user_sessions(Database& db, std::int64_t user_id);
// After the user set up two-factor sign-in: their sessions open every page.
void clear_two_factor_setup_required(Database& db, std::int64_t user_id);
// Removes sessions created before `created_before` or idle since before `seen_before`.
void delete_expired_sessions(Database& db, std::int64_t created_before, std::int64_t seen_before);

void record_login_attempt(Database& db, const std::string& login_key, const std::string& remote,
                          std::int64_t at, bool succeeded);
// Failed attempts for this name at or after `since` and after its last success.
int count_recent_failures_for_name(Database& db, const std::string& login_key, std::int64_t since);
// Failed attempts from this address at or after `since` (any name).
int count_recent_failures_from(Database& db, const std::string& remote, std::int64_t since);
void delete_login_attempts_before(Database& db, std::int64_t before);

}  // namespace medbcp::store
