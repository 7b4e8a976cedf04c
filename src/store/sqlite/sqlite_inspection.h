// What a database file says about itself before medbcp trusts it as a
// backup or a restore: SQLite's own page-level integrity check, references
// that point at nothing (foreign_key_check), the schema version it was
// written at, and whether its tables, indexes and triggers are exactly those
// of that version (a protective trigger dropped, a table missing, one added). Read-only; judging
// the results is the app layer's (the timeline chains are checked there too).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace medbcp::store {

struct ForeignKeyViolation {
  std::string table;
  std::optional<std::int64_t> rowid;
  std::string parent;  // the table the row should refer to
};

// A table, index, trigger or view whose definition is not the one the file's
// schema version prescribes (or that is missing, or should not be there).
struct SchemaDifference {
  enum class Kind { Missing, Different, Unexpected };
  Kind kind = Kind::Missing;
  std::string type;  // "table", "index", "trigger", "view"
  std::string name;
};

struct DatabaseInspection {
  // PRAGMA integrity_check's findings (at most kMaxFindings); empty when it
  // said "ok".
  std::vector<std::string> integrity_errors;
  // At most kMaxFindings.
  std::vector<ForeignKeyViolation> foreign_key_violations;
  // False for a SQLite file that medbcp never wrote.
  bool has_schema_version = false;
  int schema_version = 0;
  // Against a database migrated to schema_version by this medbcp: every
  // table, index and trigger, compared by its CREATE statement. Filled only
  // for a schema version this medbcp knows; at most kMaxFindings.
  std::vector<SchemaDifference> schema_differences;
};

inline constexpr int kMaxFindings = 50;

// Runs the checks on an open connection without writing anything. Throws
// StoreError when the file is not a database at all.
DatabaseInspection inspect_database(Database& db);

}  // namespace medbcp::store
