-- Each import of a decision or fee ledger file, so that the clerk sees what
-- came from which file and can take a wrong one back (撤销导入): its rows
-- carry its id. Rows imported before this migration have none.
CREATE TABLE ledger_imports (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agencies(id),
    file_name   TEXT NOT NULL,
    row_count   INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    undone_at   TEXT,
    undone_by   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ledger_imports_agency ON ledger_imports (agency_id, imported_at);
ALTER TABLE decisions ADD COLUMN import_id INTEGER REFERENCES ledger_imports(id);
CREATE INDEX decisions_import ON decisions (import_id);
