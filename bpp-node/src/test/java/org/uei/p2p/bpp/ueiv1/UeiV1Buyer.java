package org.uei.p2p.bpp.ueiv1;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;
import org.uei.p2p.node.testing.TestPeers;

/**
 * Plays a UEI v1 (Beckn 1.1.0) buyer platform against the seller under test: signed requests in the
 * API's shapes, an order either as short as the API's examples (item id and quantity, the buyer's
 * meter as tags) or as the project's codec writes it.
 */
final class UeiV1Buyer {

  static final MeterPoint BUYER_METER = new MeterPoint("UP-BUYER-0001", "BRPL");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private UeiV1Buyer() {}

  static UeiV1Contexts.Parties parties() {
    return new UeiV1Contexts.Parties(
        TestPeers.peerId(),
        TestPeers.peerUrl(),
        TestPeers.nodeId(),
        TestPeers.nodeUrl(),
        "IND",
        "std:0522");
  }

  static UeiV1Envelope request(UeiV1Action action, String txn, ObjectNode message) {
    return UeiV1Envelope.of(
        UeiV1Contexts.newRequest(action, parties(), txn, Duration.ofSeconds(30), Clock.systemUTC()),
        UeiV1Message.of(message));
  }

  /** A search for energy at no more than {@code maxPrice} INR/kWh. */
  static ObjectNode search(String maxPrice) {
    ObjectNode m = F.objectNode();
    ObjectNode item = m.putObject("intent").putObject("item");
    item.putObject("quantity")
        .putObject("available")
        .putObject("measure")
        .put("value", "1000.0")
        .put("unit", "kWh");
    item.putObject("price").put("maximum_value", maxPrice).put("currency", "INR/kWh");
    return m;
  }

  /**
   * The order as short as the API's examples: the provider, each item's id and quantity, a
   * fulfillment without a delivery window, and the buyer's meter and DISCOM as tags of the {@code
   * energy-trade} group.
   */
  static ObjectNode shortOrder(EnergyOffer offer, String kwh) {
    return shortOrder(offer, kwh, BUYER_METER);
  }

  /** {@link #shortOrder(EnergyOffer, String)} for the buyer at {@code buyer}. */
  static ObjectNode shortOrder(EnergyOffer offer, String kwh, MeterPoint buyer) {
    ObjectNode m = F.objectNode();
    ObjectNode o = m.putObject("order");
    o.putObject("provider").put("id", offer.providerId());
    ObjectNode item = o.putArray("items").addObject().put("id", offer.offerId());
    item.putObject("quantity")
        .putObject("selected")
        .putObject("measure")
        .put("value", kwh)
        .put("unit", "kWh");
    // A fulfillment for the buyer's own details, as the API's init example has; no delivery window.
    o.putArray("fulfillments").addObject().put("id", "1").put("type", "ENERGY_DELIVERY");
    o.putObject("billing").put("name", "buyer-1");
    ObjectNode group = o.putArray("tags").addObject();
    group.putObject("descriptor").put("code", UeiV1Codec.TAG_GROUP);
    ArrayNode list = group.putArray("list");
    tag(list, UeiV1Codec.BUYER_METER, buyer.meterId());
    tag(list, UeiV1Codec.BUYER_DISCOM, buyer.discomId());
    return m;
  }

  private static void tag(ArrayNode list, String code, String value) {
    ObjectNode t = list.addObject();
    t.putObject("descriptor").put("code", code);
    t.put("value", value);
  }

  /** The order as the codec writes it (every member, prices as the catalog said). */
  static ObjectNode codecOrder(EnergyOffer offer, String kwh) {
    return codecOrder(offer, kwh, BUYER_METER);
  }

  /** {@link #codecOrder(EnergyOffer, String)} for the buyer at {@code buyer}. */
  static ObjectNode codecOrder(EnergyOffer offer, String kwh, MeterPoint buyer) {
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            TestPeers.peerId(),
            TestPeers.nodeId(),
            "buyer-1",
            buyer,
            List.of(OrderLine.take(offer, new BigDecimal(kwh))));
    return new UeiV1Codec().orderMessage(order).toJson();
  }

  static ObjectNode orderId(String id) {
    return F.objectNode().put("order_id", id);
  }

  static Response post(UeiV1Envelope e) {
    byte[] body = e.write();
    return given()
        .contentType("application/json")
        .header("Authorization", TestPeers.peerSigner().authorization(body))
        .body(body)
        .post("/" + e.context().action());
  }
}
