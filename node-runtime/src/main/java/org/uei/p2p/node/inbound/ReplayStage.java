package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.store.ReplayGuard;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;

/**
 * Refuses a message id ({@code message_id}, wave 2 {@code messageId}) already received from the
 * same sender for the same action while the first one is still remembered ({@link #expiry}). This
 * stage only looks, so that a copy is refused before the work of admission; the authoritative check
 * is the {@link ReplayGuard}'s claim in the transaction that stores the message ({@link
 * StoreStage}).
 */
@ApplicationScoped
public class ReplayStage implements InboundStage {

  @Inject ReplayGuard guard;

  /** The early check, read only: a copy of a message already stored is refused before admission. */
  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    ReplayGuard.Entry found = guard.lookUp(key(exchange), exchange.receivedAt());
    if (found == ReplayGuard.Entry.LIVE) {
      throw replayed(exchange);
    }
    exchange.replayLookUp(found);
  }

  /** The guard's key of an exchange. */
  static ReplayGuard.Key key(InboundExchange exchange) {
    WireContext c = exchange.wireContext();
    return new ReplayGuard.Key(exchange.contextSender(), c.messageId(), c.action());
  }

  /** The refusal of a message already received. */
  static InboundRejection replayed(InboundExchange exchange) {
    WireContext c = exchange.wireContext();
    return InboundRejection.replayed(
        exchange.contextSender(), c.messageId(), c.action(), c.path(ContextField.MESSAGE_ID));
  }

  /**
   * Until when a message is remembered: its timestamp plus ttl, or its signature's expiry if later
   * (a replay after both have passed fails the signature check anyway), and never less than the ttl
   * from its arrival.
   */
  static Instant expiry(InboundExchange exchange) {
    WireContext c = exchange.wireContext();
    Instant base = exchange.receivedAt();
    Duration ttl = Duration.ofSeconds(30);
    try {
      if (c.timestamp() != null) {
        base = c.timestampInstant();
      }
      if (c.ttl() != null) {
        ttl = c.ttlDuration();
      }
    } catch (RuntimeException unreadable) {
      // Validation has already refused unreadable values; keep the defaults.
    }
    Instant end = base.plus(ttl);
    if (exchange.signature() != null && exchange.signature().header() != null) {
      Instant sigEnd = Instant.ofEpochSecond(exchange.signature().header().expires());
      if (sigEnd.isAfter(end)) {
        end = sigEnd;
      }
    }
    Instant floor = exchange.receivedAt().plus(ttl);
    return end.isBefore(floor) ? floor : end;
  }

  @Override
  public String name() {
    return "replay";
  }
}
