package org.uei.p2p.model.ueiv1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.validation.UeiV1Validator;

/** The UEI v1 codec loses nothing of an order or an offer, whatever their numbers and ids. */
class UeiV1CodecPropertyTest {

  private final UeiV1Codec codec = new UeiV1Codec();

  @Property(tries = 200)
  void anOrderComesBackFromItsMessageAndItsBytes(@ForAll("orders") TradeOrder order)
      throws Exception {
    UeiV1Message m = codec.orderMessage(order);
    TradeOrder expected =
        order.status() == TradeStatus.CURTAILED ? order.withStatus(TradeStatus.CONFIRMED) : order;
    assertEquals(expected, codec.order(m));
    ObjectNode context = Fixtures.tree("ueiv1/on_status.json").withObject("/context");
    byte[] bytes = UeiV1Envelope.of(context, m).write();
    UeiV1Envelope again = UeiV1Envelope.parse(bytes);
    assertArrayEquals(bytes, again.write());
    assertEquals(expected, codec.order(again.message()));
  }

  @Property(tries = 100)
  void offersComeBackFromTheirCatalog(@ForAll("orders") TradeOrder order) throws Exception {
    List<EnergyOffer> offers = new ArrayList<>();
    for (OrderLine l : order.lines()) {
      offers.add(
          new EnergyOffer(
              l.offerId(),
              l.providerId(),
              l.seller(),
              l.slot(),
              l.price(),
              l.quantityKwh(),
              l.slot().start().minusSeconds(86_400),
              l.slot().start().minusSeconds(4 * 3600)));
    }
    UeiV1Message cat =
        codec.catalogMessage(new CatalogHeader("c", "n", "bpp", "https://bpp.example"), offers);
    assertEquals(offers, codec.offers(cat));
    ObjectNode context = Fixtures.tree("ueiv1/on_search.json").withObject("/context");
    assertEquals(
        List.of(),
        UeiV1Validator.strict()
            .validate(UeiV1Envelope.of(context, cat), UeiV1Action.ON_SEARCH)
            .errors());
  }

  @Provide
  Arbitrary<TradeOrder> orders() {
    Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().withChars("-_.:").ofLength(8);
    Arbitrary<BigDecimal> kwh =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("0.01"), new BigDecimal("99999.99"))
            .ofScale(2);
    Arbitrary<BigDecimal> price =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(2);
    Arbitrary<OrderLine> line =
        Combinators.combine(ids, Arbitraries.integers().between(6, 17), price, kwh)
            .as(
                (offer, hour, p, q) ->
                    new OrderLine(
                        offer,
                        "prosumer-1",
                        new MeterPoint("TEST_MVVNL_" + offer, "MVVNL"),
                        UeiV1CodecTest.hour(hour),
                        new UnitPrice(p, UnitPrice.INR),
                        q));
    return Combinators.combine(
            ids.injectNull(0.3),
            Arbitraries.of(TradeStatus.class),
            ids,
            line.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (id, status, buyer, lines) ->
                new TradeOrder(
                    id,
                    status,
                    "bap.up-pilot.example",
                    "bpp.up-pilot.example",
                    buyer,
                    new MeterPoint("TEST_MVVNL_B" + buyer, "MVVNL"),
                    lines));
  }
}
