-- An applicant's request, sent online by the 查询码, to withdraw an open
-- application: kept until the agency records 申请人撤回申请.
CREATE TABLE withdraw_requests (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    sent_at TEXT NOT NULL,
    reason  TEXT NOT NULL
);
CREATE INDEX withdraw_requests_case ON withdraw_requests (case_id);
