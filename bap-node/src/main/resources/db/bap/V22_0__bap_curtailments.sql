-- Buyer platform: curtailments a seller platform relayed from a DISCOM, latest per order item.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
CREATE TABLE received_curtailment (
    order_id           VARCHAR(255)  NOT NULL,
    item_no            INTEGER       NOT NULL,
    seller_platform    VARCHAR(255)  NOT NULL,
    transaction_id     VARCHAR(255)  NOT NULL,
    delivery_status    VARCHAR(16),
    curtailed_kwh      NUMERIC(12,2) NOT NULL,
    curtailment_reason VARCHAR(32),
    last_updated       VARCHAR(64),
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_id, item_no, seller_platform)
);
CREATE INDEX received_curtailment_txn ON received_curtailment (transaction_id);
