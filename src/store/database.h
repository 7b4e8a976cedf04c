// The persistence interface: a connection that prepares parameterised
// statements and runs transactions. SQLite (store/sqlite/) and PostgreSQL
// (store/postgres/) implement it; statements are written once, with '?'
// placeholders, which the PostgreSQL engine numbers $1, $2 ….
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace medbcp::store {

// A failure of the database itself (disk full, file locked too long,
// corrupt file, constraint violated by a bug). Caught once at the edge.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The disk (or the database's size limit) is full: nothing of the write
// was kept. Told apart so that people read "the disk is full", not
// "disk I/O error".
class DiskFullError : public StoreError {
 public:
  using StoreError::StoreError;
};

// The connection to a database server was lost (the server stopped, a
// standby is taking over): nothing of the request was kept, and the next
// use of the connection tries to connect again.
class ConnectionLostError : public StoreError {
 public:
  using StoreError::StoreError;
};

class Statement {
 public:
  virtual ~Statement() = default;
  // Parameters are 1-based, as in SQL.
  virtual Statement& bind(int index, std::int64_t value) = 0;
  virtual Statement& bind(int index, std::string_view value) = 0;
  virtual Statement& bind(int index, double value) = 0;
  virtual Statement& bind_null(int index) = 0;
  // The same as bind(index, value) without copying the bytes: they must stay
  // valid until the statement has run (or is reset or destroyed). For long
  // lists saved row by row from records that outlive the statement.
  virtual Statement& bind_unowned(int index, std::string_view value) { return bind(index, value); }
  // Bytes that are not text (compressed data): stored as a BLOB.
  virtual Statement& bind_blob(int index, std::string_view bytes) = 0;
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    if (value) return bind(index, *value);
    return bind_null(index);
  }

  // Advances to the next row; false when done. Statements without result
  // rows are executed by the first step().
  virtual bool step() = 0;
  // Runs a statement that returns no rows.
  void run() {
    while (step()) {
    }
  }
  // Runs an `INSERT … RETURNING id` and gives the new row's id: the same on
  // every engine, where "the last insert id" is not.
  std::int64_t run_returning_id() {
    if (!step()) throw StoreError("INSERT … RETURNING id returned no row");
    const std::int64_t id = integer(0);
    run();
    return id;
  }
  virtual void reset() = 0;

  virtual bool is_null(int column) const = 0;
  virtual bool is_blob(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual std::string text(int column) const = 0;
  // The same into `out`, reusing its memory: for loops over a million rows.
  virtual void text_into(int column, std::string& out) const { out = text(column); }
  virtual std::string blob(int column) const = 0;
  std::optional<std::int64_t> optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
  }
  std::optional<std::string> optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
  }
};

// Identifies the state of the database as one connection sees it: it
// changes whenever a change is committed, by this connection or any other
// (another thread, `medbcp` on the command line). Lets a reader keep what it
// read while the stamp stays the same.
struct ChangeStamp {
  std::int64_t others = 0;  // commits by other connections
  std::int64_t own = 0;     // rows changed by this connection
  bool operator==(const ChangeStamp&) const = default;
};

class Database {
 public:
  virtual ~Database() = default;
  // Statements may be kept and reused by the implementation: preparing is
  // most of what a short query costs.
  virtual std::unique_ptr<Statement> prepare(std::string_view sql) = 0;
  // Runs one or more statements without parameters (schema, pragmas).
  virtual void execute_script(std::string_view sql) = 0;
  virtual void begin() = 0;  // an immediate (write) transaction
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool in_transaction() const = 0;
  virtual ChangeStamp change_stamp() = 0;
  // Identifies the backend for the rare dialect difference ("sqlite", "postgres").
  virtual std::string_view dialect() const = 0;

  // Work every write transaction does last, before it commits: on SQLite,
  // sealing the audit log's new rows into its hash chain (store/audit_chain.h).
  void set_before_commit(void (*hook)(Database&)) { before_commit_ = hook; }
  void before_commit() {
    if (before_commit_ != nullptr) before_commit_(*this);
  }

 private:
  void (*before_commit_)(Database&) = nullptr;
};

// Commits on commit(), rolls back when destroyed without it: one use case,
// one transaction, nothing half-written.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) { db_.begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) {
      try {
        db_.rollback();
      } catch (...) {
        // Nothing sensible to do in a destructor; the connection is closed next.
      }
    }
  }
  void commit() {
    db_.before_commit();
    db_.commit();
    done_ = true;
  }

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace medbcp::store
