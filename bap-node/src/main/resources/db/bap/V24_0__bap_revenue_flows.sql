-- Buyer platform on IES wave 2: the revenue flows (consideration auto-settlement-flows) a seller
-- platform added to a contract after the final allocation, latest report per contract, kept so
-- that the buyer's statement shows what the seller side settled next to its own arithmetic.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
CREATE TABLE received_revenue_flow (
    contract_id      VARCHAR(255)  NOT NULL,
    seller_platform  VARCHAR(255)  NOT NULL,
    flow_no          INTEGER       NOT NULL,
    transaction_id   VARCHAR(255)  NOT NULL,
    first_slot_start TIMESTAMP WITH TIME ZONE NOT NULL,
    party            VARCHAR(32)   NOT NULL,
    amount           NUMERIC(36,18) NOT NULL,
    currency         VARCHAR(3)    NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contract_id, seller_platform, flow_no)
);
CREATE INDEX received_revenue_flow_slot ON received_revenue_flow (first_slot_start);
