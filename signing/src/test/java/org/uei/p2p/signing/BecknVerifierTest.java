package org.uei.p2p.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.signing.VerificationResult.Status;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** Every reason a signature can be refused, and the paths that accept it. */
class BecknVerifierTest {

  static final long NOW = 1_767_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  static final byte[] BODY =
      "{\"context\":{\"bap_id\":\"bap.example\"},\"message\":{}}".getBytes(StandardCharsets.UTF_8);

  final Ed25519KeyPair key = Ed25519KeyPair.generate();
  final BecknSigner signer = BecknSigner.builder("bap.example", "k1", key).clock(CLOCK).build();
  final ResolvedKey resolved = ResolvedKey.ofBase64("bap.example", "k1", key.publicKeyBase64());

  BecknVerifier verifier(KeyResolver resolver) {
    return BecknVerifier.builder(resolver)
        .clock(CLOCK)
        .allowedClockSkew(Duration.ofSeconds(5))
        .build();
  }

  VerificationResult verify(String header, byte[] body) {
    return verifier(StaticKeyResolver.of(resolved)).verify(header, body, "bap.example");
  }

  @Test
  void validSignatureIsAccepted() {
    VerificationResult r = verify(signer.authorization(BODY), BODY);
    assertEquals(Status.VALID, r.status(), r.detail());
    assertTrue(r.valid());
    assertEquals("bap.example", r.signerId());
    assertEquals(resolved, r.key());
  }

  @Test
  void defaultTimesAreNowAndFiveMinutes() throws SignatureHeaderException {
    SignatureHeader h = SignatureHeader.parse(signer.authorization(BODY));
    assertEquals(NOW, h.created());
    assertEquals(NOW + 300, h.expires());
  }

  @Test
  void missingHeader() {
    assertEquals(Status.MISSING, verify(null, BODY).status());
    assertEquals(Status.MISSING, verify("  ", BODY).status());
  }

  @Test
  void malformedHeader() {
    VerificationResult r = verify("Signature keyId=\"bap.example|k1|ed25519\",created=\"1\"", BODY);
    assertEquals(Status.MALFORMED, r.status());
    assertNotNull(r.detail());
  }

  @Test
  void wrongAlgorithmIsMalformed() {
    String h =
        signer.authorization(BODY).replace("algorithm=\"ed25519\"", "algorithm=\"rsa-sha256\"");
    VerificationResult r = verify(h, BODY);
    assertEquals(Status.MALFORMED, r.status());
    assertTrue(r.detail().contains("rsa-sha256"), r.detail());
  }

  @Test
  void wrongHeadersListIsMalformed() {
    String h =
        signer
            .authorization(BODY)
            .replace("headers=\"(created) (expires) digest\"", "headers=\"(created) digest\"");
    VerificationResult r = verify(h, BODY);
    assertEquals(Status.MALFORMED, r.status());
    assertTrue(r.detail().contains("(created) digest"), r.detail());
  }

  @Test
  void expired() {
    String h = signer.authorization(BODY, NOW - 600, NOW - 1);
    VerificationResult r = verify(h, BODY);
    assertEquals(Status.EXPIRED, r.status());
    assertTrue(r.detail().contains("1 s ago"), r.detail());
  }

  @Test
  void expiresExactlyNowIsStillValid() {
    assertEquals(Status.VALID, verify(signer.authorization(BODY, NOW - 300, NOW), BODY).status());
  }

  @Test
  void notYetValidBeyondSkew() {
    assertEquals(
        Status.NOT_YET_VALID,
        verify(signer.authorization(BODY, NOW + 6, NOW + 300), BODY).status());
    assertEquals(
        Status.VALID, verify(signer.authorization(BODY, NOW + 5, NOW + 300), BODY).status());
  }

  @Test
  void digestMismatchWhenDigestHeaderDisagreesWithBody() {
    byte[] altered = BODY.clone();
    altered[5] = 'X';
    String header = signer.authorization(BODY);
    VerificationResult r =
        verifier(StaticKeyResolver.of(resolved))
            .verify(header, altered, "bap.example", BodyDigest.header(BODY));
    assertEquals(Status.DIGEST_MISMATCH, r.status());
    assertEquals(
        Status.VALID,
        verifier(StaticKeyResolver.of(resolved))
            .verify(header, BODY, "bap.example", BodyDigest.header(BODY))
            .status());
  }

  @Test
  void alteredBodyIsBadSignature() {
    byte[] altered = BODY.clone();
    altered[altered.length - 2] = ' ';
    VerificationResult r = verify(signer.authorization(BODY), altered);
    assertEquals(Status.BAD_SIGNATURE, r.status());
    assertTrue(r.detail().contains(BodyDigest.header(altered)), r.detail());
  }

  @Test
  void otherKeyIsBadSignature() {
    String h =
        BecknSigner.builder("bap.example", "k1", Ed25519KeyPair.generate())
            .clock(CLOCK)
            .build()
            .authorization(BODY);
    assertEquals(Status.BAD_SIGNATURE, verify(h, BODY).status());
  }

  @Test
  void unknownKey() {
    String h =
        BecknSigner.builder("bap.example", "k2", key).clock(CLOCK).build().authorization(BODY);
    VerificationResult r = verify(h, BODY);
    assertEquals(Status.UNKNOWN_KEY, r.status());
    assertTrue(r.detail().contains("k2"), r.detail());
  }

  @Test
  void registryUnavailable() {
    KeyResolver down =
        (s, k) -> {
          throw new KeyResolutionException(
              KeyResolutionException.Kind.REGISTRY_UNAVAILABLE, "registry timed out");
        };
    VerificationResult r = verifier(down).verify(signer.authorization(BODY), BODY, "bap.example");
    assertEquals(Status.REGISTRY_UNAVAILABLE, r.status());
    assertTrue(r.detail().contains("registry timed out"));
  }

  @Test
  void resolverBugIsReportedNotThrown() {
    KeyResolver broken =
        (s, k) -> {
          throw new IllegalStateException("boom");
        };
    assertEquals(
        Status.REGISTRY_UNAVAILABLE,
        verifier(broken).verify(signer.authorization(BODY), BODY, null).status());
    assertEquals(
        Status.UNKNOWN_KEY,
        verifier((s, k) -> null).verify(signer.authorization(BODY), BODY, null).status());
  }

  @Test
  void signerMismatchNeedsNoKeyLookup() {
    List<String> lookups = new ArrayList<>();
    KeyResolver counting =
        (s, k) -> {
          lookups.add(s);
          return resolved;
        };
    VerificationResult r =
        verifier(counting).verify(signer.authorization(BODY), BODY, "other-bap.example");
    assertEquals(Status.SIGNER_MISMATCH, r.status());
    assertTrue(lookups.isEmpty());
    assertEquals(
        Status.VALID, verifier(counting).verify(signer.authorization(BODY), BODY, null).status());
  }

  @Test
  void staleKeyIsRefreshedOnceAndAccepted() {
    ResolvedKey stale =
        ResolvedKey.ofBase64("bap.example", "k1", Ed25519KeyPair.generate().publicKeyBase64());
    List<String> calls = new ArrayList<>();
    KeyResolver caching =
        new KeyResolver() {
          @Override
          public ResolvedKey resolve(String s, String k) {
            calls.add("resolve");
            return stale;
          }

          @Override
          public ResolvedKey refresh(String s, String k) {
            calls.add("refresh");
            return resolved;
          }
        };
    VerificationResult r =
        verifier(caching).verify(signer.authorization(BODY), BODY, "bap.example");
    assertEquals(Status.VALID, r.status(), r.detail());
    assertEquals(resolved, r.key());
    assertEquals(List.of("resolve", "refresh"), calls);
  }

  @Test
  void refreshReturningSameKeyIsBadSignatureAfterOneRefresh() {
    List<String> calls = new ArrayList<>();
    ResolvedKey wrong =
        ResolvedKey.ofBase64("bap.example", "k1", Ed25519KeyPair.generate().publicKeyBase64());
    KeyResolver r =
        new KeyResolver() {
          @Override
          public ResolvedKey resolve(String s, String k) {
            calls.add("resolve");
            return wrong;
          }

          @Override
          public ResolvedKey refresh(String s, String k) {
            calls.add("refresh");
            return wrong;
          }
        };
    VerificationResult result = verifier(r).verify(signer.authorization(BODY), BODY, "bap.example");
    assertEquals(Status.BAD_SIGNATURE, result.status());
    assertTrue(result.detail().contains("same key"), result.detail());
    assertEquals(List.of("resolve", "refresh"), calls);
  }

  @Test
  void keyRevokedOnRefreshIsUnknownKey() {
    ResolvedKey wrong =
        ResolvedKey.ofBase64("bap.example", "k1", Ed25519KeyPair.generate().publicKeyBase64());
    KeyResolver r =
        new KeyResolver() {
          @Override
          public ResolvedKey resolve(String s, String k) {
            return wrong;
          }

          @Override
          public ResolvedKey refresh(String s, String k) throws KeyResolutionException {
            throw new KeyResolutionException(KeyResolutionException.Kind.UNKNOWN_KEY, "revoked");
          }
        };
    assertEquals(
        Status.UNKNOWN_KEY, verifier(r).verify(signer.authorization(BODY), BODY, null).status());
  }

  @Test
  void registeredKeyThatIsNotACurvePointIsUnknownKey() {
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;
    for (int i = 1; i < 31; i++) {
      notAPoint[i] = (byte) 0xff;
    }
    notAPoint[31] = 0x7f;
    KeyResolver r = (s, k) -> new ResolvedKey(s, k, notAPoint);
    VerificationResult result = verifier(r).verify(signer.authorization(BODY), BODY, null);
    assertEquals(Status.UNKNOWN_KEY, result.status(), result.detail());
  }

  @Test
  void gatewayHeader() {
    Ed25519KeyPair gwKey = Ed25519KeyPair.generate();
    BecknSigner gateway = BecknSigner.builder("gateway.example", "gw1", gwKey).clock(CLOCK).build();
    String h = gateway.gatewayAuthorization(BODY);
    BecknVerifier v =
        verifier(
            StaticKeyResolver.of(
                resolved, ResolvedKey.ofBase64("gateway.example", "gw1", gwKey.publicKeyBase64())));
    assertEquals(Status.VALID, v.verifyGateway(h, BODY, "gateway.example").status());
    assertEquals(Status.VALID, v.verifyGateway(h, BODY, null).status());
    assertEquals(Status.SIGNER_MISMATCH, v.verifyGateway(h, BODY, "other-gateway").status());
    assertEquals(Status.VALID, v.verify(signer.authorization(BODY), BODY, "bap.example").status());
  }

  @Test
  void signedResponseChainsToTheRequestSignature() throws SignatureHeaderException {
    Ed25519KeyPair bppKey = Ed25519KeyPair.generate();
    BecknSigner bpp = BecknSigner.builder("bpp.example", "b1", bppKey).clock(CLOCK).build();
    String requestSignature = SignatureHeader.parse(signer.authorization(BODY)).signature();
    byte[] ack = "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}".getBytes(StandardCharsets.UTF_8);
    String response = bpp.responseSignature(ack, requestSignature);
    assertTrue(
        response.contains("headers=\"(created) (expires) digest request-signature\""), response);

    BecknVerifier v =
        verifier(
            StaticKeyResolver.of(
                ResolvedKey.ofBase64("bpp.example", "b1", bppKey.publicKeyBase64())));
    assertEquals(
        Status.VALID, v.verifyResponse(response, ack, requestSignature, "bpp.example").status());
    String otherRequest =
        SignatureHeader.parse(signer.authorization("{}".getBytes(StandardCharsets.UTF_8)))
            .signature();
    assertEquals(
        Status.BAD_SIGNATURE,
        v.verifyResponse(response, ack, otherRequest, "bpp.example").status());
    assertEquals(Status.MALFORMED, v.verifyResponse(response, ack, null, "bpp.example").status());
    // A three-line request signature is not accepted where a chained one is required, nor the
    // reverse.
    assertEquals(
        Status.MALFORMED,
        v.verifyResponse(bpp.authorization(ack), ack, requestSignature, null).status());
    assertEquals(Status.MALFORMED, v.verify(response, ack, null).status());
  }

  @Test
  void responseSignatureAppliesFromVersionTwo() {
    assertTrue(BecknSigner.signsResponses("2.0.0"));
    assertTrue(BecknSigner.signsResponses("2.1.0"));
    assertTrue(BecknSigner.signsResponses("10.0"));
    assertEquals(false, BecknSigner.signsResponses("1.1.0"));
    assertEquals(false, BecknSigner.signsResponses("0.9.1"));
    assertEquals(false, BecknSigner.signsResponses(null));
    assertEquals(false, BecknSigner.signsResponses("v2"));
  }

  @Test
  void wwwAuthenticateChallenge() {
    assertEquals(
        "Signature realm=\"bpp.example\",headers=\"(created) (expires) digest\"",
        SignatureHeaders.wwwAuthenticate("bpp.example"));
    assertEquals(
        "Signature realm=\"a\\\"b\",headers=\"(created) (expires) digest\"",
        SignatureHeaders.wwwAuthenticate("a\"b"));
  }
}
