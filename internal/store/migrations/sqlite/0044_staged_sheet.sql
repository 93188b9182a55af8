-- The sheet of a workbook the clerk previewed, so that the confirmation
-- imports that sheet and not the first ('' the first; '*' every sheet with
-- a header, which no sheet can be named: Excel forbids * in its names).
ALTER TABLE staged_imports ADD COLUMN sheet TEXT NOT NULL DEFAULT '';
