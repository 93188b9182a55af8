-- The e-mails that told an applicant of their application (the receipt, a
-- 补正告知, an extension, the answer …): which step, what, to which address
-- (masked) and when, shown under the step on the case page and in the 案卷.
-- A courtesy, not a delivery: the letters' deliveries are kept apart.
CREATE TABLE applicant_notices (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    seq      INTEGER NOT NULL,
    what     TEXT NOT NULL,
    to_addr  TEXT NOT NULL,
    sent_at  TEXT NOT NULL
);
CREATE INDEX applicant_notices_case ON applicant_notices (case_id, seq);
