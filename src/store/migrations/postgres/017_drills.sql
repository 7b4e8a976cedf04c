-- PostgreSQL form of src/store/migrations/017_drills.sql (integers are BIGINT).
CREATE TABLE drills (
  incident_id BIGINT PRIMARY KEY REFERENCES incidents(id),
  scenario_code TEXT NOT NULL,
  scenario_title TEXT NOT NULL,
  scenario_source TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('live', 'tabletop', 'offline'))
);

ALTER TABLE follow_up_tasks ADD COLUMN plan_section TEXT NOT NULL DEFAULT '';
