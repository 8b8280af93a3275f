-- Buyer platform: a wave-2 DISCOM ledger may allocate to more than two decimals, and the seller
-- platform settles (FINAL_ALLOC, revenue flows) on the figures as sent. The statement's inputs keep
-- them as sent, as the seller platform does (NUMERIC(18,6)), so that both platforms' statements
-- compute the same money; delivered_kwh stays the two-decimal figure people read.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
ALTER TABLE received_delivery ALTER COLUMN buyer_kwh SET DATA TYPE NUMERIC(18,6);
ALTER TABLE received_delivery ALTER COLUMN seller_kwh SET DATA TYPE NUMERIC(18,6);
