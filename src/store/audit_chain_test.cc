// The audit log's hash chain on the engine under test: rows are sealed when
// their transaction commits (by medbcp on SQLite, by the database on
// PostgreSQL, with the same hash), and an edited, deleted, unsealed or
// unchained row is named.
#include "store/audit_chain.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "store/database_test_util.h"
#include "store/migrations.h"

namespace medbcp::store {
namespace {

class AuditChainDb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-audit-chain-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    location_ = test_database_location(dir_ / "test.db");
    db_ = open_database(location_);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::int64_t write(Database& db, const std::string& action, const std::string& detail = "") {
    Transaction tx(db);
    AuditRecord r;
    r.at = 1764979200;
    r.actor_name = "院長 太郎";
    r.remote = "192.0.2.1";
    r.action = action;
    r.detail = detail;
    const std::int64_t id = append_audit(db, r);
    tx.commit();
    return id;
  }

  // What a person holding the database can do: switch a protective trigger
  // off, run `sql`, switch it back on.
  void tamper(const std::string& table, const std::string& trigger, const std::string& sql) {
    if (db_->dialect() == "postgres") {
      db_->execute_script("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger);
      db_->execute_script(sql);
      db_->execute_script("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger);
    } else {
      db_->execute_script("DROP TRIGGER IF EXISTS " + trigger);
      db_->execute_script(sql);
    }
  }

  std::filesystem::path dir_;
  std::string location_;
  std::unique_ptr<Database> db_;
};

TEST_F(AuditChainDb, EveryCommittedRowIsSealedWithTheHashMedbcpComputes) {
  std::vector<std::int64_t> ids;
  ids.reserve(5);
  for (int i = 0; i < 5; ++i) ids.push_back(write(*db_, "export", "行" + std::to_string(i)));
  const AuditChainCheck check = check_audit_chain(*db_);
  EXPECT_TRUE(check.ok()) << check.breaks.front().message;
  EXPECT_EQ(check.sealed, 5);
  EXPECT_EQ(check.waiting, 0);
  // The stored seals are the ones audit_seal_hash gives: on PostgreSQL
  // the database computed them in SQL.
  auto stmt = db_->prepare("SELECT hash FROM audit_chain ORDER BY seq");
  std::string previous;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    ASSERT_TRUE(stmt->step());
    AuditRecord r;
    r.id = ids[i];
    r.at = 1764979200;
    r.actor_name = "院長 太郎";
    r.remote = "192.0.2.1";
    r.action = "export";
    r.detail = "行" + std::to_string(i);
    previous = audit_seal_hash(previous, r);
    EXPECT_EQ(stmt->text(0), previous);
  }
}

TEST_F(AuditChainDb, AHashChangesWithEveryField) {
  AuditRecord r;
  r.id = 7;
  r.at = 1;
  r.actor_name = "a";
  const std::string base = audit_seal_hash("", r);
  EXPECT_EQ(base.size(), 64u);
  AuditRecord other = r;
  other.actor_id = 0;  // 0 is not "no account"
  EXPECT_NE(audit_seal_hash("", other), base);
  other = r;
  other.actor_name = "";
  other.remote = "a";  // the same bytes in another field
  EXPECT_NE(audit_seal_hash("", other), base);
  EXPECT_NE(audit_seal_hash(base, r), base);
}

TEST_F(AuditChainDb, AnEditedRowIsNamed) {
  write(*db_, "sign_in");
  const std::int64_t edited = write(*db_, "user_role", "staff → admin");
  write(*db_, "sign_out");
  tamper("audit_log", "audit_log_no_update",
         "UPDATE audit_log SET detail = 'staff → staff' WHERE id = " + std::to_string(edited));
  const AuditChainCheck check = check_audit_chain(*db_);
  ASSERT_EQ(check.breaks.size(), 1u);
  EXPECT_EQ(check.breaks[0].audit_id, edited);
  EXPECT_NE(check.breaks[0].message.find("#" + std::to_string(edited)), std::string::npos);
}

TEST_F(AuditChainDb, DeletedRowsAreNamedWithOrWithoutTheirSeals) {
  std::vector<std::int64_t> ids;
  ids.reserve(6);
  for (int i = 0; i < 6; ++i) ids.push_back(write(*db_, "sign_in_failed"));
  tamper("audit_log", "audit_log_no_delete",
         "DELETE FROM audit_log WHERE id = " + std::to_string(ids[1]));
  AuditChainCheck check = check_audit_chain(*db_);
  ASSERT_EQ(check.breaks.size(), 1u);
  EXPECT_EQ(check.breaks[0].audit_id, ids[1]);
  EXPECT_NE(check.breaks[0].message.find("削除"), std::string::npos);

  // Removing the seals too leaves a gap in their numbers and a next seal
  // that no longer follows from the one before it.
  tamper("audit_log", "audit_log_no_delete",
         "DELETE FROM audit_log WHERE id = " + std::to_string(ids[3]));
  tamper("audit_chain", "audit_chain_no_delete",
         "DELETE FROM audit_chain WHERE audit_id IN (" + std::to_string(ids[1]) + ", " +
             std::to_string(ids[3]) + ")");
  check = check_audit_chain(*db_);
  ASSERT_FALSE(check.ok());
  std::vector<std::int64_t> named;
  for (const auto& b : check.breaks) named.push_back(b.audit_id);
  EXPECT_NE(std::find(named.begin(), named.end(), ids[2]), named.end());
  EXPECT_NE(std::find(named.begin(), named.end(), ids[4]), named.end());
}

TEST_F(AuditChainDb, ARowSlippedInWithoutASealIsNamed) {
  write(*db_, "sign_in");
  write(*db_, "sign_in");
  // An id below the last sealed one, written straight into the table.
  db_->execute_script(
      "INSERT INTO audit_log (id, at, actor_name, action) VALUES (-5, 1, 'x', 'sign_in')");
  if (db_->dialect() == "postgres") {
    // The database seals it as it commits: it is in the chain, out of order
    // but whole, and nothing is broken.
    EXPECT_TRUE(check_audit_chain(*db_).ok());
    tamper("audit_chain", "audit_chain_no_delete", "DELETE FROM audit_chain WHERE audit_id = -5");
  }
  const AuditChainCheck check = check_audit_chain(*db_);
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.breaks.back().audit_id, -5);
}

TEST_F(AuditChainDb, SQLiteRowsWrittenOutsideATransactionWaitForTheNextCommit) {
  if (db_->dialect() != "sqlite") GTEST_SKIP() << "PostgreSQL seals every commit itself";
  write(*db_, "sign_in");
  db_->execute_script("INSERT INTO audit_log (at, actor_name, action) VALUES (1, 'x', 'sign_in')");
  AuditChainCheck check = check_audit_chain(*db_);
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.waiting, 1);
  write(*db_, "sign_out");
  check = check_audit_chain(*db_);
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.waiting, 0);
  EXPECT_EQ(check.sealed, 3);
}

// A database from before the chain: its rows are sealed as it is migrated
// (PostgreSQL) or at its first commit after (SQLite), and verify.
TEST_F(AuditChainDb, RowsFromBeforeTheChainAreSealedOnUpgrade) {
  const std::string location = test_database_location(dir_ / "old.db");
  auto db = open_database(location, OpenMode::AsIs);
  migrate_to(*db, 11);
  for (int i = 0; i < 3; ++i) write(*db, "sign_in");
  migrate(*db);
  install_audit_seal(*db);
  write(*db, "sign_out");
  const AuditChainCheck check = check_audit_chain(*db);
  EXPECT_TRUE(check.ok()) << check.breaks.front().message;
  EXPECT_EQ(check.sealed, 4);
}

TEST_F(AuditChainDb, WritersOnSeveralConnectionsMakeOneChain) {
  constexpr int kWriters = 4;
  constexpr int kRows = 25;
  std::vector<std::thread> writers;
  writers.reserve(kWriters);
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([this, w] {
      auto db = open_database(location_);
      for (int i = 0; i < kRows; ++i) write(*db, "export", std::to_string(w));
    });
  }
  for (auto& t : writers) t.join();
  const AuditChainCheck check = check_audit_chain(*db_);
  EXPECT_TRUE(check.ok()) << check.breaks.front().message;
  EXPECT_EQ(check.sealed, kWriters * kRows);
}

}  // namespace
}  // namespace medbcp::store
