// Copies every row of one clinic's tables from one database to another, on
// either engine: the tables are the same on both (one schema version,
// store/migrations/), so a row goes over column by column, each value as
// the type it has (a number, text, bytes). Used to move a clinic between
// its own SQLite file and an association's PostgreSQL (app/database_copy.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace medbcp::store {

struct CopiedTable {
  std::string name;
  std::int64_t rows = 0;
};

// The clinic's tables of `db` in the order they were made (a table comes
// after the tables it refers to); not the schema version, nor the change
// counter, which each database keeps for itself.
std::vector<std::string> clinic_tables(Database& db);

// Replaces the rows of every clinic table of `to` by those of `from`, in
// one transaction of `to` (nothing of it stays if anything fails), and sets
// `to`'s id counters past the copied ids. Both must be at the same schema
// version. Throws StoreError.
std::vector<CopiedTable> copy_clinic_tables(Database& from, Database& to);

}  // namespace medbcp::store
