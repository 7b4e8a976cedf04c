#include "app/database_backup_timelines.h"

#include "core/timeline_chain.h"
#include "store/incident_store.h"

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
  // Ids only: a backup of an older schema may lack what a full row reads.
  for (const core::Incident& incident : store::list_incident_titles(db)) {
    core::ChainAnchor anchor = store::load_chain_anchor(db, incident.id);
    // The constant-memory scan first; the full diagnosis only for a chain
    // that fails it.
    core::ChainScanner scanner;
    store::for_each_timeline_entry(db, incident.id,
                                   [&](const core::TimelineEntry& e) { scanner.add(e); });
    ++out.chains;
    out.entries += scanner.count();
    if (scanner.clean_against(anchor)) continue;
    core::ChainReport report = core::verify_chain(store::load_timeline(db, incident.id), anchor);
    std::string where = "インシデント " + std::to_string(incident.id.value) + "「" +
                        incident.title + "」の時系列: ";
    if (report.breaks.empty()) {
      out.problems.push_back({"timeline", static_cast<int>(incident.id.value),
                              where + "改ざん検知チェーンが一致しません。"});
    }
    for (const core::ChainBreak& b : report.breaks) {
      out.problems.push_back({"timeline", static_cast<int>(incident.id.value), where + b.message});
    }
  }
  return out;
}

std::int64_t count_open_incidents(store::Database& db) {
  if (!has_table(db, "incidents")) return 0;
  // A drill left running does not hold a restore back (drills, migration 017).
  const bool drills = has_table(db, "drills");
  auto stmt =
      db.prepare(drills ? "SELECT count(*) FROM incidents i WHERE i.status = 'open' AND NOT EXISTS "
                          "(SELECT 1 FROM drills d WHERE d.incident_id = i.id)"
                        : "SELECT count(*) FROM incidents WHERE status = 'open'");
  stmt->step();
  return stmt->integer(0);
}

}  // namespace medbcp::app
