package org.uei.p2p.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place where registry HTTP failures become clear one-line {@link RegistryException}s:
 * every message names the registry and what was being looked up, and no transport exception escapes
 * to the caller.
 */
public final class RegistryHttp {

  /** Default time a registry gets to answer one request. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final String registryName;
  private final Duration timeout;
  // Built on first use: a new HttpClient sets up TLS (the JDK's trust store and cipher suites),
  // work a node would otherwise do while starting, before its first registry look-up.
  private volatile HttpClient client;

  /**
   * @param registryName how messages name the registry (usually its base URL)
   * @param client the client to send with; {@code null} builds one, on first use, with {@code
   *     timeout} as connect timeout
   * @param timeout how long one request may take before it fails
   */
  public RegistryHttp(String registryName, HttpClient client, Duration timeout) {
    this.registryName = Objects.requireNonNull(registryName, "registryName");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = client;
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = HttpClient.newBuilder().connectTimeout(timeout).build();
          client = c;
        }
      }
    }
    return c;
  }

  /** Joins a base URL and a path without doubling or losing the slash between them. */
  public static URI resolve(String base, String path) {
    String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String p = path.startsWith("/") ? path : "/" + path;
    try {
      return URI.create(b + p);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + b + p + "' is not a valid URL", e);
    }
  }

  /**
   * Sends {@code request} (its timeout is set here) and parses the JSON reply.
   *
   * @param what what is being looked up, for messages (e.g. a {@link LookupQuery#describe()})
   * @return the parsed body, or empty when the registry answered 404 (no such record)
   * @throws RegistryException when the registry is unreachable, too slow, fails, refuses or replies
   *     with non-JSON
   */
  public Optional<JsonNode> send(HttpRequest.Builder request, String what)
      throws RegistryException {
    HttpResponse<byte[]> response;
    try {
      response =
          client().send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw fail("did not answer within " + timeout.toMillis() + " ms", what, e);
    } catch (ConnectException e) {
      throw fail("is unreachable (connection refused)", what, e);
    } catch (IOException e) {
      throw fail("is unreachable (" + oneLine(e) + ")", what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail("lookup was interrupted", what, e);
    }
    int status = response.statusCode();
    if (status == 404) {
      return Optional.empty();
    }
    if (status >= 500) {
      throw fail("failed with HTTP " + status + snippet(response.body()), what, null);
    }
    if (status >= 300) {
      throw fail("refused the request with HTTP " + status + snippet(response.body()), what, null);
    }
    try {
      JsonNode body = SubscriberJson.MAPPER.readTree(response.body());
      if (body == null || body.isMissingNode()) {
        throw fail("sent an empty reply", what, null);
      }
      return Optional.of(body);
    } catch (JsonProcessingException e) {
      throw fail("sent a malformed reply (not JSON: " + e.getOriginalMessage() + ")", what, e);
    } catch (IOException e) {
      throw fail("sent an unreadable reply (" + oneLine(e) + ")", what, e);
    }
  }

  /** An error naming this registry and the lookup, e.g. for a reply whose shape is wrong. */
  public RegistryException fail(String problem, String what, Throwable cause) {
    return new RegistryException(
        "registry " + registryName + " " + problem + " (looking up " + what + ")", cause);
  }

  private static String snippet(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String s =
        new String(body, 0, Math.min(body.length, 160), java.nio.charset.StandardCharsets.UTF_8);
    return ": " + s.replaceAll("\\s+", " ").trim();
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return m.lines().findFirst().orElse(m);
  }
}
