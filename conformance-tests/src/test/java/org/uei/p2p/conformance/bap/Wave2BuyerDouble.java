package org.uei.p2p.conformance.bap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.bpp.Wave2BppConformance;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.http.Wave2Replies;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.RevenueFlow;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * A wave-2 buyer platform for the kit's own tests, driven as a {@link BapTrigger}: discover, init
 * for 1 kWh with both DISCOMs' ledgers, confirm with on_init's contract, status. Each {@link Fault}
 * breaks one thing a buyer platform owes the seller.
 */
final class Wave2BuyerDouble implements BapTrigger, AutoCloseable {

  /** What is wrong with this buyer. */
  enum Fault {
    NONE,
    UNSIGNED_CONFIRM,
    NO_LEDGERS,
    DROPS_SETTLEMENT,
    ACCEPTS_UNSIGNED_CALLBACK,
    ACCEPTS_UNBALANCED_FLOWS,
    KEEPS_ALLOCATIONS
  }

  private static final Duration WAIT = Duration.ofSeconds(5);
  private final KitIdentity identity = KitIdentity.fresh("wave2-buyer-double.conformance.local");
  private final Fault fault;
  private final String kitUrl;
  private final BecknListener listener;
  private final BecknClient client = new BecknClient(WAIT);

  Wave2BuyerDouble(String registryUrl, String kitUrl, Fault fault)
      throws IOException, InterruptedException {
    this.fault = fault;
    this.kitUrl = kitUrl;
    listener =
        new BecknListener(
            "127.0.0.1",
            0,
            BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(registryUrl))),
            t -> t.path("context").path("bppId").asText(null),
            identity.subscriberId());
    listener.responder(this::respond);
    identity.registerLocally(registryUrl, "BAP", url(), "ies-wave2");
  }

  /**
   * ACKs a signed callback; a contract whose revenue flows do not sum to zero is refused, and the
   * seller DISCOM's allocations are passed on to the buyer DISCOM's ledger (the kit).
   */
  private BecknListener.Reply respond(Inbound m) {
    if (!m.signature().valid() && fault != Fault.ACCEPTS_UNSIGNED_CALLBACK) {
      return Wave2Replies.unauthorized(identity.subscriberId(), m.signature());
    }
    if (!"on_status".equals(m.action()) || !m.signature().valid()) {
      return Wave2Replies.ack();
    }
    TradeContract tc;
    Wave2Envelope e;
    try {
      e = Wave2Envelope.parse(m.body());
      tc = new Wave2Codec(null, List.of()).contract(e.message());
    } catch (Exception ex) {
      return Wave2Replies.ack();
    }
    BigDecimal sum =
        tc.revenueFlows().stream().map(f -> f.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.abs().compareTo(RevenueFlow.TOLERANCE) > 0 && fault != Fault.ACCEPTS_UNBALANCED_FLOWS) {
      return Wave2Replies.nack(
          400,
          "30000",
          "the revenue flows sum to " + sum.toPlainString(),
          "message.contract.consideration",
          Map.of());
    }
    boolean sellerSide = tc.allocations().stream().anyMatch(a -> a.side() == TradeSide.SELLER);
    if (sellerSide && tc.revenueFlows().isEmpty() && fault != Fault.KEEPS_ALLOCATIONS) {
      ObjectNode ctx =
          Wave2Replies.onStatusContext(
              new Wave2Contexts.Parties(
                  Wave2BppConformance.TEST_NETWORK,
                  tc.buyerLedger().ledgerId(),
                  tc.buyerLedger().ledgerUri(),
                  identity.subscriberId(),
                  url()),
              e.context().transactionId(),
              WAIT);
      byte[] body = Wave2Envelope.of(ctx, e.message()).write();
      String to = tc.buyerLedger().ledgerUri();
      // After the ACK, as a platform's outbox would.
      new Thread(() -> client.post(to, "on_status", body, identity.signer().authorization(body)))
          .start();
    }
    return Wave2Replies.ack();
  }

  String url() {
    return "http://127.0.0.1:" + listener.port();
  }

  @Override
  public void runFlow(String bppId, String offerId) throws Exception {
    Wave2Contexts.Parties parties =
        new Wave2Contexts.Parties(
            Wave2BppConformance.TEST_NETWORK, identity.subscriberId(), url(), bppId, kitUrl);
    ObjectNode discover = JsonNodeFactory.instance.objectNode();
    discover
        .putObject("intent")
        .putObject("filters")
        .put("type", "jsonpath")
        .put("expression", "$");
    Inbound onDiscover = send(parties, Wave2Action.DISCOVER, discover, null, true);
    EnergyOffer offer =
        new Wave2Codec(null, List.of())
            .offers(Wave2Envelope.parse(onDiscover.body()).message()).stream()
                .filter(o -> o.offerId().equals(offerId))
                .findFirst()
                .orElseThrow();
    // The buyer DISCOM's ledger is the kit: it sees what this buyer passes on.
    LedgerProvider buyer = new LedgerProvider("PVVNL", "pvvnl.discom", kitUrl, "l", kitUrl);
    LedgerProvider seller =
        new LedgerProvider(
            "TPDDL", "tpddl.discom", "http://127.0.0.1:9", "l", "http://127.0.0.1:9");
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            identity.subscriberId(),
            bppId,
            "TEST_BUYER_01",
            new MeterPoint("TEST_BUYER_01", "PVVNL"),
            List.of(OrderLine.take(offer, BigDecimal.ONE)));
    ObjectNode init =
        new Wave2Codec(Wave2BppConformance.IES_COMMON_POLICY, List.of(buyer, seller))
            .contractMessage(
                TradeContract.of(order, Wave2BppConformance.IES_COMMON_POLICY, buyer, seller))
            .toJson();
    if (fault == Fault.NO_LEDGERS) {
      ArrayNode parts = (ArrayNode) init.path("contract").path("participants");
      parts.remove(3);
      parts.remove(2);
    }
    String txn = java.util.UUID.randomUUID().toString();
    Inbound onInit = send(parties, Wave2Action.INIT, init, txn, true);
    ObjectNode confirm = Wave2Envelope.parse(onInit.body()).message().toJson();
    if (fault == Fault.DROPS_SETTLEMENT) {
      ((ObjectNode) confirm.path("contract")).remove("consideration");
    }
    Inbound onConfirm =
        send(parties, Wave2Action.CONFIRM, confirm, txn, fault != Fault.UNSIGNED_CONFIRM);
    send(
        parties,
        Wave2Action.STATUS,
        Wave2Envelope.parse(onConfirm.body()).message().toJson(),
        txn,
        true);
  }

  /** Sends one request and waits for its callback (empty when none came: an unsigned request). */
  private Inbound send(
      Wave2Contexts.Parties parties,
      Wave2Action action,
      ObjectNode message,
      String txn,
      boolean sign)
      throws Exception {
    ObjectNode ctx =
        Wave2Contexts.newRequest(action, parties, txn, WAIT, List.of(), Clock.systemUTC());
    byte[] body = Wave2Envelope.of(ctx, Wave2Message.of(message)).write();
    client.post(
        kitUrl, action.wireName(), body, sign ? identity.signer().authorization(body) : null);
    String mid = ctx.path("messageId").asText();
    Optional<Inbound> cb =
        listener.await(m -> mid.equals(m.context("messageId")), sign ? WAIT : Duration.ZERO);
    if (cb.isEmpty() && !sign) {
      // The kit refused it; go on as a buyer that did not notice, with the init's contract.
      return listener.received().stream()
          .filter(m -> "on_init".equals(m.action()))
          .reduce((a, b) -> b)
          .map(m -> withId(m))
          .orElseThrow();
    }
    return cb.orElseThrow(() -> new IllegalStateException("no on_" + action));
  }

  private Inbound withId(Inbound m) {
    try {
      ObjectNode root = Wave2Envelope.parse(m.body()).toJson();
      ((ObjectNode) root.path("message").path("contract")).put("id", "unconfirmed");
      byte[] body = root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return new Inbound(m.action(), body, m.headers(), m.receivedAt(), root, m.signature(), "");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    listener.close();
  }
}
