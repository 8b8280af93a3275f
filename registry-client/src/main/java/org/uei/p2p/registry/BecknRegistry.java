package org.uei.p2p.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Beckn 1.x registry: {@code POST {base}/lookup} with the query's fields, answered by an array of
 * subscriptions.
 *
 * <p>Registries that require signed lookups get an {@code Authorization} header from the optional
 * request signer (body bytes in, header value out).
 */
public final class BecknRegistry implements Registry {

  private final String baseUrl;
  private final URI lookupUri;
  private final RegistryHttp http;
  private final Function<byte[], String> requestSigner;

  private BecknRegistry(
      String baseUrl, HttpClient client, Duration timeout, Function<byte[], String> requestSigner) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.lookupUri = RegistryHttp.resolve(baseUrl, "/lookup");
    this.http = new RegistryHttp(baseUrl, client, timeout);
    this.requestSigner = requestSigner;
  }

  /** A client for the registry at {@code baseUrl} with the default timeout. */
  public static BecknRegistry of(String baseUrl) {
    return builder(baseUrl).build();
  }

  /** A builder for the registry at {@code baseUrl}. */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  @Override
  public List<Subscriber> lookup(LookupQuery query) throws RegistryException {
    byte[] body;
    try {
      body = SubscriberJson.MAPPER.writeValueAsBytes(requestBody(query));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a lookup body always serializes", e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(lookupUri)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (requestSigner != null) {
      request.header("Authorization", requestSigner.apply(body));
    }
    Optional<JsonNode> reply = http.send(request, query.describe());
    if (reply.isEmpty()) {
      return List.of();
    }
    JsonNode array = reply.get();
    if (!array.isArray()) {
      throw http.fail(
          "sent a malformed reply (expected a JSON array of subscriptions, got "
              + kind(array)
              + ")",
          query.describe(),
          null);
    }
    List<Subscriber> out = new ArrayList<>();
    try {
      for (Subscriber s : SubscriberJson.readList(array)) {
        // Registries differ in how strictly they filter, so the query is applied again here.
        if (query.matches(s)) {
          out.add(s);
        }
      }
    } catch (IllegalArgumentException e) {
      throw http.fail("sent a malformed reply (" + e.getMessage() + ")", query.describe(), e);
    }
    return out;
  }

  @Override
  public String name() {
    return baseUrl;
  }

  /** The lookup body: the query's set fields under their Beckn 1.x names. */
  static ObjectNode requestBody(LookupQuery q) {
    ObjectNode o = SubscriberJson.MAPPER.createObjectNode();
    if (q.subscriberId() != null) {
      o.put("subscriber_id", q.subscriberId());
    }
    if (q.uniqueKeyId() != null) {
      o.put("unique_key_id", q.uniqueKeyId());
    }
    if (q.type() != null) {
      o.put("type", q.type().name());
    }
    if (q.domain() != null) {
      o.put("domain", q.domain());
    }
    if (q.city() != null) {
      o.put("city", q.city());
    }
    if (q.country() != null) {
      o.put("country", q.country());
    }
    return o;
  }

  private static String kind(JsonNode n) {
    return n.isObject() ? "an object" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Configures a {@link BecknRegistry}. */
  public static final class Builder {
    private final String baseUrl;
    private HttpClient client;
    private Duration timeout = RegistryHttp.DEFAULT_TIMEOUT;
    private Function<byte[], String> requestSigner;

    private Builder(String baseUrl) {
      this.baseUrl = baseUrl;
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

    /**
     * Produces the {@code Authorization} header for a lookup body, for registries that require
     * signed lookups.
     */
    public Builder requestSigner(Function<byte[], String> signer) {
      this.requestSigner = signer;
      return this;
    }

    public BecknRegistry build() {
      return new BecknRegistry(baseUrl, client, timeout, requestSigner);
    }
  }
}
