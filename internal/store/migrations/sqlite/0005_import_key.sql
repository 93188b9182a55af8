-- An imported register row keeps its key, so that importing the same file
-- again adds nothing.
ALTER TABLE cases ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX cases_import_key ON cases (agency_id, import_key);
