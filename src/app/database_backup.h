// medbcp's own backup and restore: the clinic's copy of medbcp itself, kept
// with the rest of its backups (README 「Backing it up」).
//
// A backup is a consistent snapshot of the whole database taken with
// SQLite's online backup API while the server keeps running, checked after
// it is written. A restore checks the file before it touches anything —
// integrity, dangling references, schema version, every incident timeline
// chain — and then swaps it into the live database in one write
// transaction, keeping the database it replaces beside it as
// <db>.replaced-YYYYMMDDTHHMMSS (Japan time). Both are administrators' work:
// a backup holds every account's password hash and the whole incident
// record.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::store {
class Database;  // only use cases inside app/ pass their open connection
}  // namespace medbcp::store

namespace medbcp::app {

// What a database file passed or failed. Problems name the check in
// `field` ("integrity", "schema_version", "foreign_keys", "timeline",
// "audit_log", "schema") and
// say in Japanese what is wrong.
struct DatabaseVerification {
  core::Problems problems;
  int schema_version = 0;
  std::int64_t chains = 0;              // incident timelines verified
  std::int64_t entries = 0;             // timeline entries in them
  std::int64_t audit_rows_sealed = 0;   // audit log rows whose seal verified
  std::int64_t audit_rows_waiting = 0;  // written since the last commit by medbcp
  bool ok() const { return problems.empty(); }
};

// The schema version that brought the audit log's hash chain.
inline constexpr int kFirstAuditChainSchema = 12;

// Verifies the audit log's hash chain into `out` (field "audit_log"), each
// break named by its row. `out.schema_version` says whether there is one to
// check (0: unknown, check).
void verify_audit_chain(store::Database& db, DatabaseVerification& out);

// Runs every check on an open database without changing it.
DatabaseVerification verify_database(store::Database& db);

// Checks the database file at `path` without writing to it or beside it
// (the checks run on a copy in the system's temporary directory).
DatabaseVerification verify_database_file(const std::string& path);

struct BackupReport {
  std::string path;
  std::uintmax_t bytes = 0;
  // The written file, checked as a restore would check it.
  DatabaseVerification verification;
};

// Writes a backup of the workspace's database to `out_path` (temporary file,
// fsync, rename). Administrators only. Throws store::StoreError when the
// copy cannot be written.
BackupReport backup_database(Workspace& ws, const Actor& actor, const std::string& out_path);

struct RestoreOptions {
  // Restore even while an incident is open in the live database (its
  // timeline would go back to what the file holds; the replaced database
  // keeps the rest).
  bool force = false;
};

struct RestoreReport {
  DatabaseVerification verification;  // of the file
  // Set when the restore was refused for a reason other than the file's
  // checks (e.g. an open incident); a Japanese message.
  std::string refused;
  bool restored = false;
  std::string replaced_path;  // where the previous database was kept
};

// Verifies `file` and, when it passes, replaces the workspace's database
// with it (migrated to this binary's schema). Changes nothing when the file
// fails a check or the restore is refused. Administrators only.
RestoreReport restore_database(Workspace& ws, const Actor& actor, const std::string& file,
                               core::Instant now, const RestoreOptions& options = {});

// "<live>.replaced-20240401T120000" for `now` in Japan time.
std::string replaced_database_path(const std::string& live_path, core::Instant now);

}  // namespace medbcp::app
