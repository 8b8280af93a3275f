package org.uei.p2p.bpp.catalog;

/** Whether an offer can still be taken. */
public enum OfferStatus {
  /** Listed in the catalog while its validity window is open and energy remains. */
  ACTIVE,
  /** Taken out of the catalog by the seller; existing orders stand. */
  WITHDRAWN
}
