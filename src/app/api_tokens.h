// Personal access tokens for the JSON API (/api/v1/): a script or another
// system acts as the user who made the token, read-only or allowed to
// write. The token is shown once when made (`mbt_` and 64 hex digits; on an
// association's server the facility code comes first, `sakura.mbt_…`, so
// the server knows whose it is); only its hash is stored. A token expires
// (at most a year), can be revoked, and every use is in the audit log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::app {

enum class TokenScope { Read, Write };
const char* code(TokenScope scope);
const char* label(TokenScope scope);  // 読み取りのみ / 読み書き
std::optional<TokenScope> token_scope_from_code(std::string_view code);

struct ApiToken {
  std::int64_t id = 0;
  std::string user_name;
  std::string name;
  TokenScope scope = TokenScope::Read;
  core::Instant created_at;
  std::string created_by;
  core::Instant expires_at;
  std::optional<core::Instant> revoked_at;
  std::optional<core::Instant> last_used_at;
  bool usable(core::Instant now) const { return !revoked_at && now < expires_at; }
};

inline constexpr int kMaxTokenDays = 366;

struct NewToken {
  core::Problems problems;  // fields: "name", "scope", "days", "user"
  std::optional<ApiToken> token;
  std::string secret;  // shown once; never stored
};

// A token for `user` (an administrator may make one for anyone; everyone
// else for themself only). `days` from 1 to kMaxTokenDays.
NewToken create_api_token(Workspace& ws, const Actor& actor, core::UserId user,
                          const std::string& name, TokenScope scope, int days, core::Instant now);
// An administrator sees every token; everyone else their own.
std::vector<ApiToken> list_api_tokens(Workspace& ws, const Actor& actor);
// An administrator may revoke any token; everyone else their own.
core::Problems revoke_api_token(Workspace& ws, const Actor& actor, std::int64_t id,
                                core::Instant now);

enum class TokenRefusal { Unknown, Expired, Revoked, UserInactive };
struct TokenCheck {
  std::optional<TokenRefusal> refused;
  Actor actor;  // the token's user
  TokenScope scope = TokenScope::Read;
  std::int64_t token_id = 0;
  std::string token_name;
};
// The token as sent (the secret, without a facility code). Marks its last
// use.
TokenCheck check_api_token(Workspace& ws, const std::string& secret, core::Instant now);
std::string refusal_message(TokenRefusal refusal);

// Splits "code.mbt_…" into the facility code and the secret ("" for none).
std::pair<std::string, std::string> split_api_token(const std::string& sent);

}  // namespace medbcp::app
