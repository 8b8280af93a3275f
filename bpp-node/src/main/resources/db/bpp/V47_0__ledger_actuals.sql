-- Ledger provider, wave 2: the meter actuals the ledger asks its DISCOM for, the contract each
-- transaction's records belong to, and what the ledger reported to which platform. Primary keys
-- make every "once" a database fact: a status answer is matched to one stored request, a report
-- line goes to a platform once however many instances and answers race.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- The seller platform's contract id of a transaction (clientReference of its puts).
CREATE TABLE ledger_contract_ref (
    transaction_id VARCHAR(255) PRIMARY KEY,
    contract_id    VARCHAR(255) NOT NULL,
    platform_id    VARCHAR(255) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One wave-2 status sent to the DISCOM; asked lists the meter windows as JSON.
CREATE TABLE ledger_actuals_request (
    message_id     VARCHAR(64)   PRIMARY KEY,
    transaction_id VARCHAR(64)   NOT NULL,
    discom_id      VARCHAR(255)  NOT NULL,
    delivery_day   DATE          NOT NULL,
    asked          VARCHAR(32000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ledger_actuals_request_day ON ledger_actuals_request (delivery_day);

-- One record side reported to one platform.
CREATE TABLE ledger_report_line (
    transaction_id VARCHAR(255) NOT NULL,
    order_item_id  VARCHAR(255) NOT NULL,
    side           VARCHAR(8)   NOT NULL CHECK (side IN ('BUYER', 'SELLER')),
    platform_id    VARCHAR(255) NOT NULL,
    allocated_kwh  NUMERIC(18,6) NOT NULL,
    message_id     VARCHAR(64)  NOT NULL,
    reported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (transaction_id, order_item_id, side, platform_id)
);
