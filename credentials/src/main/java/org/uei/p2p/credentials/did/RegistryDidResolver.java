package org.uei.p2p.credentials.did;

import org.uei.p2p.signing.KeyResolutionException;
import org.uei.p2p.signing.KeyResolver;
import org.uei.p2p.signing.ResolvedKey;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import org.uei.p2p.signing.keys.KeyFormatException;

/**
 * Takes an issuer's key from the Beckn registry instead of a DID document: {@code
 * did:web:{subscriber_id}#{unique_key_id}} is the subscriber's registry key with that id. A DISCOM
 * already publishes its signing key there, so it needs no web server for its DID.
 */
public final class RegistryDidResolver implements DidResolver {

  private final KeyResolver keys;

  /** Resolves through {@code keys}, e.g. a {@code RegistryKeyResolver} with its cache. */
  public RegistryDidResolver(KeyResolver keys) {
    this.keys = keys;
  }

  /** The DID of a subscriber whose keys are in the registry. */
  public static String did(String subscriberId) {
    return DidWebResolver.PREFIX + subscriberId.replace(":", "%3A");
  }

  /** The verification method naming a subscriber's registry key. */
  public static String verificationMethod(String subscriberId, String uniqueKeyId) {
    return did(subscriberId) + "#" + uniqueKeyId;
  }

  @Override
  public Ed25519PublicKey resolve(String verificationMethod) throws DidResolutionException {
    String did = DidResolver.didOf(verificationMethod);
    String keyId = DidResolver.fragmentOf(verificationMethod);
    if (did == null || !did.startsWith(DidWebResolver.PREFIX) || keyId == null || keyId.isBlank()) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED,
          "'" + verificationMethod + "' is not did:web:{subscriber_id}#{key id}");
    }
    String subscriberId = did.substring(DidWebResolver.PREFIX.length()).replace("%3A", ":");
    try {
      ResolvedKey key = keys.resolve(subscriberId, keyId);
      return Ed25519PublicKey.of(key.publicKey());
    } catch (KeyResolutionException e) {
      DidResolutionException.Kind kind =
          e.kind() == KeyResolutionException.Kind.REGISTRY_UNAVAILABLE
              ? DidResolutionException.Kind.UNAVAILABLE
              : DidResolutionException.Kind.NOT_FOUND;
      throw new DidResolutionException(
          kind, "registry key " + subscriberId + "|" + keyId + ": " + e.getMessage(), e);
    } catch (KeyFormatException e) {
      throw new DidResolutionException(
          DidResolutionException.Kind.UNSUPPORTED_KEY,
          "registry key " + subscriberId + "|" + keyId + ": " + e.getMessage());
    }
  }
}
