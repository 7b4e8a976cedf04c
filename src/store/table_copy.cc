#include "store/table_copy.h"

#include <algorithm>

#include "store/migrations.h"

namespace medbcp::store {
namespace {

bool is_postgres(Database& db) { return db.dialect() == "postgres"; }

// A name from the database's own catalogue, quoted as one identifier (names
// cannot be bound as parameters; these never come from a user).
std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

enum class Kind { Integer, Real, Text };

struct Column {
  std::string name;
  Kind kind = Kind::Text;
};

Kind kind_of(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (type.find("int") != std::string::npos || type == "boolean") return Kind::Integer;
  if (type.find("real") != std::string::npos || type.find("double") != std::string::npos ||
      type.find("float") != std::string::npos || type == "numeric") {
    return Kind::Real;
  }
  return Kind::Text;  // text, and bytes (which the value itself says it is)
}

std::vector<Column> columns_of(Database& db, const std::string& table) {
  std::vector<Column> out;
  if (is_postgres(db)) {
    auto stmt = db.prepare(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position");
    stmt->bind(1, table);
    while (stmt->step()) out.push_back({stmt->text(0), kind_of(stmt->text(1))});
  } else {
    auto stmt = db.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid");
    stmt->bind(1, table);
    while (stmt->step()) out.push_back({stmt->text(0), kind_of(stmt->text(1))});
  }
  return out;
}

void copy_value(const Statement& row, int column, Kind kind, Statement& insert, int index) {
  if (row.is_null(column)) {
    insert.bind_null(index);
  } else if (row.is_blob(column)) {
    insert.bind_blob(index, row.blob(column));
  } else if (kind == Kind::Integer) {
    insert.bind(index, row.integer(column));
  } else if (kind == Kind::Real) {
    insert.bind(index, row.real(column));
  } else {
    insert.bind(index, row.text(column));
  }
}

// After explicit ids went in, PostgreSQL's identity columns must continue
// past them (SQLite's AUTOINCREMENT follows by itself).
void advance_identities(Database& db) {
  std::vector<std::pair<std::string, std::string>> identities;
  {
    auto stmt = db.prepare(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND is_identity = 'YES'");
    while (stmt->step()) identities.emplace_back(stmt->text(0), stmt->text(1));
  }
  for (const auto& [table, column] : identities) {
    auto stmt = db.prepare("SELECT setval(pg_get_serial_sequence(?, ?), (SELECT coalesce(max(" +
                           quoted(column) + "), 0) + 1 FROM " + quoted(table) + "), false)");
    stmt->bind(1, quoted(table)).bind(2, column);
    stmt->step();
  }
}

// Triggers write rows of their own (the audit log's, for a plan change or a
// sign-in) and refuse changes to the append-only tables; the copied rows
// already are those rows, so the triggers are off while the copy runs and
// back, as they were, before it commits (both engines change their schema
// inside the transaction). Returns what turns them on again.
std::vector<std::string> pause_triggers(Database& db, const std::vector<std::string>& tables) {
  std::vector<std::string> resume;
  if (is_postgres(db)) {
    for (const auto& table : tables) {
      db.execute_script("ALTER TABLE " + quoted(table) + " DISABLE TRIGGER USER");
      resume.push_back("ALTER TABLE " + quoted(table) + " ENABLE TRIGGER USER");
    }
    return resume;
  }
  std::vector<std::string> names;
  {
    auto stmt = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'");
    while (stmt->step()) {
      names.push_back(stmt->text(0));
      resume.push_back(stmt->text(1));
    }
  }
  for (const auto& name : names) db.execute_script("DROP TRIGGER " + quoted(name));
  return resume;
}

}  // namespace

std::vector<std::string> clinic_tables(Database& db) {
  std::vector<std::string> out;
  // The order of making: a table's references were made before it.
  auto stmt = db.prepare(
      is_postgres(db) ? "SELECT c.relname FROM pg_class c WHERE c.relnamespace = "
                        "current_schema()::regnamespace "
                        "AND c.relkind = 'r' ORDER BY c.oid"
                      : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid");
  while (stmt->step()) {
    std::string name = stmt->text(0);
    if (name == "schema_version" || name == "medbcp_change_counter" ||
        name.starts_with("sqlite_")) {
      continue;
    }
    out.push_back(std::move(name));
  }
  return out;
}

std::vector<CopiedTable> copy_clinic_tables(Database& from, Database& to) {
  if (current_schema_version(from) != current_schema_version(to)) {
    throw StoreError("コピー元とコピー先のスキーマの版が違います。");
  }
  const auto tables = clinic_tables(from);
  const auto target_tables = clinic_tables(to);
  std::vector<CopiedTable> copied;
  Transaction tx(to);
  const auto resume = pause_triggers(to, target_tables);
  // Whatever a fresh database was given when made goes first, newest table
  // first, so no reference is left pointing at nothing.
  for (auto it = target_tables.rbegin(); it != target_tables.rend(); ++it) {
    to.execute_script("DELETE FROM " + quoted(*it));
  }
  for (const auto& table : tables) {
    if (std::find(target_tables.begin(), target_tables.end(), table) == target_tables.end()) {
      throw StoreError("コピー先に表 " + table + " がありません。");
    }
    const auto columns = columns_of(to, table);
    std::string names;
    std::string marks;
    for (const auto& c : columns) {
      if (!names.empty()) names += ", ";
      names += quoted(c.name);
      marks += marks.empty() ? "?" : ", ?";
    }
    std::string insert_sql = "INSERT INTO ";
    insert_sql.append(quoted(table)).append(" (").append(names).append(") VALUES (");
    insert_sql.append(marks).append(")");
    auto insert = to.prepare(insert_sql);
    // In the order of the first column (the id, where there is one): a row
    // that refers to an earlier row of its table goes in after it.
    std::string select_sql = "SELECT ";
    select_sql.append(names).append(" FROM ").append(quoted(table)).append(" ORDER BY 1");
    auto rows = from.prepare(select_sql);
    CopiedTable done{table, 0};
    while (rows->step()) {
      insert->reset();
      for (std::size_t i = 0; i < columns.size(); ++i) {
        copy_value(*rows, static_cast<int>(i), columns[i].kind, *insert, static_cast<int>(i) + 1);
      }
      insert->run();
      ++done.rows;
    }
    copied.push_back(done);
  }
  if (is_postgres(to)) {
    advance_identities(to);
    // Deferred reference checks run now: a table's triggers cannot be
    // altered while checks of its rows wait for the commit.
    to.execute_script("SET CONSTRAINTS ALL IMMEDIATE");
  }
  for (const auto& statement : resume) to.execute_script(statement);
  tx.commit();
  return copied;
}

}  // namespace medbcp::store
