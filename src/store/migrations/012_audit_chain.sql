-- The audit log becomes tamper-evident, like an incident's timeline: each
-- row is sealed into a hash chain (audit_chain), in the order the rows were
-- committed. A row edited, or removed with its seal, breaks the chain at
-- that place; `medbcp db check` and every restore name it.
--
-- hash = SHA-256 of the previous seal's hash and the row's fields, each as
-- "<bytes>:<text>\n" (store/audit_chain.cc writes the exact form; the
-- PostgreSQL migration computes the same in SQL). On SQLite, writers take
-- turns, so rows commit in id order and medbcp seals them just before each
-- commit (store::seal_audit_log); a row written outside medbcp waits for the
-- next commit and is reported as waiting, not as a break.
CREATE TABLE audit_chain (
  seq INTEGER PRIMARY KEY,                  -- 1, 2, 3 … in the order sealed
  audit_id INTEGER NOT NULL UNIQUE,         -- audit_log.id
  hash TEXT NOT NULL
);

CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN
  SELECT RAISE(ABORT, 'the audit chain is append-only');
END;

CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN
  SELECT RAISE(ABORT, 'the audit chain is append-only');
END;
