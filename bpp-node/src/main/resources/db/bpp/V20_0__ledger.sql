-- Ledger provider mode: a DISCOM ledger provider's records (DEG Ledger Service API v0.4.0), one
-- row per contract order item. The unique key makes a second create of the same item fail in the
-- database, and the version column makes every update conditional on the row it was computed
-- from, so several node instances can share the table. Trade lines and metrics are small JSON
-- arrays (at most 32 lines, one metric per type).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE ledger_record (
    record_id                VARCHAR(64)   PRIMARY KEY,
    transaction_id           VARCHAR(255)  NOT NULL,
    order_item_id            VARCHAR(255)  NOT NULL,
    creation_time            TIMESTAMP WITH TIME ZONE NOT NULL,
    platform_id_buyer        VARCHAR(255)  NOT NULL,
    platform_id_seller       VARCHAR(255)  NOT NULL,
    discom_id_buyer          VARCHAR(255)  NOT NULL,
    discom_id_seller         VARCHAR(255)  NOT NULL,
    buyer_id                 VARCHAR(255)  NOT NULL,
    seller_id                VARCHAR(255)  NOT NULL,
    trade_time               TIMESTAMP WITH TIME ZONE,
    delivery_start_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivery_end_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    trade_details            VARCHAR(8000) NOT NULL,
    buyer_metrics            VARCHAR(2000) NOT NULL,
    seller_metrics           VARCHAR(2000) NOT NULL,
    status_buyer_discom      VARCHAR(32),
    status_seller_discom     VARCHAR(32),
    network_id               VARCHAR(255),
    buyer_discom_updated_at  TIMESTAMP WITH TIME ZONE,
    seller_discom_updated_at TIMESTAMP WITH TIME ZONE,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  BIGINT        NOT NULL,
    CONSTRAINT ledger_record_key UNIQUE (transaction_id, order_item_id)
);
CREATE INDEX ledger_record_buyer ON ledger_record (buyer_id, delivery_start_time);
CREATE INDEX ledger_record_seller ON ledger_record (seller_id, delivery_start_time);
CREATE INDEX ledger_record_created ON ledger_record (creation_time);
