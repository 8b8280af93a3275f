package org.uei.p2p.signing.jws;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * Nimbus JWS signer and verifier backed by BouncyCastle's Ed25519, so that nimbus needs neither
 * Google Tink nor the slow JDK EdDSA provider. Public for other modules that sign or verify JWS
 * with the project's keys (VC-JWT in credentials).
 */
public final class BcEd25519Jws {

  /** The JWS algorithm names this signer and verifier handle. */
  public static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

  private BcEd25519Jws() {}

  /** Signs the JWS signing input with an Ed25519 key. */
  public static final class Signer implements JWSSigner {
    private final Ed25519KeyPair key;
    private final JCAContext jca = new JCAContext();

    public Signer(Ed25519KeyPair key) {
      this.key = key;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) {
      return Base64URL.encode(key.sign(signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
      return jca;
    }
  }

  /** Verifies a JWS signature with an Ed25519 public key. */
  public static final class Verifier implements JWSVerifier {
    private final Ed25519PublicKey key;
    private final JCAContext jca = new JCAContext();

    public Verifier(Ed25519PublicKey key) {
      this.key = key;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
      return ALGORITHMS.contains(header.getAlgorithm())
          && key.verify(signingInput, signature.decode());
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
      return jca;
    }
  }
}
