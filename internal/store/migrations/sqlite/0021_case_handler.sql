-- The 承办人 of an application: the member of the agency's staff who handles
-- it (NULL: not assigned yet, as an application made online arrives).
ALTER TABLE cases ADD COLUMN handler_id INTEGER REFERENCES users(id);
CREATE INDEX cases_handler ON cases (agency_id, handler_id, state);
