package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The snake_case {@code context} of a Beckn 1.1.0 message: {@code domain}, {@code location} ({@code
 * country}, {@code city}), {@code action}, {@code version}, both parties' ids and URIs, {@code
 * transaction_id}, {@code message_id}, {@code timestamp}, {@code key} and {@code ttl}.
 */
public final class UeiV1Context extends UeiV1Object {

  /** The {@code version} of Beckn 1.1.0. */
  public static final String VERSION = "1.1.0";

  /** The {@code domain} of UEI P2P trading. */
  public static final String DOMAIN = "uei:p2p-trading";

  UeiV1Context(ObjectNode json, String path) {
    super(json, path);
  }

  public String domain() {
    return text("domain");
  }

  public String action() {
    return text("action");
  }

  public String version() {
    return text("version");
  }

  /** {@code location.country.code}, or {@code null}. */
  public String countryCode() {
    return textAtPointer("/location/country/code");
  }

  /** {@code location.city.code}, or {@code null}. */
  public String cityCode() {
    return textAtPointer("/location/city/code");
  }

  public String bapId() {
    return text("bap_id");
  }

  public String bapUri() {
    return text("bap_uri");
  }

  public String bppId() {
    return text("bpp_id");
  }

  public String bppUri() {
    return text("bpp_uri");
  }

  public String transactionId() {
    return text("transaction_id");
  }

  public String messageId() {
    return text("message_id");
  }

  /** The RFC 3339 timestamp as written. */
  public String timestamp() {
    return text("timestamp");
  }

  /** The sender's encryption public key, or {@code null}. */
  public String key() {
    return text("key");
  }

  /** The ISO-8601 duration as written, or {@code null}. */
  public String ttl() {
    return text("ttl");
  }
}
