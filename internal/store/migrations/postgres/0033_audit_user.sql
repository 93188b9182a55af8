-- The 工作台 says when a user last signed in and how many failed attempts
-- were made on the account since: a user's lines of the log by time.
CREATE INDEX audit_log_user ON audit_log (user_id, at);
