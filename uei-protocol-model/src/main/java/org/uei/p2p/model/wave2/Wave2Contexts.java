package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds wave-2 (camelCase) contexts for messages a participant sends: new requests, the callback
 * of a request, and unsolicited callbacks. The wave-2 counterpart of the wave-1 {@link
 * org.uei.p2p.model.envelope.Contexts}.
 */
public final class Wave2Contexts {

  /** The ttl of a new request when none is given, as on wave 1. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  private Wave2Contexts() {}

  /**
   * Who talks to whom in a network.
   *
   * @param networkId {@code networkId}, e.g. {@code indiaenergystack.in/ies-p2p-trading-network}
   * @param bapId the caller's id ({@code null} for catalog/publish)
   * @param bppId the receiver's id ({@code null} for a discover through the discovery service)
   */
  public record Parties(
      String networkId, String bapId, String bapUri, String bppId, String bppUri) {
    public Parties {
      Objects.requireNonNull(networkId, "networkId");
    }
  }

  /**
   * The callback of a request action: {@code on_<action>}, and {@code catalog/on_publish} for
   * publish.
   */
  public static Optional<Wave2Action> callbackOf(Wave2Action request) {
    if (request.isCallback()) {
      return Optional.empty();
    }
    String name = request.wireName();
    int slash = name.lastIndexOf('/');
    return Wave2Action.fromWireName(
        name.substring(0, slash + 1) + "on_" + name.substring(slash + 1));
  }

  /**
   * A new request context: fresh UUID {@code messageId}, {@code timestamp} now (UTC, millisecond
   * precision), {@code ttl} as ISO-8601 and the pack contexts in {@code schemaContext}.
   *
   * @param transactionId the transaction ({@code null}: a new UUID)
   * @throws IllegalArgumentException if {@code action} is a callback
   */
  public static ObjectNode newRequest(
      Wave2Action action,
      Parties parties,
      String transactionId,
      Duration ttl,
      List<String> schemaContext,
      Clock clock) {
    if (action.isCallback()) {
      throw new IllegalArgumentException(action + " is a callback; use callbackFor or unsolicited");
    }
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("networkId", parties.networkId());
    c.put("version", Wave2Context.VERSION);
    c.put("action", action.wireName());
    putIfSet(c, "bapId", parties.bapId());
    putIfSet(c, "bapUri", parties.bapUri());
    putIfSet(c, "bppId", parties.bppId());
    putIfSet(c, "bppUri", parties.bppUri());
    c.put("transactionId", transactionId != null ? transactionId : UUID.randomUUID().toString());
    c.put("messageId", UUID.randomUUID().toString());
    c.put("timestamp", now(clock));
    c.put("ttl", (ttl != null ? ttl : DEFAULT_TTL).toString());
    if (schemaContext != null && !schemaContext.isEmpty()) {
      schemaContext.forEach(c.putArray("schemaContext")::add);
    }
    return c;
  }

  /**
   * The context of the callback to {@code request}: every member echoed (network, version, both
   * parties, transaction and message ids, ttl, schemaContext, unknown members), {@code action}
   * {@code on_<action>} and a new timestamp.
   *
   * @throws IllegalArgumentException if the request's action is missing, unknown or a callback
   */
  public static ObjectNode callbackFor(Wave2Context request, Clock clock) {
    Wave2Action action =
        Wave2Action.fromWireName(request.action())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown wave-2 action '" + request.action() + "'"));
    Wave2Action callback =
        callbackOf(action)
            .orElseThrow(() -> new IllegalArgumentException(action + " is already a callback"));
    ObjectNode c = request.toJson();
    c.put("action", callback.wireName());
    c.put("timestamp", now(clock));
    return c;
  }

  /**
   * The context of an unsolicited callback (an {@code on_status} after delivery, say) in the
   * transaction of {@code base}: echoed parties, a new {@code messageId} and timestamp.
   *
   * @throws IllegalArgumentException if {@code action} is not a callback
   */
  public static ObjectNode unsolicited(Wave2Action action, Wave2Context base, Clock clock) {
    if (!action.isCallback()) {
      throw new IllegalArgumentException(action + " is not a callback");
    }
    ObjectNode c = base.toJson();
    c.put("action", action.wireName());
    c.put("messageId", UUID.randomUUID().toString());
    c.put("timestamp", now(clock));
    if (!c.has("ttl")) {
      c.put("ttl", DEFAULT_TTL.toString());
    }
    return c;
  }

  /** A copy of {@code context} with another {@code messageId}. */
  public static ObjectNode withMessageId(Wave2Context context, String messageId) {
    ObjectNode c = context.toJson();
    c.put("messageId", messageId);
    return c;
  }

  private static void putIfSet(ObjectNode c, String name, String value) {
    if (value != null) {
      c.put(name, value);
    }
  }

  private static String now(Clock clock) {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
