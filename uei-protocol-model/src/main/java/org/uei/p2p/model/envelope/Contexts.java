package org.uei.p2p.model.envelope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds contexts by the wave-1 rules.
 *
 * <ul>
 *   <li>A request gets a fresh UUID {@code message_id} and {@code timestamp} = now in UTC.
 *   <li>A callback echoes {@code domain, location, version, bap_id, bap_uri, bpp_id, bpp_uri,
 *       transaction_id, message_id} of its request; {@code action} becomes {@code on_<action>};
 *       {@code timestamp} is new.
 *   <li>An unsolicited {@code on_status}/{@code on_update} (sent without a request, e.g. when
 *       delivery data arrives) carries a new {@code message_id}.
 * </ul>
 *
 * The clock is a parameter so that nodes and tests control "now".
 */
public final class Contexts {

  /** Protocol version that wave-1 contexts carry. */
  public static final String VERSION = "2.0.0";

  /** TTL used when none is given: callbacks are expected within 30 seconds. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  private Contexts() {}

  /** The two parties and the network of a transaction, as they appear in every context. */
  public record Parties(String domain, String bapId, String bapUri, String bppId, String bppUri) {
    /** Requires domain, bap id and bap uri; the BPP may be unknown (a discover via a gateway). */
    public Parties {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(bapId, "bapId");
      Objects.requireNonNull(bapUri, "bapUri");
    }
  }

  /**
   * A new request context: fresh UUID {@code message_id}, {@code timestamp} now (UTC, millisecond
   * precision), {@code ttl} as ISO-8601.
   *
   * @param transactionId the transaction this request belongs to ({@code null}: a new UUID)
   * @throws IllegalArgumentException if {@code action} is a callback
   */
  public static Context newRequest(
      Action action, Parties parties, String transactionId, Duration ttl, Clock clock) {
    if (action.isCallback()) {
      throw new IllegalArgumentException(action + " is a callback; use callbackFor or unsolicited");
    }
    Context c = new Context();
    c.setDomain(parties.domain());
    c.setVersion(VERSION);
    c.setAction(action.wireName());
    c.setBapId(parties.bapId());
    c.setBapUri(parties.bapUri());
    c.setBppId(parties.bppId());
    c.setBppUri(parties.bppUri());
    c.setTransactionId(transactionId != null ? transactionId : UUID.randomUUID().toString());
    c.setMessageId(UUID.randomUUID().toString());
    c.setTimestamp(now(clock));
    c.setTtl((ttl != null ? ttl : DEFAULT_TTL).toString());
    return c;
  }

  /**
   * The context of the callback to {@code request}: the echoed fields, {@code on_<action>} and a
   * new timestamp. {@code ttl}, {@code network_id} and unknown members are echoed as well.
   *
   * @throws IllegalArgumentException if the request's action is missing, unknown or a callback
   */
  public static Context callbackFor(Context request, Clock clock) {
    Action requestAction =
        Action.fromWireName(request.getAction())
            .orElseThrow(
                () -> new IllegalArgumentException("unknown action '" + request.getAction() + "'"));
    Action callback =
        requestAction
            .callback()
            .orElseThrow(
                () -> new IllegalArgumentException(requestAction + " is already a callback"));
    Context c = request.copy();
    c.setAction(callback.wireName());
    c.setTimestamp(now(clock));
    return c;
  }

  /**
   * The context of an unsolicited {@code on_status} or {@code on_update} in the transaction of
   * {@code base} (any earlier context of it): echoed parties, a new {@code message_id}, a new
   * timestamp.
   *
   * @throws IllegalArgumentException if {@code action} is not ON_STATUS or ON_UPDATE
   */
  public static Context unsolicited(Action action, Context base, Clock clock) {
    if (action != Action.ON_STATUS && action != Action.ON_UPDATE) {
      throw new IllegalArgumentException(
          "only on_status and on_update may be sent unsolicited, not " + action);
    }
    Context c = base.copy();
    c.setAction(action.wireName());
    c.setMessageId(UUID.randomUUID().toString());
    c.setTimestamp(now(clock));
    if (c.getTtl() == null) {
      c.setTtl(DEFAULT_TTL.toString());
    }
    return c;
  }

  /**
   * True when a callback timestamped {@code callbackTime} arrives after the request's {@code
   * timestamp + ttl}. A request without a readable timestamp or ttl never expires.
   */
  public static boolean isExpired(Context request, Instant callbackTime) {
    try {
      return callbackTime.isAfter(request.timestampInstant().plus(request.ttlDuration()));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String now(Clock clock) {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
