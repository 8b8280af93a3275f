package org.uei.p2p.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Who the kit is on the network: its subscriber id, key id and signing key.
 *
 * @param subscriberId the kit's {@code bap_id} or {@code bpp_id}
 * @param keyId the unique key id registered with the public key
 * @param key the signing key
 */
public record KitIdentity(String subscriberId, String keyId, Ed25519KeyPair key) {

  /** Requires every field. */
  public KitIdentity {
    Objects.requireNonNull(subscriberId, "subscriberId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(key, "key");
  }

  /** A fresh key for {@code subscriberId}, key id {@code k1}. */
  public static KitIdentity fresh(String subscriberId) {
    return new KitIdentity(subscriberId, "k1", Ed25519KeyPair.generate());
  }

  /** A signer for this identity. */
  public BecknSigner signer() {
    return BecknSigner.of(subscriberId, keyId, key);
  }

  /**
   * Registers this identity in a local registry through its loopback admin route ({@code POST
   * /admin/subscribers}); a network registry needs its own subscribe flow instead.
   *
   * @param type {@code BAP} or {@code BPP}
   * @param url the kit's Beckn endpoint
   * @throws IOException when the registry refuses or cannot be reached
   */
  public void registerLocally(String registryUrl, String type, String url, String domain)
      throws IOException, InterruptedException {
    register(registryUrl, subscriberId, keyId, type, url, domain, key.publicKeyBase64());
  }

  /**
   * Registers any subscriber record in a local registry (the kit registers the system under test
   * this way).
   */
  public static void register(
      String registryUrl,
      String subscriberId,
      String keyId,
      String type,
      String url,
      String domain,
      String publicKeyBase64)
      throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    ArrayNode records = json.createArrayNode();
    records
        .addObject()
        .put("subscriber_id", subscriberId)
        .put("unique_key_id", keyId)
        .put("type", type)
        .put("subscriber_url", url)
        .put("domain", domain)
        .put("signing_public_key", publicKeyBase64)
        .put("status", "SUBSCRIBED");
    String endpoint =
        (registryUrl.endsWith("/") ? registryUrl : registryUrl + "/") + "admin/subscribers";
    HttpResponse<String> r;
    try {
      r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(endpoint))
                      .timeout(Duration.ofSeconds(10))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(records)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException(
          "cannot register "
              + subscriberId
              + " at "
              + endpoint
              + ": "
              + (e instanceof java.net.ConnectException
                  ? "connection refused"
                  : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()),
          e);
    }
    if (r.statusCode() == 404 || r.statusCode() == 405) {
      throw new IOException(
          "registry "
              + registryUrl
              + " has no /admin/subscribers"
              + " (HTTP "
              + r.statusCode()
              + "): it is not a local registry, so "
              + subscriberId
              + " must be registered with it through its own process first");
    }
    if (r.statusCode() != 200) {
      throw new IOException(
          "registry "
              + endpoint
              + " refused to register "
              + subscriberId
              + ": HTTP "
              + r.statusCode()
              + " "
              + r.body());
    }
  }
}
