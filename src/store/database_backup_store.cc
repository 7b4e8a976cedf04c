#include "store/database_backup_store.h"

namespace medbcp::store {

void insert_database_backup(Database& db, const DatabaseBackupRow& row) {
  db.prepare(
        "INSERT INTO database_backups (taken_at, file_name, bytes, taken_by) VALUES (?, ?, ?, ?)")
      ->bind(1, row.taken_at.seconds)
      .bind(2, row.file_name)
      .bind(3, row.bytes)
      .bind(4, row.taken_by)
      .run();
}

std::int64_t mark_database_backups_copied(Database& db, core::Instant at, const std::string& where,
                                          const std::string& by) {
  auto count =
      db.prepare("SELECT count(*) FROM database_backups WHERE copied_at IS NULL AND taken_at <= ?");
  count->bind(1, at.seconds);
  const std::int64_t n = count->step() ? count->integer(0) : 0;
  db.prepare(
        "UPDATE database_backups SET copied_at = ?, copied_to = ?, copied_by = ? "
        "WHERE copied_at IS NULL AND taken_at <= ?")
      ->bind(1, at.seconds)
      .bind(2, where)
      .bind(3, by)
      .bind(4, at.seconds)
      .run();
  return n;
}

DatabaseBackupStanding database_backup_standing(Database& db) {
  DatabaseBackupStanding out;
  auto s = db.prepare(
      "SELECT count(*), max(taken_at), "
      "max(CASE WHEN copied_at IS NOT NULL THEN taken_at END), max(copied_at) "
      "FROM database_backups");
  if (s->step()) {
    out.count = s->integer(0);
    if (auto v = s->optional_integer(1)) out.newest = core::Instant{*v};
    if (auto v = s->optional_integer(2)) out.newest_copied = core::Instant{*v};
    if (auto v = s->optional_integer(3)) out.last_copy = core::Instant{*v};
  }
  if (out.last_copy) {
    auto where =
        db.prepare("SELECT copied_to FROM database_backups WHERE copied_at = ? ORDER BY id DESC");
    where->bind(1, out.last_copy->seconds);
    if (where->step()) out.last_copied_to = where->text(0);
  }
  return out;
}

}  // namespace medbcp::store
