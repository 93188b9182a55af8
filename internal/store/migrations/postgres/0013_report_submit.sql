-- 报送: the head of the disclosure office submits the saved report; a report saved
-- again later keeps its submission time (the page says it changed since).
ALTER TABLE reports ADD COLUMN submitted_at TIMESTAMPTZ;
ALTER TABLE reports ADD COLUMN submitted_by TEXT NOT NULL DEFAULT '';
