-- A step a 办理人 prepares for the head of the office (负责人), who alone may
-- take it: kept until approved (the step recorded), returned or withdrawn.
CREATE TABLE case_proposals (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    step        TEXT NOT NULL,
    note        TEXT NOT NULL,
    by_name     TEXT NOT NULL,
    by_user     INTEGER NOT NULL,
    at          TEXT NOT NULL,
    state       TEXT NOT NULL,
    decided_by  TEXT NOT NULL DEFAULT '',
    decided_at  TEXT,
    comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_proposals_case ON case_proposals (case_id, id);
-- at most one waiting per application
CREATE UNIQUE INDEX case_proposals_pending ON case_proposals (case_id) WHERE state = 'pending';
