-- 表三 reads only these columns: one narrow index covers the whole query, so
-- the yearly table is computed without touching the (wide) case rows.
CREATE INDEX cases_year ON cases (agency_id, received_on, closed_on, applicant_type, outcome);
