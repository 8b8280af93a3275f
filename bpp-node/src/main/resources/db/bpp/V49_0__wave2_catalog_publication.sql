-- IES wave 2: the seller platform's catalog as last published to the network's catalog discovery
-- service, and the service's latest result for it. One row per catalog; publishing locks it, so
-- instances sharing the database publish each change once. Portable SQL: runs unchanged on H2 2.x
-- and PostgreSQL 12+.

CREATE TABLE wave2_catalog_state (
    catalog_id        VARCHAR(255) PRIMARY KEY,
    -- SHA-256 (hex) of the catalog message last published; null before the first publish.
    fingerprint       VARCHAR(64),
    generation        BIGINT       NOT NULL CHECK (generation >= 0),
    -- Set on every start: the service may have lost what it indexed.
    republish         BOOLEAN      NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE,
    message_id        VARCHAR(64),
    -- The callback_outbox row carrying it: one that expired undelivered is published again.
    outbox_id         BIGINT,
    result_status     VARCHAR(16)  CHECK (result_status IN ('ACCEPTED', 'REJECTED', 'PARTIAL')),
    result_errors     VARCHAR(4000),
    result_generation BIGINT,
    result_message_id VARCHAR(64),
    result_at         TIMESTAMP WITH TIME ZONE
);

-- The publishes still answerable: an on_publish names its publish by the echoed messageId.
CREATE TABLE wave2_catalog_publish (
    message_id VARCHAR(64)  PRIMARY KEY,
    catalog_id VARCHAR(255) NOT NULL REFERENCES wave2_catalog_state (catalog_id),
    generation BIGINT       NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (catalog_id, generation)
);
