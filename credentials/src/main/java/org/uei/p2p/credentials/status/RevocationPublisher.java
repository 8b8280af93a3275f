package org.uei.p2p.credentials.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.registry.RegistryHttp;

/**
 * Publishes a revocation record in a development registry's DeDi revocation registry ({@code POST
 * /admin/credential-revocations} of the project's local registry), so that verifiers checking a
 * {@code dediregistry} status find the record and refuse the credential as revoked. A production
 * DeDi registry has its own, authenticated publishing API. Thread-safe.
 */
public final class RevocationPublisher {

  /** The registry refused or could not be reached; the message says which, for an operator. */
  public static final class PublishException extends Exception {
    private static final long serialVersionUID = 1L;

    PublishException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The DeDi registry name revocations are published in when none is given. */
  public static final String REVOCATION_REGISTRY = "vc-revocation-registry";

  private final String registry;
  private final HttpClient client;
  private final Duration timeout;

  private RevocationPublisher(String registry, HttpClient client, Duration timeout) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.client = client;
    this.timeout = timeout;
  }

  /** A publisher to the registry at {@code baseUrl}, with 5 s to connect and 10 s to answer. */
  public static RevocationPublisher to(String baseUrl) {
    return new RevocationPublisher(
        baseUrl,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        Duration.ofSeconds(10));
  }

  /**
   * Records that {@code recordId} of {@code namespace}'s {@code registryName} is revoked; {@code
   * reason} may be null. Revoking twice is not an error (the registry keeps the first record).
   */
  public void revoke(String namespace, String registryName, String recordId, String reason)
      throws PublishException {
    ObjectNode body =
        Credential.MAPPER
            .createObjectNode()
            .put("namespace", namespace)
            .put("registry_name", registryName == null ? REVOCATION_REGISTRY : registryName)
            .put("record_id", recordId);
    if (reason != null) {
      body.put("reason", reason);
    }
    URI uri = RegistryHttp.resolve(registry, "/admin/credential-revocations");
    HttpResponse<String> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(uri)
                  .timeout(timeout)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new PublishException(
          "registry " + registry + " is unreachable (connection refused)", e);
    } catch (IOException e) {
      throw new PublishException("registry " + registry + " is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while publishing to " + registry, e);
    }
    if (response.statusCode() != 200) {
      throw new PublishException(
          "registry "
              + registry
              + " refused the revocation with HTTP "
              + response.statusCode()
              + ": "
              + response.body().replaceAll("\\s+", " "),
          null);
    }
  }
}
