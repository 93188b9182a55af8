-- A file uploaded to the wrong application (another person's ID copy, the
-- wrong letter) is taken out: its content is erased, its line stays with
-- who took it out, when and why, so that the 案卷 says what happened.
ALTER TABLE attachments ADD COLUMN removed_at TEXT;
ALTER TABLE attachments ADD COLUMN removed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN removed_reason TEXT NOT NULL DEFAULT '';
