package org.uei.p2p.examples.embedding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The IES wave-2 half of the embedding demo: a buyer platform builds a DRAFT contract for an init
 * with the model (roles, both DISCOMs' ledger providers, a TimeSeries commitment with
 * REQUESTED_QTY), signs the exact bytes and sends them; a seller platform's own HTTP server checks
 * them with the same {@link VerifyingHandler} as on wave 1, given the wave-2 {@link MessageWire}.
 */
final class Wave2InitExample {

  static final String NETWORK = "indiaenergystack.in/p2p-trading-network";
  static final PolicyReference POLICY =
      new PolicyReference(
          "https://policies.example/ies-p2p-contract-policy", "data.deg.contracts.p2p_trading");

  /** The wave-2 seller platform: its own subscriber, in the IES network. */
  static final String BPP_ID = "bpp.up-solar.ies.example";

  private Wave2InitExample() {}

  /** A seller's server on loopback that accepts wave-2 requests checked against the registry. */
  record Seller(HttpServer server, String url, List<Wave2Envelope> received)
      implements AutoCloseable {
    static Seller start(BecknVerifier verifier) throws IOException {
      List<Wave2Envelope> received = new CopyOnWriteArrayList<>();
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/beckn/",
          new VerifyingHandler<>(
              BPP_ID,
              verifier,
              MessageWire.wave2(Wave2Validator.lenient()),
              a -> received.add(a.envelope())));
      server.start();
      return new Seller(
          server, "http://127.0.0.1:" + server.getAddress().getPort() + "/beckn", received);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** The subscriber record that makes {@code seller} reachable as the demo's seller platform. */
  static Subscriber subscriber(Seller seller, Ed25519KeyPair key) {
    return EmbeddingDemo.subscriber(BPP_ID, SubscriberType.BPP, seller.url(), key);
  }

  /** Sends a signed init, a tampered one and one that breaks a contract rule; their outcomes. */
  static List<EmbeddingDemo.Outcome> run(
      PrintStream out, SignedSender bap, BecknSigner bapSigner, Seller seller, Clock clock)
      throws Exception {
    byte[] init = initBody(clock, seller.url(), new BigDecimal("4.50"));
    out.println(
        "wave-2 init   "
            + init.length
            + " bytes: a DRAFT contract for 4.50 kWh, TPDDL buyer, PVVNL seller, both ledgers");
    List<EmbeddingDemo.Outcome> outcomes = new java.util.ArrayList<>();
    outcomes.add(
        EmbeddingDemo.report(out, "signed wave-2 init", 200, bap.send(BPP_ID, "init", init)));

    byte[] tampered = init.clone();
    int at = new String(tampered, StandardCharsets.UTF_8).indexOf("4.5");
    tampered[at] = '9';
    outcomes.add(
        EmbeddingDemo.report(
            out,
            "same signature, REQUESTED_QTY changed to 9.5",
            401,
            bap.post(seller.url(), "init", tampered, bapSigner.authorization(init))));

    byte[] noRoles = withoutRoles(init);
    outcomes.add(
        EmbeddingDemo.report(
            out,
            "signed wave-2 init whose contract names no roles",
            400,
            bap.send(BPP_ID, "init", noRoles)));
    out.println(
        "the wave-2 seller accepted "
            + seller.received().size()
            + " contract(s): "
            + (seller.received().isEmpty()
                ? "-"
                : seller.received().get(0).message().contract().statusCode()));
    return outcomes;
  }

  /**
   * An init for tomorrow's 10:00 IST slot, built with the model, as the buyer platform sends it.
   */
  static byte[] initBody(Clock clock, String bppUrl, BigDecimal kwh) {
    EnergyOffer offer = EmbeddingDemo.offer(clock);
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            EmbeddingDemo.BAP_ID,
            BPP_ID,
            "consumer-rohini-5",
            new MeterPoint("TEST_TPDDL_1187", "TPDDL"),
            List.of(OrderLine.take(offer, kwh)));
    Wave2Codec codec =
        new Wave2Codec(
            POLICY,
            List.of(
                ledger("TPDDL", "utility.tpddl.example", "ledger.tpddl.example"),
                ledger("PVVNL", "utility.pvvnl.example", "ledger.pvvnl.example")));
    ObjectNode context =
        Wave2Contexts.newRequest(
            Wave2Action.INIT,
            new Wave2Contexts.Parties(
                NETWORK, EmbeddingDemo.BAP_ID, "http://127.0.0.1:1/beckn", BPP_ID, bppUrl),
            null,
            null,
            List.of(),
            clock);
    return Wave2Envelope.of(context, codec.orderMessage(order)).write();
  }

  private static LedgerProvider ledger(String discom, String utility, String ledger) {
    String name = discom.toLowerCase(java.util.Locale.ROOT);
    return new LedgerProvider(
        discom,
        utility,
        "https://beckn." + name + ".example",
        ledger,
        "https://ledger." + name + ".example");
  }

  private static byte[] withoutRoles(byte[] init) throws IOException {
    ObjectNode tree = (ObjectNode) BecknJson.readTree(init);
    ObjectNode attributes = (ObjectNode) tree.at("/message/contract/contractAttributes");
    attributes.set("roles", ((ArrayNode) attributes.get("roles")).arrayNode());
    return BecknJson.write(tree);
  }
}
