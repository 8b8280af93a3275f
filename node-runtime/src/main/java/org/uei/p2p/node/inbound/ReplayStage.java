package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.store.ReplayGuardEntry;

/**
 * Refuses a {@code message_id} already received from the same sender for the same action while
 * the first one is still within its ttl (or its signature still valid, whichever is later: a
 * replay after both have passed fails the signature check anyway). The check is an insert under
 * the table's primary key, so it holds across concurrent requests and node instances; it runs in
 * the transaction that stores the message ({@link #claim}, from {@link StoreStage}). This stage
 * itself only looks, so that a copy is refused before the work of admission.
 */
@ApplicationScoped
public class ReplayStage implements InboundStage {

  /** The early check, read only: a copy of a message already stored is refused before admission. */
  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    ReplayGuardEntry existing = ReplayGuardEntry.findById(key(exchange));
    if (existing != null && existing.expiresAt.isAfter(exchange.receivedAt())) {
      throw replayed(exchange);
    }
  }

  /**
   * The authoritative check, in the transaction that stores the message: inserts the guard row,
   * replacing an expired one. Concurrent copies in one transaction find each other's row; copies
   * in concurrent transactions (other node instances) collide on the primary key, at the flush.
   */
  static void claim(InboundExchange exchange) throws InboundRejection {
    ReplayGuardEntry.Key key = key(exchange);
    ReplayGuardEntry existing = ReplayGuardEntry.findById(key);
    if (existing != null) {
      if (existing.expiresAt.isAfter(exchange.receivedAt())) {
        throw replayed(exchange);
      }
      existing.delete();
      ReplayGuardEntry.getEntityManager().flush();
    }
    ReplayGuardEntry e = new ReplayGuardEntry();
    e.key = key;
    e.expiresAt = expiry(exchange);
    e.persist();
    ReplayGuardEntry.getEntityManager().flush();
  }

  private static ReplayGuardEntry.Key key(InboundExchange exchange) {
    Context c = exchange.context();
    return new ReplayGuardEntry.Key(exchange.contextSender(), c.getMessageId(), c.getAction());
  }

  /** The refusal of a message already received. */
  static InboundRejection replayed(InboundExchange exchange) {
    Context c = exchange.context();
    return new InboundRejection(409, BecknError.of(ErrorCode.INVALID_REQUEST, "message_id '" + c.getMessageId()
        + "' was already received from '" + exchange.contextSender() + "' for " + c.getAction(),
        "context.message_id"), Map.of());
  }

  static Instant expiry(InboundExchange exchange) {
    Context c = exchange.context();
    Instant base = exchange.receivedAt();
    Duration ttl = Duration.ofSeconds(30);
    try {
      if (c.getTimestamp() != null) {
        base = c.timestampInstant();
      }
      if (c.getTtl() != null) {
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
