-- Two-factor sign-in (二要素認証, TOTP of RFC 6238: app/two_factor.h). An
-- account that has set it up keeps the shared secret (base32; '' when not
-- set up) and the last 30-second step whose code it accepted, so that a code
-- is good once. Ten single-use recovery codes are kept as SHA-256 hashes
-- (they are random, 50 bits each: no salt or slow hash is needed).
ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at INTEGER                       -- Unix seconds; NULL while unused
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

-- A session made by the password alone, waiting for the second step: it
-- opens no page but the second step's, and lasts five minutes.
ALTER TABLE sessions ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;
-- A session of an account whose role must use two-factor sign-in and that
-- has not set it up: it opens only the set-up page (and signing out).
ALTER TABLE sessions ADD COLUMN two_factor_setup_required INTEGER NOT NULL DEFAULT 0;

-- The administrator's choice of the roles that must use two-factor sign-in
-- (role codes separated by commas).
CREATE TABLE sign_in_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  two_factor_roles TEXT NOT NULL DEFAULT ''
);
INSERT INTO sign_in_policy (id) VALUES (1);
