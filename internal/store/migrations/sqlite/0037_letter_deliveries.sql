-- How a letter reached the applicant (送达): recorded by hand, with the
-- postal number and, when the 回执 comes back, the day it was signed for.
CREATE TABLE letter_deliveries (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    seq         INTEGER NOT NULL,
    number      TEXT NOT NULL,
    method      TEXT NOT NULL,
    sent_on     TEXT NOT NULL,
    tracking    TEXT NOT NULL,
    received_on TEXT,
    note        TEXT NOT NULL,
    by_name     TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX letter_deliveries_case ON letter_deliveries (case_id, id);
