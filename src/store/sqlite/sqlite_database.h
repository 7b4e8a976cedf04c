// SQLite implementation of store::Database: WAL journal, foreign keys on,
// a busy timeout so a CLI and the server can share the file, and
// synchronous=FULL so a committed write survives power loss.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace medbcp::store {

// Opens (creating if needed) the database file and applies pending migrations.
std::unique_ptr<Database> open_sqlite(const std::string& path);
// Opens without migrating (for inspection and restore checks).
std::unique_ptr<Database> open_sqlite_raw(const std::string& path, bool read_only);

}  // namespace medbcp::store
