-- Seller platform after delivery: MDMS meter blocks, the allocation of each trade (one per order
-- line) and the settlement of each order. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE meter_block (
    meter_id      VARCHAR(128)  NOT NULL,
    block_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    block_minutes INTEGER       NOT NULL,
    import_kwh    NUMERIC(18,6) NOT NULL,
    export_kwh    NUMERIC(18,6) NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (meter_id, block_start)
);

CREATE TABLE trade_allocation (
    trade_id           VARCHAR(128)  PRIMARY KEY,
    order_id           VARCHAR(64)   NOT NULL REFERENCES seller_order (id),
    line_no            INTEGER       NOT NULL,
    slot_start         TIMESTAMP WITH TIME ZONE NOT NULL,
    buyer_metered_kwh  NUMERIC(18,6) NOT NULL,
    seller_metered_kwh NUMERIC(18,6) NOT NULL,
    buyer_kwh          NUMERIC(12,2) NOT NULL,
    seller_kwh         NUMERIC(12,2) NOT NULL,
    allocated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX trade_allocation_slot ON trade_allocation (slot_start);

CREATE TABLE order_settlement (
    order_id       VARCHAR(64)   PRIMARY KEY REFERENCES seller_order (id),
    payment_status VARCHAR(16)   NOT NULL,
    amount         NUMERIC(14,2) NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    txn_ref        VARCHAR(128)  NOT NULL,
    delivered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at        TIMESTAMP WITH TIME ZONE
);
