-- The public application's confirmation token, consumed once: a refresh or a
-- double tap on the confirm button finds the case the first press created
-- instead of registering the application twice.
CREATE TABLE submissions (
    token      TEXT PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    created_at TEXT NOT NULL
);
