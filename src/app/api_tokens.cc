#include "app/api_tokens.h"

#include "app/audit.h"
#include "app/password.h"
#include "app/users.h"
#include "core/text.h"
#include "store/api_token_store.h"
#include "store/database.h"
#include "store/user_store.h"

namespace medbcp::app {
namespace {

constexpr std::string_view kPrefix = "mbt_";

ApiToken from_record(const store::ApiTokenRecord& r) {
  ApiToken t;
  t.id = r.id;
  t.user_name = r.user_name;
  t.name = r.name;
  t.scope = token_scope_from_code(r.scope).value_or(TokenScope::Read);
  t.created_at = r.created_at;
  t.created_by = r.created_by;
  t.expires_at = r.expires_at;
  t.revoked_at = r.revoked_at;
  t.last_used_at = r.last_used_at;
  return t;
}

}  // namespace

const char* code(TokenScope scope) { return scope == TokenScope::Write ? "write" : "read"; }
const char* label(TokenScope scope) {
  return scope == TokenScope::Write ? "読み書き" : "読み取りのみ";
}
std::optional<TokenScope> token_scope_from_code(std::string_view code) {
  if (code == "read") return TokenScope::Read;
  if (code == "write") return TokenScope::Write;
  return std::nullopt;
}

NewToken create_api_token(Workspace& ws, const Actor& actor, core::UserId user,
                          const std::string& name, TokenScope scope, int days, core::Instant now) {
  if (actor.user != user) require(actor, Permission::ManageUsers);
  NewToken out;
  const std::string trimmed = core::trim(name);
  if (trimmed.empty() || trimmed.size() > 200) {
    out.problems.push_back(
        {"name", 0, "トークンの名前（例「夜間バックアップ」）を200バイト以内で入力してください。"});
  }
  if (days < 1 || days > kMaxTokenDays) {
    out.problems.push_back(
        {"days", 0,
         "有効期間は 1〜" + std::to_string(kMaxTokenDays) + " 日の範囲で指定してください。"});
  }
  store::Database& db = ws.db();
  const auto owner = store::find_user(db, user.value);
  if (!owner || !owner->active) {
    out.problems.push_back({"user", 0, "トークンを使う利用者が見つからないか、無効です。"});
  }
  if (!out.problems.empty()) return out;

  out.secret = std::string(kPrefix) + random_hex(32);
  store::ApiTokenRecord r;
  r.user_id = user.value;
  r.user_name = owner->name;
  r.name = trimmed;
  r.scope = code(scope);
  r.secret_hash = sha256_hex(out.secret);
  r.created_at = now;
  r.created_by = actor.name;
  r.expires_at = core::Instant{now.seconds + std::int64_t{days} * 86400};
  store::Transaction tx(db);
  r.id = store::insert_api_token(db, r);
  audit(db, actor, audit_action::kApiTokenAdd, r.name,
        owner->name + "・" + label(scope) + "・" + r.expires_at.tokyo_text() + " まで");
  tx.commit();
  out.token = from_record(r);
  return out;
}

std::vector<ApiToken> list_api_tokens(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  const bool all = allows(actor.role, Permission::ManageUsers);
  std::vector<ApiToken> out;
  for (const auto& r : store::list_api_tokens(ws.db(), all ? 0 : actor.user.value)) {
    out.push_back(from_record(r));
  }
  return out;
}

core::Problems revoke_api_token(Workspace& ws, const Actor& actor, std::int64_t id,
                                core::Instant now) {
  store::Database& db = ws.db();
  store::Transaction tx(db);
  const auto r = store::find_api_token(db, id);
  if (!r || (r->user_id != actor.user.value && !allows(actor.role, Permission::ManageUsers))) {
    return {{"token", 0, "そのトークンは見つかりません。"}};
  }
  if (r->revoked_at) return {{"token", 0, "そのトークンはすでに取り消されています。"}};
  store::revoke_api_token(db, id, now);
  audit(db, actor, audit_action::kApiTokenRevoke, r->name, r->user_name);
  tx.commit();
  return {};
}

TokenCheck check_api_token(Workspace& ws, const std::string& secret, core::Instant now) {
  TokenCheck out;
  if (!secret.starts_with(kPrefix)) {
    out.refused = TokenRefusal::Unknown;
    return out;
  }
  store::Database& db = ws.db();
  const auto r = store::find_api_token_by_hash(db, sha256_hex(secret));
  if (!r) {
    out.refused = TokenRefusal::Unknown;
    return out;
  }
  out.token_id = r->id;
  out.token_name = r->name;
  out.scope = token_scope_from_code(r->scope).value_or(TokenScope::Read);
  if (r->revoked_at) {
    out.refused = TokenRefusal::Revoked;
    return out;
  }
  if (!(now < r->expires_at)) {
    out.refused = TokenRefusal::Expired;
    return out;
  }
  const auto user = find_user(ws, core::UserId(r->user_id));
  if (!user || !user->active) {
    out.refused = TokenRefusal::UserInactive;
    return out;
  }
  out.actor = actor_for(*user);
  store::touch_api_token(db, r->id, now);
  return out;
}

std::string refusal_message(TokenRefusal refusal) {
  switch (refusal) {
    case TokenRefusal::Unknown:
      return "アクセストークンが正しくありません（この施設のトークンではないか、文字が欠けています"
             "）。";
    case TokenRefusal::Expired:
      return "アクセストークンの有効期限が切れています。アカウントのページで新しいトークンを作って"
             "ください。";
    case TokenRefusal::Revoked:
      return "このアクセストークンは取り消されています。";
    case TokenRefusal::UserInactive:
      return "このアクセストークンの利用者は無効になっています。";
  }
  return "";
}

std::pair<std::string, std::string> split_api_token(const std::string& sent) {
  const std::size_t at = sent.find(kPrefix);
  if (at == std::string::npos || at == 0) return {"", sent};
  if (sent[at - 1] != '.') return {"", sent};
  return {sent.substr(0, at - 1), sent.substr(at)};
}

}  // namespace medbcp::app
