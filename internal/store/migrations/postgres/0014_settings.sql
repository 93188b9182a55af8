-- Settings where the law is open (one JSON document per key, changed by an
-- administrator and audited); the 上一级主管部门 older letters name; who acted,
-- in the audit log, when it was not a signed-in user (an API key, an import,
-- the public form); the other pending deadline of an open case (补正 or payment
-- period), for the dashboard.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);
ALTER TABLE agencies ADD COLUMN upper_department TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN extra_on DATE;
ALTER TABLE cases ADD COLUMN extra_what TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_created ON cases (agency_id, created_at);
