-- 行政复议 and 行政诉讼 about the agency's disclosure work; 表四 is counted from them.
CREATE TABLE appeals (
    id                INTEGER PRIMARY KEY,
    agency_id         INTEGER NOT NULL REFERENCES agencies(id),
    case_id           INTEGER REFERENCES cases(id),
    kind              TEXT NOT NULL,
    number            TEXT NOT NULL DEFAULT '',
    body              TEXT NOT NULL,
    applicant         TEXT NOT NULL DEFAULT '',
    filed_on          TEXT NOT NULL,
    concluded_on      TEXT,
    result            TEXT NOT NULL DEFAULT '',
    co_defendant_only INTEGER NOT NULL DEFAULT 0,
    note              TEXT NOT NULL DEFAULT '',
    created_by        TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL
);
CREATE INDEX appeals_agency ON appeals (agency_id, filed_on);
CREATE INDEX appeals_case ON appeals (case_id);
