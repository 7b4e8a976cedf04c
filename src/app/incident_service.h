// Use cases of running an incident (第３章): start it with the discovery
// report, record facts, steps, contacts, decisions, evidence and hand-overs on
// its timeline, correct an entry, close and reopen it, and verify its chain.
// Each write is one transaction that appends exactly one timeline entry
// (plus, for start and close, the incident row and follow-up tasks), and
// checks the actor's permission. Mistakes come back as problems; nothing is
// written then.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/deadline.h"
#include "core/drill.h"
#include "core/follow_up_task.h"
#include "core/incident.h"
#include "core/incident_record.h"
#include "core/incident_state.h"
#include "core/incident_view.h"
#include "core/timeline.h"
#include "core/timeline_chain.h"

namespace medbcp::app {

// No incident with this id.
class NoSuchIncident : public std::runtime_error {
 public:
  explicit NoSuchIncident(core::IncidentId id);
  NoSuchIncident(core::IncidentId id, const std::string& message);  // 「訓練 No.3 はありません」
  core::IncidentId id;
};

struct StartIncidentRequest {
  std::string title;  // empty: made from the situation
  core::ThreatKind threat = core::ThreatKind::Other;
  core::DiscoveryReport discovery;
  std::vector<core::SystemId> systems;
  std::vector<core::DeviceId> devices;
  bool personal_data_leak = false;
  std::optional<core::Instant> aware_at;  // default: the discovery (else now)
  // The reporter has seen the incidents still open and this is another
  // event. Without it, an open incident refuses the start (problem field
  // "separate_event"): the same event is added to its record instead.
  bool separate_from_open = false;
};

struct StartResult {
  core::Problems problems;
  core::IncidentId id;  // valid when problems is empty
};

// Any staff member may start an incident (ReportIncident).
StartResult start_incident(Workspace& ws, const Actor& actor, const StartIncidentRequest& request,
                           core::Instant now);

// Writes a validated incident's row and its opening entry inside the
// caller's transaction (start_incident; a drill's start, app/drills.h).
core::IncidentId insert_started_incident(store::Database& db, const core::Incident& incident,
                                         const std::string& author, core::Instant now);

// Real incidents only: a drill (core/drill.h) is never counted as one.
std::vector<core::Incident> list_incidents(Workspace& ws, const Actor& actor);
// The real incidents still open (対応中), oldest first.
std::vector<core::Incident> open_incidents(Workspace& ws, const Actor& actor);

// Everything a page or `medbcp incident show` needs, read at one moment
// (core/incident_view.h).
using IncidentView = core::IncidentView;

IncidentView load_incident_view(Workspace& ws, const Actor& actor, core::IncidentId id,
                                core::Instant now);

struct AppendResult {
  core::Problems problems;
  std::optional<core::TimelineEntry> entry;  // the sealed entry when problems is empty
};

// A free entry: fact, action or note (the structured kinds have their own
// use cases below). `occurred_at` defaults to now.
struct LogRequest {
  core::EntryKind kind = core::EntryKind::Fact;
  std::string text;
  std::optional<core::Instant> occurred_at;
};
AppendResult log_entry(Workspace& ws, const Actor& actor, core::IncidentId id,
                       const LogRequest& request, core::Instant now);

AppendResult mark_step(Workspace& ws, const Actor& actor, core::IncidentId id,
                       const core::StepMark& mark, const std::string& note,
                       std::optional<core::Instant> occurred_at, core::Instant now);

// For an external or internal contact only target.type and target.id are
// needed; the name and category are taken from the plan.
AppendResult record_contact(Workspace& ws, const Actor& actor, core::IncidentId id,
                            core::ContactCall call, std::optional<core::Instant> occurred_at,
                            core::Instant now);

// Decisions are the security officer's (ManageIncident).
AppendResult record_decision(Workspace& ws, const Actor& actor, core::IncidentId id,
                             core::Decision decision, std::optional<core::Instant> occurred_at,
                             core::Instant now);

// Registers an evidence item. When `file_path` is given its name, size and
// SHA-256 are computed first (streamed; before the write transaction, so
// hashing a disk image never blocks other writers). Without a path, a file
// the caller hashed itself (a web upload) may be described in `item`.
AppendResult add_evidence(Workspace& ws, const Actor& actor, core::IncidentId id,
                          core::EvidenceItem item, const std::optional<std::string>& file_path,
                          std::optional<core::Instant> occurred_at, core::Instant now);

AppendResult hand_over_evidence(Workspace& ws, const Actor& actor, core::IncidentId id,
                                const core::CustodyTransfer& transfer,
                                std::optional<core::Instant> occurred_at, core::Instant now);

// A correction names the entry it corrects and says what was wrong (`text`);
// it may withdraw that entry or give a replacement payload of the same kind.
AppendResult correct_entry(Workspace& ws, const Actor& actor, core::IncidentId id,
                           const std::string& corrected_entry_id,
                           const core::Correction& correction, const std::string& text,
                           core::Instant now);

// What is still undone when an incident would close: each report deadline
// not done (個人情報保護委員会への確報 …) and each contact to be told that
// was not reached, in words.
std::vector<std::string> open_items_at_close(const IncidentView& view);

// Whether the 責任者 has seen open_items_at_close and closes anyway.
enum class OpenItems { Refuse, CloseAnyway };

// Closing writes the close entry, the follow-up tasks and the status at once;
// afterwards the incident takes no entry but a reopen (ManageIncident). With
// open items and OpenItems::Refuse: a problem on field "open_items" listing
// them, and nothing is written.
AppendResult close_incident(Workspace& ws, const Actor& actor, core::IncidentId id,
                            const core::Closure& closure, core::Instant now,
                            OpenItems open_items = OpenItems::Refuse);
AppendResult reopen_incident(Workspace& ws, const Actor& actor, core::IncidentId id,
                             const std::string& reason, core::Instant now);

// A fact or note whose payload another use case defines (a report item's
// answer, a notice issued: app/notices.h); that use case checks its own
// permission first.
AppendResult append_structured(Workspace& ws, const Actor& actor, core::IncidentId id,
                               core::EntryKind kind, const std::string& text,
                               const std::string& payload, std::optional<core::Instant> occurred_at,
                               core::Instant now);

// A drill's own entry (参加者, 付与情報, 一時停止・再開: core/drill.h), the
// facilitator's (ManageIncident); refused on a real incident.
AppendResult record_drill_event(Workspace& ws, const Actor& actor, core::IncidentId id,
                                const core::DrillEvent& event,
                                std::optional<core::Instant> occurred_at, core::Instant now);

// Recomputes the chain. `witnessed` are hashes seen elsewhere (the final hash
// printed on a report); each must still be in the chain.
core::ChainReport verify_incident(Workspace& ws, const Actor& actor, core::IncidentId id,
                                  const std::vector<std::string>& witnessed = {});

std::vector<core::FollowUpTask> list_follow_up_tasks(Workspace& ws, const Actor& actor,
                                                     bool open_only);
bool complete_follow_up_task(Workspace& ws, const Actor& actor, std::int64_t task_id,
                             core::Instant now);

}  // namespace medbcp::app
