-- Personal access tokens for the JSON API (/api/v1/, app/api_tokens.h):
-- each acts as its user, limited to reading or allowed to write. Only a
-- hash of the secret is stored (shown once when made); a token expires,
-- can be revoked, and every use is in the audit log.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  secret_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_used_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
