-- An agency's own 申请须知 for the public (what it holds and what it does
-- not, where else to ask), shown above the online form and in its 指南.
ALTER TABLE agencies ADD COLUMN apply_note TEXT NOT NULL DEFAULT '';
