-- 传真号码: the 指南 must state the office's fax (条例 Art. 12).
ALTER TABLE agencies ADD COLUMN fax TEXT NOT NULL DEFAULT '';
