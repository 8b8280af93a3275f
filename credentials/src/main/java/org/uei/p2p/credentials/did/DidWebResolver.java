package org.uei.p2p.credentials.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * did:web (W3C CCG did:web method): fetches {@code https://host[:port]/[path/]did.json} (or {@code
 * /.well-known/did.json}) and picks the verification method. Documents are cached for a TTL so that
 * a verifier does not fetch once per credential. Plain HTTP is used only for loopback hosts and
 * only when allowed, for tests and local networks.
 */
public final class DidWebResolver implements DidResolver {

  /** The method prefix. */
  public static final String PREFIX = "did:web:";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client;
  private final Duration timeout;
  private final Duration ttl;
  private final Clock clock;
  private final boolean httpForLoopback;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(JsonNode document, Instant expires) {}

  private DidWebResolver(Builder b) {
    this.timeout = b.timeout;
    this.client =
        b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(b.timeout).build();
    this.ttl = b.ttl;
    this.clock = b.clock;
    this.httpForLoopback = b.httpForLoopback;
  }

  /** A builder with a 5-minute cache and HTTPS only. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Ed25519PublicKey resolve(String verificationMethod) throws DidResolutionException {
    String did = DidResolver.didOf(verificationMethod);
    if (did == null || !did.startsWith(PREFIX)) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "'" + verificationMethod + "' is not a did:web");
    }
    return DidDocuments.assertionKey(document(did), did, verificationMethod);
  }

  /** The DID document of {@code did}, from the cache while it is fresh. */
  public JsonNode document(String did) throws DidResolutionException {
    Instant now = clock.instant();
    Cached c = cache.get(did);
    if (c != null && now.isBefore(c.expires())) {
      return c.document();
    }
    JsonNode doc = fetch(did);
    cache.put(did, new Cached(doc, now.plus(ttl)));
    return doc;
  }

  /** The URL the document of {@code did} is served at. */
  public URI documentUrl(String did) throws DidResolutionException {
    String[] parts = did.substring(PREFIX.length()).split(":");
    if (parts.length == 0 || parts[0].isBlank()) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "did:web has no host: " + did);
    }
    String host = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    StringBuilder path = new StringBuilder();
    for (int i = 1; i < parts.length; i++) {
      path.append('/').append(URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
    }
    String scheme = httpForLoopback && isLoopback(host) ? "http" : "https";
    String tail = parts.length == 1 ? "/.well-known/did.json" : path + "/did.json";
    try {
      return URI.create(scheme + "://" + host + tail);
    } catch (IllegalArgumentException e) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "did:web is not a valid host/path: " + did);
    }
  }

  private JsonNode fetch(String did) throws DidResolutionException {
    URI url = documentUrl(did);
    HttpResponse<byte[]> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(url)
                  .timeout(timeout)
                  .header("Accept", "application/did+json, application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new DidResolutionException(
          DidResolutionException.Kind.UNAVAILABLE,
          "DID document " + url + " is unreachable: " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DidResolutionException(
          DidResolutionException.Kind.UNAVAILABLE, "fetching " + url + " was interrupted", e);
    }
    if (response.statusCode() == 404 || response.statusCode() == 410) {
      throw new DidResolutionException(
          DidResolutionException.Kind.NOT_FOUND,
          "no DID document at " + url + " (HTTP " + response.statusCode() + ")");
    }
    if (response.statusCode() != 200) {
      throw new DidResolutionException(
          DidResolutionException.Kind.UNAVAILABLE,
          "DID document " + url + " answered HTTP " + response.statusCode());
    }
    try {
      JsonNode doc = MAPPER.readTree(response.body());
      if (doc == null || !doc.isObject() || !did.equals(doc.path("id").asText())) {
        throw new DidResolutionException(
            DidResolutionException.Kind.NOT_FOUND,
            "document at " + url + " is not the DID document of " + did);
      }
      return doc;
    } catch (IOException e) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "document at " + url + " is not JSON", e);
    }
  }

  private static boolean isLoopback(String hostAndPort) {
    String host = hostAndPort.replaceFirst(":\\d+$", "");
    if (host.equals("localhost")) {
      return true;
    }
    try {
      return (host.matches("[0-9.]+") || host.startsWith("["))
          && InetAddress.getByName(host.replaceAll("[\\[\\]]", "")).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** Configures a {@link DidWebResolver}. */
  public static final class Builder {
    private HttpClient client;
    private Duration timeout = Duration.ofSeconds(5);
    private Duration ttl = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private boolean httpForLoopback;

    private Builder() {}

    /** The HTTP client to share; default a new one. */
    public Builder httpClient(HttpClient client) {
      this.client = client;
      return this;
    }

    /** How long one fetch may take; default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** How long a fetched document is reused; default 5 min. */
    public Builder cacheTtl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /** The clock the cache expires by. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Fetch over plain HTTP when the host is localhost or a loopback address (tests, local
     * networks).
     */
    public Builder allowHttpForLoopback(boolean allow) {
      this.httpForLoopback = allow;
      return this;
    }

    /** The resolver. */
    public DidWebResolver build() {
      return new DidWebResolver(this);
    }
  }
}
