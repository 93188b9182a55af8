-- A person's e-mail address for the daily reminder of applications due
-- soon or overdue, and the reminders sent: one a person a day, claimed
-- before sending so that several instances on one database send it once.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
CREATE TABLE reminders (
    user_id    BIGINT NOT NULL REFERENCES users(id),
    day        DATE NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ,
    cases      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, day)
);
