-- Utility mode: a DISCOM's consumers, the trades platforms cascaded to it (one row per order
-- line) and which delivery it reported. Platform mode: the init/confirm a buyer is waiting on
-- while the utilities answer, and each utility's leg of it.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE utility_consumer (
    meter_id              VARCHAR(128)  PRIMARY KEY,
    customer_id           VARCHAR(128)  NOT NULL,
    sanctioned_load_kw    NUMERIC(12,3) NOT NULL,
    installed_capacity_kw NUMERIC(12,3) NOT NULL,
    state_code            VARCHAR(8),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE utility_order (
    id             VARCHAR(64)   PRIMARY KEY,
    platform_id    VARCHAR(255)  NOT NULL,
    platform_uri   VARCHAR(2048) NOT NULL,
    domain         VARCHAR(255)  NOT NULL,
    transaction_id VARCHAR(255)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    order_json     BYTEA         NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT utility_order_txn UNIQUE (platform_id, transaction_id)
);

CREATE TABLE utility_trade (
    id                 VARCHAR(128)  PRIMARY KEY,
    order_id           VARCHAR(64)   NOT NULL REFERENCES utility_order (id),
    line_no            INTEGER       NOT NULL,
    buyer_meter_id     VARCHAR(128)  NOT NULL,
    buyer_discom_id    VARCHAR(32)   NOT NULL,
    seller_meter_id    VARCHAR(128)  NOT NULL,
    seller_discom_id   VARCHAR(32)   NOT NULL,
    slot_start         TIMESTAMP WITH TIME ZONE NOT NULL,
    slot_end           TIMESTAMP WITH TIME ZONE NOT NULL,
    quantity_kwh       NUMERIC(12,2) NOT NULL,
    price_per_kwh      NUMERIC(12,4) NOT NULL,
    currency           VARCHAR(3)    NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    curtailed_kwh      NUMERIC(12,2),
    curtailment_reason VARCHAR(32),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX utility_trade_buyer ON utility_trade (buyer_meter_id, slot_start);
CREATE INDEX utility_trade_seller ON utility_trade (seller_meter_id, slot_start);

CREATE TABLE utility_delivery_report (
    id            VARCHAR(140)  PRIMARY KEY,
    trade_id      VARCHAR(128)  NOT NULL REFERENCES utility_trade (id),
    side          VARCHAR(8)    NOT NULL,
    meter_id      VARCHAR(128)  NOT NULL,
    allocated_kwh NUMERIC(12,2) NOT NULL,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cascade_request (
    id                     VARCHAR(64)   PRIMARY KEY,
    action                 VARCHAR(16)   NOT NULL,
    buyer_transaction_id   VARCHAR(255)  NOT NULL,
    cascade_transaction_id VARCHAR(255)  NOT NULL,
    order_id               VARCHAR(64),
    request_body           BYTEA         NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    deadline               TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cascade_request_pending ON cascade_request (status, deadline);
CREATE INDEX cascade_request_txn ON cascade_request (cascade_transaction_id);

CREATE TABLE cascade_leg (
    message_id       VARCHAR(255)  PRIMARY KEY,
    cascade_id       VARCHAR(64)   NOT NULL REFERENCES cascade_request (id),
    discom_id        VARCHAR(32)   NOT NULL,
    utility_id       VARCHAR(255)  NOT NULL,
    utility_uri      VARCHAR(2048),
    status           VARCHAR(16)   NOT NULL,
    detail           VARCHAR(2000),
    answer_body      BYTEA,
    utility_order_id VARCHAR(64)
);
CREATE INDEX cascade_leg_request ON cascade_leg (cascade_id);
