package org.uei.p2p.bpp.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
