#include "app/database_backup_schedule.h"

#include <filesystem>
#include <system_error>

#include "app/audit.h"
#include "core/text.h"
#include "store/database_backup_store.h"
#include "store/open_database.h"

namespace medbcp::app {

namespace fs = std::filesystem;

FolderBackupReport backup_into_folder(Workspace& ws, const Actor& actor, const std::string& folder,
                                      const core::RotationPolicy& policy, core::Instant now) {
  require(actor, Permission::ManageUsers);
  fs::create_directories(folder);
  FolderBackupReport out;
  std::string name = core::backup_file_name(now);
  // Two runs within one second: the second waits for a name of its own
  // rather than overwrite the first.
  while (fs::exists(fs::path(folder) / name)) {
    now.seconds += 1;
    name = core::backup_file_name(now);
  }
  out.backup = backup_database(ws, actor, (fs::path(folder) / name).string());
  if (!out.backup.verification.ok()) return out;  // keep every older one

  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  }
  for (const auto& old : core::backups_to_remove(names, policy)) {
    std::error_code ec;
    if (fs::remove(fs::path(folder) / old, ec) && !ec) {
      out.removed.push_back(old);
    } else {
      out.failed_removes.push_back(old);
    }
  }
  return out;
}

CopiedOffReport record_backups_copied_off(Workspace& ws, const Actor& actor,
                                          const std::string& where, core::Instant at,
                                          core::Instant now) {
  require(actor, Permission::ManageUsers);
  CopiedOffReport out;
  const std::string to = core::trim(where);
  if (core::is_in_future(at, now)) {
    out.problems.push_back(
        {"at", 0, "複製した日時が未来（" + at.tokyo_text() + "）になっています。"});
    return out;
  }
  if (to.empty()) {
    out.problems.push_back(
        {"to", 0, "複製した先（例「USBディスク（金庫）」「医師会のサーバー」）を書いてください。"});
    return out;
  }
  store::Database& db = ws.db();
  store::Transaction tx(db);
  out.marked = store::mark_database_backups_copied(db, at, to, actor.name);
  if (out.marked == 0) {
    const auto standing = store::database_backup_standing(db);
    out.problems.push_back(
        {"at", 0,
         standing.count == 0
             ? std::string("medbcp のバックアップがまだありません（medbcp db backup）。")
             : "それまでに取ったバックアップは、すべて複製済みと記録されています。"});
    return out;
  }
  audit(db, actor, audit_action::kDbBackupCopied, to,
        std::to_string(out.marked) + " 件（" + at.tokyo_text() + " までのバックアップ）");
  tx.commit();
  return out;
}

OwnBackupStanding own_backup_standing(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  OwnBackupStanding out;
  out.applies = store::sqlite_file_of(ws.path()).has_value();
  const auto s = store::database_backup_standing(ws.db());
  out.count = s.count;
  out.newest = s.newest;
  out.last_copy = s.last_copy;
  out.last_copied_to = s.last_copied_to;
  return out;
}

}  // namespace medbcp::app
