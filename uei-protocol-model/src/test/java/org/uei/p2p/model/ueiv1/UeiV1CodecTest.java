package org.uei.p2p.model.ueiv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.SharedExamples;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.validation.UeiV1Validator;

class UeiV1CodecTest {

  static final MeterPoint SELLER = new MeterPoint("TEST_MVVNL_M0101", "MVVNL");
  static final MeterPoint BUYER = new MeterPoint("TEST_MVVNL_M0207", "MVVNL");
  static final Instant DAY = Instant.parse("2026-03-10T00:30:00Z"); // 06:00 IST

  private final UeiV1Codec codec = new UeiV1Codec();

  static DeliverySlot hour(int istHour) {
    return DeliverySlot.hourStarting(DAY.plusSeconds(3600L * (istHour - 6)));
  }

  static TradeOrder order(String id, TradeStatus status) {
    return new TradeOrder(
        id,
        status,
        "bap.up-pilot.example",
        "bpp.up-pilot.example",
        "consumer-7741",
        BUYER,
        List.of(
            new OrderLine(
                "offer-m0101-1",
                "prosumer-m0101",
                SELLER,
                hour(11),
                UnitPrice.inr("6.50"),
                new BigDecimal("4.25")),
            new OrderLine(
                "offer-m0101-2",
                "prosumer-m0101",
                SELLER,
                hour(12),
                UnitPrice.inr("6.25"),
                new BigDecimal("2"))));
  }

  @Test
  void theOwnFixturesReadAsTheTradeModel() throws Exception {
    TradeOrder confirm = codec.order(message("ueiv1/confirm.json"));
    assertEquals(order(null, TradeStatus.PENDING), confirm);
    assertEquals(
        order("up-order-000417", TradeStatus.CONFIRMED),
        codec.order(message("ueiv1/on_confirm.json")));
    assertEquals(
        order("up-order-000417", TradeStatus.COMPLETED),
        codec.order(message("ueiv1/on_status.json")));
    assertEquals(new BigDecimal("6.25"), confirm.totalKwh());
    assertEquals("consumer-7741/2", confirm.trades("consumer-7741", DAY).get(1).tradeId());

    List<EnergyOffer> offers = codec.offers(message("ueiv1/on_search.json"));
    assertEquals(2, offers.size());
    EnergyOffer first = offers.get(0);
    assertEquals("offer-m0101-1", first.offerId());
    assertEquals("prosumer-m0101", first.providerId());
    assertEquals(SELLER, first.seller());
    assertEquals(hour(11), first.slot());
    assertEquals(UnitPrice.inr("6.50"), first.price());
    assertEquals(new BigDecimal("8.00"), first.maxQuantityKwh());
    assertEquals(Instant.parse("2026-03-09T05:30:00Z"), first.validFrom());
    assertEquals(Instant.parse("2026-03-10T01:30:00Z"), first.validUntil());
    assertEquals(hour(12), offers.get(1).slot());
  }

  @Test
  void ordersRoundTripInEveryStatusAndValidateAsTheirActions() throws Exception {
    Map<TradeStatus, TradeStatus> readBack =
        Map.of(
            TradeStatus.PENDING, TradeStatus.PENDING,
            TradeStatus.CONFIRMED, TradeStatus.CONFIRMED,
            TradeStatus.CURTAILED, TradeStatus.CONFIRMED,
            TradeStatus.CANCELLED, TradeStatus.CANCELLED,
            TradeStatus.COMPLETED, TradeStatus.COMPLETED);
    for (TradeStatus s : TradeStatus.values()) {
      String id = s == TradeStatus.PENDING ? null : "up-order-1";
      UeiV1Message m = codec.orderMessage(order(id, s));
      assertEquals(order(id, readBack.get(s)), codec.order(m), s.name());
    }
    ObjectNode context = Fixtures.tree("ueiv1/confirm.json").withObject("/context");
    for (UeiV1Action a :
        List.of(
            UeiV1Action.SELECT,
            UeiV1Action.ON_SELECT,
            UeiV1Action.INIT,
            UeiV1Action.ON_INIT,
            UeiV1Action.CONFIRM)) {
      UeiV1Envelope env =
          UeiV1Envelope.of(
              context.put("action", a.wireName()),
              codec.orderMessage(order(null, TradeStatus.PENDING)));
      assertEquals(List.of(), UeiV1Validator.strict().validate(env, a).errors(), a.wireName());
    }
    for (UeiV1Action a : List.of(UeiV1Action.ON_CONFIRM, UeiV1Action.ON_STATUS)) {
      UeiV1Envelope env =
          UeiV1Envelope.of(
              context.put("action", a.wireName()),
              codec.orderMessage(order("up-order-1", TradeStatus.CONFIRMED)));
      assertEquals(List.of(), UeiV1Validator.strict().validate(env, a).errors(), a.wireName());
    }
  }

  @Test
  void theQuoteAndPaymentSumTheLines() throws Exception {
    Order o = codec.orderMessage(order(null, TradeStatus.PENDING)).order();
    // 4.25 × 6.50 + 2 × 6.25, unrounded
    assertEquals(new BigDecimal("40.1250"), o.quoteValue());
    assertEquals("INR", o.quoteCurrency());
    assertEquals(new BigDecimal("40.1250"), o.payments().get(0).amount());
    assertNull(o.id());
    assertNull(o.status());
  }

  @Test
  void offersRoundTripThroughACatalog() throws Exception {
    List<EnergyOffer> offers = codec.offers(message("ueiv1/on_search.json"));
    UeiV1Message cat =
        codec.catalogMessage(
            new CatalogHeader(
                "up-pilot-catalog", "UP pilot", "bpp.up-pilot.example", "https://bpp.example"),
            offers);
    assertEquals(offers, codec.offers(cat));
    ObjectNode context = Fixtures.tree("ueiv1/on_search.json").withObject("/context");
    assertEquals(
        List.of(),
        UeiV1Validator.strict()
            .validate(UeiV1Envelope.of(context, cat), UeiV1Action.ON_SEARCH)
            .errors());
  }

  @Test
  void whatTheTradeModelNeedsIsNamedByPath() throws Exception {
    TradeCodecException noMeter =
        assertThrows(
            TradeCodecException.class,
            () ->
                codec.order(
                    messageOf(
                        Fixtures.edited(
                            "ueiv1/select.json",
                            "/message/order/items/1",
                            it -> it.remove("tags")))));
    assertEquals("message.order.items[1].tags", noMeter.error().getPaths());
    assertEquals(
        "needs the tag 'seller-meter' in the tag group 'energy-trade' (Beckn 1.1.0 has no member for it)",
        noMeter.error().getMessage());
    TradeCodecException badSlot =
        assertThrows(
            TradeCodecException.class,
            () ->
                codec.order(
                    messageOf(
                        Fixtures.edited(
                            "ueiv1/select.json",
                            "/message/order/fulfillments/0/stops/1/time",
                            t -> t.put("timestamp", "2026-03-10T05:00:00Z")))));
    assertEquals("message.order.fulfillments[0].stops", badSlot.error().getPaths());
    TradeCodecException badQty =
        assertThrows(
            TradeCodecException.class,
            () ->
                codec.order(
                    messageOf(
                        Fixtures.edited(
                            "ueiv1/select.json",
                            "/message/order/items/0/quantity/selected/measure",
                            m -> m.put("value", "0")))));
    assertEquals("message.order.items[0]", badQty.error().getPaths());
    assertEquals("30000", badQty.error().getCode());
  }

  @Test
  void oneOrderHasOneProviderAndOneCurrency() {
    TradeOrder o = order(null, TradeStatus.PENDING);
    OrderLine other =
        new OrderLine(
            "offer-9", "prosumer-9", SELLER, hour(13), UnitPrice.inr("6"), BigDecimal.ONE);
    TradeOrder two = o.withLines(List.of(o.lines().get(0), other));
    assertThrows(IllegalArgumentException.class, () -> codec.orderMessage(two));
    OrderLine dollars =
        new OrderLine(
            "offer-9",
            "prosumer-m0101",
            SELLER,
            hour(13),
            new UnitPrice(BigDecimal.ONE, java.util.Currency.getInstance("USD")),
            BigDecimal.ONE);
    TradeOrder mixed = o.withLines(List.of(o.lines().get(0), dollars));
    assertThrows(IllegalArgumentException.class, () -> codec.orderMessage(mixed));
  }

  /**
   * The published examples carry no meters, DISCOMs or platform ids (Beckn 1.1.0 has no member for
   * them and the examples use no tags), so none maps onto the trade model; each says what it lacks.
   */
  @Test
  void theSharedExamplesLackTheMetersTheTradeModelNeeds() throws Exception {
    Map<String, String> lacks =
        Map.of(
            "select.json", "message.order.items[0].tags",
            "on_select.json", "message.order.items[0].tags",
            "on_init.json", "message.order.items[0].tags",
            "on_confirm.json", "message.order.items[0].tags",
            "on_search.json", "message.catalog.providers[0].items[0].tags");
    for (Path f : SharedExamples.UEI_V1.all()) {
      String name = SharedExamples.UEI_V1.name(f);
      if (!lacks.containsKey(name)) {
        continue;
      }
      UeiV1Message m = UeiV1Envelope.parse(SharedExamples.bytes(f)).message();
      TradeCodecException e =
          assertThrows(
              TradeCodecException.class,
              () -> {
                if (name.equals("on_search.json")) {
                  codec.offers(m);
                } else {
                  codec.order(m);
                }
              },
              name);
      assertEquals(lacks.get(name), e.error().getPaths(), name + ": " + e.getMessage());
    }
  }

  private static UeiV1Message message(String fixture) throws Exception {
    return messageOf(Fixtures.bytes(fixture));
  }

  private static UeiV1Message messageOf(byte[] body) throws Exception {
    return UeiV1Envelope.parse(body).message();
  }
}
