// The SQLite connection's own promises: statements reused from its cache
// behave as new ones, and the change stamp moves with every commit by this
// connection or another.
#include "store/sqlite/sqlite_database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace medbcp::store {
namespace {

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-sqlite-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(SqliteDatabaseTest, AReusedStatementStartsFreshWithoutOldBindings) {
  auto db = open_sqlite_raw(path_, false);
  db->execute_script(
      "CREATE TABLE t (k INTEGER, v TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b');");
  const char* sql = "SELECT v FROM t WHERE k = ?";
  {
    auto s = db->prepare(sql);
    s->bind(1, 1);
    ASSERT_TRUE(s->step());
    EXPECT_EQ(s->text(0), "a");
    // Left in the middle of its rows, as a caller that found what it wanted does.
  }
  {
    auto s = db->prepare(sql);  // the same statement, back from the cache
    EXPECT_FALSE(s->step());    // the old binding is gone: k = NULL matches no row
  }
  {
    auto s = db->prepare(sql);
    s->bind(1, 2);
    ASSERT_TRUE(s->step());
    EXPECT_EQ(s->text(0), "b");
    // Two at once of the same SQL are two statements.
    auto t = db->prepare(sql);
    t->bind(1, 1);
    ASSERT_TRUE(t->step());
    EXPECT_EQ(t->text(0), "a");
    EXPECT_EQ(s->text(0), "b");
  }
  // A statement kept in the cache holds no read lock: another connection writes.
  auto other = open_sqlite_raw(path_, false);
  other->execute_script("INSERT INTO t VALUES (3, 'c')");
  auto s = db->prepare(sql);
  s->bind(1, 3);
  ASSERT_TRUE(s->step());
  EXPECT_EQ(s->text(0), "c");
}

TEST_F(SqliteDatabaseTest, TheChangeStampMovesWithEveryCommitFromAnywhere) {
  auto db = open_sqlite_raw(path_, false);
  db->execute_script("CREATE TABLE t (v TEXT)");
  const ChangeStamp first = db->change_stamp();
  EXPECT_EQ(db->change_stamp(), first);  // nothing happened
  db->prepare("SELECT count(*) FROM t")->step();
  EXPECT_EQ(db->change_stamp(), first);  // reading changes nothing
  db->prepare("INSERT INTO t VALUES ('own')")->run();
  const ChangeStamp after_own = db->change_stamp();
  EXPECT_NE(after_own, first);
  auto other = open_sqlite_raw(path_, false);
  other->prepare("INSERT INTO t VALUES ('other')")->run();
  EXPECT_NE(db->change_stamp(), after_own);
}

TEST_F(SqliteDatabaseTest, AFullDiskSaysSoAndKeepsNothingOfTheWrite) {
  auto db = open_sqlite_raw(path_, false);
  db->execute_script("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept');");
  // SQLite's own size limit stands in for a full disk: the same SQLITE_FULL.
  db->execute_script("PRAGMA max_page_count = " + std::to_string([&] {
                       auto s = db->prepare("PRAGMA page_count");
                       s->step();
                       return s->integer(0);
                     }()));
  try {
    Transaction tx(*db);
    auto insert = db->prepare("INSERT INTO t VALUES (?)");
    for (int i = 0; i < 10'000; ++i) {
      insert->bind(1, std::string(1000, 'x')).run();
      insert->reset();
    }
    tx.commit();
    FAIL() << "the writes did not fill the database";
  } catch (const DiskFullError& e) {
    EXPECT_NE(std::string(e.what()).find("ディスクの空きがありません"), std::string::npos);
  }
  auto count = db->prepare("SELECT COUNT(*) FROM t");
  count->step();
  EXPECT_EQ(count->integer(0), 1);
}

TEST_F(SqliteDatabaseTest, AStatementMayOutliveItsConnection) {
  std::unique_ptr<Statement> s;
  {
    auto db = open_sqlite_raw(path_, false);
    s = db->prepare("SELECT 1");
  }
  s.reset();  // finalized, not returned to a cache that is gone
  SUCCEED();
}

}  // namespace
}  // namespace medbcp::store
