package org.uei.p2p.bpp.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.bpp.BppNodeTest;
import org.uei.p2p.bpp.catalog.OffersForSale.OfferForSale;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.node.testing.TestNetwork;

/** The one-statement read of an offer with its prosumer reads what the entities read. */
@QuarkusTest
@QuarkusTestResource(TestNetwork.class)
class OffersForSaleTest {

  @Inject OffersForSale offers;
  @Inject OfferInventory inventory;
  @Inject org.uei.p2p.node.clock.MarketClock marketClock;

  @Test
  void anOfferAndItsProsumerReadAsTheEntitiesDo() {
    String prosumerId = BppNodeTest.registerProsumer("TPDDL", 7);
    String offerId = BppNodeTest.publishOffer(prosumerId, "6.25", "4.5");
    assertTrue(
        QuarkusTransaction.requiringNew()
            .call(() -> inventory.take(offerId, new BigDecimal("1.25"), marketClock.now())));

    OfferForSale read = offers.find(offerId).orElseThrow();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              SlotOffer o = SlotOffer.findById(offerId);
              Prosumer p = Prosumer.findById(prosumerId);
              assertEquals(offerFields(o), offerFields(read.offer()));
              assertEquals(prosumerFields(p), prosumerFields(read.prosumer()));
              assertEquals(new MeterPoint(p.meterId, p.discomId), read.sellerMeter());
            });
    assertEquals(new BigDecimal("3.25"), read.offer().availableKwh.stripTrailingZeros());
  }

  @Test
  void anUnknownOfferIsNotFound() {
    assertTrue(offers.find("no-such-offer").isEmpty());
  }

  private static List<Object> offerFields(SlotOffer o) {
    return java.util.Arrays.asList(
        o.id,
        o.prosumerId,
        o.networkId,
        o.slotStart,
        o.slotEnd,
        o.pricePerKwh,
        o.currency,
        o.maxKwh,
        o.availableKwh,
        o.validFrom,
        o.validUntil,
        o.status,
        o.updatedAt);
  }

  private static List<Object> prosumerFields(Prosumer p) {
    return java.util.Arrays.asList(
        p.id,
        p.name,
        p.meterId,
        p.discomId,
        p.stateCode,
        p.installedCapacityKw,
        p.sourceType,
        p.createdAt,
        p.credential);
  }
}
