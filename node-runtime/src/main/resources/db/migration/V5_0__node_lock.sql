-- Named locks for work that must run once at a time across every instance of a node on one
-- database (settlement of a day, an MDMS drop directory, delivery reports): a holder locks its
-- row for the rest of its transaction. Rows are created on first use.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE node_lock (
    name  VARCHAR(100) PRIMARY KEY
);
