package org.uei.p2p.registry.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.signing.keys.X25519KeyPair;

/**
 * The subscriber's side of the registry challenge: decrypts the {@code challenge} of an {@code
 * on_subscribe} request with the X25519 secret shared with the registry and answers {@code
 * {"answer": ...}}. A node mounts it at {@code {subscriber_url}/on_subscribe}.
 */
public final class OnSubscribeResponder {

  private final byte[] sharedSecret;

  /**
   * @param subscriberKey the subscriber's encryption key pair (its public half is the registered {@code encr_public_key})
   * @param registryEncryptionPublicKey the registry's published X25519 public key, base64 raw or X.509 DER
   */
  public OnSubscribeResponder(X25519KeyPair subscriberKey, String registryEncryptionPublicKey) {
    Objects.requireNonNull(subscriberKey, "subscriberKey");
    this.sharedSecret = subscriberKey.sharedSecret(
        Objects.requireNonNull(registryEncryptionPublicKey, "registryEncryptionPublicKey"));
  }

  /** The plaintext of one challenge. */
  public String answer(String challenge) {
    return ChallengeCipher.decrypt(challenge, sharedSecret);
  }

  /**
   * Handles a raw {@code on_subscribe} request body and returns the reply body.
   *
   * @throws IllegalArgumentException when the body is not JSON, has no {@code challenge}, or the
   *     challenge does not decrypt; the message says which
   */
  public byte[] handle(byte[] requestBody) {
    JsonNode request;
    try {
      request = SubscriberJson.MAPPER.readTree(requestBody);
    } catch (IOException e) {
      throw new IllegalArgumentException("on_subscribe body is not JSON", e);
    }
    JsonNode challenge = request == null ? null : request.get("challenge");
    if (challenge == null || !challenge.isTextual()) {
      throw new IllegalArgumentException("on_subscribe body has no challenge string");
    }
    ObjectNode reply = SubscriberJson.MAPPER.createObjectNode().put("answer", answer(challenge.asText()));
    try {
      return SubscriberJson.MAPPER.writeValueAsBytes(reply);
    } catch (IOException e) {
      throw new IllegalStateException("a one-field object always serializes", e);
    }
  }
}
