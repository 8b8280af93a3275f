package org.uei.p2p.model.wire;

import java.util.Optional;

/** The Beckn wire generations a P2P energy network speaks (see {@link WireDetector}). */
public enum WireGeneration {
  /** DEG wave 1: Beckn 2.0-rc, snake_case context, {@code beckn:Order} with EnergyTrade packs. */
  DEG_WAVE1("wave1", "DEG wave 1 (Beckn 2.0-rc)", true),
  /** IES wave 2: Beckn 2.0 LTS, camelCase context, {@code message.contract} with TimeSeries. */
  IES_WAVE2("wave2", "IES wave 2 (Beckn 2.0 LTS)", true),
  /** UEI v1: Beckn 1.1.0, snake_case context with a 1.x version, classic order and quote. */
  UEI_V1("uei-v1", "UEI v1 (Beckn 1.1.0)", true);

  private final String shortName;
  private final String title;
  private final boolean supported;

  WireGeneration(String shortName, String title, boolean supported) {
    this.shortName = shortName;
    this.title = title;
    this.supported = supported;
  }

  /** The name used on the command line, e.g. {@code wave2}. */
  public String shortName() {
    return shortName;
  }

  /** A name for people, e.g. {@code IES wave 2 (Beckn 2.0 LTS)}. */
  public String title() {
    return title;
  }

  /** True when this library reads, validates and maps messages of the generation. */
  public boolean isSupported() {
    return supported;
  }

  /** The generation with this short name, if any. */
  public static Optional<WireGeneration> fromShortName(String name) {
    for (WireGeneration g : values()) {
      if (g.shortName.equals(name)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return shortName;
  }
}
