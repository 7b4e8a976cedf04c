#include "app/two_factor.h"

#include <algorithm>

#include "app/audit.h"
#include "app/password.h"
#include "core/totp.h"
#include "store/session_store.h"
#include "store/two_factor_store.h"
#include "store/user_store.h"

namespace medbcp::app {
namespace {

constexpr const char* kIssuer = "medbcp";

// Ten characters of base32 (50 bits), shown as XXXXX-XXXXX.
std::string new_recovery_code() {
  const std::string text = core::base32_encode(random_bytes(7)).substr(0, 10);
  return text.substr(0, 5) + "-" + text.substr(5);
}

// As typed: any case, with or without the hyphen and spaces.
std::string normalized_recovery_code(const std::string& typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += c;
  }
  return out;
}

std::vector<std::string> store_new_recovery_codes(store::Database& db, core::UserId user) {
  std::vector<std::string> codes;
  std::vector<std::string> hashes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    codes.push_back(new_recovery_code());
    hashes.push_back(sha256_hex(normalized_recovery_code(codes.back())));
  }
  store::replace_recovery_codes(db, user.value, hashes);
  return codes;
}

bool role_requires(store::Database& db, Role role) {
  const auto roles = store::load_two_factor_roles(db);
  return std::find(roles.begin(), roles.end(), code(role)) != roles.end();
}

}  // namespace

TwoFactorStatus two_factor_status(Workspace& ws, core::UserId user) {
  store::Database& db = ws.db();
  const store::TwoFactorRecord record = store::load_two_factor(db, user.value);
  TwoFactorStatus out;
  out.enabled = !record.secret.empty();
  out.unused_recovery_codes = record.unused_recovery_codes;
  if (const auto u = store::find_user(db, user.value)) {
    if (const auto role = role_from_code(u->role)) out.required = role_requires(db, *role);
  }
  return out;
}

TwoFactorEnrolment new_enrolment(Workspace& /*ws*/, const std::string& account_name) {
  return enrolment_with_secret(account_name, core::base32_encode(random_bytes(20)));
}

TwoFactorEnrolment enrolment_with_secret(const std::string& account_name,
                                         const std::string& secret) {
  return {secret, core::otpauth_uri(kIssuer, account_name, secret)};
}

std::string grouped_secret(const std::string& secret) {
  std::string out;
  for (std::size_t i = 0; i < secret.size(); i += 4) {
    if (!out.empty()) out += ' ';
    out += secret.substr(i, 4);
  }
  return out;
}

TwoFactorEnabled enable_own_two_factor(Workspace& ws, const Actor& actor, const std::string& secret,
                                       const std::string& code, core::Instant now) {
  require(actor, Permission::OwnAccount);
  TwoFactorEnabled out;
  const auto key = core::base32_decode(secret);
  if (!key || key->size() < 16) {
    out.problems.push_back({"secret", 0,
                            "設定用の鍵が正しくありません。このページを開き直して、"
                            "新しい QR コードで設定してください。"});
    return out;
  }
  const auto step = core::match_totp(*key, code, now.seconds, 0);
  if (!step) {
    out.problems.push_back(
        {"code", 0,
         "確認コードが一致しません。認証アプリに表示されている6桁の数字を"
         "入力してください（スマートフォンの時刻が正しいかも確かめてください）。"});
    return out;
  }
  store::Database& db = ws.db();
  store::Transaction tx(db);
  store::set_totp_secret(db, actor.user.value, core::base32_encode(*key));
  store::claim_totp_step(db, actor.user.value, *step);
  out.recovery_codes = store_new_recovery_codes(db, actor.user);
  store::clear_two_factor_setup_required(db, actor.user.value);
  audit(db, actor, audit_action::kTwoFactorOn, actor.name);
  tx.commit();
  return out;
}

core::Problems disable_own_two_factor(Workspace& ws, const Actor& actor,
                                      const std::string& password) {
  require(actor, Permission::OwnAccount);
  store::Database& db = ws.db();
  const auto user = store::find_user(db, actor.user.value);
  if (!user || !verify_password(user->password_hash, password)) {
    return {{"password", 0, "パスワードが正しくありません。"}};
  }
  if (role_requires(db, actor.role)) {
    return {{"", 0,
             std::string("あなたの役割（") + label(actor.role) +
                 "）では二要素認証が必須のため、解除できません。スマートフォンを替えた場合は、"
                 "解除せずに設定し直してください。"}};
  }
  store::Transaction tx(db);
  store::set_totp_secret(db, actor.user.value, "");
  audit(db, actor, audit_action::kTwoFactorOff, actor.name);
  tx.commit();
  return {};
}

std::vector<std::string> renew_recovery_codes(Workspace& ws, const Actor& actor) {
  require(actor, Permission::OwnAccount);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto codes = store_new_recovery_codes(db, actor.user);
  audit(db, actor, audit_action::kTwoFactorOn, actor.name, "回復コードの再発行");
  tx.commit();
  return codes;
}

ConsoleEnrolment console_enable_two_factor(Workspace& ws, const Actor& console, core::UserId user) {
  require(console, Permission::ManageUsers);
  store::Database& db = ws.db();
  const auto record = store::find_user(db, user.value);
  if (!record) throw std::runtime_error("利用者が見つかりません。");
  ConsoleEnrolment out;
  out.enrolment = new_enrolment(ws, record->name);
  store::Transaction tx(db);
  store::set_totp_secret(db, user.value, out.enrolment.secret);
  out.recovery_codes = store_new_recovery_codes(db, user);
  store::clear_two_factor_setup_required(db, user.value);
  audit(db, console, audit_action::kTwoFactorOn, record->name, "コンソールから");
  tx.commit();
  return out;
}

void console_disable_two_factor(Workspace& ws, const Actor& console, core::UserId user) {
  require(console, Permission::ManageUsers);
  store::Database& db = ws.db();
  const auto record = store::find_user(db, user.value);
  if (!record) throw std::runtime_error("利用者が見つかりません。");
  store::Transaction tx(db);
  store::set_totp_secret(db, user.value, "");
  audit(db, console, audit_action::kTwoFactorOff, record->name, "コンソールから");
  tx.commit();
}

bool check_second_factor(Workspace& ws, core::UserId user, const std::string& code,
                         core::Instant now) {
  store::Database& db = ws.db();
  const store::TwoFactorRecord record = store::load_two_factor(db, user.value);
  const auto key = core::base32_decode(record.secret);
  if (!key || key->empty()) return false;
  store::Transaction tx(db);
  if (const auto step = core::match_totp(*key, code, now.seconds, record.last_step)) {
    // Claimed in the database, so two requests with one code cannot both pass.
    const bool claimed = store::claim_totp_step(db, user.value, *step);
    tx.commit();
    return claimed;
  }
  const std::string normalized = normalized_recovery_code(code);
  if (normalized.size() != 10) return false;
  if (!store::use_recovery_code(db, user.value, sha256_hex(normalized), now.seconds)) return false;
  if (const auto u = store::find_user(db, user.value)) {
    audit(db, Actor{user, u->name, Role::Viewer}, audit_action::kRecoveryCodeUsed, u->name);
  }
  tx.commit();
  return true;
}

std::vector<Role> two_factor_roles(Workspace& ws) {
  std::vector<Role> out;
  for (const std::string& c : store::load_two_factor_roles(ws.db())) {
    if (const auto role = role_from_code(c)) out.push_back(*role);
  }
  return out;
}

void set_two_factor_roles(Workspace& ws, const Actor& actor, const std::vector<Role>& roles) {
  require(actor, Permission::ManageUsers);
  std::vector<std::string> codes;
  std::string detail;
  for (const Role role : roles) {
    codes.emplace_back(code(role));
    if (!detail.empty()) detail += "・";
    detail += label(role);
  }
  store::Database& db = ws.db();
  store::Transaction tx(db);
  store::save_two_factor_roles(db, codes);
  audit(db, actor, audit_action::kSettings, "二要素認証を必須にする役割",
        detail.empty() ? "なし" : detail);
  tx.commit();
}

}  // namespace medbcp::app
