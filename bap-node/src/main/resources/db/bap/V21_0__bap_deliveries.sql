-- Buyer platform: delivery and payment of each trade as the seller platform reported them, kept
-- so that the buyer platform can recompute its own settlement statement.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
CREATE TABLE received_delivery (
    trade_id          VARCHAR(255)  NOT NULL,
    seller_platform   VARCHAR(255)  NOT NULL,
    buyer_platform    VARCHAR(255)  NOT NULL,
    transaction_id    VARCHAR(255)  NOT NULL,
    buyer_meter_id    VARCHAR(128)  NOT NULL,
    buyer_discom_id   VARCHAR(32)   NOT NULL,
    seller_meter_id   VARCHAR(128)  NOT NULL,
    seller_discom_id  VARCHAR(32)   NOT NULL,
    slot_start        TIMESTAMP WITH TIME ZONE NOT NULL,
    slot_end          TIMESTAMP WITH TIME ZONE NOT NULL,
    quantity_kwh      NUMERIC(12,2) NOT NULL,
    price_per_kwh     NUMERIC(12,4) NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    buyer_kwh         NUMERIC(12,2) NOT NULL,
    seller_kwh        NUMERIC(12,2) NOT NULL,
    delivered_kwh     NUMERIC(12,2) NOT NULL,
    payment_status    VARCHAR(16),
    txn_ref           VARCHAR(128),
    paid_at           VARCHAR(64),
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (trade_id, seller_platform)
);
CREATE INDEX received_delivery_slot ON received_delivery (slot_start);
