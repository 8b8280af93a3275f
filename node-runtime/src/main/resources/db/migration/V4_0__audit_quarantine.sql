-- Stored messages the audit log could not take (an entry that cannot be built or written). They
-- leave the append queue so that every later message is still appended, and stay here, with the
-- reason, until an operator has dealt with them; while any is here the node's readiness is DOWN.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE audit_quarantine (
    beckn_message_id  BIGINT PRIMARY KEY,
    reason            VARCHAR(1000) NOT NULL,
    quarantined_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
