-- The 办理情况统计 counts the applications answered in a year by the steps
-- they took (延期, 补正, 征求意见: casework.Mark bits, not withdrawn) and by
-- their result group, read from the index alone as before: marks is written
-- with every step; Migrate fills it for the cases before it, in the same
-- transaction, from their events.
ALTER TABLE cases ADD COLUMN marks INTEGER NOT NULL DEFAULT 0;
DROP INDEX cases_stats;
CREATE INDEX cases_stats ON cases (agency_id, state, closed_on, received_on, due_on, outcome, marks);
