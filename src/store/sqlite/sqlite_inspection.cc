#include "store/sqlite/sqlite_inspection.h"

#include <map>
#include <utility>

#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"

namespace medbcp::store {

namespace {

// type/name -> CREATE statement with its white space folded (SQLite keeps
// the text as written; a migration's line breaks are not a difference).
std::map<std::pair<std::string, std::string>, std::string> schema_objects(Database& db) {
  std::map<std::pair<std::string, std::string>, std::string> out;
  auto stmt = db.prepare(
      "SELECT type, name, COALESCE(sql, '') FROM sqlite_master "
      "WHERE name NOT LIKE 'sqlite_%'");
  while (stmt->step()) {
    std::string folded;
    bool space = false;
    for (char c : stmt->text(2)) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !folded.empty();
        continue;
      }
      if (space) folded += ' ';
      space = false;
      folded += c;
    }
    out[{stmt->text(0), stmt->text(1)}] = folded;
  }
  return out;
}

std::vector<SchemaDifference> compare_schema(Database& db, int version) {
  auto expected_db = open_sqlite_raw(":memory:", false);
  migrate_to(*expected_db, version);
  const auto expected = schema_objects(*expected_db);
  const auto actual = schema_objects(db);
  std::vector<SchemaDifference> out;
  auto add = [&](SchemaDifference::Kind kind, const std::pair<std::string, std::string>& key) {
    if (out.size() < static_cast<std::size_t>(kMaxFindings))
      out.push_back({kind, key.first, key.second});
  };
  for (const auto& [key, sql] : expected) {
    auto it = actual.find(key);
    if (it == actual.end()) {
      add(SchemaDifference::Kind::Missing, key);
    } else if (it->second != sql) {
      add(SchemaDifference::Kind::Different, key);
    }
  }
  for (const auto& [key, sql] : actual) {
    if (!expected.contains(key)) add(SchemaDifference::Kind::Unexpected, key);
  }
  return out;
}

}  // namespace

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
  if (out.schema_version > 0 && out.schema_version <= latest_schema_version()) {
    out.schema_differences = compare_schema(db, out.schema_version);
  }
  return out;
}

}  // namespace medbcp::store
