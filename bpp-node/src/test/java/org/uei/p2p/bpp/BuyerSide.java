package org.uei.p2p.bpp;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.node.testing.TestNetwork;
import org.uei.p2p.node.testing.TestPeers;

/**
 * Plays the buyer platform in tests: builds wave-1 requests with the codec and posts them signed.
 */
public final class BuyerSide {

  public static final MeterPoint BUYER_METER = new MeterPoint("DL-BUYER-0001", "BRPL");
  private static final Wave1Codec CODEC = new Wave1Codec();

  private BuyerSide() {}

  /** The first 1-hour slot at least 5 h ahead that the IES rules allow trading now (06–18 IST). */
  public static Instant tradableSlot() {
    return org.uei.p2p.market.rules.TradingRules.ies().firstTradableSlot(Instant.now());
  }

  public static Context context(Action action, String transactionId) {
    return Contexts.newRequest(
        action,
        new Contexts.Parties(
            TestNetwork.DOMAIN,
            TestPeers.peerId(),
            TestPeers.peerUrl(),
            TestPeers.nodeId(),
            TestPeers.nodeUrl()),
        transactionId,
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  public static Envelope<Message> discover(String expression) {
    DiscoverMessage m = new DiscoverMessage();
    if (expression != null) {
      m.setFilters(DiscoverMessage.Filters.jsonPath(expression));
    }
    return new Envelope<>(context(Action.DISCOVER, null), m);
  }

  public static TradeOrder order(EnergyOffer offer, BigDecimal kwh, MeterPoint buyer) {
    return new TradeOrder(
        null,
        TradeStatus.PENDING,
        TestPeers.peerId(),
        TestPeers.nodeId(),
        "buyer-1",
        buyer,
        List.of(OrderLine.take(offer, kwh)));
  }

  public static Envelope<Message> orderRequest(
      Action action, String transactionId, TradeOrder order) {
    return new Envelope<>(context(action, transactionId), CODEC.orderMessage(order));
  }

  public static Envelope<Message> byOrderId(Action action, String transactionId, String orderId) {
    Order o = new Order();
    o.setId(orderId);
    return new Envelope<>(context(action, transactionId), new OrderMessage(o));
  }

  public static Response post(Envelope<?> envelope) {
    byte[] body = Envelopes.write(envelope);
    return given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/" + envelope.getContext().getAction());
  }

  public static DeliverySlot slot(Instant start) {
    return new DeliverySlot(start, start.plus(Duration.ofHours(1)));
  }
}
