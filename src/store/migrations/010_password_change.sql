-- An account whose password no longer meets the rules (12 characters at
-- least, no dictionary word: src/app/password_policy.h) is asked to change
-- it: set at sign-in, when the password typed is checked against the rules,
-- and cleared when it is changed.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
