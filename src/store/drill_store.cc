#include "store/drill_store.h"

namespace medbcp::store {
namespace {

core::DrillRecord read_drill(const Statement& s) {
  core::DrillRecord d;
  d.incident = core::IncidentId(s.integer(0));
  d.scenario_code = s.text(1);
  d.scenario_title = s.text(2);
  d.scenario_source = s.text(3);
  d.mode = core::drill_mode_from_code(s.text(4)).value_or(core::DrillMode::Live);
  return d;
}

constexpr const char* kDrillSelect =
    "SELECT d.incident_id, d.scenario_code, d.scenario_title, d.scenario_source, d.mode "
    "FROM drills d JOIN incidents i ON i.id = d.incident_id ";

}  // namespace

void insert_drill(Database& db, const core::DrillRecord& drill) {
  auto stmt = db.prepare(
      "INSERT INTO drills (incident_id, scenario_code, scenario_title, scenario_source, mode) "
      "VALUES (?, ?, ?, ?, ?)");
  stmt->bind(1, drill.incident.value)
      .bind(2, drill.scenario_code)
      .bind(3, drill.scenario_title)
      .bind(4, drill.scenario_source)
      .bind(5, core::code(drill.mode))
      .run();
}

std::optional<core::DrillRecord> load_drill(Database& db, core::IncidentId incident) {
  auto stmt = db.prepare(std::string(kDrillSelect) + "WHERE d.incident_id = ?");
  stmt->bind(1, incident.value);
  if (!stmt->step()) return std::nullopt;
  return read_drill(*stmt);
}

std::vector<core::DrillRecord> list_drills(Database& db) {
  auto stmt = db.prepare(std::string(kDrillSelect) + "ORDER BY i.opened_at DESC, i.id DESC");
  std::vector<core::DrillRecord> out;
  while (stmt->step()) out.push_back(read_drill(*stmt));
  return out;
}

std::optional<core::Instant> latest_drill_start(Database& db) {
  auto stmt = db.prepare(
      "SELECT max(i.discovered_at) FROM drills d JOIN incidents i ON i.id = d.incident_id");
  if (!stmt->step()) return std::nullopt;
  if (auto at = stmt->optional_integer(0)) return core::Instant{*at};
  return std::nullopt;
}

}  // namespace medbcp::store
