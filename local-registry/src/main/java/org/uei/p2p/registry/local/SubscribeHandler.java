package org.uei.p2p.registry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.RegistryHttp;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.subscribe.ChallengeCipher;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.ResolvedKey;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.VerificationResult;
import org.uei.p2p.signing.keys.X25519KeyPair;

/**
 * {@code POST /subscribe}: checks that the request is signed with the signing key it registers,
 * challenges the subscriber at {@code {url}/on_subscribe} with a random string encrypted for its
 * encryption key, and records the subscription as SUBSCRIBED only when the answer matches.
 *
 * <p>The on_subscribe request is signed with the registry's own key. The challenge runs before the
 * reply, so the caller learns the outcome from the reply itself. A key id already registered with a
 * different signing key, or revoked, is refused: rotation uses a new key id.
 */
final class SubscribeHandler {

  private final SubscriberStore store;
  private final X25519KeyPair registryKey;
  private final BecknSigner signer;
  private final HttpClient http;
  private final Duration challengeTimeout;
  private final Clock clock;

  SubscribeHandler(
      SubscriberStore store,
      X25519KeyPair registryKey,
      BecknSigner signer,
      Duration challengeTimeout,
      Clock clock) {
    this.store = store;
    this.registryKey = registryKey;
    this.signer = signer;
    this.challengeTimeout = challengeTimeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(challengeTimeout).build();
  }

  void handle(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      throw new Exchanges.BadRequest(405, "use POST /subscribe");
    }
    byte[] body = Exchanges.body(ex);
    Subscriber s = subscription(Exchanges.json(body));
    verifySignature(ex.getRequestHeaders().getFirst("Authorization"), body, s);
    refuseKeyTakeover(s);
    challenge(s);
    Subscriber subscribed =
        s.toBuilder()
            .status(Subscriber.SUBSCRIBED)
            .revoked(false)
            .validFrom(s.validFrom() != null ? s.validFrom() : clock.instant())
            .build();
    store.put(subscribed);
    ObjectNode reply =
        SubscriberJson.MAPPER.createObjectNode().put("status", Subscriber.SUBSCRIBED);
    Exchanges.send(ex, 200, reply);
  }

  private static Subscriber subscription(JsonNode n) {
    Subscriber s;
    try {
      s = SubscriberJson.read(n);
    } catch (IllegalArgumentException e) {
      throw new Exchanges.BadRequest(400, e.getMessage());
    }
    for (String[] f :
        new String[][] {
          {"signing_public_key", s.signingPublicKey()}, {"encr_public_key", s.encrPublicKey()},
          {"subscriber_url", s.url()}, {"type", s.type() == null ? null : s.type().name()}
        }) {
      if (f[1] == null) {
        throw new Exchanges.BadRequest(400, "a subscription needs " + f[0]);
      }
    }
    return s;
  }

  private static void verifySignature(String authorization, byte[] body, Subscriber s) {
    ResolvedKey key;
    try {
      key = ResolvedKey.ofBase64(s.subscriberId(), s.uniqueKeyId(), s.signingPublicKey());
    } catch (IllegalArgumentException e) {
      throw new Exchanges.BadRequest(400, "signing_public_key is not base64 of 32 bytes");
    }
    VerificationResult result =
        BecknVerifier.of(StaticKeyResolver.of(key)).verify(authorization, body, s.subscriberId());
    if (!result.valid()) {
      throw new Exchanges.BadRequest(
          401, "subscribe must be signed with the signing key it registers: " + result);
    }
  }

  private void refuseKeyTakeover(Subscriber s) {
    List<Subscriber> existing = store.lookup(LookupQuery.byKey(s.subscriberId(), s.uniqueKeyId()));
    for (Subscriber e : existing) {
      // A revoked key may be compromised: whoever holds it must not be able to bring it back.
      if (e.revoked()) {
        throw new Exchanges.BadRequest(
            409,
            "key id "
                + s.uniqueKeyId()
                + " of "
                + s.subscriberId()
                + " was revoked; subscribe with a new unique_key_id");
      }
      if (!s.signingPublicKey().equals(e.signingPublicKey())) {
        throw new Exchanges.BadRequest(
            409,
            "key id "
                + s.uniqueKeyId()
                + " of "
                + s.subscriberId()
                + " is registered with another signing key; rotate with a new unique_key_id");
      }
    }
  }

  private void challenge(Subscriber s) {
    byte[] secret;
    try {
      secret = registryKey.sharedSecret(s.encrPublicKey());
    } catch (RuntimeException e) {
      throw new Exchanges.BadRequest(400, "encr_public_key is unusable: " + e.getMessage());
    }
    String plain = UUID.randomUUID().toString();
    ObjectNode request =
        SubscriberJson.MAPPER
            .createObjectNode()
            .put("subscriber_id", s.subscriberId())
            .put("challenge", ChallengeCipher.encrypt(plain, secret));
    String url = s.url();
    JsonNode reply;
    try {
      byte[] body = SubscriberJson.MAPPER.writeValueAsBytes(request);
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(RegistryHttp.resolve(url, "/on_subscribe"))
                  .timeout(challengeTimeout)
                  .header("Content-Type", "application/json")
                  .header("Authorization", signer.authorization(body))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new Exchanges.BadRequest(
            400, "challenge failed: " + url + "/on_subscribe answered HTTP " + r.statusCode());
      }
      reply = SubscriberJson.MAPPER.readTree(r.body());
    } catch (IOException | IllegalArgumentException e) {
      throw new Exchanges.BadRequest(
          400, "challenge failed: cannot reach " + url + "/on_subscribe (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Exchanges.BadRequest(503, "challenge interrupted");
    }
    if (reply == null || !plain.equals(reply.path("answer").asText(null))) {
      throw new Exchanges.BadRequest(
          400, "challenge failed: " + url + "/on_subscribe gave a wrong answer");
    }
  }
}
