/**
 * Meter data from a DISCOM's MDMS: the meter directory, CSV and JSON ingestion with row-level
 * rejections, the block store (idempotent by meter and block) and aggregation into trade slots.
 */
package org.uei.p2p.market.meter;
