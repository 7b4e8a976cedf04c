-- Incidents (第３章 発生時の対応). The incident row holds the discovery report
-- and scope for listing, plus the anchor of its timeline: how many entries
-- the application has written and the hash of the last one, which
-- verification compares the chain against (a deleted last entry leaves no
-- gap, only a shorter chain).
--
-- The timeline is append-only and hash-chained (see src/core/timeline.h for
-- the hash). The triggers below refuse UPDATE and DELETE of timeline rows as
-- an extra guard; verification never relies on them, since anyone with the
-- file can drop them. Entry ids are random (32 hex digits) so entries made
-- offline merge without collisions.
-- Instants are integer Unix seconds (UTC); dates are ISO text.

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  threat TEXT NOT NULL,
  discoverer TEXT NOT NULL,
  discovered_at INTEGER NOT NULL,
  how_found TEXT NOT NULL DEFAULT '',
  situation TEXT NOT NULL DEFAULT '',
  actions_taken TEXT NOT NULL DEFAULT '',
  personal_data_leak INTEGER NOT NULL DEFAULT 0,
  aware_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_at INTEGER NOT NULL,
  opened_by TEXT NOT NULL,
  closed_at INTEGER,
  chain_length INTEGER NOT NULL DEFAULT 0,
  chain_head TEXT NOT NULL
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000'
);
CREATE INDEX incidents_status ON incidents(status, opened_at);

-- Affected systems and devices keep the plan's name at the time; no foreign
-- key to the plan, so editing the ledger never touches an incident record.
CREATE TABLE incident_systems (
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  position INTEGER NOT NULL,
  system_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (incident_id, position)
);

CREATE TABLE incident_devices (
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  position INTEGER NOT NULL,
  device_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  asset_number TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (incident_id, position)
);

CREATE TABLE timeline_entries (
  entry_id TEXT PRIMARY KEY CHECK (length(entry_id) = 32),
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  corrects TEXT NOT NULL DEFAULT '',
  recorded_offline INTEGER NOT NULL DEFAULT 0,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (incident_id, seq)
);

CREATE TRIGGER timeline_entries_no_update BEFORE UPDATE ON timeline_entries
BEGIN
  SELECT RAISE(ABORT, 'timeline entries are append-only: write a correction instead');
END;

CREATE TRIGGER timeline_entries_no_delete BEFORE DELETE ON timeline_entries
BEGIN
  SELECT RAISE(ABORT, 'timeline entries are append-only: they are never deleted');
END;

-- A closed incident takes no entries but the one that reopens it.
CREATE TRIGGER timeline_entries_closed BEFORE INSERT ON timeline_entries
WHEN NEW.kind <> 'reopen'
  AND (SELECT status FROM incidents WHERE id = NEW.incident_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'the incident is closed: reopen it first');
END;

-- Follow-up actions decided when an incident closes (再発防止策): tasks the
-- dashboard lists until done.
CREATE TABLE follow_up_tasks (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  title TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  source_entry TEXT NOT NULL DEFAULT '',
  done_at INTEGER,
  done_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX follow_up_tasks_status ON follow_up_tasks(status, due_date);
