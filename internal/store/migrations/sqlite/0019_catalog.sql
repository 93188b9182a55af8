-- 主动公开: catalog items with their 三审三校 record and files, the full-text
-- index of the published ones (FTS5 over Go-made bigram tokens; the engine's
-- own tokenizers do not cut Chinese), normative documents, 政务新媒体 accounts
-- with posts and inspections, website columns, and report versions.
CREATE TABLE catalog_items (
    id             INTEGER PRIMARY KEY,
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    index_no       TEXT NOT NULL,
    title          TEXT NOT NULL,
    summary        TEXT NOT NULL,
    formed_on      TEXT NOT NULL,
    publisher      TEXT NOT NULL,
    doc_no         TEXT NOT NULL DEFAULT '',
    topic          TEXT NOT NULL DEFAULT '',
    genre          TEXT NOT NULL DEFAULT '',
    category       TEXT NOT NULL DEFAULT '',
    column_name    TEXT NOT NULL DEFAULT '',
    attribute      TEXT NOT NULL,
    ground         TEXT NOT NULL DEFAULT '',
    validity       TEXT NOT NULL,
    keywords       TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    checklist      TEXT NOT NULL DEFAULT '',
    state          TEXT NOT NULL,
    stage          INTEGER NOT NULL DEFAULT 0,
    cycle          INTEGER NOT NULL DEFAULT 0,
    published_on   TEXT,
    reason         TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL DEFAULT '',
    created_by     TEXT NOT NULL,
    created_by_key TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (agency_id, index_no)
);
CREATE INDEX catalog_items_work ON catalog_items (agency_id, state, formed_on);
-- The public catalog lists the newest first, by agency, category or column.
CREATE INDEX catalog_items_public ON catalog_items (state, published_on, id);
CREATE INDEX catalog_items_agency ON catalog_items (agency_id, state, published_on, id);
CREATE INDEX catalog_items_category ON catalog_items (category, state, published_on, id);
CREATE INDEX catalog_items_column ON catalog_items (column_name, state, published_on, id);

-- Only published items are in the index; rowid is the item's id. tags
-- holds the filters as tokens (agency, category, column, year), so that a
-- filtered search is an intersection inside the index.
CREATE VIRTUAL TABLE catalog_search USING fts5(title, body, tags, tokenize = 'unicode61', content = '', contentless_delete = 1);

CREATE TABLE catalog_reviews (
    item_id  INTEGER NOT NULL REFERENCES catalog_items(id),
    cycle    INTEGER NOT NULL,
    stage    INTEGER NOT NULL,
    by_name  TEXT NOT NULL,
    by_key   TEXT NOT NULL,
    role     TEXT NOT NULL,
    decision TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT '',
    errors   INTEGER NOT NULL DEFAULT 0,
    at       TEXT NOT NULL
);
CREATE INDEX catalog_reviews_item ON catalog_reviews (item_id);

CREATE TABLE catalog_proofs (
    item_id INTEGER NOT NULL REFERENCES catalog_items(id),
    cycle   INTEGER NOT NULL,
    pass    INTEGER NOT NULL,
    by_name TEXT NOT NULL,
    by_key  TEXT NOT NULL,
    note    TEXT NOT NULL DEFAULT '',
    changed TEXT NOT NULL DEFAULT '',
    at      TEXT NOT NULL,
    PRIMARY KEY (item_id, cycle, pass)
);

CREATE TABLE catalog_files (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES catalog_items(id),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    data         BLOB NOT NULL,
    uploaded_at  TEXT NOT NULL,
    uploaded_by  TEXT NOT NULL
);
CREATE INDEX catalog_files_item ON catalog_files (item_id);

CREATE TABLE normative_docs (
    id           INTEGER PRIMARY KEY,
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    doc_no       TEXT NOT NULL,
    issued_on    TEXT NOT NULL,
    effective_on TEXT,
    expires_on   TEXT,
    repealed_on  TEXT,
    amended      TEXT NOT NULL DEFAULT '',
    item_id      INTEGER REFERENCES catalog_items(id),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (agency_id, doc_no)
);

CREATE TABLE newmedia_accounts (
    id           INTEGER PRIMARY KEY,
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    platform     TEXT NOT NULL,
    name         TEXT NOT NULL,
    sponsor      TEXT NOT NULL,
    opened_on    TEXT,
    filed_on     TEXT,
    state        TEXT NOT NULL,
    feed_url     TEXT NOT NULL DEFAULT '',
    own          INTEGER NOT NULL DEFAULT 0,
    last_post_on TEXT,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (agency_id, platform, name)
);

CREATE TABLE newmedia_posts (
    account_id INTEGER NOT NULL REFERENCES newmedia_accounts(id),
    month      TEXT NOT NULL,
    count      INTEGER NOT NULL,
    source     TEXT NOT NULL,
    last_on    TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (account_id, month)
);

CREATE TABLE newmedia_inspections (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES newmedia_accounts(id),
    kind           TEXT NOT NULL,
    on_date        TEXT NOT NULL,
    inspector      TEXT NOT NULL,
    problems       TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    resolved_on    TEXT,
    resolution     TEXT NOT NULL DEFAULT '',
    last_post_seen TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX newmedia_inspections_account ON newmedia_inspections (account_id, on_date);

CREATE TABLE site_columns (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agencies(id),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    url         TEXT NOT NULL DEFAULT '',
    last_update TEXT,
    UNIQUE (agency_id, name)
);

-- Every saved version of a report, with its state: draft, checked (no error
-- findings), approved by the head, published; a correction after
-- publication is a new version with its reason.
CREATE TABLE report_versions (
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    year      INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    state     TEXT NOT NULL,
    body      TEXT NOT NULL,
    by_name   TEXT NOT NULL,
    at        TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (agency_id, year, version)
);
ALTER TABLE reports ADD COLUMN state TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN approved_at TEXT;
ALTER TABLE reports ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN published_at TEXT;
ALTER TABLE reports ADD COLUMN published_by TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN item_id INTEGER;
ALTER TABLE agencies ADD COLUMN index_pattern TEXT NOT NULL DEFAULT '';
