-- The notes an agency's staff write again and again (补正事项, 延期理由 …),
-- counted as they are used, so that the step forms offer them (常用语).
CREATE TABLE phrases (
    agency_id BIGINT NOT NULL REFERENCES agencies(id),
    kind      TEXT NOT NULL,
    text      TEXT NOT NULL,
    uses      INTEGER NOT NULL,
    last_used DATE NOT NULL,
    PRIMARY KEY (agency_id, kind, text)
);
