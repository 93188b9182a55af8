-- API keys act in a role; an issued letter keeps its 文号 for good.
ALTER TABLE api_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'clerk';

CREATE TABLE letters (
    case_id   INTEGER NOT NULL REFERENCES cases(id),
    seq       INTEGER NOT NULL,
    number    TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);
