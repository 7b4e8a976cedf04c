// The audit log (監査ログ) as the app writes and reads it: every sign-in, good
// or bad, every change and every export, for an administrator to read and to
// export as CSV (for Excel, an inspector, the police).
//
// Most rows are written by triggers of migrations/006_audit.sql, in the
// transaction of the change itself. The app writes what no table records:
// changes to accounts, exports, refused sign-ins while throttled, medbcp's
// own backup and restore. A use case that changes something calls audit()
// inside its transaction; one that only reads (an export) calls the
// Workspace overload, which commits its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/spreadsheet_safe.h"
#include "core/time.h"

namespace medbcp::store {
class Database;  // only use cases inside app/ pass their open connection
}  // namespace medbcp::store

namespace medbcp::app {

// Action codes the app writes (the triggers' codes are in 006_audit.sql).
namespace audit_action {
inline constexpr std::string_view kSignInThrottled = "sign_in_throttled";
inline constexpr std::string_view kSignOut = "sign_out";
inline constexpr std::string_view kUserAdd = "user_add";
inline constexpr std::string_view kUserRole = "user_role";
inline constexpr std::string_view kUserActive = "user_active";
inline constexpr std::string_view kPasswordReset = "password_reset";
inline constexpr std::string_view kPasswordChange = "password_change";
inline constexpr std::string_view kSettings = "settings";
inline constexpr std::string_view kExport = "export";
inline constexpr std::string_view kImport = "import";
inline constexpr std::string_view kDbBackup = "db_backup";
inline constexpr std::string_view kDbRestore = "db_restore";
inline constexpr std::string_view kDbBackupCopied = "db_backup_copied";
inline constexpr std::string_view kApiTokenAdd = "api_token_add";
inline constexpr std::string_view kApiTokenRevoke = "api_token_revoke";
inline constexpr std::string_view kApiRequest = "api_request";
inline constexpr std::string_view kAuditExport = "audit_export";
inline constexpr std::string_view kRefused = "request_refused";
inline constexpr std::string_view kFacilityAdd = "facility_add";
inline constexpr std::string_view kTwoFactorOn = "two_factor_on";
inline constexpr std::string_view kTwoFactorOff = "two_factor_off";
inline constexpr std::string_view kRecoveryCodeUsed = "recovery_code_used";
}  // namespace audit_action

// 「ログイン失敗」 for "sign_in_failed"; an unknown code comes back as itself.
std::string audit_action_label(std::string_view code);
// Every action code with its label, in the order of the list above (for a
// filter's choices).
std::vector<std::pair<std::string, std::string>> audit_actions();

// Appends a row inside the caller's open transaction on `db`.
void audit(store::Database& db, const Actor& actor, std::string_view action,
           std::string_view target, std::string_view detail = {});
// Appends a row in a transaction of its own.
void audit(Workspace& ws, const Actor& actor, std::string_view action, std::string_view target,
           std::string_view detail = {});
// "Who took what out": plan JSON, PDF, DOCX, ledger XLSX, offline kit, ….
void audit_export(Workspace& ws, const Actor& actor, std::string_view what,
                  std::string_view detail = {});

// A sign-in refused by throttling (app/sessions.h). At most one row per
// name and address per `window_seconds`, so a flood of guesses cannot flood
// the log.
void audit_throttled_sign_in(Workspace& ws, const std::string& name, const std::string& remote,
                             core::Instant now, std::int64_t window_seconds);

// A request refused for the role or for a missing or wrong CSRF token
// (web/router.cc): who, from where, what, why. At most one row per person,
// address, request and reason per minute.
void audit_refused_request(Workspace& ws, const Actor& actor, const std::string& remote,
                           const std::string& request, const std::string& reason,
                           core::Instant now);

struct AuditEntry {
  std::int64_t id = 0;
  core::Instant at;
  std::optional<core::UserId> actor;
  std::string actor_name;
  std::string remote;
  std::string action;  // code
  std::string action_label;
  std::string target;
  std::string detail;
};

struct AuditFilter {
  std::optional<core::Date> from;  // Japan dates, inclusive
  std::optional<core::Date> to;
  std::string action;      // a code; empty for all
  std::string actor_name;  // exact; empty for all
};

struct AuditPage {
  std::vector<AuditEntry> entries;  // newest first
  std::int64_t total = 0;           // rows matching the filter
};

// Administrators only (ReadHistory). `page` is 1-based.
AuditPage list_audit_log(Workspace& ws, const Actor& actor, const AuditFilter& filter, int page,
                         int per_page);

// The matching rows, oldest first, as CSV for Excel (UTF-8 with BOM, CRLF;
// times in Japan time). Cells that Excel would run as a formula (a user name
// typed as "=HYPERLINK(…)" at the sign-in page) are written as text.
// Administrators only; the export itself is audited first, so it is in the
// file it produces.
std::string export_audit_csv(Workspace& ws, const Actor& actor, const AuditFilter& filter);

// Cells Excel would run as a formula get a leading apostrophe
// (core/spreadsheet_safe.h: the one guard every CSV writer uses).
using core::spreadsheet_safe;

}  // namespace medbcp::app
