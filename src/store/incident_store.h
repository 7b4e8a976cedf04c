// Persistence of incidents, their hash-chained timelines and the follow-up
// tasks decided at closing (schema: migrations/004_incidents.sql).
//
// Appending is the one delicate write: it reads the chain's anchor (length
// and last hash, kept on the incident row), seals the entry as the next link
// and moves the anchor, all inside the caller's write transaction. SQLite's
// BEGIN IMMEDIATE (store::Transaction) makes two writers queue, so neither
// can link to a hash the other is about to supersede. Timeline rows are
// never updated or deleted.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.h"
#include "core/incident_record.h"
#include "core/timeline.h"
#include "core/timeline_chain.h"
#include "store/database.h"

#include "core/follow_up_task.h"

namespace medbcp::store {

using core::FollowUpTask;

// Writes the incident row with its affected systems and devices; the id is
// assigned here. The timeline starts empty.
core::IncidentId insert_incident(Database& db, const core::Incident& incident);
std::optional<core::Incident> load_incident(Database& db, core::IncidentId id);
// Newest first; drills too (core::Incident::drill).
std::vector<core::Incident> list_incidents(Database& db);
// Every incident, drills too, in id order, with its id and title only:
// reads what every schema since incidents began has (an old backup's chains).
std::vector<core::Incident> list_incident_titles(Database& db);
void set_incident_status(Database& db, core::IncidentId id, core::IncidentStatus status,
                         std::optional<core::Instant> closed_at);

core::ChainAnchor load_chain_anchor(Database& db, core::IncidentId id);

// Seals `entry` (seq, prev_hash, hash) as the successor of the incident's
// anchor, inserts it and moves the anchor. Throws std::logic_error outside a
// transaction. Returns the sealed entry.
core::TimelineEntry append_timeline_entry(Database& db, core::TimelineEntry entry);

// Entries in stored order (by seq), as stored: nothing is checked here.
std::vector<core::TimelineEntry> load_timeline(Database& db, core::IncidentId id);
// The same, one at a time, for chains too long to hold (verification).
void for_each_timeline_entry(Database& db, core::IncidentId id,
                             const std::function<void(const core::TimelineEntry&)>& visit);
std::optional<core::TimelineEntry> find_timeline_entry(Database& db, std::string_view entry_id);

void insert_follow_up_tasks(Database& db, core::IncidentId incident,
                            const std::vector<core::FollowUp>& follow_ups, core::Instant at,
                            const std::string& by, const std::string& source_entry);
// Open tasks first (by due date), then done ones; all incidents.
std::vector<FollowUpTask> list_follow_up_tasks(Database& db, bool open_only);
std::vector<FollowUpTask> follow_up_tasks_of(Database& db, core::IncidentId incident);
// False when there is no such open task.
bool complete_follow_up_task(Database& db, std::int64_t task_id, core::Instant at,
                             const std::string& by);

}  // namespace medbcp::store
