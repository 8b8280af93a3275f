/**
 * After delivery on the buyer platform: the delivery and payment reports seller platforms send
 * (on_status/on_update with EnergyTradeDelivery and payment status), kept per trade, and the buyer
 * platform's own settlement statement recomputed from them.
 */
package org.uei.p2p.bap.delivery;
