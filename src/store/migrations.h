// Numbered schema migrations (src/store/migrations/NNN_name.sql, embedded at
// build time), applied in order inside one transaction at start-up. The
// version reached is recorded in schema_version.
#pragma once

#include "store/database.h"

namespace medbcp::store {

int latest_schema_version();
int current_schema_version(Database& db);
// Applies every migration newer than the database's version; all or nothing.
void migrate(Database& db);
// Applies the migrations up to `version` only: the schema a database of
// that version must have (what a restore check compares a file with).
void migrate_to(Database& db, int version);

}  // namespace medbcp::store
