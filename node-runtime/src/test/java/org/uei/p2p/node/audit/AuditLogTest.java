package org.uei.p2p.node.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uei.p2p.audit.anchor.TreeHeadAnchor;
import org.uei.p2p.audit.entry.Direction;
import org.uei.p2p.audit.entry.EntryCodec;
import org.uei.p2p.audit.entry.RecordEntry;
import org.uei.p2p.audit.entry.SignedMessageEntry;
import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.merkle.InclusionProof;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.verify.LogVerifier;
import org.uei.p2p.audit.verify.TreeHeadProofs;
import org.uei.p2p.audit.verify.VerificationReport;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.wave1.Attributes;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.node.store.MessageStored;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.Poll;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class AuditLogTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Base64.Decoder B64 = Base64.getDecoder();

  @Inject AuditLog audit;
  @Inject AgroalDataSource dataSource;
  @Inject TreeHeadAnchors anchors;
  @Inject Event<MessageStored> storedEvents;
  @Inject org.uei.p2p.node.store.MessageStore messages;

  @RegisterExtension static final CallbackReceiver receiver = CallbackReceiver.forPeer();

  private static Ed25519PublicKey nodeKey() {
    return Ed25519PublicKey.fromBase64(TestPeers.nodePublicKey());
  }

  private static SignedTreeHead fetchHead() throws Exception {
    return SignedTreeHead.verify(
        given().get("/audit/sth").then().statusCode(200).extract().path("sth"), nodeKey());
  }

  private static byte[] discover() {
    DiscoverMessage m = new DiscoverMessage();
    m.setFilters(
        DiscoverMessage.Filters.jsonPath("$[?(@.beckn:itemAttributes.sourceType == 'SOLAR')]"));
    return Envelopes.write(new Envelope<>(discoverContext(), m));
  }

  /** A discover's context from the test peer to this node, in a transaction of its own. */
  private static org.uei.p2p.model.envelope.Context discoverContext() {
    return Contexts.newRequest(
        Action.DISCOVER,
        new Contexts.Parties(
            TestNetwork.DOMAIN,
            TestPeers.peerId(),
            TestPeers.peerUrl(),
            TestPeers.nodeId(),
            TestPeers.nodeUrl()),
        null,
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  private static RecordEntry record(String transactionId) {
    return new RecordEntry(
        RecordEntry.Kind.SETTLEMENT,
        "s-" + UUID.randomUUID(),
        transactionId,
        "{\"amount\":\"12.50\"}".getBytes(StandardCharsets.UTF_8),
        Instant.parse("2026-02-01T10:00:00Z"));
  }

  @Test
  void signedMessagesInAndOutAreLoggedWithTheirSignaturesAndProvablyIncluded() throws Exception {
    byte[] body = discover();
    String txn = Envelopes.parse(body).getContext().getTransactionId();
    given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/discover")
        .then()
        .statusCode(200);
    Poll.until(
        () ->
            given().get("/audit/entries?transaction_id=" + txn).jsonPath().getList("entries").size()
                == 2,
        WAIT,
        "received discover and sent on_discover both logged");

    JsonPath entries = given().get("/audit/entries?transaction_id=" + txn).jsonPath();
    assertEquals("discover", entries.getString("entries[0].action"));
    assertEquals("IN", entries.getString("entries[0].direction"));
    assertEquals("on_discover", entries.getString("entries[1].action"));
    assertEquals("OUT", entries.getString("entries[1].direction"));
    SignedMessageEntry in =
        (SignedMessageEntry) EntryCodec.decode(B64.decode(entries.getString("entries[0].entry")));
    assertArrayEquals(body, in.body(), "the exact bytes received are logged");
    BecknVerifier peer =
        BecknVerifier.of(
            StaticKeyResolver.builder()
                .add(
                    TestPeers.peerId(),
                    "k1",
                    Ed25519KeyPair.fromPrivateKeyBase64(System.getProperty("uei-test.peer.key"))
                        .publicKeyBase64())
                .build());
    assertTrue(
        peer.verify(in.signatureHeaders().get("Authorization"), in.body(), TestPeers.peerId())
            .valid(),
        "the logged signature header still verifies over the logged body");
    SignedMessageEntry out =
        (SignedMessageEntry) EntryCodec.decode(B64.decode(entries.getString("entries[1].entry")));
    assertEquals(Direction.OUT, out.direction());
    assertTrue(
        out.signatureHeaders().containsKey("Authorization"), out.signatureHeaders().toString());

    SignedTreeHead head = fetchHead();
    long index = entries.getLong("entries[0].index");
    JsonPath proof =
        given()
            .get("/audit/proof/inclusion?index=" + index + "&tree_size=" + head.treeSize())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    InclusionProof inclusion =
        new InclusionProof(
            index,
            head.treeSize(),
            proof.getList("audit_path", String.class).stream().map(B64::decode).toList());
    assertTrue(TreeHeadProofs.entryIncluded(in.encode(), inclusion, head));
    assertFalse(
        TreeHeadProofs.entryIncluded(out.encode(), inclusion, head),
        "a proof is for one entry only");
  }

  @Test
  void headsGrowConsistentlyAndRecordsAreAppendedWithTheirIndex() throws Exception {
    // Callbacks of earlier tests may still be appended; compare two heads of one tree size.
    SignedTreeHead[] pair = new SignedTreeHead[2];
    org.uei.p2p.node.testing.Poll.until(
        () -> {
          try {
            pair[0] = fetchHead();
            pair[1] = fetchHead();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return pair[0].treeSize() == pair[1].treeSize();
        },
        Duration.ofSeconds(30),
        "the log to stop growing");
    SignedTreeHead first = pair[1];
    assertEquals(pair[0].jws(), first.jws(), "no new head while the log has not grown");
    long index = audit.appendRecord(record("txn-" + UUID.randomUUID()));
    audit.appendRecord(record(null));
    SignedTreeHead second = fetchHead();
    assertTrue(
        second.treeSize() >= index + 2 && index >= first.treeSize(), second + " after " + index);

    JsonPath proof =
        given()
            .get(
                "/audit/proof/consistency?first="
                    + first.treeSize()
                    + "&second="
                    + second.treeSize())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    ConsistencyProof consistency =
        new ConsistencyProof(
            first.treeSize(),
            second.treeSize(),
            proof.getList("consistency_path", String.class).stream().map(B64::decode).toList());
    assertTrue(TreeHeadProofs.extendsHead(first, second, consistency));
    List<String> kept = audit.headsUpTo(Long.MAX_VALUE).stream().map(SignedTreeHead::jws).toList();
    assertTrue(
        kept.contains(first.jws()) && kept.contains(second.jws()), "the history of heads is kept");

    given()
        .get("/audit/proof/inclusion?index=" + second.treeSize())
        .then()
        .statusCode(400)
        .body("error", containsString("not in a tree"));
    given().get("/audit/entries?from=5&to=2").then().statusCode(400);
  }

  @Test
  void aRecordRolledBackWithItsTransactionLeavesNoTraceAndTheLogStaysVerifiable() throws Exception {
    long before = audit.size();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      audit.appendRecord(record("txn-rolled-back"));
                      throw new IllegalStateException("caller fails after appending");
                    }));
    assertEquals(before, audit.size());
    long index = audit.appendRecord(record("txn-after-rollback"));
    assertEquals(before, index, "the index of the rolled-back record is reused");
    assertTrue(verifyExport().ok(), "log verifies after a rollback");
  }

  @Test
  void concurrentAppendsGetDistinctIndexesAndTheLogStaysVerifiable() throws Exception {
    long before = audit.size();
    int threads = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Long>>> results = new java.util.ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  List<Long> indexes = new java.util.ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    indexes.add(audit.appendRecord(record("txn-concurrent")));
                  }
                  return indexes;
                }));
      }
      java.util.Set<Long> all = new java.util.TreeSet<>();
      for (Future<List<Long>> f : results) {
        all.addAll(f.get());
      }
      assertEquals(threads * each, all.size(), "no index handed out twice");
      assertTrue(audit.size() >= before + threads * each);
    } finally {
      pool.shutdownNow();
    }
    fetchHead();
    assertTrue(verifyExport().ok(), "log verifies after concurrent appends");
  }

  @Test
  void aByteChangedInAStoredEntryIsReportedAtItsIndex() throws Exception {
    long index = audit.appendRecord(record("txn-tampered"));
    fetchHead();
    byte[] original = storedEntry(index);
    byte[] tampered = original.clone();
    tampered[tampered.length - 3] ^= 0x01;
    setStoredEntry(index, tampered);
    try {
      VerificationReport report = verifyExport();
      assertFalse(report.ok());
      assertEquals(index, report.firstBadIndex(), report.toString());
    } finally {
      setStoredEntry(index, original);
    }
    assertTrue(verifyExport().ok(), "restoring the byte restores the log");
  }

  @Test
  void anAnchorAttachedToAnOrderIsIndexedByTransactionWhenTheOrderIsReceived() throws Exception {
    Order order = new Order();
    order.setId("order-" + UUID.randomUUID());
    Attributes attributes = new Attributes();
    attributes.setType("beckn:OrderAttributes");
    order.setOrderAttributes(attributes);
    OrderMessage message = new OrderMessage(order);
    TreeHeadAnchor sent = anchors.attach(message).orElseThrow();
    assertTrue(anchors.attach(new OrderMessage(new Order())).isEmpty(), "no attributes, no anchor");
    String txn = "txn-" + UUID.randomUUID();
    byte[] body =
        BecknJson.mapper()
            .writeValueAsBytes(
                BecknJson.mapper()
                    .createObjectNode()
                    .set("message", BecknJson.mapper().valueToTree(message)));
    storeReceived("on_confirm", txn, body);
    storeReceived(
        "on_status",
        txn,
        ("{\"message\":{\"order\":{\"beckn:orderAttributes\":{\""
                + TreeHeadAnchor.PROPERTY
                + "\":{\"tree_size\":\"many\"}}}}}")
            .getBytes(StandardCharsets.UTF_8));

    JsonPath listed =
        given()
            .get("/audit/anchors?transaction_id=" + txn)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        1,
        listed.getList("anchors").size(),
        "the malformed anchor is left out: " + listed.prettify());
    assertEquals("on_confirm", listed.getString("anchors[0].action"));
    assertEquals(TestPeers.peerId(), listed.getString("anchors[0].sender_id"));
    TreeHeadAnchor stored =
        TreeHeadAnchor.fromJson(
            BecknJson.mapper()
                .readTree(given().get("/audit/anchors?transaction_id=" + txn).asString())
                .path("anchors")
                .path(0)
                .path("anchor"));
    assertEquals(sent, stored);
    assertEquals(sent.treeSize(), stored.verify(nodeKey()).treeSize());
    audit.catchUp();
    assertEquals(
        2, audit.store().indexesOf(txn).size(), "both messages are in the log all the same");
    given().get("/audit/anchors").then().statusCode(400);
  }

  @Test
  void aStoredMessageReachesTheLogExactlyWhenItsTransactionCommitsAndTheNextHeadCoversIt()
      throws Exception {
    String rolledBack = "txn-" + UUID.randomUUID();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      storeReceived("discover", rolledBack, "{}".getBytes(StandardCharsets.UTF_8));
                      throw new IllegalStateException(
                          "the store's transaction fails after the message was queued");
                    }));
    String committed = "txn-" + UUID.randomUUID();
    storeReceived("discover", committed, "{}".getBytes(StandardCharsets.UTF_8));

    SignedTreeHead head = audit.currentHead();
    List<Long> indexes = audit.store().indexesOf(committed);
    assertEquals(1, indexes.size(), "the committed message is in the log");
    assertTrue(
        indexes.get(0) < head.treeSize(), "a head signed after the store covers the message");
    audit.catchUp();
    assertTrue(
        audit.store().indexesOf(rolledBack).isEmpty(),
        "the rolled-back message never reaches the log");
    assertTrue(verifyExport().ok());
  }

  @Test
  void aMessageThatCannotBeAppendedIsQuarantinedWithAnAlarmAndLaterOnesStillReachTheLog()
      throws Exception {
    String bad = "txn-" + UUID.randomUUID();
    String good = "txn-" + UUID.randomUUID();
    // Headers cut short, as a store that truncated its header column once left them.
    storeReceived(
        "discover",
        bad,
        "{}".getBytes(StandardCharsets.UTF_8),
        "{\"Authorization\":\"Signature keyId=");
    storeReceived("discover", good, "{}".getBytes(StandardCharsets.UTF_8));

    audit.catchUp();
    assertEquals(
        1, audit.store().indexesOf(good).size(), "the message after the bad one is appended");
    assertTrue(audit.store().indexesOf(bad).isEmpty());
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body(containsString("audit-log"))
        .body(containsString("quarantinedMessages"));
    given().get("/audit/sth").then().statusCode(200);
    assertTrue(verifyExport().ok());
    given().get("/q/metrics").then().statusCode(200).body(containsString("uei_audit_quarantined"));

    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM audit_quarantine")) {
      assertEquals(1, s.executeUpdate(), "exactly the bad message was quarantined");
    }
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void aMessageIsLoggedAsItsStoredRowReadsWhetherKeptInMemoryOrReadBack() throws Exception {
    org.uei.p2p.model.envelope.Context context = discoverContext();
    String txn = context.getTransactionId();
    byte[] body = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
    // Finer than the database keeps: the entry must carry the time the row holds.
    Instant receivedAt = Instant.parse("2026-02-11T06:00:00.123456789Z");
    Long id =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    messages.saveInbound(
                        "discover",
                        org.uei.p2p.node.wire.WireContext.of(context),
                        TestPeers.peerId(),
                        java.util.Map.of("Authorization", "Signature keyId=\"k\""),
                        body,
                        receivedAt));
    audit.catchUp();
    List<Long> indexes = audit.store().indexesOf(txn);
    assertEquals(1, indexes.size());
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT action, message_id, body, headers, created_at FROM beckn_message"
                    + " WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        Instant stored = r.getObject(5, java.time.OffsetDateTime.class).toInstant();
        assertEquals(Instant.parse("2026-02-11T06:00:00.123456Z"), stored);
        byte[] fromRow =
            SignedMessageEntry.of(
                    Direction.IN,
                    r.getString(1),
                    txn,
                    r.getString(2),
                    r.getBytes(3),
                    AuditLog.signatureHeaders(r.getString(4)),
                    stored)
                .encode();
        assertArrayEquals(fromRow, storedEntry(indexes.get(0)));
      }
    }
  }

  /** Stores a received message the way the inbound pipeline's store stage does, event included. */
  private void storeReceived(String action, String transactionId, byte[] body) {
    storeReceived(action, transactionId, body, "{}");
  }

  private void storeReceived(String action, String transactionId, byte[] body, String headers) {
    QuarkusTransaction.joiningExisting()
        .run(
            () -> {
              StoredMessage m = new StoredMessage();
              m.direction = org.uei.p2p.node.store.Direction.IN;
              m.action = action;
              m.transactionId = transactionId;
              m.messageId = UUID.randomUUID().toString();
              m.senderId = TestPeers.peerId();
              m.headers = headers;
              m.body = body;
              m.createdAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
              m.persist();
              storedEvents.fire(new MessageStored(m));
            });
  }

  private VerificationReport verifyExport() throws Exception {
    byte[] export = given().get("/audit/export").then().statusCode(200).extract().asByteArray();
    return new LogVerifier(nodeKey()).verify(new ByteArrayInputStream(export));
  }

  private byte[] storedEntry(long index) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT entry FROM audit_log_entry WHERE idx = ?")) {
      s.setLong(1, index);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        return r.getBytes(1);
      }
    }
  }

  /** Tampering as an attacker with database access would: the code itself has no update path. */
  private void setStoredEntry(long index, byte[] bytes) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE audit_log_entry SET entry = ? WHERE idx = ?")) {
      s.setBytes(1, bytes);
      s.setLong(2, index);
      assertEquals(1, s.executeUpdate());
    }
  }
}
