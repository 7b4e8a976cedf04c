#include "store/history_lookup.h"

#include "store/compact_text.h"

namespace medbcp::store {

std::optional<HistoryEntry> find_history_entry(Database& db, std::int64_t id) {
  auto stmt = db.prepare(
      "SELECT id, at, COALESCE(user_id, 0), user_name, section, before_json, after_json "
      "FROM plan_history WHERE id = ?");
  stmt->bind(1, id);
  if (!stmt->step()) return std::nullopt;
  return HistoryEntry{stmt->integer(0),
                      stmt->text(1),
                      stmt->integer(2),
                      stmt->text(3),
                      stmt->text(4),
                      read_compact_text(*stmt, 5),
                      read_compact_text(*stmt, 6)};
}

std::int64_t count_history(Database& db, const std::string& section) {
  auto stmt = db.prepare("SELECT COUNT(*) FROM plan_history WHERE (? = '' OR section = ?)");
  stmt->bind(1, section).bind(2, section);
  stmt->step();
  return stmt->integer(0);
}

}  // namespace medbcp::store
