#include "store/migrations.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <string>
#include <vector>

#include "store/embedded_migrations.h"

namespace medbcp::store {
namespace {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

constexpr std::string_view kPostgresFolder = "postgres/";

// Migrations are named NNN_what.sql; the number is the schema version. The
// files at the top are SQLite's; postgres/ holds the same versions, under
// the same names, written for PostgreSQL.
std::vector<Migration> all_migrations(std::string_view dialect) {
  const bool postgres = dialect == "postgres";
  std::vector<Migration> out;
  for (const auto& file : embedded_migrations()) {
    if (!file.path.ends_with(".sql")) continue;
    std::string_view name = file.path;
    if (name.starts_with(kPostgresFolder) != postgres) continue;
    if (postgres) name.remove_prefix(kPostgresFolder.size());
    if (name.find('/') != std::string_view::npos) continue;
    int version = 0;
    auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), version);
    if (ec != std::errc() || ptr == name.data() || version <= 0) {
      throw StoreError("migration file without a number: " + std::string(file.path));
    }
    out.push_back({version, name, file.bytes});
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i].version == out[i - 1].version) {
      throw StoreError("two migrations share version " + std::to_string(out[i].version));
    }
  }
  return out;
}

std::string utc_now_text() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(text, length);
}

}  // namespace

std::vector<std::string> migration_names(std::string_view dialect) {
  std::vector<std::string> names;
  for (const auto& m : all_migrations(dialect)) names.emplace_back(m.name);
  return names;
}

int latest_schema_version() {
  auto migrations = all_migrations("sqlite");
  return migrations.empty() ? 0 : migrations.back().version;
}

int current_schema_version(Database& db) {
  db.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_version ("
      " version INTEGER NOT NULL, applied_at TEXT NOT NULL, name TEXT NOT NULL)");
  auto stmt = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  stmt->step();
  return static_cast<int>(stmt->integer(0));
}

void migrate(Database& db) { migrate_to(db, latest_schema_version()); }

void migrate_to(Database& db, int version) {
  // The version is read again inside the write transaction, so two processes
  // starting at once cannot both apply the same migration.
  Transaction tx(db);
  int current = current_schema_version(db);
  int latest = 0;
  for (const auto& m : all_migrations(db.dialect())) {
    latest = m.version;
    if (m.version <= current || m.version > version) continue;
    db.execute_script(m.sql);
    auto stmt = db.prepare(
        "INSERT INTO schema_version(version, applied_at, name) "
        "VALUES (?, ?, ?)");
    stmt->bind(1, m.version).bind(2, utc_now_text()).bind(3, m.name).run();
  }
  if (current > latest) {
    throw StoreError("database schema version " + std::to_string(current) +
                     " is newer than this medbcp (" + std::to_string(latest) +
                     "); upgrade medbcp before opening it");
  }
  tx.commit();
}

}  // namespace medbcp::store
