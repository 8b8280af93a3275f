package org.uei.p2p.bap;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.signing.BecknSigner;

/**
 * Plays a seller platform in tests: answers the requests the buyer platform sent with signed
 * callbacks.
 */
final class SellerSide {

  static final Wave1Codec CODEC = new Wave1Codec();

  private SellerSide() {}

  static EnergyOffer offer(String id) {
    Instant slot =
        Instant.now().plus(Duration.ofHours(10)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    return new EnergyOffer(
        id,
        "prosumer-1",
        new MeterPoint("DL-SELLER-1", "TPDDL"),
        new DeliverySlot(slot, slot.plus(Duration.ofHours(1))),
        UnitPrice.inr("6.25"),
        new BigDecimal("8"),
        Instant.now().minusSeconds(60),
        slot.minus(Duration.ofHours(4)));
  }

  static Envelope<Message> onDiscover(Context request, List<EnergyOffer> offers) {
    return new Envelope<>(
        Contexts.callbackFor(request, Clock.systemUTC()),
        CODEC.catalogMessage(
            new CatalogHeader("cat-1", "Test catalog", request.getBppId(), request.getBppUri()),
            offers));
  }

  static Envelope<Message> answerOrder(
      Context request, TradeOrder order, String orderId, TradeStatus status) {
    TradeOrder answered =
        new TradeOrder(
            orderId,
            status,
            order.buyerPlatformId(),
            order.sellerPlatformId(),
            order.buyerId(),
            order.buyer(),
            order.lines());
    return new Envelope<>(
        Contexts.callbackFor(request, Clock.systemUTC()), CODEC.orderMessage(answered));
  }

  static Response post(Envelope<?> callback, BecknSigner signer) {
    byte[] body = Envelopes.write(callback);
    return given()
        .contentType("application/json")
        .header("Authorization", signer.authorization(body))
        .body(body)
        .post("/" + callback.getContext().getAction());
  }

  static Envelope<? extends Message> parse(CallbackReceiver.Received r) {
    try {
      return Envelopes.parse(r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
