package org.uei.p2p.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.Payee;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

class Wave2CodecTest {

  private static final PolicyReference POLICY =
      new PolicyReference(
          "https://policies.example/ies/p2p-contract", "data.deg.contracts.p2p_trading");
  private static final LedgerProvider TPDDL =
      new LedgerProvider(
          "TPDDL",
          "utility.tpddl.example",
          "https://utility.tpddl.example",
          "ledger.ies.example",
          "https://ledger.ies.example");
  private static final LedgerProvider PVVNL =
      new LedgerProvider(
          "PVVNL",
          "utility.pvvnl.example",
          "https://utility.pvvnl.example",
          "ledger.ies.example",
          "https://ledger.ies.example");
  private static final MeterPoint SELLER = new MeterPoint("TEST_PVVNL_M0017", "PVVNL");
  private static final MeterPoint OTHER_SELLER = new MeterPoint("TEST_PVVNL_M0003", "PVVNL");
  private static final MeterPoint BUYER = new MeterPoint("TEST_TPDDL_M0042", "TPDDL");
  private static final Instant DAY = Instant.parse("2026-11-26T00:30:00Z"); // 06:00 IST

  private final Wave2Codec wave2 = new Wave2Codec(POLICY, List.of(TPDDL, PVVNL));
  private final Wave1Codec wave1 = new Wave1Codec();

  private static DeliverySlot hour(int istHour) {
    return DeliverySlot.hourStarting(DAY.plusSeconds(3600L * (istHour - 6)));
  }

  /** Two lines of one offer on consecutive slots (one commitment), then a line of another meter. */
  private static TradeOrder order(String id, TradeStatus status) {
    return new TradeOrder(
        id,
        status,
        "bap.delhi-buyers.example",
        "bpp.up-solar.example",
        "TPDDL-CA-0042",
        BUYER,
        List.of(
            new OrderLine(
                "offer-17",
                "prosumer-17",
                SELLER,
                hour(10),
                UnitPrice.inr("6.20"),
                new BigDecimal("4.0")),
            new OrderLine(
                "offer-17",
                "prosumer-17",
                SELLER,
                hour(11),
                UnitPrice.inr("6.5"),
                new BigDecimal("3.50")),
            new OrderLine(
                "offer-3",
                "prosumer-3",
                OTHER_SELLER,
                hour(11),
                UnitPrice.inr("5.80"),
                new BigDecimal("2"))));
  }

  /**
   * Sends a message through bytes in an envelope of {@code action}, validates it strictly and reads
   * it back.
   */
  private static Wave2Message overTheWire(Wave2Action action, Wave2Message m) throws Exception {
    ObjectNode ctx =
        JsonNodeFactory.instance
            .objectNode()
            .put("networkId", "indiaenergystack.in/test-ies-p2p-trading-network")
            .put("version", "2.0.0")
            .put("action", action.wireName())
            .put("bapId", "bap.delhi-buyers.example")
            .put("bapUri", "https://bap.delhi-buyers.example/beckn")
            .put("bppId", "bpp.up-solar.example")
            .put("bppUri", "https://bpp.up-solar.example/beckn")
            .put("transactionId", "6f1c2a0e-8d4b-4c3e-9a51-2b7d0e6f4a10")
            .put("messageId", "c0a8e3f2-5b1d-4e7a-8c90-1d2e3f4a5b60")
            .put("timestamp", "2026-11-25T09:15:00Z");
    Wave2Envelope back = Wave2Envelope.parse(Wave2Envelope.of(ctx, m).write());
    assertEquals(List.of(), Wave2Validator.strict().validate(back, action).errors());
    return back.message();
  }

  @Test
  void anOrderSurvivesAContractOnTheWire() throws Exception {
    TradeOrder draft = order(null, TradeStatus.PENDING);
    Wave2Message m = overTheWire(Wave2Action.INIT, wave2.orderMessage(draft));
    assertEquals(draft, wave2.order(m));
    assertEquals(2, m.contract().commitments().size(), "lines of one offer share a commitment");
    TradeOrder confirmed = order("contract-0001", TradeStatus.CONFIRMED);
    assertEquals(
        confirmed, wave2.order(overTheWire(Wave2Action.ON_CONFIRM, wave2.orderMessage(confirmed))));
  }

  @Test
  void theSameTradeGoesWave1ToWave2AndBack() throws Exception {
    TradeOrder t = order("order-9", TradeStatus.CONFIRMED);
    Message w1 = wave1.orderMessage(t);
    TradeOrder viaWave1 = wave1.order(w1);
    assertEquals(t, viaWave1);
    TradeOrder viaWave2 =
        wave2.order(overTheWire(Wave2Action.ON_CONFIRM, wave2.orderMessage(viaWave1)));
    assertEquals(t, viaWave2);
    assertEquals(t, wave1.order(wave1.orderMessage(viaWave2)));
  }

  @Test
  void aWave2InitGoesToWave1AndBack() throws Exception {
    Wave2Message init = Wave2Envelope.parse(Fixtures.bytes("wave2/init.json")).message();
    TradeOrder t = wave2.order(init);
    assertEquals(
        List.of(
            new OrderLine(
                "offer-agra-2026-11-26",
                "bpp.up-solar.example",
                new MeterPoint("TEST_PVVNL_M0007", "PVVNL"),
                hour(10),
                UnitPrice.inr("6.20"),
                new BigDecimal("4.0")),
            new OrderLine(
                "offer-agra-2026-11-26",
                "bpp.up-solar.example",
                new MeterPoint("TEST_PVVNL_M0007", "PVVNL"),
                hour(11),
                UnitPrice.inr("6.5"),
                new BigDecimal("3.50"))),
        t.lines());
    assertEquals(new MeterPoint("TEST_TPDDL_M0042", "TPDDL"), t.buyer());
    assertEquals("TPDDL-CA-0042", t.buyerId());
    assertEquals(TradeStatus.PENDING, t.status());
    TradeOrder viaWave1 = wave1.order(wave1.orderMessage(t));
    assertEquals(t, viaWave1);
    assertEquals(t, wave2.order(overTheWire(Wave2Action.INIT, wave2.orderMessage(viaWave1))));
    TradeContract tc = wave2.contract(init);
    assertEquals(POLICY, tc.policy());
    assertEquals(TPDDL, tc.buyerLedger());
    assertEquals(PVVNL, tc.sellerLedger());
  }

  @Test
  void allocationsFinalQuantitiesAndRevenueFlowsAreRead() throws Exception {
    TradeContract tc =
        wave2.contract(Wave2Envelope.parse(Fixtures.bytes("wave2/on_status.json")).message());
    assertEquals(TradeStatus.COMPLETED, tc.order().status());
    assertEquals(
        new Allocation(
            "contract-up-dl-0001/1",
            TradeSide.SELLER,
            "TEST_PVVNL_M0007",
            new BigDecimal("4.0"),
            new BigDecimal("3.2")),
        tc.allocations().get(1));
    assertEquals(
        Map.of(
            "contract-up-dl-0001/1",
            new BigDecimal("3.2"),
            "contract-up-dl-0001/2",
            new BigDecimal("3.5")),
        tc.finalKwh());
    assertEquals(
        new MoneyFlow(Payee.BUYER_PLATFORM, new BigDecimal("-42.59"), UnitPrice.INR),
        tc.revenueFlows().get(0));
    assertEquals(tc, wave2.contract(overTheWire(Wave2Action.ON_STATUS, wave2.contractMessage(tc))));
  }

  @Test
  void offersSurviveACatalogOnTheWire() throws Exception {
    List<EnergyOffer> offers =
        List.of(
            new EnergyOffer(
                "o-17-10",
                "prosumer-17",
                SELLER,
                hour(10),
                UnitPrice.inr("6.25"),
                new BigDecimal("9.5"),
                Instant.parse("2026-11-25T04:00:00Z"),
                Instant.parse("2026-11-26T00:30:00Z")),
            new EnergyOffer(
                "o-3-11",
                "prosumer-3",
                OTHER_SELLER,
                hour(11),
                UnitPrice.inr("5.80"),
                new BigDecimal("2.75"),
                Instant.parse("2026-11-25T04:00:00Z"),
                Instant.parse("2026-11-26T00:30:00Z")));
    Wave2Message m =
        wave2.catalogMessage(
            new CatalogHeader(
                "cat-1",
                "UP rooftop solar",
                "bpp.up-solar.example",
                "https://bpp.up-solar.example/beckn"),
            offers);
    assertEquals(offers, wave2.offers(overTheWire(Wave2Action.CATALOG_PUBLISH, m)));
    assertEquals(offers, wave2.offers(overTheWire(Wave2Action.ON_DISCOVER, m)));
  }

  @Test
  void aPublishedOfferOfTwoSlotsIsTwoOffersOfOneId() throws Exception {
    List<EnergyOffer> offers =
        wave2.offers(Wave2Envelope.parse(Fixtures.bytes("wave2/catalog_publish.json")).message());
    assertEquals(2, offers.size());
    assertEquals(List.of(hour(10), hour(11)), offers.stream().map(EnergyOffer::slot).toList());
    assertEquals(new BigDecimal("5.25"), offers.get(1).maxQuantityKwh());
    assertEquals("prosumer-sharma-agra", offers.get(0).providerId());
    assertEquals(new MeterPoint("TEST_PVVNL_M0007", "PVVNL"), offers.get(0).seller());
  }

  @Test
  void whatTheTradeModelCannotTakeIsRefusedWithItsPath() throws Exception {
    byte[] noRequest =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/commitments/0/commitmentAttributes/intervals/1",
            o -> ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("payloads")).remove(1));
    TradeCodecException e =
        assertThrows(
            TradeCodecException.class, () -> wave2.order(Wave2Envelope.parse(noRequest).message()));
    assertEquals(
        "message.contract.commitments[0].commitmentAttributes.intervals[1].payloads",
        e.error().getPaths());
    TradeOrder twoDiscoms =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            "bap",
            "bpp",
            "b",
            BUYER,
            List.of(
                new OrderLine("o1", "p1", SELLER, hour(10), UnitPrice.inr("6"), BigDecimal.ONE),
                new OrderLine(
                    "o2",
                    "p2",
                    new MeterPoint("TEST_BRPL_M1", "BRPL"),
                    hour(10),
                    UnitPrice.inr("6"),
                    BigDecimal.ONE)));
    assertThrows(IllegalArgumentException.class, () -> wave2.orderMessage(twoDiscoms));
  }
}
