package org.uei.p2p.bpp.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.bpp.BppNodeTest;
import org.uei.p2p.bpp.BuyerSide;
import org.uei.p2p.bpp.catalog.CatalogService;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.market.rules.RuleViolation;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.node.testing.TestNetwork;

/**
 * The seller-side cap counts what the prosumer's meter has already sold in the slot: active orders
 * on any of its offers, not cancelled ones, and not the orders of another meter.
 */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class TradePolicyTest {

  @Inject TradePolicy policy;
  @Inject OrderService orders;
  @Inject CatalogService catalog;

  @Test
  void theCapCountsActiveOrdersOfEveryOfferOfTheMeterInTheSlot() throws Exception {
    String prosumer = BppNodeTest.registerProsumer("TPDDL", 5);
    String first = BppNodeTest.publishOffer(prosumer, "6.00", "4");
    String second = BppNodeTest.publishOffer(prosumer, "6.00", "4");
    String elsewhere =
        BppNodeTest.publishOffer(BppNodeTest.registerProsumer("TPDDL", 5), "6.00", "4");

    assertEquals(List.of(), violations(second, "2"), "nothing sold yet: 2 of 5 kWh");
    String sold = confirm(first, "2");
    String cancelled = confirm(first, "2");
    orders.cancel(cancelled);
    confirm(elsewhere, "4");

    assertEquals(
        List.of(), violations(second, "3"), "2 sold + 3 asked = 5 kWh, the cap; others' ignored");
    List<RuleViolation> over = violations(second, "3.5");
    assertEquals(1, over.size(), over.toString());
    assertTrue(over.get(0).message().contains("cap"), over.get(0).message());

    orders.cancel(sold);
    assertEquals(List.of(), violations(second, "4"), "a cancelled order gives its energy back");
  }

  @Test
  void aConfirmOverTheCapIsRefusedWhereItIsStoredAndTakesNothing() throws Exception {
    String prosumer = BppNodeTest.registerProsumer("TPDDL", 5);
    String first = BppNodeTest.publishOffer(prosumer, "6.00", "4");
    String second = BppNodeTest.publishOffer(prosumer, "6.00", "4");
    confirm(first, "3");
    // Admitted before the first was stored, as a concurrent confirm is: only the store sees both.
    OrderService.NotAvailable refused =
        assertThrows(OrderService.NotAvailable.class, () -> confirm(second, "2.5"));
    assertTrue(refused.getMessage().contains("SELLER_CAP"), refused.getMessage());
    assertEquals(0, refused.line());
    assertEquals(0, new BigDecimal("4").compareTo(available(second)), "nothing taken");
    confirm(second, "2");
  }

  @Test
  void anUpdateCountsTheLineOnceAndIsRefusedOverTheCap() throws Exception {
    String prosumer = BppNodeTest.registerProsumer("TPDDL", 5);
    String first = BppNodeTest.publishOffer(prosumer, "6.00", "4");
    String second = BppNodeTest.publishOffer(prosumer, "6.00", "4");
    confirm(first, "2");
    String growing = confirm(second, "2");
    assertThrows(
        OrderService.NotAvailable.class,
        () -> orders.changeQuantity(growing, 1, new BigDecimal("3.5")));
    assertEquals(0, new BigDecimal("2").compareTo(available(second)), "nothing more taken");
    orders.changeQuantity(growing, 1, new BigDecimal("3"));
    assertEquals(0, BigDecimal.ONE.compareTo(available(second)), "2 + 3 = 5 kWh, the cap");
  }

  @Test
  void twoLinesOfOneOrderOnOneMeterAndSlotCountTogether() throws Exception {
    String prosumer = BppNodeTest.registerProsumer("TPDDL", 5);
    String first = BppNodeTest.publishOffer(prosumer, "6.00", "4");
    String second = BppNodeTest.publishOffer(prosumer, "6.00", "4");
    TradeOrder a = order(first, "3");
    TradeOrder both = a.withLines(List.of(a.lines().get(0), order(second, "3").lines().get(0)));

    List<RuleViolation> over =
        QuarkusTransaction.requiringNew()
            .call(() -> policy.violations(both, "txn-" + UUID.randomUUID(), Instant.now()));
    assertEquals(1, over.size(), "3 + 3 kWh on a 5 kWh meter: " + over);
    assertTrue(over.get(0).message().contains("6.00 kWh"), over.get(0).message());
    OrderService.NotAvailable refused =
        assertThrows(
            OrderService.NotAvailable.class,
            () ->
                orders.confirm(
                    both, BuyerSide.context(Action.CONFIRM, "txn-" + UUID.randomUUID())));
    assertEquals(1, refused.line(), "the second line is the one over");
    assertEquals(0, new BigDecimal("4").compareTo(available(first)), "nothing taken");
  }

  @Test
  void concurrentConfirmsOfOneMeterNeverSellMoreThanItsCap() throws Exception {
    String prosumer = BppNodeTest.registerProsumer("TPDDL", 5);
    List<String> offers = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      offers.add(BppNodeTest.publishOffer(prosumer, "6.00", "2"));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (String offer : offers) {
        TradeOrder order = order(offer, "1.5");
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    orders.confirm(
                        order, BuyerSide.context(Action.CONFIRM, "txn-" + UUID.randomUUID()));
                    return true;
                  } catch (OrderService.NotAvailable e) {
                    return false;
                  }
                }));
      }
      start.countDown();
      long confirmed = 0;
      for (var r : results) {
        confirmed += r.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(3, confirmed, "3 × 1.5 kWh fit under the 5 kWh cap, a fourth does not");
    } finally {
      pool.shutdownNow();
    }
    BigDecimal sold = BigDecimal.ZERO;
    for (String offer : offers) {
      sold = sold.add(new BigDecimal("2").subtract(available(offer)));
    }
    assertEquals(0, new BigDecimal("4.5").compareTo(sold), sold.toPlainString());
  }

  private BigDecimal available(String offerId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> catalog.offer(offerId).orElseThrow().availableKwh);
  }

  private List<RuleViolation> violations(String offerId, String kwh) {
    TradeOrder order = order(offerId, kwh);
    // As the admission check calls it: inside the request's transaction.
    return QuarkusTransaction.requiringNew()
        .call(() -> policy.violations(order, "txn-" + UUID.randomUUID(), Instant.now()));
  }

  private String confirm(String offerId, String kwh) throws OrderService.NotAvailable {
    String txn = "txn-" + UUID.randomUUID();
    return orders.confirm(order(offerId, kwh), BuyerSide.context(Action.CONFIRM, txn)).id;
  }

  private TradeOrder order(String offerId, String kwh) {
    return BuyerSide.order(
        catalog.toEnergyOffer(catalog.offer(offerId).orElseThrow()),
        new BigDecimal(kwh),
        BuyerSide.BUYER_METER);
  }
}
