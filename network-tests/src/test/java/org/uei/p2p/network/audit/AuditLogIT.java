package org.uei.p2p.network.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.uei.p2p.audit.anchor.TreeHeadAnchor;
import org.uei.p2p.audit.entry.Direction;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.entry.SignedMessageEntry;
import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.merkle.InclusionProof;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.verify.TreeHeadProofs;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.network.Cli;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

/**
 * After a trade between two node processes, the buyer checks from the seller's {@code /audit} API
 * alone, with the seller's registry key, that the confirm it sent is in the seller's signed log;
 * then a byte changed in the seller's database file is named by {@code uei audit verify}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT {

  private static final Base64.Decoder B64 = Base64.getDecoder();
  private static LocalNetwork net;
  private static TradeFlow.Result trade;
  private static long confirmIndex = -1;

  @BeforeAll
  static void start() throws Exception {
    net =
        LocalNetwork.start(
            Path.of("target", "audit-network-" + System.currentTimeMillis()).toAbsolutePath());
    TradeFlow flow = new TradeFlow(net);
    trade = flow.trade(flow.publishOffer("6.10", 8), 2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (net != null) {
      net.close();
    }
  }

  @Test
  @Order(1)
  void theBuyerProvesFromTheSellersApiThatItsConfirmIsInTheSellersSignedLog() throws Exception {
    Ed25519PublicKey sellerKey =
        Ed25519PublicKey.fromBase64(
            RegistryKeyResolver.of(BecknRegistry.builder(net.registryUrl()).build())
                .resolveSubscriber(LocalNetwork.BPP_ID, "k1")
                .signingPublicKey());
    String txn = trade.transactionId();

    SignedMessageEntry sent = message(net.bap().url(), txn, Direction.OUT, "confirm").entry();
    JsonNode anchors =
        Json.get(net.bap().url() + "/audit/anchors?transaction_id=" + txn)
            .expect(200)
            .get("anchors");
    JsonNode onConfirmAnchor = null;
    for (JsonNode a : anchors) {
      if (a.get("action").asText().equals("on_confirm")) {
        onConfirmAnchor = a;
      }
    }
    assertTrue(onConfirmAnchor != null, "the buyer indexed the anchor of on_confirm: " + anchors);
    assertEquals(LocalNetwork.BPP_ID, onConfirmAnchor.get("sender_id").asText());
    SignedTreeHead anchored =
        TreeHeadAnchor.fromJson(onConfirmAnchor.get("anchor")).verify(sellerKey);

    Logged received = message(net.bpp().url(), txn, Direction.IN, "confirm");
    assertArrayEquals(
        sent.body(), received.entry().body(), "the seller logged the exact bytes the buyer sent");
    assertEquals(
        sent.signatureHeaders().get("Authorization"),
        received.entry().signatureHeaders().get("Authorization"));
    assertTrue(
        received.index() < anchored.treeSize(),
        "the confirm precedes the head anchored in on_confirm");
    JsonNode path =
        Json.get(
                net.bpp().url()
                    + "/audit/proof/inclusion?index="
                    + received.index()
                    + "&tree_size="
                    + anchored.treeSize())
            .expect(200)
            .get("audit_path");
    InclusionProof proof = new InclusionProof(received.index(), anchored.treeSize(), hashes(path));
    assertTrue(
        TreeHeadProofs.entryIncluded(received.bytes(), proof, anchored),
        "inclusion proof of the confirm against the seller-signed head");
    confirmIndex = received.index();

    SignedTreeHead latest =
        SignedTreeHead.verify(
            Json.get(net.bpp().url() + "/audit/sth").expect(200).get("sth").asText(), sellerKey);
    JsonNode consistency =
        Json.get(
                net.bpp().url()
                    + "/audit/proof/consistency?first="
                    + anchored.treeSize()
                    + "&second="
                    + latest.treeSize())
            .expect(200)
            .get("consistency_path");
    assertTrue(
        TreeHeadProofs.extendsHead(
            anchored,
            latest,
            new ConsistencyProof(anchored.treeSize(), latest.treeSize(), hashes(consistency))));

    JsonNode buyerAnchors =
        Json.get(net.bpp().url() + "/audit/anchors?transaction_id=" + txn)
            .expect(200)
            .get("anchors");
    assertEquals(
        "confirm",
        buyerAnchors.get(0).get("action").asText(),
        "the seller indexed the buyer's anchor too");
    assertEquals(LocalNetwork.BAP_ID, buyerAnchors.get(0).get("sender_id").asText());

    Cli seller =
        Cli.run(
            "audit",
            "verify",
            "--node",
            net.bpp().url(),
            "--registry",
            net.registryUrl(),
            "--subscriber-id",
            LocalNetwork.BPP_ID);
    assertEquals(0, seller.exit(), seller.err());
    assertTrue(seller.out().startsWith("audit log verified: "), seller.out());
    Cli buyer =
        Cli.run(
            "audit",
            "verify",
            "--node",
            net.bap().url(),
            "--registry",
            net.registryUrl(),
            "--subscriber-id",
            LocalNetwork.BAP_ID,
            "--key-id",
            "k1");
    assertEquals(0, buyer.exit(), buyer.err());
  }

  @Test
  @Order(2)
  void aByteChangedInTheSellersDatabaseIsNamedWithItsIndexByUeiAuditVerify() throws Exception {
    assertTrue(confirmIndex >= 0, "runs after the inclusion check found the confirm");
    net.bpp().stop();
    String url = "jdbc:h2:file:" + net.dir().resolve("bpp-data").resolve("node");
    try (Connection c = DriverManager.getConnection(url, "uei", "")) {
      byte[] entry;
      try (PreparedStatement s =
          c.prepareStatement("SELECT entry FROM audit_log_entry WHERE idx = ?")) {
        s.setLong(1, confirmIndex);
        try (ResultSet r = s.executeQuery()) {
          assertTrue(r.next());
          entry = r.getBytes(1);
        }
      }
      entry[entry.length / 2] ^= 0x20;
      try (PreparedStatement s =
          c.prepareStatement("UPDATE audit_log_entry SET entry = ? WHERE idx = ?")) {
        s.setBytes(1, entry);
        s.setLong(2, confirmIndex);
        assertEquals(1, s.executeUpdate());
      }
    }
    net.bpp().start(Duration.ofSeconds(90));

    Cli cli =
        Cli.run(
            "audit",
            "verify",
            "--node",
            net.bpp().url(),
            "--registry",
            net.registryUrl(),
            "--subscriber-id",
            LocalNetwork.BPP_ID);
    assertEquals(1, cli.exit(), cli.out());
    assertTrue(
        cli.err().startsWith("uei: audit log NOT verified: ")
            && cli.err().contains(" at index " + confirmIndex + ":"),
        cli.err());
  }

  private record Logged(long index, byte[] bytes, SignedMessageEntry entry) {}

  private static Logged message(String node, String txn, Direction direction, String action)
      throws Exception {
    JsonNode entries =
        Json.get(node + "/audit/entries?transaction_id=" + txn).expect(200).get("entries");
    for (JsonNode e : entries) {
      byte[] bytes = B64.decode(e.get("entry").asText());
      if (EntryCodec.decode(bytes) instanceof SignedMessageEntry m
          && m.direction() == direction
          && m.action().equals(action)) {
        return new Logged(e.get("index").asLong(), bytes, m);
      }
    }
    throw new AssertionError(
        "no " + direction + " " + action + " in the log of " + node + ": " + entries);
  }

  private static List<byte[]> hashes(JsonNode array) {
    List<byte[]> out = new ArrayList<>();
    array.forEach(h -> out.add(B64.decode(h.asText())));
    return out;
  }
}
