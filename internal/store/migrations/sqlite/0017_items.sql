-- An application with several items: how many (cases.units), and, once it is
-- answered item by item, each item's outcome (case_items). 表三 counts them
-- when the unit-of-count setting says so.
ALTER TABLE cases ADD COLUMN units INTEGER NOT NULL DEFAULT 1;
CREATE TABLE case_items (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    item    INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (case_id, item)
);
