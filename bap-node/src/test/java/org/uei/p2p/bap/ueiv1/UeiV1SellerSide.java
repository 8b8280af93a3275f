package org.uei.p2p.bap.ueiv1;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.node.testing.CallbackReceiver;
import org.uei.p2p.node.testing.TestPeers;
import org.uei.p2p.signing.BecknSigner;

/**
 * Plays a UEI v1 (Beckn 1.1.0) seller platform in tests: reads the buyer platform's requests and
 * answers them with signed 1.1.0 callbacks.
 */
final class UeiV1SellerSide {

  static final UeiV1Codec CODEC = new UeiV1Codec();
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  private UeiV1SellerSide() {}

  /** 5.50 INR/kWh, 10 kWh, at 13:00 IST three days ahead (a day of its own in this suite). */
  static EnergyOffer offer(String id) {
    return offer(id, 3);
  }

  /** 5.50 INR/kWh, 10 kWh, at 13:00 IST {@code daysAhead} days ahead. */
  static EnergyOffer offer(String id, int daysAhead) {
    Instant slot = LocalDate.now(IST).plusDays(daysAhead).atTime(13, 0).atZone(IST).toInstant();
    return new EnergyOffer(
        id,
        "prosumer-7",
        new MeterPoint("TEST_PVVNL_M0007", "PVVNL"),
        new DeliverySlot(slot, slot.plus(Duration.ofHours(1))),
        UnitPrice.inr("5.50"),
        new BigDecimal("10"),
        Instant.now().minusSeconds(60),
        slot.minus(Duration.ofHours(4)));
  }

  static UeiV1Envelope parse(CallbackReceiver.Received r) {
    try {
      return UeiV1Envelope.parse(r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode context(UeiV1Envelope request) {
    return UeiV1Contexts.callbackFor(
        request.context(), TestPeers.peerId(), TestPeers.peerUrl(), Clock.systemUTC());
  }

  static UeiV1Envelope onSearch(UeiV1Envelope search, List<EnergyOffer> offers) {
    return UeiV1Envelope.of(
        context(search),
        CODEC.catalogMessage(
            new CatalogHeader("cat-1", "Test catalog", TestPeers.peerId(), TestPeers.peerUrl()),
            offers));
  }

  /** The callback to {@code request} carrying {@code message}. */
  static UeiV1Envelope answer(UeiV1Envelope request, UeiV1Message message) {
    return UeiV1Envelope.of(context(request), message);
  }

  /** The callback to {@code request}: its order echoed, then changed by {@code edit}. */
  static UeiV1Envelope answer(UeiV1Envelope request, Consumer<ObjectNode> edit) {
    ObjectNode m = request.message().toJson();
    edit.accept((ObjectNode) m.get("order"));
    return UeiV1Envelope.of(context(request), UeiV1Message.of(m));
  }

  /** The seller's quote of on_select: the order without payment terms yet. */
  static void quote(ObjectNode order) {
    order.remove("payments");
  }

  /** The seller's payment terms of on_init: a UPI address. */
  static void vpaTerms(ObjectNode order) {
    ((ObjectNode) order.at("/payments/0/params"))
        .put("virtual_payment_address", "seller-platform@upi");
  }

  /** The order made ACTIVE under {@code id}, its delivery placed. */
  static Consumer<ObjectNode> active(String id) {
    return o -> {
      o.put("id", id).put("status", "ACTIVE");
      for (var f : o.path("fulfillments")) {
        ((ObjectNode) f).putObject("state").putObject("descriptor").put("code", "ORDER_PLACED");
      }
    };
  }

  /** The callback to {@code request} that refuses it with a BECKN-005 error. */
  static UeiV1Envelope error(
      UeiV1Envelope request, Consumer<ObjectNode> edit, String code, String paths) {
    ObjectNode root = answer(request, edit).toJson();
    root.putObject("error").put("code", code).put("message", "refused").put("paths", paths);
    try {
      return UeiV1Envelope.fromTree(root);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Response post(UeiV1Envelope callback, BecknSigner signer) {
    byte[] body = callback.write();
    return given()
        .contentType("application/json")
        .header("Authorization", signer.authorization(body))
        .body(body)
        .post("/" + callback.context().action());
  }
}
