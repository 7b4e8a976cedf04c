#include "app/db_backup_timelines.h"

namespace medbcp::app {
namespace {

bool has_table(store::Database& db, const char* name) {
  auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  stmt->bind(1, name);
  stmt->step();
  return stmt->integer(0) > 0;
}

}  // namespace

TimelineCheck check_timelines(store::Database& db) {
  TimelineCheck out;
  // Databases written before incidents existed have no timelines to check.
  if (!has_table(db, "timeline_entries")) return out;
  return out;
}

std::int64_t count_open_incidents(store::Database& db) {
  if (!has_table(db, "incidents")) return 0;
  auto stmt = db.prepare("SELECT count(*) FROM incidents WHERE status = 'open'");
  stmt->step();
  return stmt->integer(0);
}

}  // namespace medbcp::app
