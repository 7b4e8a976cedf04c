// medbcp's own scheduled backups (medbcp-backup.timer runs
// `medbcp db backup --dir /var/backups/medbcp` daily): a backup named by its
// time into a folder, the old ones rotated away (core/backup_rotation.h),
// and the record of a copy taken off the machine, which `medbcp status`
// asks for (core/reminders.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/database_backup.h"
#include "core/backup_rotation.h"

namespace medbcp::app {

struct FolderBackupReport {
  BackupReport backup;
  std::vector<std::string> removed;         // older backups rotated away
  std::vector<std::string> failed_removes;  // rotated away but could not be deleted
};

// Writes medbcp-YYYYMMDD-HHMMSS.db for `now` into `folder` (created when
// missing), and only when that backup passed its checks removes what the
// policy no longer keeps. Administrators only; SQLite files only.
FolderBackupReport backup_into_folder(Workspace& ws, const Actor& actor, const std::string& folder,
                                      const core::RotationPolicy& policy, core::Instant now);

struct CopiedOffReport {
  core::Problems problems;
  std::int64_t marked = 0;  // backups now recorded as copied off
};

// Records that every backup taken up to `at` has been copied off the
// machine to `where` (「USBディスク（金庫）」). Refused when there is no such
// backup, or `at` is in the future. Administrators only.
CopiedOffReport record_backups_copied_off(Workspace& ws, const Actor& actor,
                                          const std::string& where, core::Instant at,
                                          core::Instant now);

struct OwnBackupStanding {
  bool applies = false;  // a SQLite file (PostgreSQL is backed up by its own tools)
  std::int64_t count = 0;
  std::optional<core::Instant> newest;
  std::optional<core::Instant> last_copy;  // when backups were last copied off
  std::string last_copied_to;
};
// ReadPlan. What the バックアップ page shows of medbcp's own backups.
OwnBackupStanding own_backup_standing(Workspace& ws, const Actor& actor);

}  // namespace medbcp::app
