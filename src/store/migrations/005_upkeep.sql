-- 平時 (ordinary times): what was done to keep the plan true. Stock-take
-- rounds with their check lists and results, backup runs and restore tests
-- against each backup plan, contact verifications, plan reviews, and the
-- settings of the reminders.
--
-- Stock-take rounds and results have random text ids (32 hex digits) made
-- where they were created, so results written on a laptop without the server
-- merge back without duplicates. Other records use integer ids.
-- Records keep a label copied from what they refer to and are detached
-- (SET NULL), not deleted, when the plan record goes: history is never lost.
-- Instants are integer Unix seconds (compared and sorted); dates are ISO text.

CREATE TABLE stocktake_rounds (
  id TEXT PRIMARY KEY CHECK (length(id) = 32),
  title TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  started_by TEXT NOT NULL,
  closed_at INTEGER,
  closed_by TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stocktake_rounds_started ON stocktake_rounds(started_at);

-- The check sheet: the ledger's devices as they were when the round started.
CREATE TABLE stocktake_items (
  round_id TEXT NOT NULL REFERENCES stocktake_rounds(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  asset_number TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  system TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  manager TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  PRIMARY KEY (round_id, position)
);

CREATE TABLE stocktake_results (
  id TEXT PRIMARY KEY CHECK (length(id) = 32),
  round_id TEXT NOT NULL REFERENCES stocktake_rounds(id) ON DELETE CASCADE,
  device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  finding TEXT NOT NULL
    CHECK (finding IN ('confirmed', 'missing', 'moved', 'status', 'retired', 'unlisted')),
  new_location TEXT NOT NULL DEFAULT '',
  new_status TEXT,
  found_asset_number TEXT NOT NULL DEFAULT '',
  found_name TEXT NOT NULL DEFAULT '',
  found_kind TEXT NOT NULL DEFAULT 'other',
  found_location TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX stocktake_results_round ON stocktake_results(round_id, recorded_at);

-- What closing a round changed in the ledger, field by field, and who closed it.
CREATE TABLE stocktake_changes (
  id INTEGER PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES stocktake_rounds(id) ON DELETE CASCADE,
  device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  device_label TEXT NOT NULL,
  field TEXT NOT NULL,
  before_value TEXT NOT NULL,
  after_value TEXT NOT NULL
);
CREATE INDEX stocktake_changes_round ON stocktake_changes(round_id);

CREATE TABLE backup_runs (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER REFERENCES backup_plans(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  plan_label TEXT NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'fail')),
  note TEXT NOT NULL DEFAULT '',
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX backup_runs_plan ON backup_runs(plan_id, outcome, at);

CREATE TABLE restore_tests (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER REFERENCES backup_plans(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  plan_label TEXT NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'fail')),
  minutes INTEGER NOT NULL CHECK (minutes >= 0),
  note TEXT NOT NULL DEFAULT '',
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX restore_tests_plan ON restore_tests(plan_id, outcome, at);

-- 連絡先の確認: someone called or checked an external contact's details.
CREATE TABLE contact_verifications (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER REFERENCES external_contacts(id)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  contact_label TEXT NOT NULL,
  verified_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL
);

-- 計画の見直し: the plan was read through and found current (or corrected).
CREATE TABLE plan_reviews (
  id INTEGER PRIMARY KEY,
  reviewed_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL
);

CREATE TABLE reminder_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  stocktake_cycle_days INTEGER NOT NULL DEFAULT 365 CHECK (stocktake_cycle_days > 0),
  restore_test_months INTEGER NOT NULL DEFAULT 12 CHECK (restore_test_months > 0),
  contact_verify_months INTEGER NOT NULL DEFAULT 12 CHECK (contact_verify_months > 0),
  plan_review_months INTEGER NOT NULL DEFAULT 12 CHECK (plan_review_months > 0),
  due_soon_days INTEGER NOT NULL DEFAULT 30 CHECK (due_soon_days >= 0),
  support_end_warning_days INTEGER NOT NULL DEFAULT 90 CHECK (support_end_warning_days >= 0)
);
INSERT INTO reminder_settings (id) VALUES (1);
