-- Buyer platform: the requests it sent, so that callbacks can be matched to them by message_id
-- and refused when unknown, from another BPP, or late. bpp_id '*' stands for a discover sent to a
-- discovery service, which any BPP may answer.
CREATE TABLE client_request (
    message_id      VARCHAR(255)  NOT NULL,
    bpp_id          VARCHAR(255)  NOT NULL,
    bpp_uri         VARCHAR(2048),
    action          VARCHAR(32)   NOT NULL,
    transaction_id  VARCHAR(255)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    error_code      VARCHAR(32),
    error_message   VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (message_id, bpp_id)
);
CREATE INDEX client_request_txn ON client_request (transaction_id);
