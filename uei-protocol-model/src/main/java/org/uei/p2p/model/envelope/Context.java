package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.uei.p2p.model.wave1.WireObject;

/**
 * The snake_case {@code context} of a wave-1 (Beckn 2.0-rc) message: who talks to whom, about which
 * transaction, and when.
 *
 * <p>{@code timestamp} and {@code ttl} are kept as wire text so that a malformed value reaches
 * validation (and a precise error) instead of failing the parse; {@link #timestampInstant()} and
 * {@link #ttlDuration()} give the parsed values. Build new contexts with {@link Contexts}.
 */
public final class Context extends WireObject {

  @JsonProperty("domain")
  private String domain;

  @JsonProperty("location")
  private Location location;

  @JsonProperty("version")
  private String version;

  @JsonProperty("action")
  private String action;

  @JsonProperty("timestamp")
  private String timestamp;

  @JsonProperty("message_id")
  private String messageId;

  @JsonProperty("transaction_id")
  private String transactionId;

  @JsonProperty("bap_id")
  private String bapId;

  @JsonProperty("bap_uri")
  private String bapUri;

  @JsonProperty("bpp_id")
  private String bppId;

  @JsonProperty("bpp_uri")
  private String bppUri;

  @JsonProperty("ttl")
  private String ttl;

  @JsonProperty("network_id")
  private String networkId;

  @JsonProperty("schema_context")
  private List<String> schemaContext;

  /**
   * A field-by-field copy; {@code location}, {@code schema_context} and unknown members are shared.
   */
  public Context copy() {
    Context c = new Context();
    c.domain = domain;
    c.location = location;
    c.version = version;
    c.action = action;
    c.timestamp = timestamp;
    c.messageId = messageId;
    c.transactionId = transactionId;
    c.bapId = bapId;
    c.bapUri = bapUri;
    c.bppId = bppId;
    c.bppUri = bppUri;
    c.ttl = ttl;
    c.networkId = networkId;
    c.schemaContext = schemaContext;
    getExtra().forEach(c::putExtra);
    return c;
  }

  /**
   * {@code timestamp} as an instant; throws {@link java.time.format.DateTimeParseException} if
   * malformed. RFC 3339 allows a lower-case {@code t} and {@code z}, which java.time does not.
   */
  public Instant timestampInstant() {
    return OffsetDateTime.parse(timestamp.toUpperCase(java.util.Locale.ROOT)).toInstant();
  }

  /**
   * {@code ttl} as a duration; throws {@link java.time.format.DateTimeParseException} if malformed.
   */
  public Duration ttlDuration() {
    return Duration.parse(ttl);
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public Location getLocation() {
    return location;
  }

  public void setLocation(Location location) {
    this.location = location;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(String timestamp) {
    this.timestamp = timestamp;
  }

  public String getMessageId() {
    return messageId;
  }

  public void setMessageId(String messageId) {
    this.messageId = messageId;
  }

  public String getTransactionId() {
    return transactionId;
  }

  public void setTransactionId(String transactionId) {
    this.transactionId = transactionId;
  }

  public String getBapId() {
    return bapId;
  }

  public void setBapId(String bapId) {
    this.bapId = bapId;
  }

  public String getBapUri() {
    return bapUri;
  }

  public void setBapUri(String bapUri) {
    this.bapUri = bapUri;
  }

  public String getBppId() {
    return bppId;
  }

  public void setBppId(String bppId) {
    this.bppId = bppId;
  }

  public String getBppUri() {
    return bppUri;
  }

  public void setBppUri(String bppUri) {
    this.bppUri = bppUri;
  }

  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  public String getNetworkId() {
    return networkId;
  }

  public void setNetworkId(String networkId) {
    this.networkId = networkId;
  }

  public List<String> getSchemaContext() {
    return schemaContext;
  }

  public void setSchemaContext(List<String> schemaContext) {
    this.schemaContext = schemaContext;
  }
}
