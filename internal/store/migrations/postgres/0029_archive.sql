-- 归档 (条例 Art. 45): an agency's form of the 档号 of its disclosure case
-- files (its own 全宗号, retention and unit codes written in, the year and
-- the 件号 as parts), and a closed application's 档号 and day of filing.
ALTER TABLE agencies ADD COLUMN archive_pattern TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN archive_no TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN archived_on DATE;
