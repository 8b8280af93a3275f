package org.uei.p2p.registry.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.RegistryHttp;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;

/**
 * Subscribes to a Beckn 1.x registry: {@code POST {registry}/subscribe} with the subscription
 * fields and a fresh nonce, signed with the subscriber's signing key. The registry then challenges
 * the subscriber at {@code {url}/on_subscribe} (see {@link OnSubscribeResponder}) before it lists
 * the subscription as SUBSCRIBED.
 */
public final class SubscribeClient {

  private final String registryUrl;
  private final RegistryHttp http;
  private final Function<byte[], String> authorization;

  /**
   * @param registryUrl the registry's base URL
   * @param authorization gives the {@code Authorization} header for a request body (the signing
   *     module's signer, with the subscriber's key)
   * @param timeout how long the registry may take, challenge round trip included
   */
  public SubscribeClient(
      String registryUrl, Function<byte[], String> authorization, Duration timeout) {
    this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.http =
        new RegistryHttp(
            registryUrl, HttpClient.newBuilder().connectTimeout(timeout).build(), timeout);
  }

  /**
   * Sends the subscription and returns the status the registry reports (e.g. {@code SUBSCRIBED} or
   * {@code UNDER_SUBSCRIPTION}).
   *
   * @throws RegistryException when the registry is unreachable or refuses; the message carries its
   *     reason
   */
  public String subscribe(Subscriber subscription) throws RegistryException {
    byte[] body = requestBody(subscription);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(RegistryHttp.resolve(registryUrl, "/subscribe"))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization.apply(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    String what =
        "subscription of " + subscription.subscriberId() + "|" + subscription.uniqueKeyId();
    Optional<JsonNode> reply = http.send(request, what);
    JsonNode status = reply.map(r -> r.get("status")).orElse(null);
    if (status == null || !status.isTextual()) {
      throw http.fail(
          reply.isEmpty()
              ? "has no /subscribe endpoint (HTTP 404)"
              : "sent a malformed reply (no status)",
          what,
          null);
    }
    return status.asText();
  }

  /**
   * The exact bytes sent: the subscription's fields plus a nonce, without registry-owned status.
   */
  static byte[] requestBody(Subscriber s) {
    ObjectNode o = SubscriberJson.write(s);
    o.remove("status");
    o.remove("is_revoked");
    o.put("nonce", UUID.randomUUID().toString());
    try {
      return SubscriberJson.MAPPER.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("a subscription always serializes", e);
    }
  }
}
