-- PostgreSQL form of src/store/migrations/007_kit.sql: the same tables, columns,
-- indexes and rules (integers are BIGINT, generated ids are identities,
-- triggers are PL/pgSQL functions).

-- Offline and paper kits made from the plan (issue: when the network is
-- down). Each kit records which plan it carries — the plan's fingerprint
-- (SHA-256 of its JSON export) and 版数 — so medbcp can warn when the plan
-- changed after the last kit was made, and, for paper kits, when someone
-- confirmed it was printed and handed out.
-- The id is random (32 hex digits) and is written into the kit itself, so
-- an offline log names the kit it was recorded in.
-- Instants are integer Unix seconds (UTC).

CREATE TABLE kit_builds (
  id TEXT PRIMARY KEY CHECK (length(id) = 32),
  kind TEXT NOT NULL CHECK (kind IN ('offline', 'paper')),
  made_at BIGINT NOT NULL,
  made_by TEXT NOT NULL,
  edition BIGINT NOT NULL,
  plan_sha256 TEXT NOT NULL CHECK (length(plan_sha256) = 64),
  printed_at BIGINT,
  printed_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX kit_builds_kind ON kit_builds(kind, made_at);
