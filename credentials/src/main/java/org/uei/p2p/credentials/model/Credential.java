package org.uei.p2p.credentials.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A verifiable credential as JSON (VC Data Model 2.0, or 1.1 for older DEG credentials), with
 * accessors for the members verification needs. Every member, known or not, is kept as issued: the
 * proof covers all of them. Immutable: the JSON is copied in and out.
 */
public final class Credential {

  /** The JSON mapper of the library: numbers as decimals, so that values survive a round trip. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ObjectNode json;

  private Credential(ObjectNode json) {
    this.json = json;
  }

  /**
   * Parses credential JSON.
   *
   * @throws CredentialFormatException when the text is not a JSON object
   */
  public static Credential parse(String text) {
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n == null || !n.isObject()) {
        throw new CredentialFormatException("a credential is a JSON object");
      }
      return new Credential((ObjectNode) n);
    } catch (JsonProcessingException e) {
      throw new CredentialFormatException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Wraps a copy of {@code json}. */
  public static Credential of(ObjectNode json) {
    return new Credential(json.deepCopy());
  }

  /** A copy of the whole JSON. */
  public ObjectNode json() {
    return json.deepCopy();
  }

  /** The credential without its {@code proof}: what the issuer signed. */
  public ObjectNode withoutProof() {
    ObjectNode copy = json.deepCopy();
    copy.remove("proof");
    return copy;
  }

  /** The {@code id}, or null. */
  public String id() {
    return text(json.get("id"));
  }

  /** The {@code type} values. */
  public List<String> types() {
    List<String> out = new ArrayList<>();
    JsonNode t = json.get("type");
    if (t != null && t.isArray()) {
      t.forEach(v -> out.add(v.asText()));
    } else if (t != null && t.isTextual()) {
      out.add(t.asText());
    }
    return List.copyOf(out);
  }

  /** True when {@code type} contains {@code type}. */
  public boolean hasType(String type) {
    return types().contains(type);
  }

  /** The issuer's identifier ({@code issuer} or {@code issuer.id}), or null. */
  public String issuerId() {
    JsonNode i = json.get("issuer");
    return i == null ? null : i.isObject() ? text(i.get("id")) : text(i);
  }

  /** {@code validFrom} (or VC 1.1 {@code issuanceDate}); empty when absent or unparsable. */
  public Optional<Instant> validFrom() {
    return instant(json.has("validFrom") ? json.get("validFrom") : json.get("issuanceDate"));
  }

  /** {@code validUntil} (or VC 1.1 {@code expirationDate}); empty when absent or unparsable. */
  public Optional<Instant> validUntil() {
    return instant(json.has("validUntil") ? json.get("validUntil") : json.get("expirationDate"));
  }

  /** The {@code credentialStatus} entries (zero, one or several). */
  public List<JsonNode> statusEntries() {
    JsonNode s = json.get("credentialStatus");
    List<JsonNode> out = new ArrayList<>();
    if (s != null && s.isArray()) {
      s.forEach(e -> out.add(e.deepCopy()));
    } else if (s != null && s.isObject()) {
      out.add(s.deepCopy());
    }
    return List.copyOf(out);
  }

  /** A copy of {@code credentialSubject}, or a missing node. */
  public JsonNode subject() {
    return json.path("credentialSubject").deepCopy();
  }

  /** A copy of {@code proof}, when there is one. */
  public Optional<JsonNode> proof() {
    JsonNode p = json.get("proof");
    return p == null || p.isNull() ? Optional.empty() : Optional.of(p.deepCopy());
  }

  /** Compact JSON text. */
  public String toJson() {
    return json.toString();
  }

  /** Indented JSON text. */
  public String toPrettyJson() {
    return json.toPrettyString();
  }

  /** Parses an RFC 3339 date-time with offset; empty when it is not one. */
  public static Optional<Instant> instant(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(n.asText()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential c && c.json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "Credential[" + id() + ", " + types() + ", issuer " + issuerId() + "]";
  }
}
