// Correcting what was reported when the incident started — whether personal
// data may have leaked, when the clinic became aware, which systems and
// devices are affected — once more is known (第３章: the picture changes
// through the day). The change is a correction entry on the timeline that
// names the opening entry, says what changed from what and why, and carries
// the opening as it now reads; nothing is edited in place. Deadlines and
// the contacts to reach follow the corrected facts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/incident_service.h"
#include "app/workspace.h"

namespace medbcp::app {

// The facts to change; a field left empty keeps its value.
struct FactsRevision {
  std::optional<bool> personal_data_leak;
  std::optional<core::Instant> aware_at;
  std::optional<std::vector<core::SystemId>> systems;
  std::optional<std::vector<core::DeviceId>> devices;
  std::string reason;  // 訂正の理由（何が分かったか）
};

// The 責任者's call (ManageIncident): the leak flag moves the PPC deadlines.
// Problems name the field ("reason", "aware_at", "systems", "devices",
// "revision" when nothing would change).
AppendResult revise_incident_facts(Workspace& ws, const Actor& actor, core::IncidentId id,
                                   const FactsRevision& revision, core::Instant now);

}  // namespace medbcp::app
