-- Buyer platform on two wires: each request remembers the wire it went out on (later requests of
-- the transaction use it, and a callback on the other wire is refused), and a refusal keeps the
-- JSON paths the seller named so that the buyer app sees where its request was wrong.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
ALTER TABLE client_request ADD COLUMN wire VARCHAR(8) DEFAULT 'wave1' NOT NULL;
ALTER TABLE client_request ADD COLUMN error_paths VARCHAR(2000);
