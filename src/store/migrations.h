// Numbered schema migrations (src/store/migrations/NNN_name.sql for SQLite,
// src/store/migrations/postgres/NNN_name.sql for PostgreSQL: one schema
// version for both engines, the same numbers and names), embedded at build
// time and applied in order inside one transaction at start-up. The version
// reached is recorded in schema_version.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace medbcp::store {

int latest_schema_version();
// The migrations' names in order, for an engine ("sqlite", "postgres").
std::vector<std::string> migration_names(std::string_view dialect);
int current_schema_version(Database& db);
// Applies every migration newer than the database's version; all or nothing.
void migrate(Database& db);
// Applies the migrations up to `version` only: the schema a database of
// that version must have (what a restore check compares a file with).
void migrate_to(Database& db, int version);

}  // namespace medbcp::store
