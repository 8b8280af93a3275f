package org.uei.p2p.registry.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.ResolvedKey;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.VerificationResult;
import org.uei.p2p.signing.keys.X25519KeyPair;

/**
 * The subscriber's side of the registry challenge: decrypts the {@code challenge} of an {@code
 * on_subscribe} request with the X25519 secret shared with the registry and answers {@code
 * {"answer": ...}}. A node mounts it at {@code {subscriber_url}/on_subscribe}.
 *
 * <p>With {@link #requireRegistrySignature} it also refuses requests not signed by the registry, so
 * that nobody else can use the node as a decryption oracle.
 */
public final class OnSubscribeResponder {

  private final byte[] sharedSecret;
  private final BecknVerifier registryVerifier;
  private final String registryId;

  /**
   * @param subscriberKey the subscriber's encryption key pair (its public half is the registered
   *     {@code encr_public_key})
   * @param registryEncryptionPublicKey the registry's published X25519 public key, base64 raw or
   *     X.509 DER
   */
  public OnSubscribeResponder(X25519KeyPair subscriberKey, String registryEncryptionPublicKey) {
    Objects.requireNonNull(subscriberKey, "subscriberKey");
    this.sharedSecret =
        subscriberKey.sharedSecret(
            Objects.requireNonNull(registryEncryptionPublicKey, "registryEncryptionPublicKey"));
    this.registryVerifier = null;
    this.registryId = null;
  }

  private OnSubscribeResponder(byte[] sharedSecret, BecknVerifier verifier, String registryId) {
    this.sharedSecret = sharedSecret;
    this.registryVerifier = verifier;
    this.registryId = registryId;
  }

  /**
   * A responder that answers only requests whose {@code Authorization} header is signed by the
   * registry with the published key {@code registryId|keyId}.
   */
  public OnSubscribeResponder requireRegistrySignature(
      String registryId, String keyId, String signingPublicKeyBase64) {
    ResolvedKey key = ResolvedKey.ofBase64(registryId, keyId, signingPublicKeyBase64);
    return new OnSubscribeResponder(
        sharedSecret, BecknVerifier.of(StaticKeyResolver.of(key)), registryId);
  }

  /** The plaintext of one challenge. */
  public String answer(String challenge) {
    return ChallengeCipher.decrypt(challenge, sharedSecret);
  }

  /** Like {@link #handle(byte[], String)} for a request without {@code Authorization} header. */
  public byte[] handle(byte[] requestBody) {
    return handle(requestBody, null);
  }

  /**
   * Handles a raw {@code on_subscribe} request and returns the reply body.
   *
   * @param authorization the request's {@code Authorization} header, or {@code null}
   * @throws SecurityException when a registry signature is required and this one is missing or
   *     invalid
   * @throws IllegalArgumentException when the body is not JSON, has no {@code challenge}, or the
   *     challenge does not decrypt; the message says which
   */
  public byte[] handle(byte[] requestBody, String authorization) {
    if (registryVerifier != null) {
      VerificationResult result = registryVerifier.verify(authorization, requestBody, registryId);
      if (!result.valid()) {
        throw new SecurityException(
            "on_subscribe is not signed by registry " + registryId + ": " + result);
      }
    }
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
    ObjectNode reply =
        SubscriberJson.MAPPER.createObjectNode().put("answer", answer(challenge.asText()));
    try {
      return SubscriberJson.MAPPER.writeValueAsBytes(reply);
    } catch (IOException e) {
      throw new IllegalStateException("a one-field object always serializes", e);
    }
  }
}
