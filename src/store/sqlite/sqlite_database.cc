#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <cerrno>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/migrations.h"

namespace medbcp::store {
namespace {

// SQLITE_FULL, or an I/O error whose cause was ENOSPC (SQLite reports a
// WAL or journal file it could not create as "disk I/O error").
bool disk_full(sqlite3* db) {
  return db != nullptr &&
         (sqlite3_errcode(db) == SQLITE_FULL || sqlite3_system_errno(db) == ENOSPC);
}

[[noreturn]] void throw_disk_full(const std::string& detail) {
  throw DiskFullError("ディスクの空きがありません。何も保存されていません（" + detail +
                      "）。不要なファイルを削除するか、管理者に連絡してください。");
}

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  std::string message = what;
  if (db != nullptr) {
    message += ": ";
    message += sqlite3_errmsg(db);
  }
  if (disk_full(db)) throw_disk_full(message);
  throw StoreError(message);
}

// Prepared statements of one connection waiting to be used again, by their
// SQL text. A page runs the same few dozen statements on every request, and
// preparing them again each time cost more than running them. Shared with
// the statements themselves, so one that outlives its connection is simply
// finalized.
struct StatementPool {
  static constexpr std::size_t kPerStatement = 4;  // at once, e.g. nested loops
  static constexpr std::size_t kTotal = 512;

  sqlite3* db = nullptr;
  bool closed = false;
  std::size_t idle_count = 0;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle;

  sqlite3_stmt* take(std::string_view sql) {
    auto it = idle.find(std::string(sql));
    if (it == idle.end() || it->second.empty()) return nullptr;
    sqlite3_stmt* stmt = it->second.back();
    it->second.pop_back();
    --idle_count;
    return stmt;
  }
  void give_back(sqlite3_stmt* stmt) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (closed || idle_count >= kTotal) {
      sqlite3_finalize(stmt);
      return;
    }
    auto& list = idle[sqlite3_sql(stmt)];
    if (list.size() >= kPerStatement) {
      sqlite3_finalize(stmt);
      return;
    }
    list.push_back(stmt);
    ++idle_count;
  }
  void close() {
    closed = true;
    for (auto& [sql, list] : idle) {
      for (sqlite3_stmt* stmt : list) sqlite3_finalize(stmt);
    }
    idle.clear();
    idle_count = 0;
  }
};

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(std::shared_ptr<StatementPool> pool, sqlite3_stmt* stmt)
      : pool_(std::move(pool)), db_(pool_->db), stmt_(stmt) {}
  ~SqliteStatement() override { pool_->give_back(stmt_); }

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
  Statement& bind_unowned(int index, std::string_view value) override {
    check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8),
          "bind");
    return *this;
  }
  Statement& bind_blob(int index, std::string_view bytes) override {
    check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), "bind");
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
  bool is_blob(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_BLOB;
  }
  std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string text(int column) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (p == nullptr) return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }

  std::string blob(int column) const override {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    if (p == nullptr) return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }

  void text_into(int column, std::string& out) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (p == nullptr) {
      out.clear();
      return;
    }
    out.assign(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }

 private:
  void check(int rc, const char* what) {
    if (rc != SQLITE_OK) fail(db_, what);
  }
  std::shared_ptr<StatementPool> pool_;
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(sqlite3* db) : db_(db), pool_(std::make_shared<StatementPool>()) {
    pool_->db = db;
  }
  ~SqliteDatabase() override {
    pool_->close();
    sqlite3_close_v2(db_);  // waits for statements still in use, if any
  }

  std::unique_ptr<Statement> prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = pool_->take(sql);
    if (stmt == nullptr &&
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      fail(db_, "prepare failed (" + std::string(sql.substr(0, 80)) + ")");
    }
    return std::make_unique<SqliteStatement>(pool_, stmt);
  }
  void execute_script(std::string_view sql) override {
    std::string copy(sql);
    char* error = nullptr;
    if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      if (disk_full(db_)) throw_disk_full(message);
      throw StoreError("SQL script failed: " + message);
    }
  }
  // IMMEDIATE takes the write lock at once, so two writers queue on the busy
  // timeout instead of failing later with SQLITE_BUSY on upgrade.
  void begin() override { execute_script("BEGIN IMMEDIATE"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return !sqlite3_get_autocommit(db_); }
  std::string_view dialect() const override { return "sqlite"; }
  // PRAGMA data_version moves when another connection commits; this
  // connection's own changes are counted by sqlite3_total_changes64.
  ChangeStamp change_stamp() override {
    auto version = prepare("PRAGMA data_version");
    version->step();
    return {version->integer(0), sqlite3_total_changes64(db_)};
  }

 private:
  sqlite3* db_;
  std::shared_ptr<StatementPool> pool_;
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
