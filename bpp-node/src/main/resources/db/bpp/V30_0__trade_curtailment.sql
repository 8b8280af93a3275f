-- DISCOM curtailments of the seller platform's trades, as the utilities report them: the
-- contracted quantity of the slot shrinks by the curtailed kWh before allocation and settlement.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE trade_curtailment (
    trade_id      VARCHAR(128)  PRIMARY KEY,
    order_id      VARCHAR(64)   NOT NULL REFERENCES seller_order (id),
    line_no       INTEGER       NOT NULL,
    slot_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    side          VARCHAR(8)    NOT NULL CHECK (side IN ('BUYER', 'SELLER')),
    discom_id     VARCHAR(64)   NOT NULL,
    curtailed_kwh NUMERIC(12,2) NOT NULL CHECK (curtailed_kwh > 0),
    reason        VARCHAR(32)   NOT NULL,
    utility_id    VARCHAR(255)  NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX trade_curtailment_slot ON trade_curtailment (slot_start);
