-- Every change to the plan: who, when, which section, and the section's
-- JSON before and after. Written in the same transaction as the change.
CREATE TABLE plan_history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  user_name TEXT NOT NULL,
  section TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL
);
CREATE INDEX plan_history_at ON plan_history(at);
