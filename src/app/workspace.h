// A workspace is one opened medbcp database: the web server and every CLI
// command start by opening one. Each thread gets its own connection to the
// same file (SQLite connections must not be shared across threads), opened
// lazily; migrations run once, when the workspace is opened.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <string>

namespace medbcp::store {
class Database;  // use cases inside app/ reach their connection through db()
}  // namespace medbcp::store

namespace medbcp::app {

// Moves with every commit to the database, from any connection: what was
// read stays true while it stays.
struct ChangeStamp {
  std::int64_t others = 0;  // commits by other connections
  std::int64_t own = 0;     // rows changed by this connection
  bool operator==(const ChangeStamp&) const = default;
};

class Workspace {
 public:
  // Opens the database at `db_path` (a SQLite file, or a location
  // store::open_database accepts), creating it if missing, and migrates it
  // to the latest schema.
  static std::unique_ptr<Workspace> open(const std::string& db_path);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // This thread's connection.
  store::Database& db();
  const std::string& path() const { return path_; }
  // The path as it may be shown or logged (a URL's password hidden).
  std::string shown_path() const;
  // Unique to this workspace in the process, so thread-local caches of what
  // was read from it never mistake another workspace for it.
  std::uint64_t generation() const { return generation_; }
  ChangeStamp change_stamp();
  // The schema a facility of an association's database works in ("" for a
  // SQLite file and a database of one clinic).
  const std::string& schema() const { return schema_; }
  // The association's own accounts (協会管理者, 協会閲覧), beside its
  // facilities; it holds no plan (app/facility_directory.h).
  bool is_association() const;

 private:
  explicit Workspace(std::string path);
  std::string path_;
  std::string connection_;  // for a schema: the connection it shares with the database's others
  std::string schema_;
  std::uint64_t generation_;  // distinguishes workspaces in thread-local caches
};

// Whether `e` is a failure of the database itself (disk full, locked too
// long, corrupt file) rather than of the request.
bool is_database_failure(const std::exception& e);
// Whether `e` says the disk is full (nothing of the write was kept).
bool is_disk_full(const std::exception& e);
// Whether `e` says the connection to the database server was lost (nothing
// of the request was kept; the next request connects again).
bool is_connection_lost(const std::exception& e);

// The database path the user chose: --db, else $MEDBCP_DB, else default_db_path().
std::string resolve_db_path(const std::string& flag_value);
// The database without --db or $MEDBCP_DB: ./medbcp.db, or where the Debian
// package keeps it (/var/lib/medbcp/medbcp.db; set at build time).
std::string default_db_path();

}  // namespace medbcp::app
