package org.uei.p2p.signing.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.text.ParseException;
import java.util.Objects;
import java.util.Set;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * Compact JWS ({@code alg} EdDSA, RFC 8037) over arbitrary bytes with the subscriber's Ed25519
 * signing key: meter-reading attestations, audit tree heads, credentials. Thread-safe.
 */
public final class CompactJws {

  private CompactJws() {}

  /**
   * Signs {@code payload}; returns {@code header.payload.signature} in base64url.
   *
   * @param kid the key id put in the header (e.g. {@code subscriber|unique_key_id|ed25519}); null
   *     omits it
   */
  public static String sign(byte[] payload, Ed25519KeyPair key, String kid) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(key, "key");
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid).build(), new Payload(payload));
    try {
      jws.sign(new BcEd25519Jws.Signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
    return jws.serialize();
  }

  /**
   * Verifies {@code jws} with {@code key} and returns its payload. Accepts {@code alg} EdDSA or
   * Ed25519 only, and no critical header extensions.
   *
   * @throws JwsException with the reason it was refused
   */
  public static byte[] verify(String jws, Ed25519PublicKey key) throws JwsException {
    Objects.requireNonNull(key, "key");
    JWSObject object = parse(jws);
    JWSHeader header = object.getHeader();
    if (!BcEd25519Jws.ALGORITHMS.contains(header.getAlgorithm())) {
      throw new JwsException(
          JwsException.Reason.UNSUPPORTED_ALGORITHM,
          "JWS algorithm is " + header.getAlgorithm() + "; only EdDSA (Ed25519) is accepted");
    }
    Set<String> crit = header.getCriticalParams();
    if (crit != null && !crit.isEmpty()) {
      throw new JwsException(
          JwsException.Reason.UNSUPPORTED_CRITICAL_HEADER,
          "JWS marks header parameters " + crit + " as critical; none are supported");
    }
    boolean valid;
    try {
      valid = object.verify(new BcEd25519Jws.Verifier(key));
    } catch (JOSEException | IllegalStateException e) {
      throw new JwsException(
          JwsException.Reason.MALFORMED, "JWS could not be verified: " + e.getMessage(), e);
    }
    if (!valid) {
      throw new JwsException(
          JwsException.Reason.BAD_SIGNATURE,
          "JWS signature does not verify with key " + key.base64());
    }
    return object.getPayload().toBytes();
  }

  /**
   * The unverified {@code kid} of {@code jws}, to choose the key to verify with; null when absent.
   */
  public static String keyId(String jws) throws JwsException {
    return parse(jws).getHeader().getKeyID();
  }

  private static JWSObject parse(String jws) throws JwsException {
    if (jws == null || jws.isBlank()) {
      throw new JwsException(JwsException.Reason.MALFORMED, "no JWS given");
    }
    try {
      return JWSObject.parse(jws.strip());
    } catch (ParseException | RuntimeException e) {
      throw new JwsException(
          JwsException.Reason.MALFORMED, "not a compact JWS: " + e.getMessage(), e);
    }
  }
}
