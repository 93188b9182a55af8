-- The case list's search reads one folded key of serial, applicant and
-- request text (full-width forms as half-width, lower case: store.searchKey),
-- so that ＡＢＣ科技 is found as abc and ２０２５年 as 2025年 whichever way
-- each was typed. The store writes it with every case; Migrate fills it for
-- the cases before it in the same transaction. The narrow index replaces
-- cases_text: the search scans it without reading the wide case rows.
ALTER TABLE cases ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
DROP INDEX cases_text;
CREATE INDEX cases_search ON cases (agency_id, search_key);
