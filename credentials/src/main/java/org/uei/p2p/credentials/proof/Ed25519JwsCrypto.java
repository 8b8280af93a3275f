package org.uei.p2p.credentials.proof;

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
 * Nimbus JWS signer and verifier on BouncyCastle Ed25519 (via the {@code signing} keys), so that
 * nimbus needs neither Google Tink nor the slow JDK EdDSA provider.
 */
final class Ed25519JwsCrypto {

  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

  private Ed25519JwsCrypto() {}

  /** Signs a JWS signing input with an Ed25519 key. */
  static final class Signer implements JWSSigner {
    private final Ed25519KeyPair key;
    private final JCAContext jca = new JCAContext();

    Signer(Ed25519KeyPair key) {
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

  /** Checks a JWS signature with an Ed25519 public key. */
  static final class Verifier implements JWSVerifier {
    private final Ed25519PublicKey key;
    private final JCAContext jca = new JCAContext();

    Verifier(Ed25519PublicKey key) {
      this.key = key;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
      return ALGORITHMS.contains(header.getAlgorithm()) && key.verify(signingInput, signature.decode());
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
