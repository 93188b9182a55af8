-- The text of a file kept with a catalog item, read when it was uploaded,
-- so that the checks before review and publication (SEC.IDNUM, SEC.PHONE,
-- SEC.MARK) and the public search read the documents as well as the item's
-- own text. text_state: 'read' (text holds it), 'none' (no text could be
-- read: a scan, a picture), '' (kept before files were read: `gongkai
-- catalog read-files` reads them). note says what was done to the file
-- before it was kept (区分处理).
ALTER TABLE catalog_files ADD COLUMN text TEXT;
ALTER TABLE catalog_files ADD COLUMN text_state TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_files ADD COLUMN note TEXT NOT NULL DEFAULT '';
