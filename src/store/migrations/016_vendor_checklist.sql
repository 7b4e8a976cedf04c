-- What each vendor answered on its 事業者確認用 sheet (app/checklist_vendor.h):
-- one row per item of an imported sheet, kept with the vendor's name as it
-- was and the date; a later import for the same vendor and 年度 is the
-- answer, the earlier stays.
CREATE TABLE vendor_checklist_answers (
  id INTEGER PRIMARY KEY,
  fiscal_year INTEGER NOT NULL,
  edition TEXT NOT NULL,
  vendor_id INTEGER NOT NULL,
  vendor_name TEXT NOT NULL,
  item_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
  checked_on TEXT NOT NULL DEFAULT '',
  target_on TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  imported_at INTEGER NOT NULL,
  imported_by TEXT NOT NULL
);
CREATE INDEX vendor_checklist_answers_vendor
  ON vendor_checklist_answers(fiscal_year, vendor_id, item_id, id);
