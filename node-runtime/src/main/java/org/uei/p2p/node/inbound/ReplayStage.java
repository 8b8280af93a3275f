package org.uei.p2p.node.inbound;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * the table's primary key, so it holds across concurrent requests and node instances.
 */
@ApplicationScoped
public class ReplayStage implements InboundStage {

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    Context c = exchange.context();
    ReplayGuardEntry.Key key = new ReplayGuardEntry.Key(exchange.contextSender(), c.getMessageId(), c.getAction());
    Instant expires = expiry(exchange);
    Instant now = exchange.receivedAt();
    boolean fresh;
    try {
      fresh = QuarkusTransaction.requiringNew().call(() -> {
        ReplayGuardEntry existing = ReplayGuardEntry.findById(key);
        if (existing != null) {
          if (existing.expiresAt.isAfter(now)) {
            return false;
          }
          existing.delete();
          ReplayGuardEntry.getEntityManager().flush();
        }
        ReplayGuardEntry e = new ReplayGuardEntry();
        e.key = key;
        e.expiresAt = expires;
        e.persist();
        return true;
      });
    } catch (RuntimeException e) {
      if (!MessageStore.isConstraintViolation(e)) {
        throw e;
      }
      // Lost the race on the primary key against a concurrent copy of the same message.
      fresh = false;
    }
    if (!fresh) {
      throw new InboundRejection(409, BecknError.of(ErrorCode.INVALID_REQUEST, "message_id '" + c.getMessageId()
          + "' was already received from '" + key.senderId + "' for " + c.getAction(), "context.message_id"), Map.of());
    }
  }

  @Override
  public void undo(InboundExchange exchange) {
    Context c = exchange.context();
    ReplayGuardEntry.Key key = new ReplayGuardEntry.Key(exchange.contextSender(), c.getMessageId(), c.getAction());
    QuarkusTransaction.requiringNew().run(() -> ReplayGuardEntry.deleteById(key));
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
