package org.uei.p2p.audit.sth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.uei.p2p.audit.Fixtures;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.anchor.TreeHeadAnchor;
import org.uei.p2p.audit.store.InMemoryLogStore;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

class SignedTreeHeadTest {

  private static final Instant NOW = Instant.parse("2026-02-10T12:00:00Z");
  private final Ed25519KeyPair key = Ed25519KeyPair.generate();
  private final MerkleLog log = new MerkleLog(new InMemoryLogStore());
  private final TreeHeadSigner signer =
      new TreeHeadSigner(key, "bpp.example.org|k1|ed25519", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void signsAndVerifiesTheCurrentHead() throws Exception {
    for (int i = 0; i < 5; i++) {
      log.append(Fixtures.entry(i));
    }
    SignedTreeHead sth = signer.sign(log);
    assertEquals(5, sth.treeSize());
    assertArrayEquals(log.rootHash(), sth.rootHash());

    SignedTreeHead checked = SignedTreeHead.verify(sth.jws(), key.publicKey());
    assertEquals(sth.head(), checked.head());
    assertEquals(NOW, checked.head().timestamp());

    String[] parts = sth.jws().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertEquals(
        "{\"tree_size\":5,\"root_hash\":\""
            + Base64.getEncoder().encodeToString(log.rootHash())
            + "\",\"timestamp\":\"2026-02-10T12:00:00Z\"}",
        payload);
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    assertTrue(header.contains("\"alg\":\"EdDSA\""), header);
  }

  @Test
  void tamperedSignaturePayloadOrKeyIsRejected() {
    log.append(Fixtures.entry(0));
    SignedTreeHead sth = signer.sign(log);
    String[] parts = sth.jws().split("\\.");

    char[] sig = parts[2].toCharArray();
    sig[5] = sig[5] == 'A' ? 'B' : 'A';
    String badSig = parts[0] + "." + parts[1] + "." + new String(sig);
    assertTrue(
        assertThrows(TreeHeadException.class, () -> SignedTreeHead.verify(badSig, key.publicKey()))
            .getMessage()
            .startsWith("signed tree head rejected: JWS signature does not verify"));

    String forgedPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(new TreeHead(2, sth.rootHash(), NOW).toJson());
    assertThrows(
        TreeHeadException.class,
        () ->
            SignedTreeHead.verify(
                parts[0] + "." + forgedPayload + "." + parts[2], key.publicKey()));

    assertThrows(
        TreeHeadException.class,
        () -> SignedTreeHead.verify(sth.jws(), Ed25519KeyPair.generate().publicKey()));
    assertThrows(
        TreeHeadException.class, () -> SignedTreeHead.verify("not a jws", key.publicKey()));
  }

  @Test
  void signedPayloadThatIsNotATreeHeadIsRejected() {
    String noRoot =
        org.uei.p2p.signing.jws.CompactJws.sign(
            "{\"tree_size\":1,\"root_hash\":\"AA==\",\"timestamp\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8),
            key,
            null);
    assertEquals(
        "signed tree head payload rejected: root_hash must have 32 bytes, not 1",
        assertThrows(TreeHeadException.class, () -> SignedTreeHead.verify(noRoot, key.publicKey()))
            .getMessage());
    String jws =
        org.uei.p2p.signing.jws.CompactJws.sign(
            ("{\"tree_size\":-1,\"root_hash\":\""
                    + Base64.getEncoder().encodeToString(new byte[32])
                    + "\",\"timestamp\":\"2026-02-10T12:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8),
            key,
            null);
    assertEquals(
        "signed tree head payload rejected: tree_size must not be negative: -1",
        assertThrows(TreeHeadException.class, () -> SignedTreeHead.verify(jws, key.publicKey()))
            .getMessage());
  }

  @Test
  void anchorRoundTripsThroughOrderAttributesAndVerifies() throws Exception {
    for (int i = 0; i < 3; i++) {
      log.append(Fixtures.entry(i));
    }
    SignedTreeHead sth = signer.sign(log);
    ObjectMapper json = new ObjectMapper();
    ObjectNode attributes =
        json.createObjectNode().put("@type", "EnergyTradeOrder").put("total_quantity", 25.0);
    TreeHeadAnchor.of(sth).addTo(attributes);

    ObjectNode received = (ObjectNode) json.readTree(json.writeValueAsBytes(attributes));
    TreeHeadAnchor anchor = TreeHeadAnchor.readFrom(received).orElseThrow();
    assertEquals(3, anchor.treeSize());
    assertEquals(sth.head(), anchor.verify(key.publicKey()).head());

    assertTrue(TreeHeadAnchor.readFrom(json.createObjectNode()).isEmpty());

    ObjectNode lying = anchor.toJson().put("tree_size", 4);
    assertEquals(
        "anchor claims tree_size 4 but its signed tree head says 3",
        assertThrows(
                TreeHeadException.class,
                () -> TreeHeadAnchor.fromJson(lying).verify(key.publicKey()))
            .getMessage());
    ObjectNode otherRoot =
        anchor.toJson().put("root_hash", Base64.getEncoder().encodeToString(new byte[32]));
    assertThrows(
        TreeHeadException.class, () -> TreeHeadAnchor.fromJson(otherRoot).verify(key.publicKey()));
    assertThrows(
        TreeHeadException.class, () -> anchor.verify(Ed25519KeyPair.generate().publicKey()));

    ObjectNode noSth = anchor.toJson();
    noSth.remove("sth");
    assertEquals(
        "audit_log_anchor.sth must be a compact JWS string",
        assertThrows(IllegalArgumentException.class, () -> TreeHeadAnchor.fromJson(noSth))
            .getMessage());
    assertEquals(
        "root_hash must have 32 bytes, not 3",
        assertThrows(
                IllegalArgumentException.class,
                () -> TreeHeadAnchor.fromJson(anchor.toJson().put("root_hash", "AAAA")))
            .getMessage());
  }
}
