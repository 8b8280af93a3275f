-- Participant credentials. Utility mode: every ElectricityCredential the DISCOM issued to a
-- consumer it enrolled, the active one and those it replaced or revoked. Platform mode: the
-- credential a prosumer presented at registration, checked again before each trade.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE utility_consumer ADD COLUMN tariff_category VARCHAR(255);

CREATE TABLE utility_credential (
    id                VARCHAR(64)   PRIMARY KEY,
    meter_id          VARCHAR(128)  NOT NULL REFERENCES utility_consumer (meter_id),
    credential        TEXT          NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revocation_reason VARCHAR(512)
);

CREATE INDEX utility_credential_meter ON utility_credential (meter_id);

ALTER TABLE prosumer ADD COLUMN credential TEXT;
