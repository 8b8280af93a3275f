-- Seller platform: prosumers, their per-slot offers and the orders taken against them.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE prosumer (
    id                    VARCHAR(64)   PRIMARY KEY,
    name                  VARCHAR(255),
    meter_id              VARCHAR(128)  NOT NULL UNIQUE,
    discom_id             VARCHAR(32)   NOT NULL,
    state_code            VARCHAR(8),
    installed_capacity_kw NUMERIC(12,3) NOT NULL,
    source_type           VARCHAR(16)   NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE slot_offer (
    id             VARCHAR(64)   PRIMARY KEY,
    prosumer_id    VARCHAR(64)   NOT NULL REFERENCES prosumer (id),
    network_id     VARCHAR(128)  NOT NULL,
    slot_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    slot_end       TIMESTAMP WITH TIME ZONE NOT NULL,
    price_per_kwh  NUMERIC(12,4) NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    max_kwh        NUMERIC(12,2) NOT NULL,
    available_kwh  NUMERIC(12,2) NOT NULL,
    valid_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until    TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT slot_offer_available CHECK (available_kwh >= 0 AND available_kwh <= max_kwh)
);
CREATE INDEX slot_offer_slot ON slot_offer (status, slot_start);

CREATE TABLE seller_order (
    id              VARCHAR(64)   PRIMARY KEY,
    transaction_id  VARCHAR(255)  NOT NULL UNIQUE,
    bap_id          VARCHAR(255)  NOT NULL,
    bap_uri         VARCHAR(2048) NOT NULL,
    domain          VARCHAR(255)  NOT NULL,
    buyer_id        VARCHAR(255)  NOT NULL,
    buyer_meter_id  VARCHAR(128)  NOT NULL,
    buyer_discom_id VARCHAR(32)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL
);

CREATE TABLE seller_order_line (
    order_id       VARCHAR(64)   NOT NULL REFERENCES seller_order (id),
    line_no        INTEGER       NOT NULL,
    offer_id       VARCHAR(64)   NOT NULL REFERENCES slot_offer (id),
    quantity_kwh   NUMERIC(12,2) NOT NULL,
    price_per_kwh  NUMERIC(12,4) NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX seller_order_line_offer ON seller_order_line (offer_id);
