// PostgreSQL implementation of store::Database, through libpq: one
// connection per object, statements sent with their parameters (typed for
// numbers and bytes, left to the server for text), every write transaction
// serialised per schema by an advisory lock so the store behaves as on
// SQLite, where one writer at a time is the rule the use cases were written
// for. A lost connection is reported as ConnectionLostError and re-made on
// the next use outside a transaction, through every host of a multi-host URL
// (a promoted standby is found without a restart).
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace medbcp::store {

// Connects to `url` (postgresql://…, libpq's form). Throws StoreError with a
// Japanese message naming what to fix when it cannot; the message never
// repeats a password.
std::unique_ptr<Database> open_postgres(const std::string& url);

// Makes `db`, a PostgreSQL connection, work in `schema` alone from now on,
// also after it reconnects. Outside a transaction only.
void postgres_use_schema(Database& db, const std::string& schema);

// Creates (or completes) the schema's change counter: a one-row table that a
// statement trigger on every table moves, which change_stamp() reads. Run
// after the migrations, so tables a migration adds are counted too.
void install_change_counter(Database& db);

}  // namespace medbcp::store
