// Two-factor sign-in (二要素認証), as the MHLW checklist asks (target
// 令和9年度) and OWASP ASVS L2 expects: a TOTP authenticator app (RFC 6238)
// as the second step after the password, ten single-use recovery codes
// for a lost phone, and the administrator's choice of roles that must use
// it. The second step itself is in app/sessions.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::app {

inline constexpr int kRecoveryCodeCount = 10;

struct TwoFactorStatus {
  bool enabled = false;
  std::int64_t unused_recovery_codes = 0;
  bool required = false;  // the account's role must use it
};

TwoFactorStatus two_factor_status(Workspace& ws, core::UserId user);

// What the set-up page shows: a new random secret (160 bits, base32, in
// groups of four for typing), and the otpauth:// URI its QR code holds.
struct TwoFactorEnrolment {
  std::string secret;
  std::string uri;
};
TwoFactorEnrolment new_enrolment(Workspace& ws, const std::string& account_name);
// The same for a secret already shown (the page again after a wrong code).
TwoFactorEnrolment enrolment_with_secret(const std::string& account_name,
                                         const std::string& secret);
// The secret in groups of four ("ABCD EFGH …"), as the page shows it.
std::string grouped_secret(const std::string& secret);

struct TwoFactorEnabled {
  core::Problems problems;  // field "code" (or "secret")
  // Shown once: only their hashes are kept.
  std::vector<std::string> recovery_codes;
};

// Turns two-factor sign-in on for the actor's own account when `code` is
// the current code of `secret` (proving the app holds it).
TwoFactorEnabled enable_own_two_factor(Workspace& ws, const Actor& actor, const std::string& secret,
                                       const std::string& code, core::Instant now);
// Turns it off for the actor's own account, after the password again.
// Refused while the role must use it.
core::Problems disable_own_two_factor(Workspace& ws, const Actor& actor,
                                      const std::string& password);
// New recovery codes for the actor's own account; the old ones stop working.
std::vector<std::string> renew_recovery_codes(Workspace& ws, const Actor& actor);

// At the console, for an administrator locked out (medbcp user 2fa …):
// `enable` sets a new secret at once and returns it with its URI and new
// recovery codes; `disable` removes it.
struct ConsoleEnrolment {
  TwoFactorEnrolment enrolment;
  std::vector<std::string> recovery_codes;
};
ConsoleEnrolment console_enable_two_factor(Workspace& ws, const Actor& console, core::UserId user);
void console_disable_two_factor(Workspace& ws, const Actor& console, core::UserId user);

// Whether `code` is the account's current TOTP code (accepted once) or one
// of its unused recovery codes (then used up). Writes in its own
// transaction.
bool check_second_factor(Workspace& ws, core::UserId user, const std::string& code,
                         core::Instant now);

// The roles that must use two-factor sign-in (administrators choose).
std::vector<Role> two_factor_roles(Workspace& ws);
void set_two_factor_roles(Workspace& ws, const Actor& actor, const std::vector<Role>& roles);

}  // namespace medbcp::app
