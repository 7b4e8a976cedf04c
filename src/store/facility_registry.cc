#include "store/facility_registry.h"

namespace medbcp::store {
namespace {

bool has_registry(Database& db) {
  auto stmt = db.prepare(
      "SELECT count(*) FROM information_schema.tables "
      "WHERE table_schema = 'medbcp_registry' AND table_name = 'facilities'");
  return stmt->step() && stmt->integer(0) > 0;
}

void require_postgres(Database& db) {
  if (db.dialect() != "postgres") {
    throw StoreError(
        "SQLite のファイルが持つ施設は1つです。複数の施設を1つのデータベースで扱うには "
        "PostgreSQL を使ってください（README「On PostgreSQL」）。");
  }
}

}  // namespace

std::string facility_code_problem(std::string_view code) {
  if (code.empty()) return "施設コードが空です。";
  if (code.size() > 32) return "施設コードは32文字までです。";
  for (const char c : code) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) {
      return "施設コード「" + std::string(code) +
             "」に使えない文字があります（半角の英小文字・数字・「-」だけが使えます）。";
    }
  }
  if (code.front() == '-' || code.back() == '-') {
    return "施設コードは「-」で始めたり終えたりできません。";
  }
  return {};
}

std::string facility_schema(std::string_view code) {
  std::string schema = "f_";
  for (const char c : code) schema += c == '-' ? '_' : c;
  return schema;
}

std::string facility_location(std::string_view url, std::string_view code) {
  std::string out(url);
  out += out.find('?') == std::string::npos ? "?" : "&";
  out += "options=-csearch_path%3D" + facility_schema(code);
  return out;
}

std::vector<FacilityEntry> list_facilities(Database& db) {
  std::vector<FacilityEntry> out;
  if (db.dialect() != "postgres" || !has_registry(db)) return out;
  auto stmt =
      db.prepare("SELECT code, name, created_at FROM medbcp_registry.facilities ORDER BY code");
  while (stmt->step()) out.push_back({stmt->text(0), stmt->text(1), stmt->integer(2)});
  return out;
}

void register_facility(Database& db, const FacilityEntry& facility) {
  require_postgres(db);
  if (const auto problem = facility_code_problem(facility.code); !problem.empty()) {
    throw StoreError(problem);
  }
  Transaction tx(db);
  db.execute_script(
      "CREATE SCHEMA IF NOT EXISTS medbcp_registry;"
      "CREATE TABLE IF NOT EXISTS medbcp_registry.facilities ("
      " code TEXT PRIMARY KEY,"
      " name TEXT NOT NULL,"
      " schema_name TEXT NOT NULL UNIQUE,"
      " created_at BIGINT NOT NULL)");
  auto taken = db.prepare("SELECT count(*) FROM medbcp_registry.facilities WHERE code = ?");
  taken->bind(1, facility.code);
  if (taken->step() && taken->integer(0) > 0) {
    throw StoreError("施設コード「" + facility.code + "」はすでに使われています。");
  }
  db.prepare(
        "INSERT INTO medbcp_registry.facilities (code, name, schema_name, created_at) "
        "VALUES (?, ?, ?, ?)")
      ->bind(1, facility.code)
      .bind(2, facility.name)
      .bind(3, facility_schema(facility.code))
      .bind(4, facility.created_at)
      .run();
  // The schema's name is made from a checked code (a–z, 0–9, _), never
  // from anything else: identifiers cannot be bound as parameters.
  db.execute_script("CREATE SCHEMA " + facility_schema(facility.code));
  tx.commit();
}

void unregister_facility(Database& db, std::string_view code) {
  require_postgres(db);
  if (!facility_code_problem(code).empty()) return;
  Transaction tx(db);
  db.execute_script("DROP SCHEMA IF EXISTS " + facility_schema(code) + " CASCADE");
  if (has_registry(db)) {
    db.prepare("DELETE FROM medbcp_registry.facilities WHERE code = ?")->bind(1, code).run();
  }
  tx.commit();
}

}  // namespace medbcp::store
