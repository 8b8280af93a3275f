/**
 * After delivery on the seller platform: MDMS meter data (JSON API, CSV upload and a polled drop
 * directory) stored in the node's database, the per-day allocation and settlement run that reports
 * delivery and payment to buyer platforms as unsolicited on_status/on_update, statements per buyer
 * platform and period, and the monthly DISCOM billing file. The arithmetic is energy-market's.
 */
package org.uei.p2p.bpp.delivery;
