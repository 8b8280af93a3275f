package org.uei.p2p.market.meter;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MeterDirectory} held in memory; thread-safe. */
public final class InMemoryMeterDirectory implements MeterDirectory {
  private final Map<String, MeterInfo> meters = new ConcurrentHashMap<>();

  /** An empty directory. */
  public InMemoryMeterDirectory() {}

  /** A directory holding {@code meters}. */
  public InMemoryMeterDirectory(Collection<MeterInfo> meters) {
    meters.forEach(this::put);
  }

  /** Adds or replaces a meter. */
  public void put(MeterInfo meter) {
    meters.put(meter.meterId(), meter);
  }

  @Override
  public Optional<MeterInfo> find(String meterId) {
    return Optional.ofNullable(meters.get(meterId));
  }

  /** Number of meters held. */
  public int size() {
    return meters.size();
  }
}
