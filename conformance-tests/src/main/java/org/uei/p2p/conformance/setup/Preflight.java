package org.uei.p2p.conformance.setup;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.signing.KeyResolutionException;

/**
 * The checks a run makes before its first case. A target that cannot be reached would otherwise
 * fail every case for one reason nobody reads past; a key missing from the registry would fail the
 * signature cases for a reason that is not the target's.
 */
public final class Preflight {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  /**
   * The registry answers HTTP at {@code registryUrl} (any status: only reachability is checked
   * here).
   */
  public SetupCheck registry(String registryUrl) {
    String problem = unreachable(registryUrl + (registryUrl.endsWith("/") ? "" : "/") + "lookup");
    return problem == null
        ? SetupCheck.passed("registry", registryUrl + " answers")
        : SetupCheck.failed(
            "registry",
            registryUrl + " cannot be reached (" + problem + ")",
            "start it (a local one: uei registry serve --port "
                + port(registryUrl)
                + ") or pass its URL with --registry");
  }

  /** The system under test answers HTTP at {@code targetUrl}. */
  public SetupCheck target(String targetUrl, String role) {
    String problem = unreachable(targetUrl);
    return problem == null
        ? SetupCheck.passed("target", targetUrl + " answers")
        : SetupCheck.failed(
            "target",
            targetUrl + " cannot be reached (" + problem + ")",
            "start your "
                + role.toUpperCase()
                + " there, or pass the URL it listens on with --target");
  }

  /**
   * The registry publishes {@code subscriberId}'s key {@code keyId}, and it is {@code publicKey}
   * when that is given.
   *
   * @param fix what to do when it does not
   */
  public SetupCheck key(
      String name,
      String registryUrl,
      String subscriberId,
      String keyId,
      String publicKey,
      String fix) {
    Subscriber s;
    try {
      s =
          RegistryKeyResolver.of(BecknRegistry.builder(registryUrl).timeout(TIMEOUT).build())
              .resolveSubscriber(subscriberId, keyId);
    } catch (KeyResolutionException | RuntimeException e) {
      return SetupCheck.failed(
          name,
          "the registry has no usable key "
              + keyId
              + " for "
              + subscriberId
              + " ("
              + e.getMessage()
              + ")",
          fix);
    }
    if (publicKey != null && !publicKey.equals(s.signingPublicKey())) {
      return SetupCheck.failed(
          name,
          "the registry publishes another key "
              + keyId
              + " for "
              + subscriberId
              + " than the one given",
          fix);
    }
    return SetupCheck.passed(name, subscriberId + " key " + keyId + " is in the registry");
  }

  /** Null when {@code url} answers HTTP at all, else why not, in a few words. */
  private String unreachable(String url) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
    } catch (IllegalArgumentException e) {
      return "not a URL: " + e.getMessage();
    }
    try {
      http.send(request, HttpResponse.BodyHandlers.discarding());
      return null;
    } catch (HttpTimeoutException e) {
      return "no answer within " + TIMEOUT.toSeconds() + " s";
    } catch (ConnectException e) {
      return "connection refused";
    } catch (IOException e) {
      return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String port(String url) {
    try {
      int p = URI.create(url).getPort();
      return p > 0 ? String.valueOf(p) : "PORT";
    } catch (IllegalArgumentException e) {
      return "PORT";
    }
  }
}
