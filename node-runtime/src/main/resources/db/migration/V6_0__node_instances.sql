-- What lets several instances of a node share one database for work that must run in one place.
-- node_lease: one row per elected role (the singleton jobs); its holder keeps it by renewing
-- lease_until, and when a holder dies another instance takes the row once the lease ran out.
-- node_job_run: one row per run of a once-per-period job (the nightly settlement of a day): any
-- instance records a run as due, and the elected one marks it done in the transaction that does
-- the work, so a run is done once whichever instance does it and however often it was asked for.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE node_lease (
    name         VARCHAR(100) PRIMARY KEY,
    holder       VARCHAR(64),
    lease_until  TIMESTAMP WITH TIME ZONE,
    acquired_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE node_job_run (
    job       VARCHAR(100) NOT NULL,
    run_key   VARCHAR(100) NOT NULL,
    status    VARCHAR(8)   NOT NULL,
    due_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at   TIMESTAMP WITH TIME ZONE,
    done_by   VARCHAR(64),
    PRIMARY KEY (job, run_key)
);
