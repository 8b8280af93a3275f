package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds Beckn 1.1.0 contexts for messages a participant sends: new requests, the callback of a
 * request, and unsolicited callbacks. The UEI v1 counterpart of the wave-1 {@link
 * org.uei.p2p.model.envelope.Contexts}; every context it builds passes {@code UeiV1Validator}'s
 * strict context rules.
 */
public final class UeiV1Contexts {

  /** The ttl of a new request when none is given, as on the other wires. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  private UeiV1Contexts() {}

  /**
   * Who talks to whom, and where the transaction is to be fulfilled.
   *
   * @param bapId the buyer platform's subscriber id
   * @param bapUri the buyer platform's callback URI
   * @param bppId the seller platform's id ({@code null} for a search through a gateway)
   * @param bppUri the seller platform's URI ({@code null} with {@code bppId})
   * @param countryCode ISO 3166 country code, e.g. {@code IND}
   * @param cityCode city code, e.g. {@code std:0522} (Lucknow)
   */
  public record Parties(
      String bapId,
      String bapUri,
      String bppId,
      String bppUri,
      String countryCode,
      String cityCode) {
    /** Requires the buyer platform and the location. */
    public Parties {
      Objects.requireNonNull(bapId, "bapId");
      Objects.requireNonNull(bapUri, "bapUri");
      Objects.requireNonNull(countryCode, "countryCode");
      Objects.requireNonNull(cityCode, "cityCode");
    }
  }

  /**
   * A new request context: domain {@code uei:p2p-trading}, version 1.1.0, a fresh UUID {@code
   * message_id}, {@code timestamp} now (UTC, millisecond precision) and {@code ttl} as ISO-8601.
   *
   * @param transactionId the transaction ({@code null}: a new UUID)
   * @throws IllegalArgumentException if {@code action} is a callback
   */
  public static ObjectNode newRequest(
      UeiV1Action action, Parties parties, String transactionId, Duration ttl, Clock clock) {
    if (action.isCallback()) {
      throw new IllegalArgumentException(action + " is a callback; use callbackFor or unsolicited");
    }
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("domain", UeiV1Context.DOMAIN);
    ObjectNode location = c.putObject("location");
    location.putObject("country").put("code", parties.countryCode());
    location.putObject("city").put("code", parties.cityCode());
    c.put("action", action.wireName());
    c.put("version", UeiV1Context.VERSION);
    c.put("bap_id", parties.bapId());
    c.put("bap_uri", parties.bapUri());
    if (parties.bppId() != null) {
      c.put("bpp_id", parties.bppId());
      c.put("bpp_uri", parties.bppUri());
    }
    c.put("transaction_id", transactionId != null ? transactionId : UUID.randomUUID().toString());
    c.put("message_id", UUID.randomUUID().toString());
    c.put("timestamp", now(clock));
    c.put("ttl", (ttl != null ? ttl : DEFAULT_TTL).toString());
    return c;
  }

  /**
   * The context of the callback to {@code request}, sent by the seller platform {@code bppId} at
   * {@code bppUri}: every member echoed (domain, location, version, both parties, transaction and
   * message ids, ttl, members this library does not model), {@code action} {@code on_<action>}, a
   * new timestamp, and the seller platform named where the request (a search) did not name it.
   *
   * @throws IllegalArgumentException if the request's action is missing, unknown or a callback, or
   *     the request was addressed to another seller platform
   */
  public static ObjectNode callbackFor(
      UeiV1Context request, String bppId, String bppUri, Clock clock) {
    UeiV1Action callback =
        UeiV1Action.fromWireName(request.action())
            .flatMap(UeiV1Action::callback)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'" + request.action() + "' is no UEI v1 request with a callback"));
    if (request.bppId() != null && !request.bppId().equals(bppId)) {
      throw new IllegalArgumentException(
          "the request was addressed to " + request.bppId() + ", not " + bppId);
    }
    ObjectNode c = request.toJson();
    c.put("action", callback.wireName());
    c.put("bpp_id", bppId);
    c.put("bpp_uri", bppUri);
    c.put("timestamp", now(clock));
    return c;
  }

  /**
   * The context of an unsolicited callback (an {@code on_status} after delivery, say) in the
   * transaction of {@code base}: echoed parties, a new {@code message_id} and timestamp.
   *
   * @throws IllegalArgumentException if {@code action} is not a callback
   */
  public static ObjectNode unsolicited(UeiV1Action action, UeiV1Context base, Clock clock) {
    if (!action.isCallback()) {
      throw new IllegalArgumentException(action + " is not a callback");
    }
    ObjectNode c = base.toJson();
    c.put("action", action.wireName());
    c.put("message_id", UUID.randomUUID().toString());
    c.put("timestamp", now(clock));
    if (!c.has("ttl")) {
      c.put("ttl", DEFAULT_TTL.toString());
    }
    return c;
  }

  private static String now(Clock clock) {
    return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
