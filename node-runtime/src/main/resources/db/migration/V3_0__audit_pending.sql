-- Stored messages not yet in the audit log. A message and its row here commit together; the
-- appender moves them into the log in batches right after (AuditLog.appendPending), and a node
-- that stopped in between appends them when it starts.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE audit_pending (
    beckn_message_id  BIGINT PRIMARY KEY
);
