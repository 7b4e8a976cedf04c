// A workspace is one opened medbcp database: the web server and every CLI
// command start by opening one. Each thread gets its own connection to the
// same file (SQLite connections must not be shared across threads), opened
// lazily; migrations run once, when the workspace is opened.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/database.h"

namespace medbcp::app {

class Workspace {
 public:
  // Creates the file if missing and migrates it to the latest schema.
  static std::unique_ptr<Workspace> open(const std::string& db_path);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // This thread's connection.
  store::Database& db();
  const std::string& path() const { return path_; }
  // Unique to this workspace in the process, so thread-local caches of what
  // was read from it never mistake another workspace for it.
  std::uint64_t generation() const { return generation_; }
  // Moves with every commit to the file, from any connection (see
  // store::ChangeStamp): what was read stays true while it stays.
  store::ChangeStamp change_stamp() { return db().change_stamp(); }

 private:
  explicit Workspace(std::string path);
  std::string path_;
  std::uint64_t generation_;  // distinguishes workspaces in thread-local caches
};

// The database path the user chose: --db, else $MEDBCP_DB, else ./medbcp.db.
std::string resolve_db_path(const std::string& flag_value);

}  // namespace medbcp::app
