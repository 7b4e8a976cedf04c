#include "store/history_store.h"

namespace medbcp::store {

PreparedHistoryEntry prepare_history_entry(HistoryEntry entry) {
  return {std::move(entry.at),
          entry.user_id,
          std::move(entry.user_name),
          std::move(entry.section),
          make_compact_text(std::move(entry.before_json)),
          make_compact_text(std::move(entry.after_json))};
}

void append_history(Database& db, HistoryEntry entry) {
  append_history(db, prepare_history_entry(std::move(entry)));
}

void append_history(Database& db, const PreparedHistoryEntry& entry) {
  auto stmt = db.prepare(
      "INSERT INTO plan_history (at, user_id, user_name, section, before_json, after_json) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  stmt->bind(1, entry.at);
  if (entry.user_id > 0) {
    stmt->bind(2, entry.user_id);
  } else {
    stmt->bind_null(2);
  }
  stmt->bind(3, entry.user_name).bind(4, entry.section);
  bind_compact_text(*stmt, 5, entry.before);
  bind_compact_text(*stmt, 6, entry.after);
  stmt->run();
}

std::vector<HistoryEntry> list_history(Database& db, const std::string& section, int limit,
                                       int offset) {
  auto stmt = db.prepare(
      "SELECT id, at, COALESCE(user_id, 0), user_name, section "
      "FROM plan_history WHERE (? = '' OR section = ?) ORDER BY id DESC LIMIT ? OFFSET ?");
  stmt->bind(1, section).bind(2, section).bind(3, limit).bind(4, offset);
  std::vector<HistoryEntry> out;
  while (stmt->step()) {
    out.push_back({stmt->integer(0), stmt->text(1), stmt->integer(2), stmt->text(3), stmt->text(4),
                   stmt->text(5), stmt->text(6)});
  }
  return out;
}

}  // namespace medbcp::store
