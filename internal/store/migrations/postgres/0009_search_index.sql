-- The case list searches serial, applicant and request text with LIKE
-- '%…%', which no B-tree can seek; a narrow covering index lets the search
-- scan these columns without reading the (wide) case rows.
CREATE INDEX cases_text ON cases (agency_id, serial, applicant_name, description);
