// The PostgreSQL engine: what it does to SQL and locations (always run), and
// what it does against a server (run when the tests have one, see
// store/database_test_util.h): messages a person can act on, a lost
// connection that is made again, change stamps that see other connections,
// and a schema that matches SQLite's column for column.
#include "store/postgres/postgres_database.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <thread>

#include <map>
#include <set>

#include "store/database_test_util.h"
#include "store/migrations.h"
#include "store/open_database.h"
#include "store/postgres/postgres_sql.h"
#include "store/sqlite/sqlite_database.h"

namespace medbcp::store {
namespace {

TEST(PostgresSql, PlaceholdersAreNumberedOutsideQuotesAndComments) {
  const auto numbered = postgres::number_placeholders(
      "SELECT '?', \"a?\" FROM t -- why?\nWHERE a = ? AND b = ? /* ? */ AND c = 'it''s ?' OR d = "
      "?");
  EXPECT_EQ(numbered.sql,
            "SELECT '?', \"a?\" FROM t -- why?\nWHERE a = $1 AND b = $2 /* ? */ AND c = 'it''s ?' "
            "OR d = $3");
  EXPECT_EQ(numbered.parameters, 3);
  EXPECT_EQ(postgres::number_placeholders("SELECT 1").parameters, 0);
}

TEST(PostgresSql, OnlyPostgresUrlsAreTakenForIt) {
  EXPECT_TRUE(postgres::is_postgres_location("postgresql://u@h/db"));
  EXPECT_TRUE(postgres::is_postgres_location("postgres://a,b/db?target_session_attrs=read-write"));
  EXPECT_FALSE(postgres::is_postgres_location("clinic.db"));
  EXPECT_FALSE(postgres::is_postgres_location("sqlite:postgresql.db"));
  EXPECT_FALSE(sqlite_file_of("postgresql://u@h/db").has_value());
}

TEST(PostgresSql, PasswordsAreNeverShown) {
  EXPECT_EQ(postgres::redact_location("postgresql://medbcp:s3cret@db.example/bcp"),
            "postgresql://medbcp:****@db.example/bcp");
  EXPECT_EQ(postgres::redact_location("postgresql://db/bcp?user=a&password=s3cret&sslmode=require"),
            "postgresql://db/bcp?user=a&password=****&sslmode=require");
  EXPECT_EQ(postgres::redact_location("postgresql://medbcp@db/bcp"), "postgresql://medbcp@db/bcp");
}

TEST(PostgresSql, MessagesThatQuoteTheUrlLoseItsPassword) {
  EXPECT_EQ(postgres::scrub_message("bad URI: \"postgresql://u:s3cret@[h/db\"",
                                    "postgresql://u:s3cret@[h/db"),
            "bad URI: \"postgresql://u:****@[h/db\"");
  EXPECT_EQ(postgres::scrub_message("no password here", "postgresql://u@h/db"), "no password here");
}

TEST(PostgresSql, ConnectionFailuresAreExplainedInJapanese) {
  EXPECT_NE(
      postgres::explain_connection_failure("FATAL:  password authentication failed for user \"x\"")
          .find("パスワード"),
      std::string::npos);
  EXPECT_NE(postgres::explain_connection_failure("could not translate host name \"nohost\"")
                .find("ホスト名"),
            std::string::npos);
  EXPECT_NE(
      postgres::explain_connection_failure("server does not support SSL, but SSL was required")
          .find("sslmode"),
      std::string::npos);
}

TEST(PostgresMigrations, BothEnginesHaveTheSameVersionsUnderTheSameNames) {
  const auto sqlite = migration_names("sqlite");
  EXPECT_EQ(migration_names("postgres"), sqlite);
  ASSERT_FALSE(sqlite.empty());
  EXPECT_EQ(static_cast<int>(sqlite.size()), latest_schema_version());
}

TEST(PostgresOpen, AMalformedUrlIsRefusedWithoutItsPassword) {
  try {
    open_database("postgresql://u:hunter2@[bad/db?sslmode=nonsense");
    FAIL() << "a malformed URL was accepted";
  } catch (const StoreError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
    EXPECT_NE(message.find("postgresql://"), std::string::npos) << message;
  }
}

TEST(PostgresOpen, AnUnreachableServerIsNamedAndNothingIsWritten) {
  try {
    open_database("postgresql://u:hunter2@127.0.0.1:1/db?connect_timeout=2");
    FAIL() << "connected to nothing";
  } catch (const StoreError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
    EXPECT_NE(message.find("接続"), std::string::npos) << message;
  }
}

class OnPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing_postgres()) GTEST_SKIP() << "no PostgreSQL test server";
    url_ = fresh_postgres_schema(test_postgres_url());
    db_ = open_database(url_);
  }
  std::string url_;
  std::unique_ptr<Database> db_;
};

TEST_F(OnPostgres, MigrationsRunOnceAndReachTheLatestVersion) {
  EXPECT_EQ(current_schema_version(*db_), latest_schema_version());
  auto again = open_database(url_);  // a second start applies nothing twice
  auto count = again->prepare("SELECT count(*) FROM schema_version");
  ASSERT_TRUE(count->step());
  EXPECT_EQ(count->integer(0), latest_schema_version());
}

TEST_F(OnPostgres, ADatabaseOfANewerMedbcpIsRefused) {
  db_->prepare("INSERT INTO schema_version (version, applied_at, name) VALUES (?, ?, ?)")
      ->bind(1, latest_schema_version() + 1)
      .bind(2, "2030-01-01T00:00:00Z")
      .bind(3, "999_future.sql")
      .run();
  EXPECT_THROW(open_database(url_), StoreError);
}

TEST_F(OnPostgres, TheSchemaHasSqlitesTablesAndColumns) {
  std::map<std::string, std::set<std::string>> postgres_columns;
  auto columns = db_->prepare(
      "SELECT table_name, column_name FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name <> 'medbcp_change_counter'");
  while (columns->step()) postgres_columns[columns->text(0)].insert(columns->text(1));

  const auto dir =
      std::filesystem::temp_directory_path() / ("medbcp-pg-schema-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::map<std::string, std::set<std::string>> sqlite_columns;
  {
    auto sqlite = open_sqlite((dir / "schema.db").string());
    auto tables = sqlite->prepare(
        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
        "WHERE m.type = 'table'");
    while (tables->step()) sqlite_columns[tables->text(0)].insert(tables->text(1));
  }
  std::filesystem::remove_all(dir);
  EXPECT_EQ(postgres_columns, sqlite_columns);
}

TEST_F(OnPostgres, AnotherConnectionsCommitMovesTheStamp) {
  const ChangeStamp before = db_->change_stamp();
  EXPECT_EQ(db_->change_stamp(), before);  // reading changes nothing
  auto other = open_database(url_, OpenMode::AsIs);
  {
    Transaction tx(*other);
    other
        ->prepare(
            "INSERT INTO plan_reviews (reviewed_on, recorded_at, recorded_by) "
            "VALUES (?, ?, ?)")
        ->bind(1, "2026-12-06")
        .bind(2, std::int64_t{1796000000})
        .bind(3, "院長")
        .run();
    EXPECT_EQ(db_->change_stamp(), before);  // not yet committed
    tx.commit();
  }
  EXPECT_NE(db_->change_stamp(), before);
}

// The stamp is remembered between calls; a commit by another process (here
// a bare libpq connection, which this process's bookkeeping does not see)
// must still reach it, by the change counter's notification.
TEST_F(OnPostgres, AnotherProcesssCommitMovesTheRememberedStamp) {
  const ChangeStamp before = db_->change_stamp();
  EXPECT_EQ(db_->change_stamp(), before);
  PGconn* outside = PQconnectdb(url_.c_str());
  ASSERT_EQ(PQstatus(outside), CONNECTION_OK) << PQerrorMessage(outside);
  PGresult* inserted = PQexec(outside,
                              "INSERT INTO plan_reviews (reviewed_on, recorded_at, recorded_by) "
                              "VALUES ('2026-12-06', 1796000000, '院長')");
  EXPECT_EQ(PQresultStatus(inserted), PGRES_COMMAND_OK) << PQerrorMessage(outside);
  PQclear(inserted);
  PQfinish(outside);
  // The notice travels from the other backend to this connection's socket:
  // waited for, within a bound.
  bool moved = false;
  for (int i = 0; i < 500 && !moved; ++i) {
    moved = db_->change_stamp() != before;
    if (!moved) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(moved);
}

TEST_F(OnPostgres, ValuesComeBackAsTheyWent) {
  db_->execute_script("CREATE TABLE kinds (i BIGINT, r DOUBLE PRECISION, t TEXT, b BYTEA)");
  const std::string bytes("\0\x01\xff\\x00'", 7);
  db_->prepare("INSERT INTO kinds VALUES (?, ?, ?, ?)")
      ->bind(1, std::int64_t{-9007199254740993})
      .bind(2, 0.1)
      .bind(3, "𠮷野家\\x41 'quoted'")
      .bind_blob(4, bytes)
      .run();
  db_->prepare("INSERT INTO kinds VALUES (?, ?, ?, ?)")
      ->bind_null(1)
      .bind_null(2)
      .bind_null(3)
      .bind_null(4)
      .run();
  auto read = db_->prepare("SELECT i, r, t, b, i IS NULL FROM kinds ORDER BY i NULLS LAST");
  ASSERT_TRUE(read->step());
  EXPECT_EQ(read->integer(0), -9007199254740993);
  EXPECT_DOUBLE_EQ(read->real(1), 0.1);
  EXPECT_EQ(read->text(2), "𠮷野家\\x41 'quoted'");
  EXPECT_TRUE(read->is_blob(3));
  EXPECT_EQ(read->blob(3), bytes);
  EXPECT_EQ(read->integer(4), 0);  // a boolean reads as 0 or 1, as on SQLite
  ASSERT_TRUE(read->step());
  EXPECT_TRUE(read->is_null(0));
  EXPECT_TRUE(read->is_null(3));
  EXPECT_EQ(read->integer(4), 1);
  EXPECT_FALSE(read->step());
}

TEST_F(OnPostgres, AFailedStatementRollsTheTransactionBack) {
  EXPECT_THROW(
      {
        Transaction tx(*db_);
        db_->prepare(
               "INSERT INTO plan_reviews (reviewed_on, recorded_at, recorded_by) "
               "VALUES (?, ?, ?)")
            ->bind(1, "2026-12-06")
            .bind(2, std::int64_t{1})
            .bind(3, "院長")
            .run();
        db_->prepare("INSERT INTO no_such_table VALUES (1)")->run();
        tx.commit();
      },
      StoreError);
  EXPECT_FALSE(db_->in_transaction());
  auto count = db_->prepare("SELECT count(*) FROM plan_reviews");
  ASSERT_TRUE(count->step());
  EXPECT_EQ(count->integer(0), 0);
}

TEST_F(OnPostgres, ALostConnectionIsReportedThenMadeAgain) {
  auto victim = open_database(url_, OpenMode::AsIs);
  auto pid = victim->prepare("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid->step());
  const std::int64_t backend = pid->integer(0);
  pid.reset();
  db_->prepare("SELECT pg_terminate_backend(?::int)")->bind(1, backend).run();
  // The first use finds the connection gone: nothing done, a clear error.
  EXPECT_THROW(victim->prepare("SELECT 1")->run(), ConnectionLostError);
  // The next connects again (through every host of the URL).
  auto again = victim->prepare("SELECT 41 + 1");
  ASSERT_TRUE(again->step());
  EXPECT_EQ(again->integer(0), 42);
}

}  // namespace
}  // namespace medbcp::store
