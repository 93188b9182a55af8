-- 忘记密码: a link sent to a user's e-mail address sets a new password once,
-- within its time; only the token's hash is kept, as for sessions.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);
