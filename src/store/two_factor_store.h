// Two-factor sign-in's stored state (migrations/013_two_factor.sql): each
// account's TOTP secret and last accepted step, its recovery codes (hashed),
// and which roles must use it. Callers hold the transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace medbcp::store {

struct TwoFactorRecord {
  std::string secret;          // base32; "" when not set up
  std::int64_t last_step = 0;  // the last 30-second step accepted
  std::int64_t unused_recovery_codes = 0;
};

TwoFactorRecord load_two_factor(Database& db, std::int64_t user_id);
// Sets (or, with "", removes) the secret; the step count starts again and,
// on removal, the recovery codes go too.
void set_totp_secret(Database& db, std::int64_t user_id, const std::string& base32_secret);
// Records `step` as used, only if it is later than the one stored; false
// when another request used it (or a later one) first.
bool claim_totp_step(Database& db, std::int64_t user_id, std::int64_t step);

void replace_recovery_codes(Database& db, std::int64_t user_id,
                            const std::vector<std::string>& code_hashes);
// Marks the unused code with this hash as used; false when there is none.
bool use_recovery_code(Database& db, std::int64_t user_id, const std::string& code_hash,
                       std::int64_t at);

// Role codes that must use two-factor sign-in.
std::vector<std::string> load_two_factor_roles(Database& db);
void save_two_factor_roles(Database& db, const std::vector<std::string>& role_codes);

}  // namespace medbcp::store
