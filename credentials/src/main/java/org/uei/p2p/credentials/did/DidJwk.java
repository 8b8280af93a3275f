package org.uei.p2p.credentials.did;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import org.uei.p2p.signing.keys.KeyFormatException;

/**
 * did:jwk (did:jwk method specification): the base64url of the public JWK's JSON; the one
 * verification method is {@code #0}. Resolved locally, without any network.
 */
public final class DidJwk {

  /** The method prefix. */
  public static final String PREFIX = "did:jwk:";

  private DidJwk() {}

  /** The did:jwk of {@code key}: its public OKP JWK without {@code kid}. */
  public static String of(Ed25519PublicKey key) {
    String json = key.toJwk(null).toPublicJWK().toJSONString();
    return PREFIX + Base64URL.encode(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The verification method id of {@code key}: {@code did:jwk:...#0}. */
  public static String verificationMethod(Ed25519PublicKey key) {
    return of(key) + "#0";
  }

  /**
   * Resolves a did:jwk DID or DID URL; the fragment, when present, must be {@code 0}.
   *
   * @throws DidResolutionException when it is not a did:jwk of a public Ed25519 key
   */
  public static Ed25519PublicKey resolve(String didUrl) throws DidResolutionException {
    String did = DidResolver.didOf(didUrl);
    if (did == null || !did.startsWith(PREFIX)) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "'" + didUrl + "' is not a did:jwk");
    }
    String fragment = DidResolver.fragmentOf(didUrl);
    if (fragment != null && !fragment.equals("0")) {
      throw new DidResolutionException(
          DidResolutionException.Kind.NOT_FOUND,
          "did:jwk document has no verification method #" + fragment + " (only #0)");
    }
    JWK jwk;
    try {
      String json = new Base64URL(did.substring(PREFIX.length())).decodeToString();
      jwk = JWK.parse(json);
    } catch (ParseException | RuntimeException e) {
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED,
          "did:jwk is not base64url of a JWK: " + e.getMessage());
    }
    if (jwk.isPrivate()) {
      // The method forbids private keys in the DID: such a DID leaks its key and must not be
      // trusted.
      throw new DidResolutionException(
          DidResolutionException.Kind.MALFORMED, "did:jwk contains a private key");
    }
    if (!(jwk instanceof OctetKeyPair okp)) {
      throw new DidResolutionException(
          DidResolutionException.Kind.UNSUPPORTED_KEY,
          "did:jwk key type is " + jwk.getKeyType() + "; only OKP Ed25519 is supported");
    }
    try {
      return Ed25519PublicKey.fromJwk(okp);
    } catch (KeyFormatException e) {
      throw new DidResolutionException(
          DidResolutionException.Kind.UNSUPPORTED_KEY, "did:jwk: " + e.getMessage());
    }
  }
}
