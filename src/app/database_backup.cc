#include "app/database_backup.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "app/audit.h"
#include "app/database_backup_timelines.h"
#include "store/audit_chain.h"
#include "store/database_backup_store.h"
#include "store/migrations.h"
#include "store/open_database.h"
#include "store/sqlite/sqlite_file_copy.h"
#include "store/sqlite/sqlite_inspection.h"

namespace medbcp::app {
namespace {

namespace fs = std::filesystem;

// The files SQLite keeps beside a database: committed transactions may still
// sit in the -wal file, and a -journal left by a crash must be rolled back.
constexpr const char* kCompanionSuffixes[] = {"-wal", "-journal"};

void remove_database_files(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(path + suffix, ignored);
  }
}

// Copies a database file the user named, with its companions, so that
// opening it (which may replay a WAL or roll back a journal) never changes
// the user's file.
void stage_copy(const std::string& file, const std::string& staging) {
  remove_database_files(staging);
  if (!fs::is_regular_file(file)) {
    throw store::StoreError("ファイルが見つかりません: " + file);
  }
  fs::copy_file(file, staging, fs::copy_options::overwrite_existing);
  for (const char* suffix : kCompanionSuffixes) {
    if (fs::exists(file + suffix)) {
      fs::copy_file(file + suffix, staging + suffix, fs::copy_options::overwrite_existing);
    }
  }
}

// Removes the staged copy on every path out.
struct StagedCopy {
  std::string path;
  ~StagedCopy() { remove_database_files(path); }
};

void add(core::Problems& problems, const char* field, std::string message) {
  problems.push_back({field, 0, std::move(message)});
}

std::string two_digits(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string schema_difference_text(const store::SchemaDifference& d) {
  const std::string what = d.type == "table"     ? "表"
                           : d.type == "index"   ? "索引"
                           : d.type == "trigger" ? "保護トリガー"
                                                 : d.type;
  switch (d.kind) {
    case store::SchemaDifference::Kind::Missing:
      return what + "「" + d.name + "」がありません（medbcp のデータベースとして欠けています）。";
    case store::SchemaDifference::Kind::Different:
      return what + "「" + d.name +
             "」の定義が、この版の medbcp のものと違います（改変されています）。";
    case store::SchemaDifference::Kind::Unexpected:
      return what + "「" + d.name +
             "」は medbcp のデータベースにはないものです（追加されています）。";
  }
  return what + "「" + d.name + "」";
}

}  // namespace

void verify_audit_chain(store::Database& db, DatabaseVerification& out) {
  // Databases older than schema 12 have no chain yet; it is made, and the
  // rows so far sealed, when they are migrated.
  if (out.schema_version != 0 && out.schema_version < kFirstAuditChainSchema) return;
  const store::AuditChainCheck audit = store::check_audit_chain(db);
  out.audit_rows_sealed = audit.sealed;
  out.audit_rows_waiting = audit.waiting;
  for (const auto& b : audit.breaks) {
    add(out.problems, "audit_log", "監査ログの改ざん検知チェーン: " + b.message);
  }
}

DatabaseVerification verify_database(store::Database& db) {
  DatabaseVerification out;
  store::DatabaseInspection inspection = store::inspect_database(db);
  for (const auto& line : inspection.integrity_errors) {
    add(out.problems, "integrity", "データベースファイルが壊れています（" + line + "）。");
  }
  // A damaged file can make every later check fail or mislead.
  if (!inspection.integrity_errors.empty()) return out;

  out.schema_version = inspection.schema_version;
  int latest = store::latest_schema_version();
  if (!inspection.has_schema_version || inspection.schema_version <= 0) {
    add(out.problems, "schema_version", "medbcp のデータベースではありません。");
    return out;
  }
  if (inspection.schema_version > latest) {
    add(out.problems, "schema_version",
        "新しい版の medbcp（スキーマ " + std::to_string(inspection.schema_version) +
            "）で作られたデータベースです。この medbcp はスキーマ " + std::to_string(latest) +
            " までしか扱えません。medbcp を更新してから復元してください。");
    return out;
  }
  // A file that lacks a table, or whose protective triggers were dropped or
  // changed, is not a medbcp database to trust, whatever it holds. Without
  // its tables the checks below cannot run; with them, they still do, so a
  // rewritten timeline is named as well as the trigger dropped to rewrite it.
  core::Problems schema;
  bool table_missing = false;
  for (const auto& d : inspection.schema_differences) {
    add(schema, "schema", schema_difference_text(d));
    table_missing |= d.kind == store::SchemaDifference::Kind::Missing && d.type == "table";
  }
  if (table_missing) {
    out.problems.insert(out.problems.end(), schema.begin(), schema.end());
    return out;
  }
  for (const auto& v : inspection.foreign_key_violations) {
    std::string where = v.table + (v.rowid ? " の行 " + std::to_string(*v.rowid) : "");
    add(out.problems, "foreign_keys",
        where + " が存在しない " + v.parent + " の記録を参照しています。");
  }
  verify_audit_chain(db, out);
  TimelineCheck timelines = check_timelines(db);
  out.chains = timelines.chains;
  out.entries = timelines.entries;
  out.problems.insert(out.problems.end(), timelines.problems.begin(), timelines.problems.end());
  out.problems.insert(out.problems.end(), schema.begin(), schema.end());
  return out;
}

namespace {

// Opens a staged copy and verifies it. A file SQLite cannot read at all is
// the user's mistake (a wrong file), so it comes back as a problem too.
// When the file passes, `then` runs on the open copy.
DatabaseVerification verify_staged(const std::string& staged,
                                   const std::function<void(store::Database&)>& then) {
  std::unique_ptr<store::Database> db;
  DatabaseVerification out;
  try {
    db = store::open_database(staged, store::OpenMode::AsIs);
    out = verify_database(*db);
  } catch (const store::StoreError& e) {
    out = {};
    out.problems.push_back(
        {"integrity", 0,
         std::string("データベースファイルとして読めません（") + e.what() + "）。"});
    return out;
  }
  if (out.ok() && then) then(*db);
  return out;
}

}  // namespace

DatabaseVerification verify_database_file(const std::string& path) {
  StagedCopy staged{
      (fs::temp_directory_path() / ("medbcp-verify-" + std::to_string(::getpid()) + ".db"))
          .string()};
  stage_copy(path, staged.path);
  return verify_staged(staged.path, {});
}

namespace {

// medbcp's own backup copies a SQLite file; a database server is backed up
// by its own tools, which also keep what other facilities wrote meanwhile.
void require_sqlite_file(const Workspace& ws, const char* what) {
  if (store::sqlite_file_of(ws.path())) return;
  std::string message(what);
  message.append(
      "は SQLite のファイルのためのものです。PostgreSQL のデータベースは pg_dump、"
      "またはベースバックアップと WAL の保管（PITR）でバックアップ・復元してください"
      "（README「On PostgreSQL」）。何も変更していません。");
  throw std::runtime_error(message);
}

}  // namespace

BackupReport backup_database(Workspace& ws, const Actor& actor, const std::string& out_path) {
  require(actor, Permission::ManageUsers);
  require_sqlite_file(ws, "medbcp db backup ");
  store::backup_database_file(ws.path(), out_path);
  BackupReport report;
  report.path = out_path;
  report.bytes = fs::file_size(out_path);
  // The backup is a self-contained rollback-journal file: it can be opened
  // read-only in place.
  auto copy = store::open_database(out_path, store::OpenMode::ReadOnly);
  report.verification = verify_database(*copy);
  audit(ws, actor, audit_action::kDbBackup, out_path,
        std::to_string(report.bytes) + " バイト" +
            (report.verification.ok() ? "" : "（検査で問題あり）"));
  // Only a backup that passed its checks counts as one (`medbcp status`
  // reminds when the newest is old or none was copied off).
  if (report.verification.ok()) {
    store::insert_database_backup(ws.db(),
                                  {core::Instant::now(), fs::path(out_path).filename().string(),
                                   static_cast<std::int64_t>(report.bytes), actor.name});
  }
  return report;
}

std::string replaced_database_path(const std::string& live_path, core::Instant now) {
  core::Date date = now.tokyo_date();
  const std::int64_t seconds_of_day = now.tokyo_seconds_of_day();
  std::string stamp = std::to_string(date.year) + two_digits(date.month) + two_digits(date.day) +
                      "T" + two_digits(static_cast<int>(seconds_of_day / 3600)) +
                      two_digits(static_cast<int>(seconds_of_day / 60 % 60)) +
                      two_digits(static_cast<int>(seconds_of_day % 60));
  std::string path = live_path + ".replaced-" + stamp;
  // Two restores within one second keep both replaced databases.
  for (int n = 2; fs::exists(path); ++n) {
    path = live_path;
    path.append(".replaced-").append(stamp).append("-").append(std::to_string(n));
  }
  return path;
}

RestoreReport restore_database(Workspace& ws, const Actor& actor, const std::string& file,
                               core::Instant now, const RestoreOptions& options) {
  require(actor, Permission::ManageUsers);
  require_sqlite_file(ws, "medbcp db restore ");
  RestoreReport report;
  // Staged beside the live database: the restore copies from it, and the
  // same file system makes that copy as fast as the disk allows.
  StagedCopy staged{ws.path() + ".restore-" + std::to_string(::getpid())};
  stage_copy(file, staged.path);
  auto prepare = [&](store::Database& db) {
    std::int64_t open_incidents = count_open_incidents(ws.db());
    if (open_incidents > 0 && !options.force) {
      report.refused = "対応中のインシデントが " + std::to_string(open_incidents) +
                       " 件あります。復元するとその時系列はバックアップの時点に戻ります。"
                       "それでも復元する場合は --force を付けてください"
                       "（置き換えたデータベースは別名で保存されます）。";
      return;
    }
    // An older backup is brought to this binary's schema before it goes
    // live, so the running server never sees an old schema.
    store::migrate(db);
  };
  report.verification = verify_staged(staged.path, prepare);
  if (!report.verification.ok() || !report.refused.empty()) return report;
  report.replaced_path = replaced_database_path(ws.path(), now);
  store::restore_database_file(staged.path, ws.path(), report.replaced_path);
  report.restored = true;
  // Written into the restored database: the replaced one's log stays with it.
  audit(ws, actor, audit_action::kDbRestore, file,
        "置き換えたデータベース: " + report.replaced_path);
  return report;
}

}  // namespace medbcp::app
