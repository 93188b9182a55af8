-- An agency may let only an application's 承办人 (and the office's 负责人)
-- act on it once it is assigned, and only the 负责人 assign (org.Agency.HandlerOnly).
ALTER TABLE agencies ADD COLUMN handler_only INTEGER NOT NULL DEFAULT 0;
