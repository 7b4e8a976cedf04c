// Use cases of drills (訓練, core/drill.h): start one from a scenario with
// its participants, reveal injects, pause and resume, end it with findings
// that become follow-up tasks, and read it back with what it measured,
// beside the clinic's previous drill. Steps, contacts and decisions of a
// drill are recorded with the incident use cases (app/incident_service.h)
// on the drill's id, like the real day.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/drill_scenarios.h"
#include "app/incident_service.h"
#include "app/workspace.h"
#include "core/drill.h"
#include "core/drill_measures.h"

namespace medbcp::app {

struct StartDrillRequest {
  std::string scenario_code;
  core::DrillMode mode = core::DrillMode::Live;
  std::vector<core::DrillParticipant> participants;
  std::optional<core::Instant> started_at;  // a tabletop drill recorded afterwards; default now
  // A real incident is open: it comes first. Without this the start is
  // refused (problem field "open_incident") and nothing is written.
  bool despite_open_incident = false;
};

// The facilitator (ManageIncident) starts it: the incident row marked as a
// drill, the scenario's discovery report as its opening, and the start with
// the participants as a 訓練進行 entry — all in one transaction.
StartResult start_drill(Workspace& ws, const Actor& actor, const ScenarioCatalog& catalog,
                        const StartDrillRequest& request, core::Instant now);

// Reveals an inject (the next one not yet revealed when `index` is empty).
AppendResult reveal_inject(Workspace& ws, const Actor& actor, core::IncidentId id,
                           std::optional<int> index, core::Instant now);
AppendResult pause_drill(Workspace& ws, const Actor& actor, core::IncidentId id, core::Instant now);
AppendResult resume_drill(Workspace& ws, const Actor& actor, core::IncidentId id,
                          core::Instant now);
AppendResult add_participants(Workspace& ws, const Actor& actor, core::IncidentId id,
                              const std::vector<core::DrillParticipant>& people, core::Instant now);

struct EndDrillRequest {
  std::string summary;                   // 振り返り; default: counts of what was measured
  std::vector<core::FollowUp> findings;  // each becomes a follow-up task
  // Contacts of 別紙１ not reached in the drill, to check: each becomes a
  // task 「連絡先を確認する」 for the plan's contacts.
  std::vector<core::ExternalContactId> check_contacts;
  std::optional<core::Instant> ended_at;  // a tabletop drill recorded afterwards
};
// Ending twice is refused (problem field "status"); open steps are not a
// reason to refuse — a drill records what was missed.
AppendResult end_drill(Workspace& ws, const Actor& actor, core::IncidentId id,
                       const EndDrillRequest& request, core::Instant now);

struct DrillView {
  IncidentView incident;
  core::DrillRecord record;
  core::DrillScenario scenario;  // as it was at the start
  core::DrillProgress progress;
  core::DrillMeasures measures;
  std::vector<int> due;  // injects whose time has come, not revealed
  // The clinic's previous ended drill, to compare with.
  std::optional<core::IncidentId> previous_id;
  std::optional<core::DrillMeasures> previous;
};

// Throws NoSuchIncident when `id` is not a drill.
DrillView load_drill_view(Workspace& ws, const Actor& actor, core::IncidentId id,
                          core::Instant now);

struct DrillSummary {
  core::Incident incident;
  core::DrillRecord record;
  int participants = 0;
};
// Newest first.
std::vector<DrillSummary> list_drills(Workspace& ws, const Actor& actor);
bool is_drill(Workspace& ws, core::IncidentId id);

// 別紙１'s staff (the 責任者 first) with the drills each took part in and
// the plan version each acknowledged (matched by name to an account).
struct StaffTraining {
  std::string name;
  std::string role;
  std::vector<std::pair<core::IncidentId, core::Date>> drills;  // oldest first
  std::optional<int> acknowledged_edition;  // the newest version this person confirmed reading
};
std::vector<StaffTraining> training_record(Workspace& ws, const Actor& actor);

// The day the latest drill was held (one query: the association's counts
// and the checklist need no more).
std::optional<core::Date> last_drill_day(Workspace& ws);

// For the reminders of `plan`: when the last drill was held and who in
// 別紙１ (the 責任者 too) has not taken part in one in the last 12 months.
struct DrillStanding {
  std::optional<core::Date> last_drill;
  std::vector<std::string> not_trained;  // names
};
DrillStanding drill_standing(Workspace& ws, const core::Plan& plan, const core::Date& today);

}  // namespace medbcp::app
