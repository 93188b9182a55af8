-- An agency's annual report for a year, as the JSON model, and who saved it last.
CREATE TABLE reports (
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    year       INTEGER NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (agency_id, year)
);
