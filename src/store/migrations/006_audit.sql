-- The audit log (監査ログ): every sign-in, good or bad, every change and
-- every export — who, when, from where, what — for an administrator to read
-- and export, and for an inspector or the police to be shown.
--
-- Most rows are written by the triggers below, in the same transaction as
-- the change they describe, from the tables that already name who acted
-- (plan_history.user_name, timeline_entries.author, *.recorded_by …), so a
-- change cannot be committed without its audit row and no use case can
-- forget one. What no table records — changes to accounts, exports, medbcp's
-- own backup and restore — the app writes itself (src/app/audit.h).
--
-- The log is append-only; the triggers refuse UPDATE and DELETE as a guard
-- against mistakes (anyone holding the file can still drop them: keep
-- backups). Instants are integer Unix seconds (UTC).

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id INTEGER,                -- users.id when the actor has an account
  actor_name TEXT NOT NULL,        -- for a failed sign-in, the name as typed
  remote TEXT NOT NULL DEFAULT '', -- client address, when known
  action TEXT NOT NULL,            -- a code: sign_in, plan_change, export, … (app/audit.h)
  target TEXT NOT NULL DEFAULT '', -- what it was done to
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_action ON audit_log(action, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Sign-ins (the attempt is recorded by app/sessions in the sign-in's own
-- transaction).
CREATE TRIGGER audit_sign_in AFTER INSERT ON login_attempts
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, remote, action)
  VALUES (NEW.at, (SELECT id FROM users WHERE name = NEW.login_key), NEW.login_key, NEW.remote,
          CASE WHEN NEW.succeeded THEN 'sign_in' ELSE 'sign_in_failed' END);
END;

-- The plan, one row per section changed.
CREATE TRIGGER audit_plan_change AFTER INSERT ON plan_history
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target)
  VALUES (CAST(strftime('%s', NEW.at) AS INTEGER), NULLIF(NEW.user_id, 0), NEW.user_name, 'plan_change',
          NEW.section);
END;

CREATE TRIGGER audit_plan_publish AFTER INSERT ON plan_versions
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
  VALUES (CAST(strftime('%s', NEW.published_at) AS INTEGER), NEW.published_by,
          NEW.published_by_name, 'plan_publish', '第' || NEW.edition || '版', NEW.note);
END;

CREATE TRIGGER audit_plan_acknowledge AFTER INSERT ON plan_acknowledgements
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target)
  VALUES (CAST(strftime('%s', NEW.at) AS INTEGER), NEW.user_id,
          COALESCE((SELECT name FROM users WHERE id = NEW.user_id), ''), 'plan_acknowledge',
          '第' || COALESCE((SELECT edition FROM plan_versions WHERE id = NEW.version_id), '?') || '版');
END;

-- Incidents: the start, then every timeline entry (closing and reopening
-- are entries too, with their author).
CREATE TRIGGER audit_incident_open AFTER INSERT ON incidents
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
  VALUES (NEW.opened_at, (SELECT id FROM users WHERE name = NEW.opened_by), NEW.opened_by,
          'incident_open', 'インシデント ' || NEW.id, NEW.title);
END;

CREATE TRIGGER audit_timeline_entry AFTER INSERT ON timeline_entries
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
  VALUES (NEW.recorded_at, (SELECT id FROM users WHERE name = NEW.author), NEW.author,
          'timeline_entry', 'インシデント ' || NEW.incident_id, NEW.kind || ' ' || NEW.entry_id);
END;

CREATE TRIGGER audit_follow_up_add AFTER INSERT ON follow_up_tasks
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
  VALUES (NEW.created_at, (SELECT id FROM users WHERE name = NEW.created_by), NEW.created_by,
          'follow_up_add', 'インシデント ' || NEW.incident_id, NEW.title);
END;

CREATE TRIGGER audit_follow_up_done AFTER UPDATE OF status ON follow_up_tasks
WHEN NEW.status = 'done' AND OLD.status <> 'done'
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
  VALUES (COALESCE(NEW.done_at, CAST(strftime('%s', 'now') AS INTEGER)),
          (SELECT id FROM users WHERE name = NEW.done_by), NEW.done_by, 'follow_up_done',
          'インシデント ' || NEW.incident_id, NEW.title);
END;

-- 平時の記録.
CREATE TRIGGER audit_stocktake_start AFTER INSERT ON stocktake_rounds
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target)
  VALUES (NEW.started_at, (SELECT id FROM users WHERE name = NEW.started_by), NEW.started_by,
          'stocktake_start', NEW.title);
END;

CREATE TRIGGER audit_stocktake_close AFTER UPDATE OF closed_at ON stocktake_rounds
WHEN NEW.closed_at IS NOT NULL AND OLD.closed_at IS NULL
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target)
  VALUES (NEW.closed_at, (SELECT id FROM users WHERE name = NEW.closed_by), NEW.closed_by,
          'stocktake_close', NEW.title);
END;

CREATE TRIGGER audit_stocktake_result AFTER INSERT ON stocktake_results
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
  VALUES (NEW.recorded_at, (SELECT id FROM users WHERE name = NEW.recorded_by), NEW.recorded_by,
          'stocktake_result',
          COALESCE((SELECT title FROM stocktake_rounds WHERE id = NEW.round_id), ''),
          NEW.finding);
END;

CREATE TRIGGER audit_backup_run AFTER INSERT ON backup_runs
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
  VALUES (NEW.recorded_at, (SELECT id FROM users WHERE name = NEW.recorded_by), NEW.recorded_by,
          'backup_run', NEW.plan_label, NEW.outcome);
END;

CREATE TRIGGER audit_restore_test AFTER INSERT ON restore_tests
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
  VALUES (NEW.recorded_at, (SELECT id FROM users WHERE name = NEW.recorded_by), NEW.recorded_by,
          'restore_test', NEW.plan_label, NEW.outcome);
END;

CREATE TRIGGER audit_contact_verification AFTER INSERT ON contact_verifications
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target)
  VALUES (NEW.recorded_at, (SELECT id FROM users WHERE name = NEW.recorded_by), NEW.recorded_by,
          'contact_verification', NEW.contact_label);
END;

CREATE TRIGGER audit_plan_review AFTER INSERT ON plan_reviews
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_name, action, target)
  VALUES (NEW.recorded_at, (SELECT id FROM users WHERE name = NEW.recorded_by), NEW.recorded_by,
          'plan_review', NEW.reviewed_on);
END;
