-- The text of a file kept with a catalog item, read when it was uploaded,
-- so that the checks before review and publication (SEC.IDNUM, SEC.PHONE,
-- SEC.MARK) read the documents as well as the item's own text; NULL: none
-- could be read (a scan, a picture) or the file came before this. note says
-- what was done to the file before it was kept (区分处理).
ALTER TABLE catalog_files ADD COLUMN text TEXT;
ALTER TABLE catalog_files ADD COLUMN note TEXT NOT NULL DEFAULT '';
