-- Files kept with a case (the letter as received, identity copies, search
-- records that support a 信息不存在 reply), in the database so that a backup
-- holds them too.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    data         BLOB NOT NULL,
    uploaded_at  TEXT NOT NULL,
    uploaded_by  TEXT NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_id);
