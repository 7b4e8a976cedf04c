-- E-mail (app/mail.h): the SMTP settings an administrator makes on the
-- メール page (or /etc/default/medbcp gives), and the queue every message
-- waits in until the worker has sent it. A message is queued in the same
-- transaction as what it tells of (an incident started), so it is never
-- lost and never blocks the request; failures are retried with back-off and
-- shown on the 点検 page.
CREATE TABLE mail_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL DEFAULT 0,
  smtp_url TEXT NOT NULL DEFAULT '',
  starttls INTEGER NOT NULL DEFAULT 1,
  username TEXT NOT NULL DEFAULT '',
  password TEXT NOT NULL DEFAULT '',
  from_address TEXT NOT NULL DEFAULT '',
  charset TEXT NOT NULL DEFAULT 'utf-8' CHECK (charset IN ('utf-8', 'iso-2022-jp')),
  digest_to TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mail_queue (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  recipients TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at INTEGER,
  failed_at INTEGER,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_queue_due ON mail_queue (sent_at, failed_at, next_attempt_at);
