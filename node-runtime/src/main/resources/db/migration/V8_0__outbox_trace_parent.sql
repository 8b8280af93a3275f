-- The trace context of the message that caused a callback (a W3C traceparent), so that its
-- delivery, from whichever instance and however much later, continues that message's trace.
-- Null when tracing is off or the callback had no trace. Portable SQL: H2 2.x and PostgreSQL 12+.

ALTER TABLE callback_outbox ADD COLUMN trace_parent VARCHAR(128);
