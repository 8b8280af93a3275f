package org.uei.p2p.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.validation.Wave1Validator;

class Wave1CodecTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-10T05:30:00Z"), ZoneOffset.UTC);
  private static final Contexts.Parties PARTIES =
      new Contexts.Parties(
          "beckn.one:deg:p2p-trading-interdiscom:2.0.0",
          "bap.sunshare.example",
          "https://bap.sunshare.example/beckn",
          "bpp.gridtrade.example",
          "https://bpp.gridtrade.example/beckn");
  private static final MeterPoint SELLER = new MeterPoint("TEST_PVVNL_M0017", "PVVNL");
  private static final MeterPoint OTHER_SELLER = new MeterPoint("TEST_PVVNL_M0003", "PVVNL");
  private static final MeterPoint BUYER = new MeterPoint("TEST_TPDDL_M0042", "TPDDL");

  private final TradeCodec<Message> codec = new Wave1Codec();

  private static EnergyOffer offer(
      String id, MeterPoint seller, String provider, int hourUtc, String price, String max) {
    return new EnergyOffer(
        id,
        provider,
        seller,
        DeliverySlot.hourStarting(
            Instant.parse("2026-02-11T00:00:00Z").plusSeconds(3600L * hourUtc)),
        UnitPrice.inr(price),
        new BigDecimal(max),
        Instant.parse("2026-02-10T05:00:00Z"),
        Instant.parse("2026-02-11T01:00:00Z"));
  }

  /** Puts a message in an envelope of {@code action}, sends it through bytes and reads it back. */
  private static Envelope<?> overTheWire(Action action, Message m) throws Exception {
    Context ctx =
        Contexts.newRequest(
            action.isCallback() ? action.request().orElseThrow() : action,
            PARTIES,
            null,
            null,
            CLOCK);
    if (action.isCallback()) {
      ctx = Contexts.callbackFor(ctx, CLOCK);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Envelope<?> env = new Envelope(ctx, m);
    Envelope<?> back = Envelopes.parse(Envelopes.write(env), action);
    assertEquals(List.of(), Wave1Validator.strict().validate(back, action).errors());
    return back;
  }

  @Test
  void offersSurviveACatalogOnTheWire() throws Exception {
    List<EnergyOffer> offers =
        List.of(
            offer("o-17-05", SELLER, "prosumer-17", 5, "6.25", "9.5"),
            offer("o-17-06", SELLER, "prosumer-17", 6, "6.50", "8"),
            offer("o-3-06", OTHER_SELLER, "prosumer-3", 6, "5.80", "2.75"));
    Message m =
        codec.catalogMessage(
            new CatalogHeader(
                "cat-1",
                "GridTrade energy",
                "bpp.gridtrade.example",
                "https://bpp.gridtrade.example/beckn"),
            offers);
    Envelope<?> back = overTheWire(Action.ON_DISCOVER, m);
    assertEquals(offers, codec.offers(back.getMessage()));
    overTheWire(Action.CATALOG_PUBLISH, m);
  }

  @Test
  void anOrderSurvivesSelectAndOnConfirm() throws Exception {
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            "bap.sunshare.example",
            "bpp.gridtrade.example",
            "consumer-rohini-42",
            BUYER,
            List.of(
                OrderLine.take(
                    offer("o-17-05", SELLER, "prosumer-17", 5, "6.25", "9.5"),
                    new BigDecimal("8.0")),
                OrderLine.take(
                    offer("o-17-07", SELLER, "prosumer-17", 7, "7", "6"), new BigDecimal("4.50"))));
    Envelope<?> select = overTheWire(Action.SELECT, codec.orderMessage(order));
    assertEquals(order, codec.order(select.getMessage()));
    TradeOrder confirmed =
        new TradeOrder(
            "order-7781",
            TradeStatus.CONFIRMED,
            order.buyerPlatformId(),
            order.sellerPlatformId(),
            order.buyerId(),
            order.buyer(),
            order.lines());
    Envelope<?> onConfirm = overTheWire(Action.ON_CONFIRM, codec.orderMessage(confirmed));
    TradeOrder read = codec.order(onConfirm.getMessage());
    assertEquals(confirmed, read);
    List<Trade> trades = read.trades(read.orderId(), Instant.parse("2026-02-10T05:30:00Z"));
    assertEquals("order-7781/2", trades.get(1).tradeId());
    assertEquals(new BigDecimal("4.50"), trades.get(1).quantityKwh());
    assertEquals(BUYER, trades.get(1).buyer());
    assertEquals(TradeStatus.CONFIRMED, trades.get(1).status());
  }

  @Test
  void readsAnOrderWrittenByAnotherPlatform() throws Exception {
    TradeOrder o = codec.order(Envelopes.parse(Fixtures.bytes("select.json")).getMessage());
    assertNull(o.orderId());
    assertEquals(TradeStatus.PENDING, o.status());
    assertEquals(BUYER, o.buyer());
    assertEquals(2, o.lines().size());
    OrderLine first = o.lines().get(0);
    assertEquals("offer-noida-17-2026-02-11T05", first.offerId());
    assertEquals(new MeterPoint("TEST_PVVNL_M0017", "PVVNL"), first.seller());
    assertEquals(UnitPrice.inr("6.25"), first.price());
    assertEquals(Instant.parse("2026-02-11T05:00:00Z"), first.slot().start());
    assertEquals(new BigDecimal("12.5"), o.totalKwh().stripTrailingZeros());
  }

  @Test
  void missingSellerDiscomIsAnErrorWithPath() {
    byte[] b =
        Fixtures.without(
            "select.json",
            "/message/order/beckn:orderItems/1/beckn:orderItemAttributes/providerAttributes",
            "utilityId");
    TradeCodecException e =
        assertThrows(TradeCodecException.class, () -> codec.order(Envelopes.parse(b).getMessage()));
    assertEquals(
        "message.order.beckn:orderItems[1].beckn:orderItemAttributes.providerAttributes.utilityId",
        e.error().getPaths());
  }

  @Test
  void catalogOffersNeedTheSellerMeterOfTheirItem() throws Exception {
    TradeCodecException e =
        assertThrows(
            TradeCodecException.class,
            () -> codec.offers(Envelopes.parse(Fixtures.bytes("on_discover.json")).getMessage()));
    assertEquals(
        "message.catalogs[0].beckn:items[1].beckn:provider.beckn:providerAttributes",
        e.error().getPaths());
    byte[] fixed =
        Fixtures.edited(
            "on_discover.json",
            "/message/catalogs/0/beckn:items/1/beckn:provider",
            p ->
                p.putObject("beckn:providerAttributes")
                    .put("@type", "EnergyCustomer")
                    .put("meterId", "TEST_PVVNL_M0003")
                    .put("utilityId", "PVVNL"));
    List<EnergyOffer> offers = codec.offers(Envelopes.parse(fixed).getMessage());
    assertEquals(2, offers.size());
    assertEquals(
        new EnergyOffer(
            "offer-ghaziabad-3-2026-02-11T06",
            "prosumer-ghaziabad-3",
            OTHER_SELLER,
            DeliverySlot.hourStarting(Instant.parse("2026-02-11T06:00:00Z")),
            UnitPrice.inr("5.80"),
            new BigDecimal("2.75"),
            Instant.parse("2026-02-10T05:00:00Z"),
            Instant.parse("2026-02-11T02:00:00Z")),
        offers.get(1));
  }

  @Test
  void statusMappingIsTotal() throws Exception {
    for (TradeStatus s : TradeStatus.values()) {
      assertEquals(s, Wave1Codec.status(Wave1Codec.wireStatus(s), "p"));
    }
    assertThrows(TradeCodecException.class, () -> Wave1Codec.status("RETURNED", "p"));
  }
}
