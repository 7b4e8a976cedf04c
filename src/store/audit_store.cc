#include "store/audit_store.h"

namespace medbcp::store {
namespace {

// The timeline trigger (migration 006) writes "KIND ENTRY_ID", the id last
// and 32 characters long; its No. is looked up by that id.
constexpr const char* kColumns =
    "SELECT id, at, actor_id, actor_name, remote, action, target, detail, "
    "(SELECT t.seq FROM timeline_entries t WHERE audit_log.action = 'timeline_entry' "
    "AND t.entry_id = substr(audit_log.detail, length(audit_log.detail) - 31)) "
    "FROM audit_log ";
// Each filter is bound twice: once to test whether it is set (typed by a
// CAST, since a bare "? IS NULL" gives PostgreSQL no type to give it).
constexpr const char* kWhere =
    "WHERE (CAST(? AS BIGINT) IS NULL OR at >= ?) AND (CAST(? AS BIGINT) IS NULL OR at < ?) "
    "AND (? = '' OR action = ?) AND (? = '' OR actor_name = ?) ";

void bind_query(Statement& stmt, const AuditQuery& q) {
  stmt.bind(1, q.from).bind(2, q.from);
  stmt.bind(3, q.until).bind(4, q.until);
  stmt.bind(5, q.action).bind(6, q.action);
  stmt.bind(7, q.actor_name).bind(8, q.actor_name);
}

AuditRecord read(const Statement& s) {
  return {s.integer(0), s.integer(1), s.optional_integer(2), s.text(3), s.text(4), s.text(5),
          s.text(6),    s.text(7),    s.optional_integer(8)};
}

}  // namespace

std::int64_t append_audit(Database& db, const AuditRecord& r) {
  auto stmt = db.prepare(
      "INSERT INTO audit_log (at, actor_id, actor_name, remote, action, target, detail) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  return stmt->bind(1, r.at)
      .bind(2, r.actor_id)
      .bind(3, r.actor_name)
      .bind(4, r.remote)
      .bind(5, r.action)
      .bind(6, r.target)
      .bind(7, r.detail)
      .run_returning_id();
}

std::vector<AuditRecord> list_audit(Database& db, const AuditQuery& query, int limit, int offset) {
  auto stmt =
      db.prepare(std::string(kColumns) + kWhere + "ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
  bind_query(*stmt, query);
  stmt->bind(9, limit).bind(10, offset);
  std::vector<AuditRecord> out;
  while (stmt->step()) out.push_back(read(*stmt));
  return out;
}

std::int64_t count_audit(Database& db, const AuditQuery& query) {
  auto stmt = db.prepare(std::string("SELECT count(*) FROM audit_log ") + kWhere);
  bind_query(*stmt, query);
  stmt->step();
  return stmt->integer(0);
}

void for_each_audit(Database& db, const AuditQuery& query,
                    const std::function<void(const AuditRecord&)>& visit) {
  auto stmt = db.prepare(std::string(kColumns) + kWhere + "ORDER BY at, id");
  bind_query(*stmt, query);
  while (stmt->step()) visit(read(*stmt));
}

bool has_audit_since(Database& db, const std::string& action, const std::string& actor_name,
                     const std::string& remote, std::int64_t since,
                     const std::optional<std::string>& target) {
  auto stmt = db.prepare(
      "SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = ? AND actor_name = ? "
      "AND remote = ? AND at >= ? AND (CAST(? AS TEXT) IS NULL OR target = ?))");
  stmt->bind(1, action)
      .bind(2, actor_name)
      .bind(3, remote)
      .bind(4, since)
      .bind(5, target)
      .bind(6, target);
  stmt->step();
  return stmt->integer(0) != 0;
}

}  // namespace medbcp::store
