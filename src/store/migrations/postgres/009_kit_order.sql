-- PostgreSQL form of src/store/migrations/009_kit_order.sql: the same tables, columns,
-- indexes and rules (integers are BIGINT, generated ids are identities,
-- triggers are PL/pgSQL functions).

-- Kits made in the same second are told apart by the order they were
-- recorded in, kept as a number of their own rather than SQLite's rowid, so
-- that every engine orders them the same way. Kits recorded before this
-- migration are numbered by when they were made (then by id).

ALTER TABLE kit_builds ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
UPDATE kit_builds SET seq = (
  SELECT COUNT(*) FROM kit_builds AS earlier
  WHERE earlier.made_at < kit_builds.made_at
     OR (earlier.made_at = kit_builds.made_at AND earlier.id <= kit_builds.id));
CREATE INDEX kit_builds_seq ON kit_builds(seq);
