-- Decision and fee ledgers (行政许可、处罚、强制决定, 行政事业性收费): the
-- source of 表二's counts and fee total.
CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    kind       TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    doc_no     TEXT NOT NULL DEFAULT '',
    subject    TEXT NOT NULL DEFAULT '',
    item       TEXT NOT NULL DEFAULT '',
    amount     TEXT NOT NULL DEFAULT '',
    import_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (agency_id, import_key)
);
CREATE INDEX decisions_year ON decisions (agency_id, kind, decided_on);
