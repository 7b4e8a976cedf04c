-- Web accounts and what hangs off them: server-side sessions, login
-- attempts (for throttling), published versions (版) of the plan and each
-- user's confirmation that they have read one (周知).
-- Instants used in comparisons are integer Unix seconds; the others are
-- ISO 8601 UTC text, like plan_history.at.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,            -- ログイン名 and the name shown in history
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'staff', 'viewer')),
  password_hash TEXT NOT NULL,          -- libsodium crypto_pwhash_str (Argon2id)
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  last_login_at TEXT
);

-- Only a hash of the cookie's token is stored, so a copy of the database
-- does not let anyone sign in as the session's user.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  login_key TEXT NOT NULL,              -- the name as typed, normalised
  remote TEXT NOT NULL,                 -- client address
  at INTEGER NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts(login_key, at);
CREATE INDEX login_attempts_remote ON login_attempts(remote, at);

-- A published 版: the whole plan as JSON at the moment it was published.
CREATE TABLE plan_versions (
  id INTEGER PRIMARY KEY,
  edition INTEGER NOT NULL UNIQUE CHECK (edition >= 1),
  published_on TEXT NOT NULL,           -- the version's date (ISO date)
  published_at TEXT NOT NULL,
  published_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  published_by_name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',        -- 改訂内容
  plan_json TEXT NOT NULL
);

CREATE TABLE plan_acknowledgements (
  version_id INTEGER NOT NULL REFERENCES plan_versions(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  PRIMARY KEY (version_id, user_id)
);
