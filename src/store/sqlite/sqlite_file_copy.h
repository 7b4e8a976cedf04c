// Whole-database copies with SQLite's online backup API: a backup of the
// live file that stays consistent while the server keeps writing, and a
// restore that swaps a checked copy into the live file under its write lock,
// so every connection sees either the old database or the new one — never a
// mix, and never a file half-written by a crash.
#pragma once

#include <string>

namespace medbcp::store {

// Copies the database at `source_path` into a new file at `dest_path` as one
// snapshot (a read transaction on the source: writers carry on meanwhile).
// The copy is a self-contained rollback-journal database (no -wal file),
// written to a temporary file beside `dest_path`, fsynced and renamed over
// it; a crash leaves either the previous `dest_path` or the whole copy.
// Throws StoreError.
void backup_database_file(const std::string& source_path, const std::string& dest_path);

// Replaces the whole content of the database at `live_path` (created when
// missing) with the content of `source_path`, in one write transaction on
// the live file: a server that has it open waits on its busy timeout while
// the pages are copied, then sees the restored database. When
// `keep_replaced_path` is not empty, the database being replaced is first
// copied there (as by backup_database_file) while that write lock is held,
// so no write can fall between the copy kept aside and the restore.
// Throws StoreError, leaving the live database as it was.
void restore_database_file(const std::string& source_path, const std::string& live_path,
                           const std::string& keep_replaced_path);

// Durability helpers for files written beside the database.
void fsync_file(const std::string& path);
void fsync_parent_directory(const std::string& path);
// rename(2) followed by an fsync of the directory, so the new name survives
// power loss.
void rename_durably(const std::string& from, const std::string& to);

}  // namespace medbcp::store
