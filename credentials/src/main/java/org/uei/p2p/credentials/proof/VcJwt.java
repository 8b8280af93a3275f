package org.uei.p2p.credentials.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.signing.jws.BcEd25519Jws;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * VC-JWT as in W3C VC-JOSE-COSE: a compact JWS ({@code alg} EdDSA, {@code typ} vc+jwt, {@code cty}
 * vc) whose payload is the unsecured credential and whose {@code kid} is the verification method.
 * Older VC 1.1 JWTs carrying the credential in a {@code vc} claim are read too. Thread-safe.
 */
public final class VcJwt {

  /** The {@code typ} of a VC-JWT. */
  public static final String TYP = "vc+jwt";

  private VcJwt() {}

  /**
   * Signs {@code unsecured} (no {@code proof}) as a VC-JWT with {@code kid} = {@code
   * verificationMethod}.
   */
  public static String sign(ObjectNode unsecured, Ed25519KeyPair key, String verificationMethod) {
    if (unsecured.has("proof")) {
      throw new IllegalArgumentException("a VC-JWT secures a credential without an embedded proof");
    }
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.EdDSA)
            .type(new JOSEObjectType(TYP))
            .contentType("vc")
            .keyID(verificationMethod)
            .build();
    JWSObject jws =
        new JWSObject(header, new Payload(unsecured.toString().getBytes(StandardCharsets.UTF_8)));
    try {
      jws.sign(new BcEd25519Jws.Signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
    return jws.serialize();
  }

  /** True when {@code text} looks like a compact JWS (three base64url parts) rather than JSON. */
  public static boolean looksLikeJwt(String text) {
    String t = text.strip();
    return !t.startsWith("{") && t.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  }

  /**
   * Parses a VC-JWT without checking its signature.
   *
   * @throws ParseException when it is not a compact JWS with a JSON object payload
   */
  public static Parsed parse(String jwt) throws ParseException {
    JWSObject jws = JWSObject.parse(jwt.strip());
    JsonNode payload;
    try {
      payload = Credential.MAPPER.readTree(jws.getPayload().toBytes());
    } catch (IOException e) {
      throw new ParseException("VC-JWT payload is not JSON", 0);
    }
    if (payload == null || !payload.isObject()) {
      throw new ParseException("VC-JWT payload is not a JSON object", 0);
    }
    JsonNode vc = payload.has("vc") && payload.get("vc").isObject() ? payload.get("vc") : payload;
    return new Parsed(jws, (ObjectNode) vc.deepCopy());
  }

  /**
   * A parsed VC-JWT.
   *
   * @param jws the JWS as nimbus parsed it
   * @param credential the credential it carries
   */
  public record Parsed(JWSObject jws, ObjectNode credential) {

    /** The {@code kid} header, or null. */
    public String keyId() {
      return jws.getHeader().getKeyID();
    }

    /** True when {@code alg} is EdDSA / Ed25519 and nothing is marked critical. */
    public boolean supportedAlgorithm() {
      return BcEd25519Jws.ALGORITHMS.contains(jws.getHeader().getAlgorithm())
          && (jws.getHeader().getCriticalParams() == null
              || jws.getHeader().getCriticalParams().isEmpty());
    }

    /** The {@code alg} header. */
    public String algorithm() {
      return String.valueOf(jws.getHeader().getAlgorithm());
    }

    /** True when the signature is 64 bytes, the length of an Ed25519 signature. */
    public boolean wellFormedSignature() {
      return jws.getSignature() != null && jws.getSignature().decode().length == 64;
    }

    /** Checks the signature with {@code key}. */
    public boolean verify(Ed25519PublicKey key) {
      try {
        return jws.verify(new BcEd25519Jws.Verifier(key));
      } catch (JOSEException | IllegalStateException e) {
        return false;
      }
    }
  }
}
