package org.uei.p2p.node.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.store.ReplayGuardEntry;

/**
 * Refuses a {@code message_id} already received from the same sender for the same action while
 * the first one is still within its ttl (or its signature still valid, whichever is later: a
 * replay after both have passed fails the signature check anyway). The check is an insert under
 * the table's primary key, so it holds across concurrent requests and node instances; it runs in
 * the transaction that stores the message (see {@link InboundPipeline}).
 */
@ApplicationScoped
public class ReplayStage implements InboundStage {

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    Context c = exchange.context();
    ReplayGuardEntry.Key key = new ReplayGuardEntry.Key(exchange.contextSender(), c.getMessageId(), c.getAction());
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
    try {
      // Now rather than at commit, so that a concurrent copy is refused before admission runs.
      ReplayGuardEntry.getEntityManager().flush();
    } catch (RuntimeException collision) {
      if (MessageStore.isConstraintViolation(collision)) {
        throw replayed(exchange);
      }
      throw collision;
    }
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
