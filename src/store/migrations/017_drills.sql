-- Drills (訓練, core/drill.h): a drill is an incident row with a row here,
-- holding the scenario as it was when the drill started (its file may
-- change later). Everything that happens in the drill is on the incident's
-- timeline. A finding of a drill (or a lesson of an incident) may name the
-- plan section it changes.
CREATE TABLE drills (
  incident_id INTEGER PRIMARY KEY REFERENCES incidents(id),
  scenario_code TEXT NOT NULL,
  scenario_title TEXT NOT NULL,
  scenario_source TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('live', 'tabletop', 'offline'))
);

ALTER TABLE follow_up_tasks ADD COLUMN plan_section TEXT NOT NULL DEFAULT '';
