-- A ledger file uploaded in the back office waits here between its preview
-- and the clerk's confirmation, so that confirming does not ask for the file
-- again; rows older than a day are removed when the next file is staged.
CREATE TABLE staged_imports (
    token      TEXT PRIMARY KEY,
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    user_id    INTEGER NOT NULL REFERENCES users(id),
    kind       TEXT NOT NULL,
    category   TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL,
    data       BLOB NOT NULL,
    created_at TEXT NOT NULL
);
