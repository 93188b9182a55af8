-- A 补正 an applicant sends online by the 查询码 while the application awaits
-- it: kept until the agency confirms receipt by recording 收到补正 (Art. 31:
-- by internet, the day both sides confirm is the day received).
CREATE TABLE online_corrections (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id),
    sent_at       TEXT NOT NULL,
    body          TEXT NOT NULL,
    attachment_id INTEGER REFERENCES attachments(id)
);
CREATE INDEX online_corrections_case ON online_corrections (case_id, sent_at);
