package org.uei.p2p.market.meter;

import java.util.Optional;

/**
 * Lookup of the meters a DISCOM (or a platform) knows. The in-memory implementation serves tests
 * and tools; nodes back it with their database.
 */
public interface MeterDirectory {

  /** The meter with this id, if known. */
  Optional<MeterInfo> find(String meterId);
}
