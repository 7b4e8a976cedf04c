#include "store/sqlite/sqlite_inspection.h"

namespace medbcp::store {

DatabaseInspection inspect_database(Database& db) {
  DatabaseInspection out;
  {
    auto stmt = db.prepare("PRAGMA integrity_check(" + std::to_string(kMaxFindings) + ")");
    while (stmt->step()) {
      std::string line = stmt->text(0);
      if (line != "ok") out.integrity_errors.push_back(line);
    }
  }
  {
    auto stmt = db.prepare("PRAGMA foreign_key_check");
    while (stmt->step()) {
      if (out.foreign_key_violations.size() >= static_cast<std::size_t>(kMaxFindings)) continue;
      out.foreign_key_violations.push_back(
          {stmt->text(0), stmt->optional_integer(1), stmt->text(2)});
    }
  }
  {
    auto stmt = db.prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    stmt->step();
    out.has_schema_version = stmt->integer(0) > 0;
  }
  if (out.has_schema_version) {
    auto stmt = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    stmt->step();
    out.schema_version = static_cast<int>(stmt->integer(0));
  }
  return out;
}

}  // namespace medbcp::store
