-- The replay guard's expired entries are purged in chunks oldest first; without an index on the
-- expiry each chunk would scan the whole table.
CREATE INDEX replay_guard_expires ON replay_guard (expires_at);
