// Backups and restores with the online backup API: consistent under
// concurrent writes, self-contained, crash-safe on the way to disk, and a
// restore that every open connection sees whole.
#include "store/sqlite/sqlite_file_copy.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/sqlite/sqlite_database.h"
#include "store/sqlite/sqlite_inspection.h"

namespace medbcp::store {
namespace {

namespace fs = std::filesystem;

class Backup : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("medbcp-backup-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // A database with an `accounts` table whose balances always sum to 1000:
  // every write moves an amount between two rows in one transaction, so a
  // torn snapshot shows up as a wrong sum.
  std::unique_ptr<Database> ledger(const std::string& name) {
    auto db = open_sqlite_raw(path(name), false);
    db->execute_script(
        "CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL);"
        "INSERT INTO accounts VALUES (1, 1000), (2, 0);"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
    return db;
  }
  static std::int64_t scalar(Database& db, const std::string& sql) {
    auto stmt = db.prepare(sql);
    stmt->step();
    return stmt->integer(0);
  }
  fs::path dir_;
};

TEST_F(Backup, CopiesCommittedWritesStillInTheWal) {
  auto db = ledger("live.db");
  db->execute_script("INSERT INTO notes(text) VALUES ('after the last checkpoint')");
  ASSERT_TRUE(fs::exists(path("live.db-wal")));

  backup_database_file(path("live.db"), path("copy.db"));

  auto copy = open_sqlite_raw(path("copy.db"), true);
  EXPECT_EQ(scalar(*copy, "SELECT count(*) FROM notes"), 1);
  EXPECT_EQ(scalar(*copy, "SELECT sum(balance) FROM accounts"), 1000);
}

TEST_F(Backup, WritesOneSelfContainedFileWithoutTemporaries) {
  auto db = ledger("live.db");
  backup_database_file(path("live.db"), path("copy.db"));
  db.reset();

  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    names.push_back(entry.path().filename().string());
  }
  for (const auto& name : names) {
    EXPECT_TRUE(name.rfind("live.db", 0) == 0 || name == "copy.db") << name;
  }
  // Bytes 18 and 19 of the header are 1 for a rollback-journal database and
  // 2 for WAL; a backup must open without a -wal file.
  std::ifstream in(path("copy.db"), std::ios::binary);
  char header[20];
  in.read(header, sizeof header);
  EXPECT_EQ(header[18], 1);
  EXPECT_EQ(header[19], 1);
}

TEST_F(Backup, SnapshotIsConsistentWhileAnotherConnectionWrites) {
  ledger("live.db");
  std::atomic<bool> stop{false};
  std::atomic<int> commits{0};
  std::thread writer([&] {
    auto db = open_sqlite_raw(path("live.db"), false);
    for (int i = 0; !stop; ++i) {
      Transaction tx(*db);
      db->prepare("UPDATE accounts SET balance = balance - 7 WHERE id = 1")->run();
      db->prepare("INSERT INTO notes(text) VALUES ('moving')")->run();
      db->prepare("UPDATE accounts SET balance = balance + 7 WHERE id = 2")->run();
      tx.commit();
      ++commits;
    }
  });
  while (commits < 5) std::this_thread::yield();
  for (int i = 0; i < 10; ++i) {
    std::string name = "copy" + std::to_string(i) + ".db";
    backup_database_file(path("live.db"), path(name));
    auto copy = open_sqlite_raw(path(name), true);
    EXPECT_EQ(scalar(*copy, "SELECT sum(balance) FROM accounts"), 1000);
    EXPECT_EQ(scalar(*copy, "SELECT balance FROM accounts WHERE id = 2"),
              7 * scalar(*copy, "SELECT count(*) FROM notes"));
    EXPECT_TRUE(inspect_database(*copy).integrity_errors.empty());
  }
  stop = true;
  writer.join();
}

TEST_F(Backup, FailedBackupLeavesThePreviousFileAndNoTemporary) {
  { std::ofstream(path("copy.db")) << "previous backup"; }
  EXPECT_THROW(backup_database_file(path("missing.db"), path("copy.db")), StoreError);
  std::ifstream in(path("copy.db"));
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "previous backup");
  EXPECT_FALSE(fs::exists(path("missing.db")));
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1);
}

TEST_F(Backup, RestoreReplacesContentSeenByConnectionsAlreadyOpen) {
  auto source = ledger("backup.db");
  source->execute_script("INSERT INTO notes(text) VALUES ('from the backup')");
  source.reset();
  auto live = ledger("live.db");
  live->execute_script(
      "INSERT INTO notes(text) VALUES ('written after the backup');"
      "CREATE TABLE only_live (x);");
  // The server's connection stays open across the restore.
  auto server = open_sqlite_raw(path("live.db"), false);
  EXPECT_EQ(scalar(*server, "SELECT count(*) FROM notes"), 1);

  restore_database_file(path("backup.db"), path("live.db"), path("live.db.replaced"));

  auto stmt = server->prepare("SELECT text FROM notes");
  ASSERT_TRUE(stmt->step());
  EXPECT_EQ(stmt->text(0), "from the backup");
  EXPECT_FALSE(stmt->step());
  EXPECT_EQ(scalar(*server, "SELECT count(*) FROM sqlite_master WHERE name = 'only_live'"), 0);
  auto mode = server->prepare("PRAGMA journal_mode");
  mode->step();
  EXPECT_EQ(mode->text(0), "wal");

  auto replaced = open_sqlite_raw(path("live.db.replaced"), true);
  auto old = replaced->prepare("SELECT text FROM notes");
  ASSERT_TRUE(old->step());
  EXPECT_EQ(old->text(0), "written after the backup");
}

TEST_F(Backup, RestoreWaitsForAWriterAndKeepsItsCommitInTheReplacedCopy) {
  ledger("backup.db");
  auto live = ledger("live.db");
  std::atomic<bool> holding{false};
  std::thread writer([&] {
    auto db = open_sqlite_raw(path("live.db"), false);
    Transaction tx(*db);
    db->prepare("INSERT INTO notes(text) VALUES ('committed while the restore waited')")->run();
    holding = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    tx.commit();
  });
  while (!holding) std::this_thread::yield();
  restore_database_file(path("backup.db"), path("live.db"), path("live.db.replaced"));
  writer.join();

  EXPECT_EQ(scalar(*live, "SELECT count(*) FROM notes"), 0);
  auto replaced = open_sqlite_raw(path("live.db.replaced"), true);
  EXPECT_EQ(scalar(*replaced, "SELECT count(*) FROM notes"), 1);
}

TEST_F(Backup, RestoreRefusesAnEmptySourceAndLeavesTheLiveDatabase) {
  { auto empty = open_sqlite_raw(path("empty.db"), false); }
  auto live = ledger("live.db");
  EXPECT_THROW(restore_database_file(path("empty.db"), path("live.db"), path("kept.db")),
               StoreError);
  EXPECT_EQ(scalar(*live, "SELECT sum(balance) FROM accounts"), 1000);
  EXPECT_FALSE(fs::exists(path("kept.db")));
}

TEST_F(Backup, InspectionFindsDanglingReferencesAndReadsTheSchemaVersion) {
  auto db = open_sqlite_raw(path("live.db"), false);
  db->execute_script(
      "PRAGMA foreign_keys = OFF;"
      "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
      "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id));"
      "INSERT INTO child VALUES (5, 42);");
  DatabaseInspection before = inspect_database(*db);
  EXPECT_FALSE(before.has_schema_version);
  ASSERT_EQ(before.foreign_key_violations.size(), 1u);
  EXPECT_EQ(before.foreign_key_violations[0].table, "child");
  EXPECT_EQ(before.foreign_key_violations[0].rowid, 5);
  EXPECT_EQ(before.foreign_key_violations[0].parent, "parent");

  db->execute_script(
      "CREATE TABLE schema_version (version INTEGER, applied_at TEXT, name TEXT);"
      "INSERT INTO schema_version VALUES (3, '', ''), (7, '', '');");
  DatabaseInspection after = inspect_database(*db);
  EXPECT_TRUE(after.has_schema_version);
  EXPECT_EQ(after.schema_version, 7);  // the highest row
  EXPECT_TRUE(after.integrity_errors.empty());
}

TEST_F(Backup, InspectionReportsDamagedPages) {
  {
    auto db = open_sqlite_raw(path("live.db"), false);
    db->execute_script(
        "PRAGMA journal_mode = DELETE;"
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);"
        "CREATE INDEX t_v ON t(v);");
    Transaction tx(*db);
    auto insert = db->prepare("INSERT INTO t(v) VALUES (?)");
    for (int i = 0; i < 2000; ++i) {
      insert->reset();
      insert->bind(1, "value " + std::to_string(i * 7919 % 2000)).run();
    }
    tx.commit();
  }
  // Scribble over a page in the middle of the file, as a failing disk would.
  auto size = fs::file_size(path("live.db"));
  {
    std::fstream f(path("live.db"), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096 + 100));
    std::string junk(2000, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto db = open_sqlite_raw(path("live.db"), true);
  bool found = false;
  try {
    found = !inspect_database(*db).integrity_errors.empty();
  } catch (const StoreError&) {
    found = true;  // "database disk image is malformed" is also a finding
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace medbcp::store
