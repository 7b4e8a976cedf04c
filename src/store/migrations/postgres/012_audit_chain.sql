-- PostgreSQL form of src/store/migrations/012_audit_chain.sql.
-- Here many servers and sessions write one facility's log at once, and
-- sequence numbers are not handed out in commit order, so the database seals
-- each row itself when its transaction commits: a deferred trigger takes the
-- chain's lock, reads the last seal and appends the next. The hash is the
-- one store/audit_chain.cc computes, so a chain verifies the same after
-- `medbcp db copy` to either engine.
CREATE TABLE audit_chain (
  seq BIGINT PRIMARY KEY,
  audit_id BIGINT NOT NULL UNIQUE,
  hash TEXT NOT NULL
);

CREATE FUNCTION audit_chain_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit chain is append-only';
END $$;
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append_only();
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append_only();

-- "<bytes>:<text>\n", the form every field takes in the hash.
CREATE FUNCTION audit_chain_field(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT octet_length(coalesce(value, '')) || ':' || coalesce(value, '') || E'\n'
$$;

CREATE FUNCTION audit_chain_hash(previous TEXT, r audit_log) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(
    audit_chain_field(previous) || audit_chain_field(r.id::text) ||
    audit_chain_field(r.at::text) || audit_chain_field(r.actor_id::text) ||
    audit_chain_field(r.actor_name) || audit_chain_field(r.remote) ||
    audit_chain_field(r.action) || audit_chain_field(r.target) ||
    audit_chain_field(r.detail), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_chain_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq BIGINT;
  last_hash TEXT;
BEGIN
  -- One sealer at a time per facility; readers are not blocked.
  LOCK TABLE audit_chain IN EXCLUSIVE MODE;
  SELECT seq, hash INTO last_seq, last_hash FROM audit_chain ORDER BY seq DESC LIMIT 1;
  INSERT INTO audit_chain (seq, audit_id, hash)
  VALUES (coalesce(last_seq, 0) + 1, NEW.id, audit_chain_hash(coalesce(last_hash, ''), NEW));
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER audit_chain_seal AFTER INSERT ON audit_log
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_seal();

-- The rows written before this version, sealed in id order.
DO $$
DECLARE
  r audit_log;
  n BIGINT := 0;
  h TEXT := '';
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    h := audit_chain_hash(h, r);
    INSERT INTO audit_chain (seq, audit_id, hash) VALUES (n, r.id, h);
  END LOOP;
END $$;
