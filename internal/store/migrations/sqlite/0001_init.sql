-- Agencies, cases with their append-only events, number sequences, and the
-- holiday notices loaded after the build. Dates are 'YYYY-MM-DD' text,
-- times RFC 3339 UTC text.
CREATE TABLE agencies (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    level         TEXT NOT NULL,
    parent_id     INTEGER REFERENCES agencies(id),
    review_organ  TEXT NOT NULL DEFAULT '',
    letter_prefix TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);

CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    agency_id        INTEGER NOT NULL REFERENCES agencies(id),
    serial           TEXT NOT NULL,
    code             TEXT NOT NULL UNIQUE,
    channel          TEXT NOT NULL,
    applicant_type   TEXT NOT NULL,
    applicant_name   TEXT NOT NULL,
    id_number        TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL,
    intake           TEXT NOT NULL,
    received_on      TEXT NOT NULL,
    state            TEXT NOT NULL,
    outcome          TEXT NOT NULL DEFAULT '',
    closed_on        TEXT,
    due_on           TEXT,
    calendar_version TEXT NOT NULL DEFAULT '',
    due_moved_from   TEXT,
    version          INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (agency_id, serial)
);
CREATE INDEX cases_received ON cases (agency_id, received_on);
CREATE INDEX cases_closed ON cases (agency_id, closed_on);
CREATE INDEX cases_open ON cases (agency_id, state, due_on);
CREATE INDEX cases_applicant ON cases (agency_id, id_number);

CREATE TABLE case_events (
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    role         TEXT NOT NULL,
    basis        TEXT NOT NULL,
    step         TEXT NOT NULL,
    before_state TEXT NOT NULL,
    after_state  TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE sequences (
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    name      TEXT NOT NULL,
    year      INTEGER NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (agency_id, name, year)
);

CREATE TABLE holiday_notices (
    year      INTEGER PRIMARY KEY,
    number    TEXT NOT NULL,
    published TEXT NOT NULL,
    source    TEXT NOT NULL DEFAULT '',
    loaded_at TEXT NOT NULL,
    loaded_by TEXT NOT NULL
);

CREATE TABLE holiday_entries (
    day         TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    holiday     TEXT NOT NULL,
    notice_year INTEGER NOT NULL REFERENCES holiday_notices(year),
    notice      TEXT NOT NULL
);

CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    name       TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
