-- Account security (等级保护): a session ends after a time without use, and
-- a password may have to be changed after some days or when an administrator
-- set it. seen_at NULL: not used since it began (created_at).
ALTER TABLE sessions ADD COLUMN seen_at TEXT;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
ALTER TABLE users ADD COLUMN password_temporary INTEGER NOT NULL DEFAULT 0;
UPDATE users SET password_changed_at = created_at;
