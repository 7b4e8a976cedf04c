#include "store/sqlite/sqlite_file_copy.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

#include "store/database.h"

namespace medbcp::store {
namespace {

// How long a backup or restore keeps retrying when the other side holds a
// lock it needs (a long write on the live database, a checkpoint).
constexpr auto kLockPatience = std::chrono::seconds(30);
constexpr int kBusyTimeoutMs = 10000;

// A raw connection closed on every path out, so a failed copy never leaves
// a file open (and on restore, never leaves the live file locked).
class Connection {
 public:
  Connection(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw StoreError("cannot open database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db_, 1);
  }
  ~Connection() { close(); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* get() const { return db_; }
  void exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errmsg(db_);
      sqlite3_free(error);
      throw StoreError(std::string(sql) + ": " + message);
    }
  }
  std::int64_t integer(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
      throw StoreError(std::string(sql) + ": " + sqlite3_errmsg(db_));
    }
    int rc = sqlite3_step(stmt);
    std::int64_t value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW) throw StoreError(std::string(sql) + ": " + sqlite3_errmsg(db_));
    return value;
  }
  void close() {
    if (db_ != nullptr && sqlite3_close(db_) != SQLITE_OK) {
      // Something still holds a statement; close_v2 frees it when done.
      sqlite3_close_v2(db_);
    }
    db_ = nullptr;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Steps a backup, retrying while a lock it needs is held elsewhere (the
// busy timeout covers the destination; the source may also be busy for a
// moment during a checkpoint). Returns the last result code.
int step_patiently(sqlite3_backup* backup, int pages) {
  auto deadline = std::chrono::steady_clock::now() + kLockPatience;
  for (;;) {
    int rc = sqlite3_backup_step(backup, pages);
    int primary = rc & 0xff;
    if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) &&
        std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    return rc;
  }
}

// Copies every page of `from` into `to` in one step: one read transaction
// on the source (a consistent snapshot) and one write transaction on the
// destination.
void copy_pages(Connection& from, Connection& to, const std::string& what) {
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (backup == nullptr) {
    throw StoreError(what + ": " + sqlite3_errmsg(to.get()));
  }
  int rc = step_patiently(backup, -1);
  int finish = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw StoreError(what + ": " + sqlite3_errstr(rc));
  if (finish != SQLITE_OK) throw StoreError(what + ": " + sqlite3_errmsg(to.get()));
}

std::string parent_of(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

void fsync_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw StoreError("cannot open " + path + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) throw StoreError("fsync failed for " + path + ": " + std::strerror(err));
}

void fsync_parent_directory(const std::string& path) {
  std::string dir = parent_of(path);
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw StoreError("cannot open directory " + dir + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) throw StoreError("fsync failed for " + dir + ": " + std::strerror(err));
}

void rename_durably(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    throw StoreError("cannot rename " + from + " to " + to + ": " + std::strerror(errno));
  }
  fsync_parent_directory(to);
}

void backup_database_file(const std::string& source_path, const std::string& dest_path) {
  // Read-write without create: a missing source is an error, not an empty
  // backup, and a WAL source can be read even where no -shm exists yet.
  Connection source(source_path, SQLITE_OPEN_READWRITE);
  std::string tmp = dest_path + ".tmp-" + std::to_string(::getpid());
  std::filesystem::remove(tmp);
  try {
    {
      Connection dest(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      copy_pages(source, dest, "backup of " + source_path);
      // The copied header says WAL when the source is in WAL mode; a backup
      // should be one file that opens anywhere, read-only included.
      dest.exec("PRAGMA journal_mode = DELETE");
      dest.close();
    }
    fsync_file(tmp);
    rename_durably(tmp, dest_path);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    std::filesystem::remove(tmp + "-journal", ignored);
    std::filesystem::remove(tmp + "-wal", ignored);
    std::filesystem::remove(tmp + "-shm", ignored);
    throw;
  }
}

void restore_database_file(const std::string& source_path, const std::string& live_path,
                           const std::string& keep_replaced_path) {
  Connection source(source_path, SQLITE_OPEN_READWRITE);
  Connection live(live_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  live.exec("PRAGMA synchronous = FULL");
  // The live file stays in WAL mode (what every medbcp connection expects,
  // and what lets the copy kept aside be read while the restore holds the
  // write lock); the backup API keeps the destination's journal mode.
  live.exec("PRAGMA journal_mode = WAL");
  // A one-page source would be copied and committed by the first step,
  // before the old database could be kept aside. No medbcp database is
  // that small (every table takes a page).
  if (source.integer("PRAGMA page_count") < 2) {
    throw StoreError("restore source " + source_path + " holds no tables");
  }

  sqlite3_backup* backup = sqlite3_backup_init(live.get(), "main", source.get(), "main");
  if (backup == nullptr) {
    throw StoreError("restore into " + live_path + ": " + sqlite3_errmsg(live.get()));
  }
  // The first step copies one page and takes the live file's write lock,
  // which the backup holds until it is done: from here on nobody else can
  // commit. Its pages are not visible to readers before the commit, so a
  // second connection still reads the database being replaced.
  int rc = step_patiently(backup, 1);
  if (rc == SQLITE_OK && !keep_replaced_path.empty()) {
    try {
      backup_database_file(live_path, keep_replaced_path);
    } catch (...) {
      sqlite3_backup_finish(backup);  // rolls back the one page copied
      throw;
    }
  }
  if (rc == SQLITE_OK) rc = step_patiently(backup, -1);
  int finish = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw StoreError("restore into " + live_path + ": " + sqlite3_errstr(rc));
  if (finish != SQLITE_OK) {
    throw StoreError("restore into " + live_path + ": " + sqlite3_errmsg(live.get()));
  }
  live.close();
}

}  // namespace medbcp::store
