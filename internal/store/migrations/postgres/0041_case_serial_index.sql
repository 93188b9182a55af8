-- The 找回查询码 form looks applications up by 申请编号 across agencies (each
-- numbers its own): without this index every case was read.
CREATE INDEX cases_serial ON cases (serial);
