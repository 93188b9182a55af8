-- The 办理情况统计 reads, for an agency, the cases answered in a year (state
-- and closing date) with their receipt date and deadline, and the open
-- cases with theirs: one index holds all of it, so that neither reads a
-- case row (a province's year is two million of them).
CREATE INDEX cases_stats ON cases (agency_id, state, closed_on, received_on, due_on);
