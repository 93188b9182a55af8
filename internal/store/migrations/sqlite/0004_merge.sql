-- A case merged into another is answered with it (合并答复).
ALTER TABLE cases ADD COLUMN merged_into INTEGER REFERENCES cases(id);
