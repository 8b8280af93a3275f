-- IES wave 2 between a seller platform and the DISCOMs' utility nodes: each cascade and each
-- order a utility records remembers the wire it came in on, so that it is answered, shown and
-- timed out in that wire's shape. Rows from before are wave 1.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE cascade_request ADD COLUMN wire VARCHAR(8) DEFAULT 'wave1' NOT NULL;
ALTER TABLE utility_order ADD COLUMN wire VARCHAR(8) DEFAULT 'wave1' NOT NULL;
