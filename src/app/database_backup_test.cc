// medbcp's own backup and restore, through the use cases: what a restore
// refuses, what it keeps aside, and a backup taken while the plan is being
// edited restores to a database that passes every check.
#include "app/database_backup.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/plan_service.h"
#include "store/incident_store.h"
#include "store/sqlite/sqlite_database.h"

namespace medbcp::app {
namespace {

namespace fs = std::filesystem;

const Actor& admin() {
  static const Actor actor{core::UserId(), "管理者テスト", Role::Admin};
  return actor;
}

class DbBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("medbcp-dbbackup-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ws_ = Workspace::open(path("live.db"));
    init_plan(*ws_, admin(), "バックアップ医院", false);
  }
  void TearDown() override {
    ws_.reset();
    fs::remove_all(dir_);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void rename_facility(Workspace& ws, const std::string& name) {
    auto problems = update_plan(ws, admin(), [&](core::Plan& p) { p.facility.name = name; });
    ASSERT_TRUE(problems.empty());
  }
  std::vector<std::string> files_named(const std::string& prefix) const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) {
      std::string name = e.path().filename().string();
      if (name.rfind(prefix, 0) == 0) out.push_back(name);
    }
    return out;
  }
  // What someone with a SQL client does to a copy of backup.db before
  // restoring it with --force.
  RestoreReport restore_tampered_backup(const std::string& sql) {
    fs::copy_file(path("backup.db"), path("tampered.db"), fs::copy_options::overwrite_existing);
    {
      auto db = store::open_sqlite_raw(path("tampered.db"), false);
      db->execute_script(sql);
    }
    return restore_database(*ws_, admin(), path("tampered.db"), core::Instant::now(),
                            {.force = true});
  }
  static bool has_field(const DatabaseVerification& v, const std::string& field) {
    for (const auto& p : v.problems) {
      if (p.field == field) return true;
    }
    return false;
  }
  // An incident with `entries` timeline entries, written through the store
  // as the incident use cases do.
  core::IncidentId start_incident(Workspace& ws, int entries) {
    store::Database& db = ws.db();
    core::Incident i;
    i.title = "受付PCに脅迫文";
    i.threat = core::ThreatKind::Malware;
    i.discovery.discoverer = "佐藤";
    i.discovery.discovered_at = core::Instant{1711940400};
    i.aware_at = core::Instant{1711940700};
    i.opened_at = core::Instant{1711941000};
    i.opened_by = "事務長";
    store::Transaction tx(db);
    core::IncidentId id = store::insert_incident(db, i);
    for (int k = 0; k < entries; ++k) {
      core::TimelineEntry e;
      e.id = core::new_entry_id();
      e.incident = id;
      e.kind = core::EntryKind::Fact;
      e.occurred_at = core::Instant{1711941000 + k};
      e.recorded_at = core::Instant{1711941060 + k};
      e.author = "事務長";
      e.text = "事実 " + std::to_string(k);
      store::append_timeline_entry(db, e);
    }
    tx.commit();
    return id;
  }
  void close_incident(Workspace& ws, core::IncidentId id) {
    store::Transaction tx(ws.db());
    store::set_incident_status(ws.db(), id, core::IncidentStatus::Closed,
                               core::Instant{1711950000});
    tx.commit();
  }
  fs::path dir_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(DbBackup, BackupPassesTheRestoreChecks) {
  BackupReport report = backup_database(*ws_, admin(), path("backup.db"));
  EXPECT_TRUE(report.verification.ok());
  EXPECT_GT(report.bytes, 0u);
  DatabaseVerification again = verify_database_file(path("backup.db"));
  EXPECT_TRUE(again.ok());
  EXPECT_GT(again.schema_version, 0);
}

TEST_F(DbBackup, OnlyAdministratorsBackUpAndRestore) {
  Actor editor{core::UserId(2), "担当", Role::Editor};
  EXPECT_THROW(backup_database(*ws_, editor, path("backup.db")), PermissionDenied);
  EXPECT_FALSE(fs::exists(path("backup.db")));
  backup_database(*ws_, admin(), path("backup.db"));
  EXPECT_THROW(restore_database(*ws_, editor, path("backup.db"), core::Instant::now()),
               PermissionDenied);
}

TEST_F(DbBackup, RestoreBringsBackTheBackupAndKeepsTheReplacedDatabase) {
  backup_database(*ws_, admin(), path("backup.db"));
  rename_facility(*ws_, "あとで変えた名前");

  core::Instant now{1711940400};  // 2024-04-01T03:00:00Z = 12:00 in Tokyo
  RestoreReport report = restore_database(*ws_, admin(), path("backup.db"), now);
  ASSERT_TRUE(report.restored) << (report.verification.problems.empty()
                                       ? report.refused
                                       : report.verification.problems[0].message);
  EXPECT_EQ(load_plan(*ws_).facility.name, "バックアップ医院");
  EXPECT_EQ(report.replaced_path, path("live.db.replaced-20240401T120000"));

  auto kept = Workspace::open(report.replaced_path);
  EXPECT_EQ(load_plan(*kept).facility.name, "あとで変えた名前");
  // Only the live database and the kept one remain: no staging copies.
  EXPECT_EQ(files_named("live.db.restore").size(), 0u);
}

TEST_F(DbBackup, TwoRestoresInOneSecondKeepBothReplacedDatabases) {
  backup_database(*ws_, admin(), path("backup.db"));
  core::Instant now{1711940400};
  auto first = restore_database(*ws_, admin(), path("backup.db"), now);
  auto second = restore_database(*ws_, admin(), path("backup.db"), now);
  ASSERT_TRUE(first.restored && second.restored);
  EXPECT_NE(first.replaced_path, second.replaced_path);
  EXPECT_TRUE(fs::exists(first.replaced_path));
  EXPECT_TRUE(fs::exists(second.replaced_path));
}

TEST_F(DbBackup, RefusesAFileThatIsNotADatabase) {
  { std::ofstream(path("notes.txt")) << "これはデータベースではありません\n"; }
  rename_facility(*ws_, "現在の名前");
  RestoreReport report = restore_database(*ws_, admin(), path("notes.txt"), core::Instant::now());
  EXPECT_FALSE(report.restored);
  EXPECT_TRUE(has_field(report.verification, "integrity"));
  EXPECT_EQ(load_plan(*ws_).facility.name, "現在の名前");
  EXPECT_TRUE(files_named("live.db.replaced").empty());
}

TEST_F(DbBackup, RefusesASqliteFileMedbcpDidNotWrite) {
  {
    auto other = store::open_sqlite_raw(path("other.db"), false);
    other->execute_script("CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT)");
  }
  RestoreReport report = restore_database(*ws_, admin(), path("other.db"), core::Instant::now());
  EXPECT_FALSE(report.restored);
  EXPECT_TRUE(has_field(report.verification, "schema_version"));
  EXPECT_EQ(load_plan(*ws_).facility.name, "バックアップ医院");
}

TEST_F(DbBackup, RefusesAForeignFileThatOnlyLooksLikeMedbcp) {
  // A schema_version table and a users table are not a medbcp database.
  {
    auto other = store::open_sqlite_raw(path("foreign.db"), false);
    other->execute_script(
        "CREATE TABLE schema_version(version int); INSERT INTO schema_version VALUES (8);"
        "CREATE TABLE users(id);");
  }
  RestoreReport report =
      restore_database(*ws_, admin(), path("foreign.db"), core::Instant::now(), {.force = true});
  EXPECT_FALSE(report.restored);
  ASSERT_TRUE(has_field(report.verification, "schema"));
  EXPECT_EQ(load_plan(*ws_).facility.name, "バックアップ医院");
}

TEST_F(DbBackup, RefusesABackupWhoseProtectionsWereRemovedEvenWhenForced) {
  backup_database(*ws_, admin(), path("backup.db"));
  for (const char* tamper :
       {"DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;",
        "DROP TRIGGER timeline_entries_no_update; DROP TRIGGER timeline_entries_no_delete;",
        "CREATE TRIGGER forget AFTER INSERT ON audit_log BEGIN DELETE FROM plan_history; END;",
        "DROP INDEX kit_builds_seq;"}) {
    SCOPED_TRACE(tamper);
    const RestoreReport report = restore_tampered_backup(tamper);
    EXPECT_FALSE(report.restored);
    ASSERT_TRUE(has_field(report.verification, "schema"));
  }
  // The untouched backup still passes.
  EXPECT_TRUE(verify_database_file(path("backup.db")).ok());
}

// The attack test's case with its tracks covered: audit rows deleted and a
// role edited, the triggers put back exactly as they were, so the schema
// compares equal. The audit log's hash chain names the rows.
TEST_F(DbBackup, RefusesABackupWhoseAuditLogWasEditedAndTriggersPutBack) {
  for (int i = 0; i < 60; ++i) rename_facility(*ws_, "バックアップ医院 " + std::to_string(i));
  backup_database(*ws_, admin(), path("backup.db"));
  std::string no_delete;
  std::string no_update;
  {
    auto db = store::open_sqlite_raw(path("backup.db"), false);
    auto stmt = db->prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
        "('audit_log_no_delete', 'audit_log_no_update')");
    while (stmt->step())
      (stmt->text(0) == "audit_log_no_delete" ? no_delete : no_update) = stmt->text(1);
  }
  ASSERT_FALSE(no_delete.empty());
  for (const std::string& tamper :
       {"DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id BETWEEN 5 AND 54;" +
            no_delete + ";",
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'staff' WHERE id = 7;" +
            no_update + ";"}) {
    SCOPED_TRACE(tamper);
    const RestoreReport report = restore_tampered_backup(tamper);
    EXPECT_FALSE(report.restored);
    EXPECT_FALSE(has_field(report.verification, "schema"));
    ASSERT_TRUE(has_field(report.verification, "audit_log"));
    const std::string first = report.verification.problems[0].message;
    EXPECT_TRUE(first.find("#5 ") != std::string::npos || first.find("#7 ") != std::string::npos)
        << first;
  }
  const DatabaseVerification untouched = verify_database_file(path("backup.db"));
  EXPECT_TRUE(untouched.ok());
  EXPECT_GT(untouched.audit_rows_sealed, 60);
}

TEST_F(DbBackup, RefusesABackupFromANewerMedbcp) {
  backup_database(*ws_, admin(), path("backup.db"));
  {
    auto db = store::open_sqlite_raw(path("backup.db"), false);
    db->execute_script(
        "INSERT INTO schema_version(version, applied_at, name) "
        "VALUES (9999, '2099-01-01T00:00:00Z', '9999_future.sql')");
  }
  RestoreReport report = restore_database(*ws_, admin(), path("backup.db"), core::Instant::now());
  EXPECT_FALSE(report.restored);
  ASSERT_TRUE(has_field(report.verification, "schema_version"));
  EXPECT_NE(report.verification.problems[0].message.find("9999"), std::string::npos);
}

TEST_F(DbBackup, RefusesABackupWithDanglingReferences) {
  backup_database(*ws_, admin(), path("backup.db"));
  {
    auto db = store::open_sqlite_raw(path("backup.db"), false);
    db->execute_script(
        "PRAGMA foreign_keys = OFF;"
        "UPDATE systems SET vendor_contact_id = 987654;");
  }
  RestoreReport report = restore_database(*ws_, admin(), path("backup.db"), core::Instant::now());
  EXPECT_FALSE(report.restored);
  EXPECT_TRUE(has_field(report.verification, "foreign_keys"));
}

TEST_F(DbBackup, VerifiesEveryIncidentTimeline) {
  close_incident(*ws_, start_incident(*ws_, 3));
  close_incident(*ws_, start_incident(*ws_, 2));
  BackupReport report = backup_database(*ws_, admin(), path("backup.db"));
  EXPECT_TRUE(report.verification.ok());
  EXPECT_EQ(report.verification.chains, 2);
  EXPECT_EQ(report.verification.entries, 5);
}

TEST_F(DbBackup, RefusesABackupWhoseTimelineWasRewritten) {
  core::IncidentId id = start_incident(*ws_, 3);
  close_incident(*ws_, id);
  backup_database(*ws_, admin(), path("backup.db"));
  {
    // What someone with a SQL client would do to the evidence.
    auto db = store::open_sqlite_raw(path("backup.db"), false);
    db->execute_script(
        "DROP TRIGGER timeline_entries_no_update;"
        "UPDATE timeline_entries SET text = '何も起きなかった' WHERE seq = 2;");
  }
  RestoreReport report = restore_database(*ws_, admin(), path("backup.db"), core::Instant::now());
  EXPECT_FALSE(report.restored);
  ASSERT_TRUE(has_field(report.verification, "timeline"));
  EXPECT_EQ(report.verification.problems[0].row, static_cast<int>(id.value));
  EXPECT_TRUE(files_named("live.db.replaced").empty());
}

TEST_F(DbBackup, RefusesWhileAnIncidentIsOpenUnlessForced) {
  backup_database(*ws_, admin(), path("backup.db"));
  start_incident(*ws_, 2);
  RestoreReport refused = restore_database(*ws_, admin(), path("backup.db"), core::Instant::now());
  EXPECT_FALSE(refused.restored);
  EXPECT_TRUE(refused.verification.ok());
  EXPECT_NE(refused.refused.find("--force"), std::string::npos);
  EXPECT_EQ(store::list_incidents(ws_->db()).size(), 1u);

  RestoreReport forced =
      restore_database(*ws_, admin(), path("backup.db"), core::Instant::now(), {.force = true});
  EXPECT_TRUE(forced.restored);
  EXPECT_TRUE(store::list_incidents(ws_->db()).empty());
  // The incident's record is not lost: it is in the replaced database.
  auto kept = Workspace::open(forced.replaced_path);
  EXPECT_EQ(store::list_incidents(kept->db()).size(), 1u);
}

TEST_F(DbBackup, CheckingAFileNeverChangesIt) {
  backup_database(*ws_, admin(), path("backup.db"));
  auto before = fs::last_write_time(path("backup.db"));
  auto size = fs::file_size(path("backup.db"));
  EXPECT_TRUE(verify_database_file(path("backup.db")).ok());
  EXPECT_EQ(fs::last_write_time(path("backup.db")), before);
  EXPECT_EQ(fs::file_size(path("backup.db")), size);
  EXPECT_EQ(files_named("backup.db").size(), 1u);
}

// The acceptance test of the issue, in process: a writer thread keeps
// editing the plan (each edit one transaction with its history entry) while
// backups are taken; every backup passes every check and restores.
TEST_F(DbBackup, BackupsTakenUnderWriteLoadRestoreAndPassEveryCheck) {
  std::atomic<bool> stop{false};
  std::atomic<int> edits{0};
  std::thread writer;
  // Stops the writer on every way out, failed assertions included.
  struct Join {
    std::atomic<bool>& stop;
    std::thread& thread;
    ~Join() {
      stop = true;
      if (thread.joinable()) thread.join();
    }
  } join{stop, writer};
  writer = std::thread([&] {
    auto ws = Workspace::open(path("live.db"));
    for (int i = 0; !stop; ++i) {
      auto problems = update_plan(*ws, admin(), [&](core::Plan& p) {
        p.facility.name = "医院 " + std::to_string(i);
        p.facility.phone = "054-000-" + std::to_string(1000 + i % 9000);
      });
      if (problems.empty()) ++edits;
      // A busy clinic, not a tight loop: SQLite's lock is not fair, and a
      // writer that never pauses would starve every other writer.
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  while (edits < 3) std::this_thread::yield();
  for (int i = 0; i < 5; ++i) {
    std::string backup = path("backup" + std::to_string(i) + ".db");
    BackupReport report = backup_database(*ws_, admin(), backup);
    EXPECT_TRUE(report.verification.ok());
    auto target = Workspace::open(path("restored" + std::to_string(i) + ".db"));
    RestoreReport restored = restore_database(*target, admin(), backup, core::Instant::now());
    ASSERT_TRUE(restored.restored)
        << restored.refused
        << (restored.verification.ok() ? "" : restored.verification.problems[0].message);
    EXPECT_TRUE(verify_database(target->db()).ok());
    // The plan and its history moved together: the newest history entry for
    // the facility names the facility the plan holds.
    core::Plan plan = load_plan(*target);
    auto stmt = target->db().prepare(
        "SELECT after_json FROM plan_history WHERE section = 'facility' "
        "ORDER BY id DESC LIMIT 1");
    ASSERT_TRUE(stmt->step());
    EXPECT_NE(stmt->text(0).find("\"" + plan.facility.name + "\""), std::string::npos)
        << plan.facility.name;
  }
  stop = true;
  writer.join();
  EXPECT_GT(edits, 3);
}

}  // namespace
}  // namespace medbcp::app
