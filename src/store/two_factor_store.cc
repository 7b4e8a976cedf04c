#include "store/two_factor_store.h"

namespace medbcp::store {

TwoFactorRecord load_two_factor(Database& db, std::int64_t user_id) {
  auto stmt = db.prepare(
      "SELECT totp_secret, totp_last_step, (SELECT count(*) FROM recovery_codes r "
      "WHERE r.user_id = users.id AND r.used_at IS NULL) FROM users WHERE id = ?");
  stmt->bind(1, user_id);
  TwoFactorRecord out;
  if (stmt->step()) out = {stmt->text(0), stmt->integer(1), stmt->integer(2)};
  return out;
}

void set_totp_secret(Database& db, std::int64_t user_id, const std::string& base32_secret) {
  db.prepare("UPDATE users SET totp_secret = ?, totp_last_step = 0 WHERE id = ?")
      ->bind(1, base32_secret)
      .bind(2, user_id)
      .run();
  if (base32_secret.empty()) replace_recovery_codes(db, user_id, {});
}

bool claim_totp_step(Database& db, std::int64_t user_id, std::int64_t step) {
  auto stmt = db.prepare(
      "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ? RETURNING id");
  stmt->bind(1, step).bind(2, user_id).bind(3, step);
  const bool claimed = stmt->step();
  stmt->run();
  return claimed;
}

void replace_recovery_codes(Database& db, std::int64_t user_id,
                            const std::vector<std::string>& code_hashes) {
  db.prepare("DELETE FROM recovery_codes WHERE user_id = ?")->bind(1, user_id).run();
  auto insert = db.prepare("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)");
  for (const std::string& hash : code_hashes) {
    insert->bind(1, user_id).bind(2, hash);
    insert->run();
    insert->reset();
  }
}

bool use_recovery_code(Database& db, std::int64_t user_id, const std::string& code_hash,
                       std::int64_t at) {
  auto stmt = db.prepare(
      "UPDATE recovery_codes SET used_at = ? WHERE id = (SELECT id FROM recovery_codes "
      "WHERE user_id = ? AND code_hash = ? AND used_at IS NULL LIMIT 1) RETURNING id");
  stmt->bind(1, at).bind(2, user_id).bind(3, code_hash);
  const bool used = stmt->step();
  stmt->run();
  return used;
}

std::vector<std::string> load_two_factor_roles(Database& db) {
  auto stmt = db.prepare("SELECT two_factor_roles FROM sign_in_policy WHERE id = 1");
  std::vector<std::string> out;
  if (!stmt->step()) return out;
  const std::string codes = stmt->text(0);
  std::size_t start = 0;
  while (start < codes.size()) {
    std::size_t end = codes.find(',', start);
    if (end == std::string::npos) end = codes.size();
    if (end > start) out.push_back(codes.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void save_two_factor_roles(Database& db, const std::vector<std::string>& role_codes) {
  std::string codes;
  for (const std::string& code : role_codes) {
    if (!codes.empty()) codes += ',';
    codes += code;
  }
  db.prepare("UPDATE sign_in_policy SET two_factor_roles = ? WHERE id = 1")->bind(1, codes).run();
}

}  // namespace medbcp::store
