package org.uei.p2p.examples.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The catalog discovery service over real HTTP with a local registry: sellers publish and get
 * on_publish, a buyer discovers with a filter and gets the matching offers still valid, and
 * requests that are unsigned, from the wrong party or for another seller are refused.
 */
class CatalogDiscoveryServiceTest {

  static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";
  static final PolicyReference POLICY =
      new PolicyReference("https://policy.test/p2p", "data.deg.contracts.p2p_trading");
  static final LedgerProvider LEDGER =
      new LedgerProvider(
          "TEST_DISCOM_A", "discom-a.test", "http://127.0.0.1:9", "ledger-a.test", "http://x:9");
  static final Instant NOW = Instant.now();
  // 10:00 IST tomorrow: P2P slots are whole IST hours between 06:00 and 18:00.
  static final Instant SLOT =
      java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"))
          .plusDays(1)
          .atTime(10, 0)
          .atZone(java.time.ZoneId.of("Asia/Kolkata"))
          .toInstant();

  static LocalRegistry registry;
  static Receiver sellerA;
  static Receiver sellerB;
  static Receiver buyer;
  static CatalogDiscoveryService cds;
  static final Ed25519KeyPair KEY_A = Ed25519KeyPair.generate();
  static final Ed25519KeyPair KEY_B = Ed25519KeyPair.generate();
  static final Ed25519KeyPair KEY_BUYER = Ed25519KeyPair.generate();
  static final Ed25519KeyPair KEY_CDS = Ed25519KeyPair.generate();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void network() throws Exception {
    registry =
        LocalRegistry.builder()
            .host("127.0.0.1")
            .port(0)
            .dataDir(Files.createTempDirectory("cds-test"))
            .start();
    sellerA = new Receiver();
    sellerB = new Receiver();
    buyer = new Receiver();
    Json.post(
            registry.baseUrl() + "/admin/subscribers",
            List.of(
                LoopbackSubscribers.record(
                    "seller-a.test", "k1", "BPP", sellerA.url(), NETWORK, KEY_A),
                LoopbackSubscribers.record(
                    "seller-b.test", "k1", "BPP", sellerB.url(), NETWORK, KEY_B),
                LoopbackSubscribers.record(
                    "buyer.test", "k1", "BAP", buyer.url(), NETWORK, KEY_BUYER),
                LoopbackSubscribers.record(
                    "other-net-seller.test", "k1", "BPP", sellerB.url(), "another-network", KEY_B)))
        .expect(200);
    cds =
        CatalogDiscoveryService.start(
            "cds.test", KEY_CDS, registry.baseUrl(), NETWORK, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    cds.close();
    sellerA.close();
    sellerB.close();
    buyer.close();
    registry.close();
  }

  @Test
  void publishIsAcceptedIndexedAndAnsweredSigned() throws Exception {
    Wave2Envelope publish = publish("seller-a.test", sellerA, offer("a-1", "6.00", NOW, 2));
    assertEquals(200, post("/catalog/publish", publish, signer("seller-a.test", KEY_A)));
    Wave2Envelope onPublish = sellerA.await("catalog/on_publish");
    assertEquals(publish.context().messageId(), onPublish.context().messageId());
    JsonNode result = onPublish.message().toJson().path("results").path(0);
    assertEquals("catalog-seller-a.test", result.path("catalogId").asText());
    assertEquals("ACCEPTED", result.path("status").asText());
    assertEquals(1, cds.indexedOffers("seller-a.test"));
  }

  @Test
  void publishForAnotherSellerOrUnsignedOrFromOutsideTheNetworkIsRefused() throws Exception {
    int before = cds.indexedOffers("seller-b.test");
    // seller-b signs a catalog that names seller-a as its platform.
    Wave2Envelope forA = publish("seller-a.test", sellerA, offer("x-1", "1.00", NOW, 2));
    ObjectNode tampered = forA.toJson();
    ((ObjectNode) tampered.path("context")).put("bppId", "seller-b.test");
    ((ObjectNode) tampered.path("context")).put("bppUri", sellerB.url());
    Wave2Envelope asB = Wave2Envelope.fromTree(tampered);
    HttpResponse<String> r = send("/catalog/publish", asB, signer("seller-b.test", KEY_B));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(
        "message.catalogs[0].bppId", Json.MAPPER.readTree(r.body()).at("/error/paths").asText());

    r = send("/catalog/publish", forA, null);
    assertEquals(401, r.statusCode(), r.body());
    // Signed by seller-a's key but claiming to be seller-b: the signer must be the context's bppId.
    r = send("/catalog/publish", asB, signer("seller-a.test", KEY_A));
    assertEquals(401, r.statusCode(), r.body());
    // A seller registered only in another network.
    Wave2Envelope other = publish("other-net-seller.test", sellerB, offer("o-1", "1", NOW, 2));
    r = send("/catalog/publish", other, signer("other-net-seller.test", KEY_B));
    assertEquals(401, r.statusCode(), r.body());
    // A buyer cannot publish as a seller.
    Wave2Envelope asBuyer = publish("buyer.test", buyer, offer("b-1", "1", NOW, 2));
    r = send("/catalog/publish", asBuyer, signer("buyer.test", KEY_BUYER));
    assertEquals(401, r.statusCode(), r.body());
    assertEquals(before, cds.indexedOffers("seller-b.test"));
    assertEquals(0, cds.indexedOffers("buyer.test"));
  }

  @Test
  void invalidCatalogGetsTheValidatorsPath() throws Exception {
    Wave2Envelope publish = publish("seller-b.test", sellerB, offer("v-1", "6.00", NOW, 2));
    ObjectNode broken = publish.toJson();
    ((ObjectNode) broken.at("/message/catalogs/0/offers/0")).remove("id");
    HttpResponse<String> r =
        send("/catalog/publish", Wave2Envelope.fromTree(broken), signer("seller-b.test", KEY_B));
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = Json.MAPPER.readTree(r.body()).path("error");
    assertEquals("30000", error.path("errorCode").asText());
    assertEquals("message.catalogs[0].offers[0].id", error.path("paths").asText());
  }

  @Test
  void discoverReturnsMatchingOffersStillValidAndAnOlderPublishChangesNothing() throws Exception {
    Wave2Envelope older =
        publish("seller-b.test", sellerB, NOW.minusSeconds(3600), offer("b-cheap", "4.00", NOW, 2));
    Wave2Envelope publish =
        publish(
            "seller-b.test",
            sellerB,
            offer("b-cheap", "4.00", NOW, 2),
            offer("b-dear", "9.00", NOW, 2),
            // valid until an hour ago: not returned
            offer("b-gone", "3.00", NOW.minus(Duration.ofHours(3)), -1));
    assertEquals(200, post("/catalog/publish", publish, signer("seller-b.test", KEY_B)));
    HttpResponse<String> r = send("/catalog/publish", older, signer("seller-b.test", KEY_B));
    assertEquals(400, r.statusCode(), "an older publish is refused: " + r.body());
    assertEquals(3, cds.indexedOffers("seller-b.test"));

    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.putObject("intent")
        .putObject("filters")
        .put("type", "jsonpath")
        .put(
            "expression",
            "$.catalogs[*].offers[*] ? (@.offerAttributes.\"@type\" == \"EnergyTradeOffer\""
                + " && @.provider.id == 'prosumer-seller-b.test')");
    Wave2Envelope discover =
        Wave2Envelope.of(
            Wave2Contexts.newRequest(
                Wave2Action.DISCOVER,
                new Wave2Contexts.Parties(NETWORK, "buyer.test", buyer.url(), null, null),
                null,
                Duration.ofSeconds(30),
                List.of(),
                Clock.systemUTC()),
            Wave2Message.of(m));
    assertEquals(200, post("/discover", discover, signer("buyer.test", KEY_BUYER)));
    Wave2Envelope onDiscover = buyer.await("on_discover");
    assertEquals(discover.context().messageId(), onDiscover.context().messageId());
    assertEquals("cds.test", onDiscover.context().bppId());
    List<EnergyOffer> offers = new Wave2Codec(POLICY, List.of()).offers(onDiscover.message());
    assertEquals(
        List.of("b-cheap", "b-dear"), offers.stream().map(EnergyOffer::offerId).sorted().toList());
    assertEquals("seller-b.test", onDiscover.message().catalogs().get(0).bppId());

    // Narrowed by price with the same filter code the seller platform uses.
    ObjectNode cheap = m.deepCopy();
    ((ObjectNode) cheap.at("/intent/filters"))
        .put(
            "expression",
            "$.catalogs[*].offers[*] ? (@.id == 'b-dear' && @.provider.id == 'prosumer-seller-b.test')");
    Wave2Envelope narrow =
        Wave2Envelope.of(
            Wave2Contexts.newRequest(
                Wave2Action.DISCOVER,
                new Wave2Contexts.Parties(NETWORK, "buyer.test", buyer.url(), null, null),
                null,
                Duration.ofSeconds(30),
                List.of(),
                Clock.systemUTC()),
            Wave2Message.of(cheap));
    assertEquals(200, post("/discover", narrow, signer("buyer.test", KEY_BUYER)));
    List<EnergyOffer> one =
        new Wave2Codec(POLICY, List.of()).offers(buyer.await("on_discover").message());
    assertEquals(List.of("b-dear"), one.stream().map(EnergyOffer::offerId).toList());
  }

  /** An offer of {@code kwh}, valid from {@code from} until {@code hours} after NOW. */
  static EnergyOffer offer(String id, String price, Instant from, int hours) {
    String seller = id.startsWith("b-") ? "seller-b.test" : "seller-a.test";
    return new EnergyOffer(
        id,
        "prosumer-" + seller,
        new MeterPoint("TEST_METER_" + id, LEDGER.discomId()),
        DeliverySlot.hourStarting(SLOT),
        UnitPrice.inr(price),
        new BigDecimal("5"),
        from.minus(Duration.ofHours(1)),
        NOW.plus(Duration.ofHours(hours)));
  }

  static Wave2Envelope publish(String bppId, Receiver at, EnergyOffer... offers) {
    return publish(bppId, at, Instant.now(), offers);
  }

  /** A catalog/publish of {@code offers} by {@code bppId}, made at {@code timestamp}. */
  static Wave2Envelope publish(
      String bppId, Receiver at, Instant timestamp, EnergyOffer... offers) {
    Wave2Message catalog =
        new Wave2Codec(POLICY, List.of(LEDGER))
            .catalogMessage(
                new CatalogHeader("catalog-" + bppId, "test", bppId, at.url()), List.of(offers));
    return Wave2Envelope.of(
        Wave2Contexts.newRequest(
            Wave2Action.CATALOG_PUBLISH,
            new Wave2Contexts.Parties(NETWORK, null, null, bppId, at.url()),
            null,
            Duration.ofSeconds(30),
            List.of(),
            Clock.fixed(timestamp, ZoneOffset.UTC)),
        catalog);
  }

  static BecknSigner signer(String id, Ed25519KeyPair key) {
    return BecknSigner.of(id, "k1", key);
  }

  static int post(String path, Wave2Envelope e, BecknSigner signer) throws Exception {
    HttpResponse<String> r = send(path, e, signer);
    assertEquals(200, r.statusCode(), r.body());
    return r.statusCode();
  }

  static HttpResponse<String> send(String path, Wave2Envelope e, BecknSigner signer)
      throws Exception {
    byte[] body = e.write();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(cds.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signer != null) {
      b.header("Authorization", signer.authorization(body));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A participant's callback endpoint: takes what the service sends, checking its signature. */
  static final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<Wave2Envelope> received = new LinkedBlockingQueue<>();

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            var check =
                BecknVerifier.of(
                        StaticKeyResolver.builder()
                            .add("cds.test", "k1", KEY_CDS.publicKeyBase64())
                            .build())
                    .verify(ex.getRequestHeaders().getFirst("Authorization"), body, null);
            int status = 401;
            if (check.valid() && "cds.test".equals(check.signerId())) {
              try {
                received.add(Wave2Envelope.parse(body));
                status = 200;
              } catch (Exception e) {
                status = 400;
              }
            }
            byte[] ack = "{\"status\":\"ACK\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, ack.length);
            ex.getResponseBody().write(ack);
            ex.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Wave2Envelope await(String action) throws InterruptedException {
      Wave2Envelope e = received.poll(10, TimeUnit.SECONDS);
      assertTrue(e != null, "no " + action + " within 10 s");
      assertEquals(action, e.context().action());
      return e;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
