-- medbcp's own backups (`medbcp db backup`, daily by medbcp-backup.timer):
-- each one written, and when it was copied off the machine (a USB disk, the
-- association's server). `medbcp status` reminds when the newest is older
-- than two days or none was ever copied off (core/reminders.h).
CREATE TABLE database_backups (
  id INTEGER PRIMARY KEY,
  taken_at INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  taken_by TEXT NOT NULL,
  copied_at INTEGER,
  copied_to TEXT NOT NULL DEFAULT '',
  copied_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX database_backups_taken ON database_backups (taken_at);
