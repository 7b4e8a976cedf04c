#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include "store/migrations.h"

namespace medbcp::store {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  std::string message = what;
  if (db != nullptr) {
    message += ": ";
    message += sqlite3_errmsg(db);
  }
  throw StoreError(message);
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  Statement& bind(int index, std::int64_t value) override {
    check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
  }
  Statement& bind(int index, std::string_view value) override {
    check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8),
          "bind");
    return *this;
  }
  Statement& bind(int index, double value) override {
    check(sqlite3_bind_double(stmt_, index, value), "bind");
    return *this;
  }
  Statement& bind_null(int index) override {
    check(sqlite3_bind_null(stmt_, index), "bind");
    return *this;
  }
  bool step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
    sqlite3_reset(stmt_);
    fail(db_, "SQL failed (" + sql.substr(0, 80) + ")");
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  bool is_null(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string text(int column) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (p == nullptr) return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }

 private:
  void check(int rc, const char* what) {
    if (rc != SQLITE_OK) fail(db_, what);
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  ~SqliteDatabase() override { sqlite3_close_v2(db_); }

  std::unique_ptr<Statement> prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      fail(db_, "prepare failed (" + std::string(sql.substr(0, 80)) + ")");
    }
    return std::make_unique<SqliteStatement>(db_, stmt);
  }
  void execute_script(std::string_view sql) override {
    std::string copy(sql);
    char* error = nullptr;
    if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw StoreError("SQL script failed: " + message);
    }
  }
  std::int64_t last_insert_id() override { return sqlite3_last_insert_rowid(db_); }
  // IMMEDIATE takes the write lock at once, so two writers queue on the busy
  // timeout instead of failing later with SQLITE_BUSY on upgrade.
  void begin() override { execute_script("BEGIN IMMEDIATE"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return !sqlite3_get_autocommit(db_); }
  std::string_view dialect() const override { return "sqlite"; }

 private:
  sqlite3* db_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite_raw(const std::string& path, bool read_only) {
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread (app::Workspace)
  if (sqlite3_open_v2(path.c_str(), &raw, flags, nullptr) != SQLITE_OK) {
    std::string message = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close_v2(raw);
    throw StoreError("cannot open database " + path + ": " + message);
  }
  auto db = std::make_unique<SqliteDatabase>(raw);
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  db->execute_script("PRAGMA foreign_keys = ON");
  if (!read_only) {
    db->execute_script(
        "PRAGMA journal_mode = WAL;"
        "PRAGMA synchronous = FULL;");
  }
  return db;
}

std::unique_ptr<Database> open_sqlite(const std::string& path) {
  auto db = open_sqlite_raw(path, false);
  migrate(*db);
  return db;
}

}  // namespace medbcp::store
