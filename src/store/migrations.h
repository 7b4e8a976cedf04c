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

}  // namespace medbcp::store
