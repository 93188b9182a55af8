-- A file kept with a case may say what was done to it before it was kept:
-- 区分处理 (personal information covered), with what was covered, by kind
-- and count, never the covered text.
ALTER TABLE attachments ADD COLUMN note TEXT NOT NULL DEFAULT '';
