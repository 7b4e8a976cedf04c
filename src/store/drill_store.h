// Persistence of drills (schema: migrations/017_drills.sql): the row that
// marks an incident as a drill and keeps its scenario. The drill's events
// are timeline entries (store/incident_store.h).
#pragma once

#include <optional>
#include <vector>

#include "core/drill.h"
#include "store/database.h"

namespace medbcp::store {

// Inside the caller's transaction, beside the incident row it marks.
void insert_drill(Database& db, const core::DrillRecord& drill);
std::optional<core::DrillRecord> load_drill(Database& db, core::IncidentId incident);
// Every drill, newest first.
std::vector<core::DrillRecord> list_drills(Database& db);
// When the latest drill started (its incident's opening), if any was held.
std::optional<core::Instant> latest_drill_start(Database& db);

}  // namespace medbcp::store
