-- Which instance is handling a received message, and until when. The instance that stored the
-- message holds this lease from the insert and hands the message to its handler at once; when it
-- dies before the message was marked handled, the lease runs out and another instance of the node
-- (or this one after a restart) claims the message and handles it.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE beckn_message ADD COLUMN handling_owner VARCHAR(64);
ALTER TABLE beckn_message ADD COLUMN handling_until TIMESTAMP WITH TIME ZONE;
