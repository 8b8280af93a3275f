package org.uei.p2p.credentials.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.uei.p2p.credentials.CredentialIssuer;
import org.uei.p2p.credentials.CredentialVerifier;
import org.uei.p2p.credentials.ElectricityCredentials;
import org.uei.p2p.credentials.did.DidKey;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.Reason;
import org.uei.p2p.credentials.model.VerificationResult;
import org.uei.p2p.credentials.proof.ProofSuite;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

class StatusTest {

  private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Ed25519KeyPair key = Ed25519KeyPair.generate();
  private final String did = DidKey.of(key.publicKey());
  private final CredentialIssuer issuer =
      CredentialIssuer.of(key, DidKey.verificationMethod(key.publicKey())).withClock(CLOCK);

  private ObjectNode unsigned(String registry) {
    ObjectNode subject =
        ElectricityCredentials.subject(
            null, "CA-1", "urn:meter:TEST_1", java.math.BigDecimal.TEN, null, "LMV-1");
    return new ElectricityCredentials(
            did, "Test DISCOM", NOW.minusSeconds(60), null, registry, "utility.test")
        .unsigned(subject);
  }

  @Test
  void dediRecordMeansRevoked() throws Exception {
    Map<String, String> records = new ConcurrentHashMap<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/lookup/",
        ex -> {
          String body = records.get(ex.getRequestURI().getPath());
          byte[] bytes =
              (body == null ? "{\"message\":\"not found\"}" : body)
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Credential vc =
          issuer.issue(unsigned("https://dedi.example"), ProofSuite.ED25519_SIGNATURE_2020);
      CredentialVerifier verifier =
          CredentialVerifier.builder().clock(CLOCK).dediRegistry(base).build();
      assertTrue(verifier.verify(vc).valid(), () -> verifier.verify(vc).problems().toString());
      String path =
          vc.json().at("/credentialStatus/id").asText().replace("https://dedi.example", "");
      records.put(
          path,
          "{\"data\":{\"details\":{\"reason\":\"meter replaced\",\"revoked_at\":\"2026-11-23T10:00:00Z\"},\"is_revoked\":false}}");
      VerificationResult r = verifier.verify(vc);
      assertEquals(Reason.REVOKED, r.reason().orElseThrow());
      assertTrue(
          r.problems().get(0).message().contains("meter replaced"), r.problems().get(0).message());
      records.put(path, "{\"data\":{\"details\":{},\"is_revoked\":true}}");
      assertTrue(
          verifier.verify(vc).valid(), "a withdrawn revocation makes the credential usable again");
      server.stop(0);
      assertEquals(Reason.STATUS_UNAVAILABLE, verifier.verify(vc).reason().orElseThrow());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void bitstringStatusList() {
    BitstringStatusList list = BitstringStatusList.create(10);
    assertEquals(BitstringStatusList.MIN_BITS, list.size());
    BitstringStatusList revoked = list.with(42, true);
    assertTrue(BitstringStatusList.decode(revoked.encode()).get(42));
    assertFalse(BitstringStatusList.decode(revoked.encode()).get(41));
    assertFalse(list.get(42), "values are immutable");

    String listUrl = "https://status.test/lists/1";
    ObjectNode listVc = Credential.MAPPER.createObjectNode();
    listVc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    listVc.put("id", listUrl);
    listVc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
    listVc.put("issuer", did);
    listVc.put("validFrom", NOW.minusSeconds(60).toString());
    ObjectNode subject = listVc.putObject("credentialSubject");
    subject
        .put("id", listUrl + "#list")
        .put("type", "BitstringStatusList")
        .put("statusPurpose", "revocation");
    Map<String, String> served = new ConcurrentHashMap<>();
    served.put(listUrl, issuer.issue(withList(listVc, list), ProofSuite.EDDSA_RDFC_2022).toJson());

    ObjectNode vcJson = unsigned(null);
    // ElectricityCredential fixes its status type to dediregistry; a generic attestation uses the
    // W3C list.
    vcJson.putArray("type").add("VerifiableCredential").add("MeterAttestation");
    vcJson
        .putObject("credentialStatus")
        .put("id", listUrl + "#42")
        .put("type", "BitstringStatusListEntry")
        .put("statusPurpose", "revocation")
        .put("statusListIndex", "42")
        .put("statusListCredential", listUrl);
    String jwt = issuer.issueJwt(vcJson);
    CredentialVerifier verifier =
        CredentialVerifier.builder().clock(CLOCK).statusListFetcher(served::get).build();
    assertTrue(verifier.verify(jwt).valid(), () -> verifier.verify(jwt).problems().toString());

    served.put(
        listUrl, issuer.issue(withList(listVc, revoked), ProofSuite.EDDSA_RDFC_2022).toJson());
    assertEquals(Reason.REVOKED, verifier.verify(jwt).reason().orElseThrow());

    // A list not signed by a resolvable issuer cannot be trusted to say "not revoked".
    ObjectNode forged = Credential.parse(served.get(listUrl)).json();
    ((ObjectNode) forged.get("credentialSubject")).put("encodedList", list.encode());
    served.put(listUrl, forged.toString());
    VerificationResult r = verifier.verify(jwt);
    assertEquals(Reason.STATUS_UNAVAILABLE, r.reason().orElseThrow());
    assertTrue(r.problems().get(0).message().contains("TAMPERED"), r.problems().get(0).message());
  }

  private static ObjectNode withList(ObjectNode listVc, BitstringStatusList list) {
    ObjectNode copy = listVc.deepCopy();
    ((ObjectNode) copy.get("credentialSubject")).put("encodedList", list.encode());
    return copy;
  }
}
