#include "store/api_token_store.h"

namespace medbcp::store {
namespace {

constexpr const char* kSelect =
    "SELECT t.id, t.user_id, u.name, t.name, t.scope, t.secret_hash, t.created_at, t.created_by, "
    "t.expires_at, t.revoked_at, t.last_used_at FROM api_tokens t JOIN users u ON u.id = "
    "t.user_id ";

ApiTokenRecord read_token(const Statement& s) {
  ApiTokenRecord t;
  t.id = s.integer(0);
  t.user_id = s.integer(1);
  t.user_name = s.text(2);
  t.name = s.text(3);
  t.scope = s.text(4);
  t.secret_hash = s.text(5);
  t.created_at = core::Instant{s.integer(6)};
  t.created_by = s.text(7);
  t.expires_at = core::Instant{s.integer(8)};
  if (auto v = s.optional_integer(9)) t.revoked_at = core::Instant{*v};
  if (auto v = s.optional_integer(10)) t.last_used_at = core::Instant{*v};
  return t;
}

std::optional<ApiTokenRecord> first(Statement& s) {
  if (!s.step()) return std::nullopt;
  return read_token(s);
}

}  // namespace

std::int64_t insert_api_token(Database& db, const ApiTokenRecord& t) {
  auto s = db.prepare(
      "INSERT INTO api_tokens (user_id, name, scope, secret_hash, created_at, created_by, "
      "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  s->bind(1, t.user_id)
      .bind(2, t.name)
      .bind(3, t.scope)
      .bind(4, t.secret_hash)
      .bind(5, t.created_at.seconds)
      .bind(6, t.created_by)
      .bind(7, t.expires_at.seconds);
  return s->run_returning_id();
}

std::optional<ApiTokenRecord> find_api_token_by_hash(Database& db, const std::string& hash) {
  auto s = db.prepare(std::string(kSelect) + "WHERE t.secret_hash = ?");
  s->bind(1, hash);
  return first(*s);
}

std::optional<ApiTokenRecord> find_api_token(Database& db, std::int64_t id) {
  auto s = db.prepare(std::string(kSelect) + "WHERE t.id = ?");
  s->bind(1, id);
  return first(*s);
}

std::vector<ApiTokenRecord> list_api_tokens(Database& db, std::int64_t user_id) {
  auto s = db.prepare(std::string(kSelect) + "WHERE (? = 0 OR t.user_id = ?) ORDER BY t.id DESC");
  s->bind(1, user_id).bind(2, user_id);
  std::vector<ApiTokenRecord> out;
  while (s->step()) out.push_back(read_token(*s));
  return out;
}

void revoke_api_token(Database& db, std::int64_t id, core::Instant at) {
  db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
      ->bind(1, at.seconds)
      .bind(2, id)
      .run();
}

void touch_api_token(Database& db, std::int64_t id, core::Instant at) {
  db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
      ->bind(1, at.seconds)
      .bind(2, id)
      .run();
}

}  // namespace medbcp::store
