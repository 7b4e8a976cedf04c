-- Answers to MHLW's cybersecurity checklist (core/checklist.h), one row per
-- answer given: the latest for an item of a 年度 is the answer, the earlier
-- ones stay (who said what, when). Beside a person's answer, the proposal
-- medbcp made from its records at that moment, so an override is visible.
-- Dates are ISO text; target_on is empty for はい.
CREATE TABLE checklist_answers (
  id INTEGER PRIMARY KEY,
  fiscal_year INTEGER NOT NULL,
  edition TEXT NOT NULL,
  item_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
  checked_on TEXT NOT NULL,
  target_on TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  proposed TEXT NOT NULL DEFAULT '' CHECK (proposed IN ('', 'yes', 'no')),
  proposal_reason TEXT NOT NULL DEFAULT '',
  answered_by TEXT NOT NULL,
  answered_at INTEGER NOT NULL
);
CREATE INDEX checklist_answers_item ON checklist_answers(fiscal_year, item_id, id);
