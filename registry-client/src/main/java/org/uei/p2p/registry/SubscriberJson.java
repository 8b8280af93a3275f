package org.uei.p2p.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads subscription records in the field-name variants registries use, and writes them in one
 * canonical Beckn 1.x form.
 *
 * <p>Readers accept {@code subscriber_url|url}, {@code unique_key_id|key_id|ukId}, flat or nested
 * ({@code location.city.code}) city and country, and camelCase spellings. Writers emit both common
 * spellings of the url and key id so that clients that know only one of them still understand.
 */
public final class SubscriberJson {

  /** The mapper the registry modules share; thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private SubscriberJson() {}

  /**
   * Reads one record.
   *
   * @throws IllegalArgumentException with a message naming the bad field when the record is
   *     unusable
   */
  public static Subscriber read(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("a subscriber record must be a JSON object");
    }
    String subscriberId = text(n, "subscriber_id", "subscriberId");
    if (subscriberId == null) {
      throw new IllegalArgumentException("a subscriber record has no subscriber_id");
    }
    String keyId = text(n, "unique_key_id", "key_id", "ukId", "uniqueKeyId", "keyId");
    if (keyId == null) {
      throw new IllegalArgumentException(
          "subscriber " + subscriberId + " has a record without unique_key_id/key_id/ukId");
    }
    String type = text(n, "type");
    JsonNode location = n.path("location");
    return Subscriber.builder()
        .subscriberId(subscriberId)
        .uniqueKeyId(keyId)
        .type(type == null ? null : SubscriberType.parse(type))
        .url(text(n, "subscriber_url", "url", "subscriberUrl"))
        .domain(text(n, "domain"))
        .signingPublicKey(text(n, "signing_public_key", "signingPublicKey"))
        .encrPublicKey(text(n, "encr_public_key", "encryption_public_key", "encrPublicKey"))
        .status(text(n, "status"))
        .revoked(n.path("is_revoked").asBoolean(false) || n.path("revoked").asBoolean(false))
        .validFrom(instant(n, subscriberId, "valid_from", "validFrom"))
        .validUntil(instant(n, subscriberId, "valid_until", "valid_till", "validUntil"))
        .city(code(n.has("city") ? n.get("city") : location.path("city")))
        .country(code(n.has("country") ? n.get("country") : location.path("country")))
        .networkMemberships(
            strings(
                n.has("network_memberships")
                    ? n.get("network_memberships")
                    : n.path("networkMemberships")))
        .build();
  }

  /** Reads an array of records, or an object holding one under {@code subscribers}. */
  public static List<Subscriber> readList(JsonNode n) {
    JsonNode array = n != null && n.isObject() && n.has("subscribers") ? n.get("subscribers") : n;
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of subscriber records");
    }
    List<Subscriber> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      try {
        out.add(read(array.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("record [" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Writes one record in the canonical form. */
  public static ObjectNode write(Subscriber s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("subscriber_id", s.subscriberId());
    o.put("unique_key_id", s.uniqueKeyId());
    o.put("key_id", s.uniqueKeyId());
    putIf(o, "type", s.type() == null ? null : s.type().name());
    putIf(o, "subscriber_url", s.url());
    putIf(o, "url", s.url());
    putIf(o, "domain", s.domain());
    putIf(o, "city", s.city());
    putIf(o, "country", s.country());
    putIf(o, "signing_public_key", s.signingPublicKey());
    putIf(o, "encr_public_key", s.encrPublicKey());
    putIf(o, "valid_from", s.validFrom() == null ? null : s.validFrom().toString());
    putIf(o, "valid_until", s.validUntil() == null ? null : s.validUntil().toString());
    putIf(o, "status", s.status());
    if (s.revoked()) {
      o.put("is_revoked", true);
    }
    if (!s.networkMemberships().isEmpty()) {
      ArrayNode a = o.putArray("network_memberships");
      s.networkMemberships().forEach(a::add);
    }
    return o;
  }

  /** Writes records as a JSON array. */
  public static ArrayNode writeList(List<Subscriber> subscribers) {
    ArrayNode a = MAPPER.createArrayNode();
    subscribers.forEach(s -> a.add(write(s)));
    return a;
  }

  /**
   * Parses a registry timestamp: ISO-8601 with offset, or without one (read as UTC).
   *
   * @throws IllegalArgumentException naming the value when it is not a timestamp
   */
  public static Instant parseInstant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 timestamp", e2);
      }
    }
  }

  static String text(JsonNode n, String... names) {
    for (String name : names) {
      JsonNode v = n.get(name);
      if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
        return v.asText().trim();
      }
    }
    return null;
  }

  private static Instant instant(JsonNode n, String subscriberId, String... names) {
    String v = text(n, names);
    if (v == null) {
      return null;
    }
    try {
      return parseInstant(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "subscriber " + subscriberId + ": " + names[0] + " " + e.getMessage(), e);
    }
  }

  /** City and country come as a code string or as {@code {code, name}}. */
  private static String code(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isObject()) {
      String c = text(n, "code", "name");
      return c;
    }
    return n.asText().isBlank() ? null : n.asText().trim();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private static void putIf(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}
