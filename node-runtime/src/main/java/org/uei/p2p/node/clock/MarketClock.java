package org.uei.p2p.node.clock;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time a node judges market rules by: which offers are open, whether a trade is inside its
 * trading window, whether gate closure has passed, which delivery day the nightly settlement takes.
 *
 * <p>On a real network it is the system clock. A local demo or test network can move it (all nodes
 * together) through {@link MarketClockResource} to play a trading day, gate closure and the day
 * after delivery in minutes. Protocol time is never moved: context timestamps, signatures, replay
 * windows and the audit log keep the system clock, so a moved market clock cannot make a node
 * accept a stale or future signature.
 */
@ApplicationScoped
public class MarketClock {

  private volatile Duration offset = Duration.ZERO;

  /** Market time now. */
  public Instant now() {
    return Instant.now().plus(offset);
  }

  /** Market time as a {@link Clock} in UTC. */
  public Clock clock() {
    return new Offset(offset, ZoneOffset.UTC);
  }

  /** How far market time is from the system clock (zero on a real network). */
  public Duration offset() {
    return offset;
  }

  /** Moves market time so that it reads {@code marketNow} at this instant. */
  void set(Instant marketNow) {
    offset = Duration.between(Instant.now(), marketNow);
  }

  /** The system clock shifted by a fixed offset. */
  private static final class Offset extends Clock {
    private final Duration offset;
    private final ZoneId zone;

    Offset(Duration offset, ZoneId zone) {
      this.offset = offset;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new Offset(offset, z);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
