package org.uei.p2p.examples.embedding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.registry.SubscriberType;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * The libraries embedded in plain Java, end to end over real HTTP on loopback: a local registry, a
 * seller platform's own HTTP server that checks requests with {@link VerifyingHandler}, and a buyer
 * platform that builds a select with the model and sends it with {@link SignedSender}. Four
 * requests show what a receiver accepts and what it refuses, and why; then the same on IES wave 2
 * with an init carrying a DRAFT contract ({@link Wave2InitExample}).
 */
public final class EmbeddingDemo {

  static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  static final String BAP_ID = "bap.delhi-buyers.example";
  static final String BPP_ID = "bpp.up-solar.example";

  /**
   * One request of the demo: what was sent, what came back, and whether that was the expected
   * answer.
   */
  public record Outcome(String what, int expectedStatus, int status, String answer) {
    public boolean asExpected() {
      return status == expectedStatus;
    }
  }

  private EmbeddingDemo() {}

  public static void main(String[] args) throws Exception {
    List<Outcome> outcomes = run(System.out);
    System.exit(outcomes.stream().allMatch(Outcome::asExpected) ? 0 : 1);
  }

  /** Runs the demo, printing as it goes, and returns the outcome of each request. */
  public static List<Outcome> run(PrintStream out) throws Exception {
    Clock clock = Clock.systemUTC();
    List<Outcome> outcomes = new ArrayList<>();
    try (LocalRegistry registry =
        LocalRegistry.builder().dataDir(Files.createTempDirectory("uei-demo-registry")).start()) {
      out.println("registry      " + registry.baseUrl());
      Ed25519KeyPair bapKey = Ed25519KeyPair.generate();
      Ed25519KeyPair bppKey = Ed25519KeyPair.generate();

      BecknRegistry registryClient = BecknRegistry.of(registry.baseUrl());
      BecknVerifier verifier = BecknVerifier.of(RegistryKeyResolver.of(registryClient));
      List<Envelope<?>> received = new CopyOnWriteArrayList<>();
      HttpServer bppServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      bppServer.createContext(
          "/beckn/",
          VerifyingHandler.of(BPP_ID, verifier, Wave1Validator.lenient(), received::add));
      bppServer.start();
      try (Wave2InitExample.Seller wave2Seller = Wave2InitExample.Seller.start(verifier)) {
        String bppUrl = "http://127.0.0.1:" + bppServer.getAddress().getPort() + "/beckn";
        out.println("seller (BPP)  " + bppUrl + "  as " + BPP_ID);
        register(
            registry,
            subscriber(BAP_ID, SubscriberType.BAP, "http://127.0.0.1:1/beckn", bapKey),
            subscriber(BPP_ID, SubscriberType.BPP, bppUrl, bppKey),
            Wave2InitExample.subscriber(wave2Seller, Ed25519KeyPair.generate()));
        out.println("wave-2 seller " + wave2Seller.url() + "  as " + Wave2InitExample.BPP_ID);
        out.println(
            "registered    "
                + BAP_ID
                + ", "
                + BPP_ID
                + " and "
                + Wave2InitExample.BPP_ID
                + " with fresh Ed25519 keys");
        out.println();

        SignedSender bap =
            new SignedSender(BecknSigner.of(BAP_ID, "k1", bapKey), registryClient, clock);
        byte[] select = selectBody(clock, bppUrl, new BigDecimal("4.50"));
        out.println(
            "select        "
                + select.length
                + " bytes: 4.50 kWh from a PVVNL prosumer to a TPDDL consumer");

        outcomes.add(report(out, "signed select", 200, bap.send(BPP_ID, "select", select)));

        byte[] tampered = select.clone();
        int at = new String(tampered, StandardCharsets.UTF_8).indexOf("4.5");
        tampered[at] = '9';
        outcomes.add(
            report(
                out,
                "same signature, quantity changed to 9.5 after signing",
                401,
                bap.post(
                    bppUrl,
                    "select",
                    tampered,
                    BecknSigner.of(BAP_ID, "k1", bapKey).authorization(select))));

        byte[] negative = withQuantity(select, "-3");
        outcomes.add(
            report(
                out, "signed select with quantity -3", 400, bap.send(BPP_ID, "select", negative)));

        SignedSender stranger =
            new SignedSender(
                BecknSigner.of(BAP_ID, "k9", Ed25519KeyPair.generate()), registryClient, clock);
        outcomes.add(
            report(
                out,
                "select signed with a key the registry does not know",
                401,
                stranger.send(BPP_ID, "select", select)));

        out.println();
        out.println(
            "the seller accepted "
                + received.size()
                + " message(s), transaction "
                + (received.isEmpty() ? "-" : received.get(0).getContext().getTransactionId()));
        out.println();
        outcomes.addAll(
            Wave2InitExample.run(
                out, bap, BecknSigner.of(BAP_ID, "k1", bapKey), wave2Seller, clock));
      } finally {
        bppServer.stop(0);
      }
    }
    boolean ok = outcomes.stream().allMatch(Outcome::asExpected);
    out.println(
        ok ? "every request got the expected answer" : "SOME REQUESTS GOT AN UNEXPECTED ANSWER");
    return outcomes;
  }

  static Outcome report(PrintStream out, String what, int expected, SignedSender.Reply reply) {
    String answer =
        reply.ack().isAck()
            ? "ACK"
            : "NACK "
                + reply.ack().error().getCode()
                + " "
                + reply.ack().error().getMessage()
                + (reply.ack().error().getPaths() != null
                    ? " at " + reply.ack().error().getPaths()
                    : "");
    Outcome o = new Outcome(what, expected, reply.httpStatus(), answer);
    out.printf(
        "%-4s %-55s -> HTTP %d %s%n",
        o.asExpected() ? "ok" : "FAIL", what, reply.httpStatus(), answer);
    return o;
  }

  /**
   * A select for tomorrow's 10:00 IST slot (04:30 UTC), as a Delhi buyer platform would send it.
   */
  static byte[] selectBody(Clock clock, String bppUrl, BigDecimal kwh) {
    EnergyOffer offer = offer(clock);
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            BAP_ID,
            BPP_ID,
            "consumer-rohini-5",
            new MeterPoint("TEST_TPDDL_1187", "TPDDL"),
            List.of(OrderLine.take(offer, kwh)));
    Context context =
        Contexts.newRequest(
            Action.SELECT,
            new Contexts.Parties(DOMAIN, BAP_ID, "http://127.0.0.1:1/beckn", BPP_ID, bppUrl),
            null,
            null,
            clock);
    return Envelopes.write(new Envelope<>(context, new Wave1Codec().orderMessage(order)));
  }

  /** A PVVNL prosumer's offer of 10 kWh in tomorrow's 10:00 IST slot (04:30 UTC) at ₹6.50. */
  static EnergyOffer offer(Clock clock) {
    Instant slotStart =
        clock
            .instant()
            .truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofHours(24 + 4))
            .plusSeconds(1800);
    return new EnergyOffer(
        "offer-pvvnl-1030",
        "prosumer-meerut-17",
        new MeterPoint("TEST_PVVNL_0042", "PVVNL"),
        DeliverySlot.hourStarting(slotStart),
        UnitPrice.inr("6.50"),
        new BigDecimal("10"),
        clock.instant().minus(Duration.ofHours(1)),
        slotStart.minus(Duration.ofHours(4)));
  }

  private static byte[] withQuantity(byte[] select, String quantity) throws IOException {
    ObjectNode tree = (ObjectNode) BecknJson.readTree(select);
    ObjectNode q = (ObjectNode) tree.at("/message/order/beckn:orderItems/0/beckn:quantity");
    q.put("unitQuantity", new BigDecimal(quantity));
    return BecknJson.write(tree);
  }

  static Subscriber subscriber(String id, SubscriberType type, String url, Ed25519KeyPair key) {
    return Subscriber.builder()
        .subscriberId(id)
        .uniqueKeyId("k1")
        .type(type)
        .url(url)
        .domain(DOMAIN)
        .signingPublicKey(key.publicKeyBase64())
        .status(Subscriber.SUBSCRIBED)
        .build();
  }

  /**
   * Registers subscribers through the local registry's loopback admin route, as a network operator
   * would.
   */
  private static void register(LocalRegistry registry, Subscriber... subscribers)
      throws IOException, InterruptedException {
    byte[] body =
        SubscriberJson.MAPPER.writeValueAsBytes(SubscriberJson.writeList(List.of(subscribers)));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/admin/subscribers"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(
          "registry refused the subscribers: HTTP " + r.statusCode() + " " + r.body());
    }
  }
}
