-- IES wave 2: each DISCOM's allocation of a contract's trades as the seller platform learns it
-- (seller side from the seller DISCOM's ledger provider, buyer side from the buyer platform), and
-- the one settlement per contract computed once both sides are in. Portable SQL: runs unchanged
-- on H2 2.x and PostgreSQL 12+.

CREATE TABLE wave2_discom_allocation (
    order_id      VARCHAR(64)   NOT NULL REFERENCES seller_order (id),
    line_no       INTEGER       NOT NULL,
    side          VARCHAR(8)    NOT NULL CHECK (side IN ('BUYER', 'SELLER')),
    allocated_kwh NUMERIC(18,6) NOT NULL CHECK (allocated_kwh >= 0),
    reported_by   VARCHAR(255)  NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_id, line_no, side)
);

-- The primary key lets exactly one instance settle a contract and send its revenue flows.
CREATE TABLE wave2_settlement (
    order_id   VARCHAR(64) PRIMARY KEY REFERENCES seller_order (id),
    settled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
