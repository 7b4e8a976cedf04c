#include "store/incident_store.h"

#include <stdexcept>

namespace medbcp::store {
namespace {

using core::Instant;

constexpr const char* kEntryColumns =
    "entry_id, incident_id, seq, kind, occurred_at, recorded_at, author, text, payload, corrects, "
    "recorded_offline, prev_hash, hash";

// Reads a row selected with kEntryColumns into `e`, reusing its strings:
// verification reads a million entries.
void read_entry(const Statement& s, core::TimelineEntry& e) {
  thread_local std::string kind;
  s.text_into(0, e.id);
  e.incident = core::IncidentId(s.integer(1));
  e.seq = s.integer(2);
  s.text_into(3, kind);
  // An unknown kind can only be a tampered row; Note makes its hash fail.
  e.kind = core::entry_kind_from_code(kind).value_or(core::EntryKind::Note);
  e.occurred_at = Instant{s.integer(4)};
  e.recorded_at = Instant{s.integer(5)};
  s.text_into(6, e.author);
  s.text_into(7, e.text);
  s.text_into(8, e.payload);
  s.text_into(9, e.corrects);
  e.recorded_offline = s.integer(10) != 0;
  s.text_into(11, e.prev_hash);
  s.text_into(12, e.hash);
}

core::Incident read_incident(Database& db, const Statement& s) {
  core::Incident i;
  i.id = core::IncidentId(s.integer(0));
  i.title = s.text(1);
  i.threat = core::threat_kind_from_code(s.text(2)).value_or(core::ThreatKind::Other);
  i.discovery.discoverer = s.text(3);
  i.discovery.discovered_at = Instant{s.integer(4)};
  i.discovery.how_found = s.text(5);
  i.discovery.situation = s.text(6);
  i.discovery.actions_taken = s.text(7);
  i.personal_data_leak = s.integer(8) != 0;
  i.aware_at = Instant{s.integer(9)};
  i.status = core::incident_status_from_code(s.text(10)).value_or(core::IncidentStatus::Open);
  i.opened_at = Instant{s.integer(11)};
  i.opened_by = s.text(12);
  if (auto closed = s.optional_integer(13)) i.closed_at = Instant{*closed};
  i.drill = s.integer(14) != 0;

  auto systems = db.prepare(
      "SELECT system_id, name FROM incident_systems WHERE incident_id = ? ORDER BY position");
  systems->bind(1, i.id.value);
  while (systems->step()) {
    i.systems.push_back({core::SystemId(systems->integer(0)), systems->text(1)});
  }
  auto devices = db.prepare(
      "SELECT device_id, name, asset_number FROM incident_devices WHERE incident_id = ? "
      "ORDER BY position");
  devices->bind(1, i.id.value);
  while (devices->step()) {
    i.devices.push_back({core::DeviceId(devices->integer(0)), devices->text(1), devices->text(2)});
  }
  return i;
}

constexpr const char* kIncidentColumns =
    "id, title, threat, discoverer, discovered_at, how_found, situation, actions_taken, "
    "personal_data_leak, aware_at, status, opened_at, opened_by, closed_at, "
    "(SELECT count(*) FROM drills d WHERE d.incident_id = incidents.id)";

FollowUpTask read_task(const Statement& s) {
  FollowUpTask t;
  t.id = s.integer(0);
  t.incident = core::IncidentId(s.integer(1));
  t.incident_title = s.text(2);
  t.title = s.text(3);
  t.owner = s.text(4);
  if (auto due = s.optional_text(5)) t.due = core::Date::parse(*due);
  t.done = s.text(6) == "done";
  t.created_at = Instant{s.integer(7)};
  t.created_by = s.text(8);
  if (auto at = s.optional_integer(9)) t.done_at = Instant{*at};
  t.done_by = s.text(10);
  t.plan_section = s.text(11);
  t.from_drill = s.integer(12) != 0;
  return t;
}

constexpr const char* kTaskSelect =
    "SELECT t.id, t.incident_id, i.title, t.title, t.owner, t.due_date, t.status, t.created_at, "
    "t.created_by, t.done_at, t.done_by, t.plan_section, "
    "(SELECT count(*) FROM drills d WHERE d.incident_id = t.incident_id) "
    "FROM follow_up_tasks t JOIN incidents i ON i.id = t.incident_id ";

}  // namespace

core::IncidentId insert_incident(Database& db, const core::Incident& i) {
  auto stmt = db.prepare(
      "INSERT INTO incidents (title, threat, discoverer, discovered_at, how_found, situation, "
      "actions_taken, personal_data_leak, aware_at, status, opened_at, opened_by, closed_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt->bind(1, i.title)
      .bind(2, core::code(i.threat))
      .bind(3, i.discovery.discoverer)
      .bind(4, i.discovery.discovered_at.seconds)
      .bind(5, i.discovery.how_found)
      .bind(6, i.discovery.situation)
      .bind(7, i.discovery.actions_taken)
      .bind(8, i.personal_data_leak)
      .bind(9, i.aware_at.seconds)
      .bind(10, core::code(i.status))
      .bind(11, i.opened_at.seconds)
      .bind(12, i.opened_by);
  if (i.closed_at) {
    stmt->bind(13, i.closed_at->seconds);
  } else {
    stmt->bind_null(13);
  }
  const core::IncidentId id(stmt->run_returning_id());

  auto system = db.prepare(
      "INSERT INTO incident_systems (incident_id, position, system_id, name) VALUES (?, ?, ?, ?)");
  for (std::size_t p = 0; p < i.systems.size(); ++p) {
    system->reset();
    system->bind(1, id.value)
        .bind(2, static_cast<std::int64_t>(p))
        .bind(3, i.systems[p].id.value)
        .bind(4, i.systems[p].name)
        .run();
  }
  auto device = db.prepare(
      "INSERT INTO incident_devices (incident_id, position, device_id, name, asset_number) "
      "VALUES (?, ?, ?, ?, ?)");
  for (std::size_t p = 0; p < i.devices.size(); ++p) {
    device->reset();
    device->bind(1, id.value)
        .bind(2, static_cast<std::int64_t>(p))
        .bind(3, i.devices[p].id.value)
        .bind(4, i.devices[p].name)
        .bind(5, i.devices[p].asset_number)
        .run();
  }
  return id;
}

std::optional<core::Incident> load_incident(Database& db, core::IncidentId id) {
  auto stmt =
      db.prepare(std::string("SELECT ") + kIncidentColumns + " FROM incidents WHERE id = ?");
  stmt->bind(1, id.value);
  if (!stmt->step()) return std::nullopt;
  return read_incident(db, *stmt);
}

std::vector<core::Incident> list_incidents(Database& db) {
  auto stmt = db.prepare(std::string("SELECT ") + kIncidentColumns +
                         " FROM incidents ORDER BY opened_at DESC, id DESC");
  std::vector<core::Incident> out;
  while (stmt->step()) out.push_back(read_incident(db, *stmt));
  return out;
}

void set_incident_status(Database& db, core::IncidentId id, core::IncidentStatus status,
                         std::optional<Instant> closed_at) {
  auto stmt = db.prepare("UPDATE incidents SET status = ?, closed_at = ? WHERE id = ?");
  stmt->bind(1, core::code(status));
  if (closed_at) {
    stmt->bind(2, closed_at->seconds);
  } else {
    stmt->bind_null(2);
  }
  stmt->bind(3, id.value).run();
}

std::vector<core::Incident> list_incident_titles(Database& db) {
  auto stmt = db.prepare("SELECT id, title FROM incidents ORDER BY id");
  std::vector<core::Incident> out;
  while (stmt->step()) {
    core::Incident& i = out.emplace_back();
    i.id = core::IncidentId(stmt->integer(0));
    i.title = stmt->text(1);
  }
  return out;
}

core::ChainAnchor load_chain_anchor(Database& db, core::IncidentId id) {
  auto stmt = db.prepare("SELECT chain_length, chain_head FROM incidents WHERE id = ?");
  stmt->bind(1, id.value);
  if (!stmt->step()) throw StoreError("no incident " + std::to_string(id.value));
  return core::ChainAnchor{stmt->integer(0), stmt->text(1)};
}

core::TimelineEntry append_timeline_entry(Database& db, core::TimelineEntry entry) {
  if (!db.in_transaction()) {
    throw std::logic_error("append_timeline_entry needs a write transaction");
  }
  // The anchor, not the last row: if rows were removed behind our back, the
  // new entry links to what the application last wrote and the gap shows.
  const core::ChainAnchor anchor = load_chain_anchor(db, entry.incident);
  core::seal_entry(entry, anchor.length + 1, anchor.head_hash);

  auto insert = db.prepare(std::string("INSERT INTO timeline_entries (") + kEntryColumns +
                           ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert->bind(1, entry.id)
      .bind(2, entry.incident.value)
      .bind(3, entry.seq)
      .bind(4, core::code(entry.kind))
      .bind(5, entry.occurred_at.seconds)
      .bind(6, entry.recorded_at.seconds)
      .bind(7, entry.author)
      .bind(8, entry.text)
      .bind(9, entry.payload)
      .bind(10, entry.corrects)
      .bind(11, entry.recorded_offline)
      .bind(12, entry.prev_hash)
      .bind(13, entry.hash)
      .run();
  auto move = db.prepare("UPDATE incidents SET chain_length = ?, chain_head = ? WHERE id = ?");
  move->bind(1, entry.seq).bind(2, entry.hash).bind(3, entry.incident.value).run();
  return entry;
}

void for_each_timeline_entry(Database& db, core::IncidentId id,
                             const std::function<void(const core::TimelineEntry&)>& visit) {
  auto stmt = db.prepare(std::string("SELECT ") + kEntryColumns +
                         " FROM timeline_entries WHERE incident_id = ? ORDER BY seq, entry_id");
  stmt->bind(1, id.value);
  core::TimelineEntry e;
  while (stmt->step()) {
    read_entry(*stmt, e);
    visit(e);
  }
}

std::vector<core::TimelineEntry> load_timeline(Database& db, core::IncidentId id) {
  std::vector<core::TimelineEntry> out;
  for_each_timeline_entry(db, id, [&](const core::TimelineEntry& e) { out.push_back(e); });
  return out;
}

std::optional<core::TimelineEntry> find_timeline_entry(Database& db, std::string_view entry_id) {
  auto stmt = db.prepare(std::string("SELECT ") + kEntryColumns +
                         " FROM timeline_entries WHERE entry_id = ?");
  stmt->bind(1, entry_id);
  if (!stmt->step()) return std::nullopt;
  core::TimelineEntry e;
  read_entry(*stmt, e);
  return e;
}

void insert_follow_up_tasks(Database& db, core::IncidentId incident,
                            const std::vector<core::FollowUp>& follow_ups, Instant at,
                            const std::string& by, const std::string& source_entry) {
  auto stmt = db.prepare(
      "INSERT INTO follow_up_tasks (incident_id, title, owner, due_date, created_at, created_by, "
      "source_entry, plan_section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& f : follow_ups) {
    stmt->reset();
    stmt->bind(1, incident.value).bind(2, f.title).bind(3, f.owner);
    if (f.due) {
      stmt->bind(4, f.due->iso());
    } else {
      stmt->bind_null(4);
    }
    stmt->bind(5, at.seconds).bind(6, by).bind(7, source_entry).bind(8, f.plan_section).run();
  }
}

std::vector<FollowUpTask> list_follow_up_tasks(Database& db, bool open_only) {
  auto stmt = db.prepare(std::string(kTaskSelect) + (open_only ? "WHERE t.status = 'open' " : "") +
                         "ORDER BY t.status = 'done', t.due_date IS NULL, t.due_date, t.id");
  std::vector<FollowUpTask> out;
  while (stmt->step()) out.push_back(read_task(*stmt));
  return out;
}

std::vector<FollowUpTask> follow_up_tasks_of(Database& db, core::IncidentId incident) {
  auto stmt = db.prepare(std::string(kTaskSelect) + "WHERE t.incident_id = ? ORDER BY t.id");
  stmt->bind(1, incident.value);
  std::vector<FollowUpTask> out;
  while (stmt->step()) out.push_back(read_task(*stmt));
  return out;
}

bool complete_follow_up_task(Database& db, std::int64_t task_id, Instant at,
                             const std::string& by) {
  auto check = db.prepare("SELECT count(*) FROM follow_up_tasks WHERE id = ? AND status = 'open'");
  check->bind(1, task_id);
  check->step();
  if (check->integer(0) == 0) return false;
  auto stmt = db.prepare(
      "UPDATE follow_up_tasks SET status = 'done', done_at = ?, done_by = ? WHERE id = ?");
  stmt->bind(1, at.seconds).bind(2, by).bind(3, task_id).run();
  return true;
}

}  // namespace medbcp::store
