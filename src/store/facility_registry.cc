#include "store/facility_registry.h"

namespace medbcp::store {
namespace {

// Asked of the catalog itself: information_schema's views are slow on a
// database of 1,000 facility schemas, and the overview asks on every view.
bool has_registry(Database& db) {
  auto stmt = db.prepare("SELECT to_regclass('medbcp_registry.facilities') IS NOT NULL");
  return stmt->step() && stmt->integer(0) != 0;
}

// The registry's tables; created with the first facility.
constexpr const char* kRegistrySchema =
    "CREATE SCHEMA IF NOT EXISTS medbcp_registry;"
    "CREATE TABLE IF NOT EXISTS medbcp_registry.facilities ("
    " code TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " schema_name TEXT NOT NULL UNIQUE,"
    " created_at BIGINT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS medbcp_registry.facility_readiness ("
    " schema_name TEXT PRIMARY KEY REFERENCES medbcp_registry.facilities(schema_name)"
    "   ON DELETE CASCADE,"
    " stale BOOLEAN NOT NULL DEFAULT false,"
    " computed_on TEXT NOT NULL DEFAULT '',"
    " has_plan INTEGER NOT NULL DEFAULT 0,"
    " gaps INTEGER NOT NULL DEFAULT 0, overdue INTEGER NOT NULL DEFAULT 0,"
    " due_soon INTEGER NOT NULL DEFAULT 0,"
    " edition INTEGER, published_on TEXT,"
    " acknowledged INTEGER NOT NULL DEFAULT 0, accounts INTEGER NOT NULL DEFAULT 0,"
    " kit TEXT NOT NULL DEFAULT 'none',"
    " open_incidents INTEGER NOT NULL DEFAULT 0, open_since BIGINT);"
    // The checklist's counts came later: a registry made before gets them.
    "ALTER TABLE medbcp_registry.facility_readiness"
    " ADD COLUMN IF NOT EXISTS checklist_yes INTEGER NOT NULL DEFAULT 0,"
    " ADD COLUMN IF NOT EXISTS checklist_no INTEGER NOT NULL DEFAULT 0,"
    " ADD COLUMN IF NOT EXISTS checklist_unanswered INTEGER NOT NULL DEFAULT 0,"
    " ADD COLUMN IF NOT EXISTS checklist_lapsed INTEGER NOT NULL DEFAULT 0,"
    " ADD COLUMN IF NOT EXISTS checklist_target_passed INTEGER NOT NULL DEFAULT 0,"
    " ADD COLUMN IF NOT EXISTS last_drill TEXT";

core::KitState kit_state_from_code(const std::string& code) {
  if (code == "current") return core::KitState::Current;
  if (code == "outdated") return core::KitState::Outdated;
  return core::KitState::None;
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
      return std::string("施設コード「").append(code) +
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
  out.append("options=-csearch_path%3D").append(facility_schema(code));
  return out;
}

std::string association_location(std::string_view url) {
  std::string out(url);
  out += out.find('?') == std::string::npos ? "?" : "&";
  out.append("options=-csearch_path%3D").append(kAssociationSchema);
  return out;
}

void create_association_schema(Database& db) {
  require_postgres(db);
  db.execute_script(std::string("CREATE SCHEMA IF NOT EXISTS ").append(kAssociationSchema));
}

bool has_facility_registry(Database& db) { return db.dialect() == "postgres" && has_registry(db); }

std::vector<FacilityEntry> list_facilities(Database& db) {
  std::vector<FacilityEntry> out;
  if (db.dialect() != "postgres" || !has_registry(db)) return out;
  auto stmt =
      db.prepare("SELECT code, name, created_at FROM medbcp_registry.facilities ORDER BY code");
  while (stmt->step()) out.push_back({stmt->text(0), stmt->text(1), stmt->integer(2)});
  return out;
}

bool is_registered_facility(Database& db, std::string_view code) {
  if (db.dialect() != "postgres" || !has_registry(db)) return false;
  auto stmt = db.prepare("SELECT count(*) FROM medbcp_registry.facilities WHERE code = ?");
  stmt->bind(1, code);
  return stmt->step() && stmt->integer(0) > 0;
}

void register_facility(Database& db, const FacilityEntry& facility) {
  require_postgres(db);
  if (const auto problem = facility_code_problem(facility.code); !problem.empty()) {
    throw StoreError(problem);
  }
  Transaction tx(db);
  db.execute_script(kRegistrySchema);
  if (is_registered_facility(db, facility.code)) {
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
  db.execute_script(std::string("CREATE SCHEMA ").append(facility_schema(facility.code)));
  tx.commit();
}

void unregister_facility(Database& db, std::string_view code) {
  require_postgres(db);
  if (!facility_code_problem(code).empty()) return;
  Transaction tx(db);
  db.execute_script(
      std::string("DROP SCHEMA IF EXISTS ").append(facility_schema(code)).append(" CASCADE"));
  if (has_registry(db)) {
    db.prepare("DELETE FROM medbcp_registry.facilities WHERE code = ?")->bind(1, code).run();
  }
  tx.commit();
}

std::vector<StoredReadiness> list_facility_readiness(Database& db) {
  std::vector<StoredReadiness> out;
  if (db.dialect() != "postgres" || !has_registry(db)) return out;
  // A registry made before the overview (or its checklist columns) existed
  // gets them; asked first, since running the DDL on every page view takes
  // catalog locks.
  auto has_counts = db.prepare(
      "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid ="
      " to_regclass('medbcp_registry.facility_readiness') AND attname = 'last_drill'"
      " AND NOT attisdropped)");
  if (has_counts->step() && has_counts->integer(0) == 0) db.execute_script(kRegistrySchema);
  auto stmt = db.prepare(
      "SELECT f.code, f.name, r.stale, r.computed_on, r.has_plan, r.gaps, r.overdue, r.due_soon,"
      " r.edition, r.published_on, r.acknowledged, r.accounts, r.kit, r.open_incidents,"
      " r.open_since, r.checklist_yes, r.checklist_no, r.checklist_unanswered,"
      " r.checklist_lapsed, r.checklist_target_passed, r.last_drill "
      "FROM medbcp_registry.facilities f "
      "LEFT JOIN medbcp_registry.facility_readiness r ON r.schema_name = f.schema_name "
      "ORDER BY f.code");
  while (stmt->step()) {
    StoredReadiness row;
    auto& r = row.readiness;
    r.code = stmt->text(0);
    r.name = stmt->text(1);
    if (stmt->is_null(3)) {
      out.push_back(std::move(row));
      continue;
    }
    const auto computed_on = core::Date::parse(stmt->text(3));
    row.fresh = stmt->integer(2) == 0 && computed_on.has_value();
    r.computed_on = computed_on.value_or(core::Date{});
    r.has_plan = stmt->integer(4) != 0;
    r.gaps = static_cast<int>(stmt->integer(5));
    r.overdue = static_cast<int>(stmt->integer(6));
    r.due_soon = static_cast<int>(stmt->integer(7));
    if (!stmt->is_null(8)) r.edition = static_cast<int>(stmt->integer(8));
    if (!stmt->is_null(9)) r.published_on = core::Date::parse(stmt->text(9));
    r.acknowledged = static_cast<int>(stmt->integer(10));
    r.accounts = static_cast<int>(stmt->integer(11));
    r.kit = kit_state_from_code(stmt->text(12));
    r.open_incidents = static_cast<int>(stmt->integer(13));
    if (!stmt->is_null(14)) r.open_since = core::Instant{stmt->integer(14)};
    r.checklist_yes = static_cast<int>(stmt->integer(15));
    r.checklist_no = static_cast<int>(stmt->integer(16));
    r.checklist_unanswered = static_cast<int>(stmt->integer(17));
    r.checklist_lapsed = static_cast<int>(stmt->integer(18));
    r.checklist_target_passed = static_cast<int>(stmt->integer(19));
    if (!stmt->is_null(20)) r.last_drill = core::Date::parse(stmt->text(20));
    out.push_back(std::move(row));
  }
  return out;
}

void begin_readiness_count(Database& db, std::string_view code) {
  require_postgres(db);
  db.prepare(
        "INSERT INTO medbcp_registry.facility_readiness (schema_name, stale) VALUES (?, false) "
        "ON CONFLICT (schema_name) DO UPDATE SET stale = false, computed_on = ''")
      ->bind(1, facility_schema(code))
      .run();
}

void save_facility_readiness(Database& db, const core::FacilityReadiness& r) {
  require_postgres(db);
  // `stale` is left as it is: a commit while counting has set it again.
  db.prepare(
        "INSERT INTO medbcp_registry.facility_readiness (schema_name, stale, computed_on,"
        " has_plan, gaps, overdue, due_soon, edition, published_on, acknowledged, accounts, kit,"
        " open_incidents, open_since, checklist_yes, checklist_no, checklist_unanswered,"
        " checklist_lapsed, checklist_target_passed, last_drill)"
        " VALUES (?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (schema_name) DO UPDATE SET computed_on = excluded.computed_on,"
        " has_plan = excluded.has_plan, gaps = excluded.gaps, overdue = excluded.overdue,"
        " due_soon = excluded.due_soon, edition = excluded.edition,"
        " published_on = excluded.published_on, acknowledged = excluded.acknowledged,"
        " accounts = excluded.accounts, kit = excluded.kit,"
        " open_incidents = excluded.open_incidents, open_since = excluded.open_since,"
        " checklist_yes = excluded.checklist_yes, checklist_no = excluded.checklist_no,"
        " checklist_unanswered = excluded.checklist_unanswered,"
        " checklist_lapsed = excluded.checklist_lapsed,"
        " checklist_target_passed = excluded.checklist_target_passed,"
        " last_drill = excluded.last_drill")
      ->bind(1, facility_schema(r.code))
      .bind(2, r.computed_on.iso())
      .bind(3, r.has_plan)
      .bind(4, r.gaps)
      .bind(5, r.overdue)
      .bind(6, r.due_soon)
      .bind(7, r.edition)
      .bind(8, r.published_on ? std::optional<std::string>(r.published_on->iso()) : std::nullopt)
      .bind(9, r.acknowledged)
      .bind(10, r.accounts)
      .bind(11, core::code(r.kit))
      .bind(12, r.open_incidents)
      .bind(13, r.open_since ? std::optional<std::int64_t>(r.open_since->seconds) : std::nullopt)
      .bind(14, r.checklist_yes)
      .bind(15, r.checklist_no)
      .bind(16, r.checklist_unanswered)
      .bind(17, r.checklist_lapsed)
      .bind(18, r.checklist_target_passed)
      .bind(19, r.last_drill ? std::optional<std::string>(r.last_drill->iso()) : std::nullopt)
      .run();
}

}  // namespace medbcp::store
