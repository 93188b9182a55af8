-- 表三 reads only these columns. Ordered by the GROUP BY key, this one narrow
-- index answers the whole query in a single streaming pass, without touching
-- the (wide) case rows or building a temporary sort.
CREATE INDEX cases_year ON cases (agency_id, applicant_type, outcome, received_on, closed_on);
