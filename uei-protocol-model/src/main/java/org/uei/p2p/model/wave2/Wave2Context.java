package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The camelCase {@code context} of a wave-2 (Beckn 2.0 LTS) message. Unlike wave 1 it has no {@code
 * domain} and no {@code location}; {@code networkId} names the network instead.
 */
public final class Wave2Context extends Wave2Object {

  /** The only {@code version} of the LTS core. */
  public static final String VERSION = "2.0.0";

  Wave2Context(ObjectNode json, String path) {
    super(json, path);
  }

  public String networkId() {
    return text("networkId");
  }

  public String version() {
    return text("version");
  }

  public String action() {
    return text("action");
  }

  public String bapId() {
    return text("bapId");
  }

  public String bapUri() {
    return text("bapUri");
  }

  public String bppId() {
    return text("bppId");
  }

  public String bppUri() {
    return text("bppUri");
  }

  public String transactionId() {
    return text("transactionId");
  }

  public String messageId() {
    return text("messageId");
  }

  /** The RFC 3339 timestamp as written. */
  public String timestamp() {
    return text("timestamp");
  }

  /** The ISO-8601 duration as written, or {@code null}. */
  public String ttl() {
    return text("ttl");
  }

  /** The JSON-LD contexts of the packs the message uses. */
  public List<String> schemaContext() {
    return texts("schemaContext");
  }

  /**
   * {@code timestamp} as an instant; throws {@link java.time.format.DateTimeParseException} if
   * malformed. RFC 3339 allows a lower-case {@code t} and {@code z}, which java.time does not.
   */
  public Instant timestampInstant() {
    return OffsetDateTime.parse(timestamp().toUpperCase(Locale.ROOT)).toInstant();
  }
}
