-- Letters sent to the applicant by e-mail from the case page: to whom, when
-- and by whom, shown under the letter and kept as the record of sending.
CREATE TABLE letter_mails (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    seq      INTEGER NOT NULL,
    number   TEXT NOT NULL,
    to_addr  TEXT NOT NULL,
    sent_at  TEXT NOT NULL,
    sent_by  TEXT NOT NULL
);
CREATE INDEX letter_mails_case ON letter_mails (case_id, seq);
