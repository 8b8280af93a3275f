package org.uei.p2p.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.credentials.did.Multibase;
import org.uei.p2p.credentials.jsonld.BundledContexts;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.VerificationResult;
import org.uei.p2p.credentials.proof.DataIntegrity;
import org.uei.p2p.credentials.proof.ProofSuite;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Our signatures against an independent Ed25519 (the JDK's EdDSA provider, driven through nimbus
 * JWS objects), RFC 8037's published JWS, and a canonical form computed by hand.
 */
class IndependenceTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc8037JwsVectorIsReproduced() {
    // RFC 8037 Appendix A.1 key and A.4 signing input; Ed25519 is deterministic.
    Ed25519KeyPair key =
        Ed25519KeyPair.fromJwk(
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
                + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
    byte[] sig =
        key.sign(
            "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg",
        Base64URL.encode(sig).toString());
  }

  @Test
  void vcJwtSignedByJdkEd25519ThroughNimbusVerifies() throws Exception {
    Ed25519KeyPair key = Fixtures.discomKey();
    ObjectNode unsigned = Fixtures.prosumer(null);
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType("vc+jwt"))
                .keyID(Fixtures.discomVm())
                .build(),
            new Payload(unsigned.toString()));
    jws.sign(new JdkSigner(jdkPrivate(key.seed())));
    VerificationResult r =
        CredentialVerifier.builder().clock(Fixtures.CLOCK).build().verify(jws.serialize());
    assertTrue(r.valid(), () -> r.problems().toString());
  }

  @Test
  void ourVcJwtVerifiesWithJdkEd25519ThroughNimbus() throws Exception {
    Ed25519KeyPair key = Fixtures.discomKey();
    String jwt = CredentialIssuer.of(key, Fixtures.discomVm()).issueJwt(Fixtures.prosumer(null));
    JWSObject parsed = JWSObject.parse(jwt);
    assertEquals("vc+jwt", parsed.getHeader().getType().toString());
    assertTrue(parsed.verify(new JdkVerifier(jdkPublic(key.publicKey().encoded()))));
  }

  @Test
  void dataIntegrityProofMatchesHandComputedCanonicalForm() throws Exception {
    ObjectNode doc =
        (ObjectNode)
            Credential.MAPPER.readTree(
                """
        {"@context": {"@vocab": "https://vocab.test/#", "id": "@id", "type": "@type"},
         "id": "urn:uuid:5a1b3c9e-0000-4000-8000-000000000001",
         "meter": "TEST_UP-0001", "sanctionedLoad": 5}""");
    String vm = Fixtures.discomVm();
    DataIntegrity di = DataIntegrity.withBundledContexts();
    ObjectNode secured =
        di.sign(doc, ProofSuite.EDDSA_RDFC_2022, Fixtures.discomKey(), vm, Fixtures.NOW);
    String canonicalDoc =
        """
        <urn:uuid:5a1b3c9e-0000-4000-8000-000000000001> <https://vocab.test/#meter> "TEST_UP-0001" .
        <urn:uuid:5a1b3c9e-0000-4000-8000-000000000001> <https://vocab.test/#sanctionedLoad> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .
        """;
    // The proof configuration is a node without id (a blank node); its terms fall to @vocab.
    String canonicalProof =
        ("""
        _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://vocab.test/#DataIntegrityProof> .
        _:c14n0 <https://vocab.test/#created> "2026-11-24T06:00:00Z" .
        _:c14n0 <https://vocab.test/#cryptosuite> "eddsa-rdfc-2022" .
        _:c14n0 <https://vocab.test/#proofPurpose> "assertionMethod" .
        _:c14n0 <https://vocab.test/#verificationMethod> "VM" .
        """)
            .replace("VM", vm);
    assertEquals(canonicalDoc, di.canonicalForm(doc));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] hashData =
        concat(
            sha.digest(canonicalProof.getBytes(StandardCharsets.UTF_8)),
            sha.digest(canonicalDoc.getBytes(StandardCharsets.UTF_8)));
    byte[] signature = Multibase.decode(secured.at("/proof/proofValue").asText());
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(jdkPublic(Fixtures.discomKey().publicKey().encoded()));
    jdk.update(hashData);
    assertTrue(jdk.verify(signature), "the proof signs SHA-256(proof config) || SHA-256(document)");
  }

  @Test
  void contextsAreNeverFetched() {
    assertTrue(BundledContexts.defaults().serves(BundledContexts.CREDENTIALS_V2));
    ObjectNode doc = Credential.MAPPER.createObjectNode();
    doc.put("@context", "https://example.invalid/context.jsonld");
    doc.put("id", "urn:x:1");
    doc.put("name", "n");
    org.junit.jupiter.api.Assertions.assertThrows(
        org.uei.p2p.credentials.jsonld.Canonicalizer.CanonicalizationException.class,
        () -> DataIntegrity.withBundledContexts().canonicalForm(doc));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static PrivateKey jdkPrivate(byte[] seed) throws GeneralSecurityException {
    byte[] der = concat(HEX.parseHex("302e020100300506032b657004220420"), seed);
    return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  static PublicKey jdkPublic(byte[] raw) throws GeneralSecurityException {
    byte[] der = concat(HEX.parseHex("302a300506032b6570032100"), raw);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }

  /**
   * Nimbus signer on the JDK's own EdDSA provider: an implementation independent of BouncyCastle.
   */
  record JdkSigner(PrivateKey key) implements JWSSigner {
    @Override
    public Base64URL sign(JWSHeader header, byte[] input) {
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(input);
        return Base64URL.encode(s.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
      return new JCAContext();
    }
  }

  /** Nimbus verifier on the JDK's own EdDSA provider. */
  record JdkVerifier(PublicKey key) implements JWSVerifier {
    @Override
    public boolean verify(JWSHeader header, byte[] input, Base64URL signature) {
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(input);
        return s.verify(signature.decode());
      } catch (GeneralSecurityException e) {
        return false;
      }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
      return new JCAContext();
    }
  }
}
