package org.uei.p2p.examples.network;

import static org.uei.p2p.examples.network.UeiV1Network.BUYER_APP;
import static org.uei.p2p.examples.network.UeiV1Network.SELLER_PLATFORM;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.uei.p2p.examples.embedding.SignedSender;
import org.uei.p2p.market.settlement.Figures;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;

/**
 * The seller platform's side of the trust boundary on UEI v1, shown with a buyer app that writes
 * its own Beckn 1.1.0 select ({@link UeiV1BuyerApp}): the catalog is the only source of price. A
 * select naming a lower price than the offer's is refused (40003, naming the member); one naming
 * only the item, its quantity and a delivery without a window is quoted from the catalog in the
 * signed on_select.
 */
final class UeiV1TrustBoundary {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final UeiV1Network net;
  private final Console console;

  UeiV1TrustBoundary(UeiV1Network net, Console console) {
    this.net = net;
    this.console = console;
  }

  /** Both selects for {@code kwh} of {@code seller}'s offer {@code offerId}. */
  void show(DemoCast.Prosumer seller, String offerId, int kwh) throws Exception {
    String tampered = "3.00";
    UeiV1Envelope low = select(seller, offerId, kwh, tampered);
    SignedSender.Reply r = net.app().send(SELLER_PLATFORM, "select", low.write());
    BecknError e = r.ack().error();
    console.step(
        "%s selects %s kWh of %s at ₹%s/kWh (the offer's price is ₹%s) → HTTP %d %s",
        BUYER_APP,
        TradingDay.kwh(kwh),
        seller.name(),
        tampered,
        seller.pricePerKwh(),
        r.httpStatus(),
        r.ack().isAck() ? "ACK" : "NACK " + e.getCode() + " at " + e.getPaths());
    console.step("   %s", e == null ? "-" : e.getMessage());
    console.check(
        !r.ack().isAck()
            && "40003".equals(e.getCode())
            && "message.order.items[0].price.value".equals(e.getPaths()),
        "a select with a price below the catalog's is refused 40003 at its price member");

    UeiV1Envelope bare = select(seller, offerId, kwh, null);
    SignedSender.Reply ack = net.app().send(SELLER_PLATFORM, "select", bare.write());
    UeiV1Envelope quoted =
        ack.ack().isAck()
            ? net.app().awaitCallback(bare.context().transactionId(), "on_select", WAIT)
            : null;
    Order o = quoted == null ? null : quoted.message().order();
    BigDecimal price = o == null ? null : o.items().get(0).priceValue();
    console.step(
        "the same select naming only the item and %s kWh → %s; on_select (signature verified"
            + " against %s's registry key) quotes ₹%s/kWh, %s in all",
        TradingDay.kwh(kwh),
        ack.ack().isAck() ? "ACK" : "NACK " + ack.ack().error().getCode(),
        SELLER_PLATFORM,
        price == null ? "?" : Figures.money(price),
        o == null || o.quoteValue() == null ? "?" : Figures.inr(o.quoteValue()));
    console.check(
        price != null && price.compareTo(new BigDecimal(seller.pricePerKwh())) == 0,
        "the seller platform quotes the catalog's price to a select that names none");
  }

  /**
   * A select as a buyer app writes it by hand: the provider, one item with its quantity (and a
   * price, when {@code price} is set), a delivery it names, and the buyer's meter in the order's
   * tags.
   */
  private UeiV1Envelope select(DemoCast.Prosumer seller, String offerId, int kwh, String price) {
    ObjectNode context =
        UeiV1Contexts.newRequest(
            UeiV1Action.SELECT,
            new UeiV1Contexts.Parties(
                BUYER_APP,
                net.url(BUYER_APP),
                SELLER_PLATFORM,
                net.url(SELLER_PLATFORM),
                "IND",
                UeiV1Cast.CITY),
            null,
            null,
            Clock.systemUTC());
    ObjectNode m = Json.MAPPER.createObjectNode();
    ObjectNode order = m.putObject("order");
    order.putObject("provider").put("id", seller.id());
    ObjectNode item = order.putArray("items").addObject().put("id", offerId);
    item.putObject("quantity")
        .putObject("selected")
        .putObject("measure")
        .put("value", String.valueOf(kwh))
        .put("unit", "kWh");
    // 1.1.0 wants the delivery named; the seller fills in its window from the catalog.
    order
        .putArray("fulfillments")
        .addObject()
        .put("id", "delivery-1")
        .put("type", "ENERGY_DELIVERY");
    item.putArray("fulfillment_ids").add("delivery-1");
    if (price != null) {
      item.putObject("price").put("value", price).put("currency", "INR/kWh");
    }
    ObjectNode group = order.putArray("tags").addObject();
    group.putObject("descriptor").put("code", UeiV1Codec.TAG_GROUP);
    ArrayNode list = group.putArray("list");
    tag(list, UeiV1Codec.BUYER_ID, "cust-chowk-05");
    tag(list, UeiV1Codec.BUYER_METER, "UP-MVVNL-LKO-3005");
    tag(list, UeiV1Codec.BUYER_DISCOM, UeiV1Cast.DISCOM);
    return UeiV1Envelope.of(context, UeiV1Message.of(m));
  }

  private static void tag(ArrayNode list, String code, String value) {
    ObjectNode t = list.addObject();
    t.putObject("descriptor").put("code", code);
    t.put("value", value);
  }
}
