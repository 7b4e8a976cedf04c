// medbcp's own backups as recorded (schema: migrations/018_database_backups.sql):
// each file `medbcp db backup` wrote, and when backups were copied off the
// machine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/time.h"
#include "store/database.h"

namespace medbcp::store {

struct DatabaseBackupRow {
  core::Instant taken_at;
  std::string file_name;
  std::int64_t bytes = 0;
  std::string taken_by;
};
void insert_database_backup(Database& db, const DatabaseBackupRow& row);

// Marks every backup taken up to `at` and not yet marked as copied off to
// `where`. Returns how many were marked.
std::int64_t mark_database_backups_copied(Database& db, core::Instant at, const std::string& where,
                                          const std::string& by);

struct DatabaseBackupStanding {
  std::int64_t count = 0;
  std::optional<core::Instant> newest;         // the newest backup taken
  std::optional<core::Instant> newest_copied;  // the newest one copied off
  std::optional<core::Instant> last_copy;      // when backups were last copied off
  std::string last_copied_to;
};
DatabaseBackupStanding database_backup_standing(Database& db);

}  // namespace medbcp::store
