-- Buyer platform on IES wave 2, the allocation cascade. The buyer DISCOM's allocations its ledger
-- provider reported, per trade (order line, 1-based as the contract numbers them): the first
-- figure of a trade stands and a different one is refused, so the key decides races between
-- instances. And what was passed on to the buyer DISCOM's ledger, by a digest of the figures it
-- carried, so that a repeated on_status from the seller platform is not passed on twice.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
CREATE TABLE ledger_buyer_allocation (
    seller_platform VARCHAR(255)   NOT NULL,
    contract_id     VARCHAR(255)   NOT NULL,
    line_no         INTEGER        NOT NULL,
    transaction_id  VARCHAR(255)   NOT NULL,
    ledger_id       VARCHAR(255)   NOT NULL,
    allocated_kwh   NUMERIC(36,18) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (seller_platform, contract_id, line_no)
);
CREATE TABLE ledger_pass_on (
    seller_platform VARCHAR(255) NOT NULL,
    contract_id     VARCHAR(255) NOT NULL,
    content_digest  VARCHAR(64)  NOT NULL,
    transaction_id  VARCHAR(255) NOT NULL,
    ledger_id       VARCHAR(255) NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (seller_platform, contract_id, content_digest)
);
