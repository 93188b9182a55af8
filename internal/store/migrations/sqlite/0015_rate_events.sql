-- Counters behind the login throttle and the public rate limits, kept in the
-- database so that they hold across several instances behind one balancer.
CREATE TABLE rate_events (
    key TEXT NOT NULL,
    at  TEXT NOT NULL
);
CREATE INDEX rate_events_key ON rate_events (key, at);
