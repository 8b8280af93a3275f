package org.uei.p2p.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A DeDi directory as DEG/IES networks use it: {@code GET
 * {base}/lookup/{subscriber_id}/{registry_name}/{key_id}} answered by {@code {data: {details:
 * {...}, is_revoked, network_memberships}}}.
 *
 * <p>DeDi records carry no Beckn status: a published record that is not revoked counts as
 * SUBSCRIBED. With an allow-list of network memberships, a record that belongs to none of them is
 * returned with status {@value #NOT_A_MEMBER} so that the resolver refuses it with that reason.
 * DeDi answers only key lookups: a query without subscriber id and key id is refused.
 */
public final class DediRegistry implements Registry {

  /** The registry name beckn-onix and the DEG networks look subscribers up in. */
  public static final String DEFAULT_REGISTRY_NAME = "subscribers.beckn.one";

  /** Status given to records outside the allowed network memberships. */
  public static final String NOT_A_MEMBER = "NOT_IN_ALLOWED_NETWORKS";

  private final String baseUrl;
  private final String registryName;
  private final Set<String> allowedNetworks;
  private final RegistryHttp http;

  private DediRegistry(Builder b) {
    this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
    this.registryName = b.registryName;
    this.allowedNetworks = Set.copyOf(b.allowedNetworks);
    this.http = new RegistryHttp(baseUrl, b.client, b.timeout);
  }

  /** A client for the DeDi directory at {@code baseUrl} with default settings. */
  public static DediRegistry of(String baseUrl) {
    return builder(baseUrl).build();
  }

  /** A builder for the DeDi directory at {@code baseUrl} (the part before {@code /lookup}). */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  @Override
  public List<Subscriber> lookup(LookupQuery query) throws RegistryException {
    if (query.subscriberId() == null || query.uniqueKeyId() == null) {
      throw http.fail(
          "is a DeDi directory and can only look up one subscriber_id with one key id",
          query.describe(),
          null);
    }
    URI uri =
        RegistryHttp.resolve(
            baseUrl,
            "/lookup/"
                + segment(query.subscriberId())
                + "/"
                + segment(registryName)
                + "/"
                + segment(query.uniqueKeyId()));
    Optional<JsonNode> reply =
        http.send(
            HttpRequest.newBuilder(uri).header("Accept", "application/json").GET(),
            query.describe());
    if (reply.isEmpty()) {
      return List.of();
    }
    Subscriber s;
    try {
      s = read(reply.get(), query.uniqueKeyId());
    } catch (IllegalArgumentException e) {
      throw http.fail("sent a malformed reply (" + e.getMessage() + ")", query.describe(), e);
    }
    if (!allowedNetworks.isEmpty()
        && s.networkMemberships().stream().noneMatch(allowedNetworks::contains)) {
      s = s.toBuilder().status(NOT_A_MEMBER).build();
    }
    return query.matches(s) ? List.of(s) : List.of();
  }

  @Override
  public String name() {
    return baseUrl;
  }

  /** Maps a DeDi reply onto a record; the key id comes from the URL when the reply omits it. */
  static Subscriber read(JsonNode reply, String requestedKeyId) {
    JsonNode data = reply.path("data");
    JsonNode details = data.path("details");
    if (!details.isObject()) {
      throw new IllegalArgumentException("no data.details object");
    }
    ObjectNode merged = ((ObjectNode) details).deepCopy();
    // Validity and revocation may sit next to details rather than inside; details wins when both
    // exist.
    for (String f :
        List.of("valid_from", "valid_until", "valid_till", "is_revoked", "network_memberships")) {
      if (!merged.has(f) && data.has(f)) {
        merged.set(f, data.get(f));
      }
    }
    if (SubscriberJson.text(merged, "unique_key_id", "key_id", "ukId") == null) {
      String recordId = SubscriberJson.text(data, "record_id", "record_name");
      merged.put("unique_key_id", recordId != null ? recordId : requestedKeyId);
    }
    if (!merged.hasNonNull("status")) {
      merged.put("status", Subscriber.SUBSCRIBED);
    }
    return SubscriberJson.read(merged);
  }

  /**
   * Writes a record the way a DeDi directory answers, e.g. for a local registry serving DeDi
   * clients.
   */
  public static ObjectNode write(Subscriber s, String message) {
    ObjectNode reply = SubscriberJson.MAPPER.createObjectNode();
    reply.put("message", message);
    ObjectNode data = reply.putObject("data");
    data.put("record_id", s.uniqueKeyId());
    ObjectNode details = SubscriberJson.write(s);
    details.remove(
        List.of("is_revoked", "network_memberships", "unique_key_id", "key_id", "subscriber_url"));
    data.set("details", details);
    data.put("is_revoked", s.revoked());
    data.set("network_memberships", SubscriberJson.MAPPER.valueToTree(s.networkMemberships()));
    return reply;
  }

  private static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Configures a {@link DediRegistry}. */
  public static final class Builder {
    private final String baseUrl;
    private String registryName = DEFAULT_REGISTRY_NAME;
    private Set<String> allowedNetworks = Set.of();
    private HttpClient client;
    private Duration timeout = RegistryHttp.DEFAULT_TIMEOUT;

    private Builder(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** The registry segment of the lookup path; default {@value #DEFAULT_REGISTRY_NAME}. */
    public Builder registryName(String name) {
      this.registryName = name;
      return this;
    }

    /** Network memberships to accept; empty (the default) accepts any. */
    public Builder allowedNetworks(Set<String> networks) {
      this.allowedNetworks = networks;
      return this;
    }

    /** How long one lookup may take; default {@link RegistryHttp#DEFAULT_TIMEOUT}. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The HTTP client to share; default a new one. */
    public Builder httpClient(HttpClient client) {
      this.client = client;
      return this;
    }

    public DediRegistry build() {
      return new DediRegistry(this);
    }
  }
}
