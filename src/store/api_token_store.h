// Personal access tokens of the JSON API as stored (schema:
// migrations/019_api_tokens.sql). Only the secret's hash is kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace medbcp::store {

struct ApiTokenRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string user_name;  // read with the token, not written
  std::string name;
  std::string scope;  // "read" or "write"
  std::string secret_hash;
  core::Instant created_at;
  std::string created_by;
  core::Instant expires_at;
  std::optional<core::Instant> revoked_at;
  std::optional<core::Instant> last_used_at;
};

// Returns the new token's id.
std::int64_t insert_api_token(Database& db, const ApiTokenRecord& token);
std::optional<ApiTokenRecord> find_api_token_by_hash(Database& db, const std::string& hash);
std::optional<ApiTokenRecord> find_api_token(Database& db, std::int64_t id);
// Every token (user_id 0) or one user's, newest first.
std::vector<ApiTokenRecord> list_api_tokens(Database& db, std::int64_t user_id);
void revoke_api_token(Database& db, std::int64_t id, core::Instant at);
void touch_api_token(Database& db, std::int64_t id, core::Instant at);

}  // namespace medbcp::store
