-- Each seller order remembers the wire it was confirmed on, so that what happens to it after
-- delivery (allocation, settlement, the reports to the buyer platform) follows that wire: wave-1
-- and UEI v1 orders are settled by the nightly settlement run and reported in their own shapes,
-- wave-2 contracts go through their DISCOMs' ledgers and are left alone by it.
-- Rows from before are classified by what is known of them: a wave-2 contract has rows in the
-- wave-2 allocation tables or came through a wave-2 cascade, or names an IES network; a UEI v1
-- order names the UEI v1 domain; the rest are wave 1.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE seller_order ADD COLUMN wire VARCHAR(8) DEFAULT 'wave1' NOT NULL;

UPDATE seller_order SET wire = 'wave2'
 WHERE id IN (SELECT order_id FROM wave2_discom_allocation)
    OR id IN (SELECT order_id FROM wave2_settlement)
    OR id IN (SELECT order_id FROM cascade_request WHERE wire = 'wave2' AND order_id IS NOT NULL)
    OR domain LIKE 'indiaenergystack.in/%';

UPDATE seller_order SET wire = 'uei-v1' WHERE domain = 'uei:p2p-trading';

ALTER TABLE seller_order ADD CONSTRAINT seller_order_wire
    CHECK (wire IN ('wave1', 'wave2', 'uei-v1'));
