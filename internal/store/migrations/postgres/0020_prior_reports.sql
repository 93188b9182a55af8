-- A report an agency published before it kept its reports here, read from
-- the published file: the previous year for the cross-year checks
-- (X.CARRY, X.IN_FORCE, X.SAME_TEXT) of its first report in gongkai.
CREATE TABLE prior_reports (
    agency_id   BIGINT NOT NULL REFERENCES agencies(id),
    year        INTEGER NOT NULL,
    body        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL,
    imported_by TEXT NOT NULL,
    PRIMARY KEY (agency_id, year)
);
