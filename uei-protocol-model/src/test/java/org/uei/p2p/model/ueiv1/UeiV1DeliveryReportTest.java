package org.uei.p2p.model.ueiv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.codec.UeiV1DeliveryReport;
import org.uei.p2p.model.codec.UeiV1DeliveryReport.Line;
import org.uei.p2p.model.codec.UeiV1DeliveryReport.Payment;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.validation.UeiV1Validator;

class UeiV1DeliveryReportTest {

  private static final Instant AT = Instant.parse("2026-03-11T21:00:00Z");

  // Line 1: 4.25 kWh bought, the seller exported 3.5 for it; line 2 curtailed to 1.5 kWh.
  private static final List<Line> LINES =
      List.of(
          new Line(
              new BigDecimal("3.50"),
              new BigDecimal("3.5"),
              new BigDecimal("3.5"),
              new BigDecimal("6"),
              new BigDecimal("4.25"),
              new BigDecimal("22.75"),
              null,
              null),
          new Line(
              new BigDecimal("1.5"),
              new BigDecimal("2"),
              new BigDecimal("1.5"),
              new BigDecimal("6"),
              new BigDecimal("1.5"),
              new BigDecimal("9.38"),
              new BigDecimal("0.5"),
              "GRID_CONSTRAINT"));

  private static UeiV1Message report(String status, String ref, String paidAt) {
    UeiV1Message order =
        new UeiV1Codec().orderMessage(UeiV1CodecTest.order("up-order-1", TradeStatus.COMPLETED));
    return UeiV1DeliveryReport.write(
        order, LINES, new Payment(status, new BigDecimal("32.13"), "INR", ref, paidAt), AT);
  }

  @Test
  void aDeliveryAndItsPaymentReadBackAsWritten() throws Exception {
    UeiV1DeliveryReport.Report due =
        UeiV1DeliveryReport.read(report(UeiV1DeliveryReport.NOT_PAID, null, null).order());
    assertEquals(2, due.lines().size());
    assertEquals(0, new BigDecimal("3.5").compareTo(due.lines().get(0).deliveredKwh()));
    assertEquals(0, new BigDecimal("4.25").compareTo(due.lines().get(0).buyerAllocatedKwh()));
    assertEquals(0, new BigDecimal("22.75").compareTo(due.lines().get(0).value()));
    assertNull(due.lines().get(0).curtailedKwh());
    assertEquals("GRID_CONSTRAINT", due.lines().get(1).curtailmentReason());
    assertEquals(0, new BigDecimal("0.5").compareTo(due.lines().get(1).curtailedKwh()));
    assertEquals("NOT_PAID", due.payment().status());
    assertEquals(new BigDecimal("32.13"), due.payment().amount());
    assertNull(due.payment().txnRef());

    UeiV1Message paid = report(UeiV1DeliveryReport.PAID, "STL-1", "2026-03-11T21:00:00Z");
    UeiV1DeliveryReport.Report settled = UeiV1DeliveryReport.read(paid.order());
    assertEquals("PAID", settled.payment().status());
    assertEquals("STL-1", settled.payment().txnRef());
    assertEquals("2026-03-11T21:00:00Z", settled.payment().paidAt());
    assertEquals("COMPLETE", paid.order().status());
    assertEquals("ORDER_COMPLETED", paid.order().fulfillments().get(0).stateCode());
    assertEquals(new BigDecimal("32.13"), paid.order().quoteValue());
  }

  @Test
  void theReportsAreValidBeckn110Callbacks() throws Exception {
    ObjectNode context = Fixtures.tree("ueiv1/confirm.json").withObject("/context");
    for (UeiV1Action a : List.of(UeiV1Action.ON_STATUS, UeiV1Action.ON_UPDATE)) {
      UeiV1Envelope env =
          UeiV1Envelope.of(
              context.put("action", a.wireName()),
              report(UeiV1DeliveryReport.PAID, "STL-1", "2026-03-11T21:00:00Z"));
      assertEquals(List.of(), UeiV1Validator.strict().validate(env, a).errors(), a.wireName());
    }
  }

  @Test
  void anOrderWithoutDeliveryReportsNone() throws Exception {
    UeiV1Message confirmed =
        new UeiV1Codec().orderMessage(UeiV1CodecTest.order("up-order-1", TradeStatus.CONFIRMED));
    assertFalse(UeiV1DeliveryReport.read(confirmed.order()).delivered());
    assertTrue(UeiV1DeliveryReport.read(report("NOT_PAID", null, null).order()).delivered());
  }

  @Test
  void aBadTagIsNamedByItsPath() {
    ObjectNode m = report(UeiV1DeliveryReport.PAID, "STL-1", null).toJson();
    ObjectNode tag = (ObjectNode) m.at("/order/fulfillments/1/tags/0/list/4");
    assertEquals(UeiV1DeliveryReport.BUYER_ALLOCATED, tag.at("/descriptor/code").asText());
    tag.put("value", "-1");
    TradeCodecException e =
        assertThrows(
            TradeCodecException.class, () -> UeiV1DeliveryReport.read(UeiV1Message.of(m).order()));
    assertEquals("message.order.fulfillments[1].tags[0].list[4].value", e.error().getPaths());

    ObjectNode missing = report(UeiV1DeliveryReport.PAID, "STL-1", null).toJson();
    ((com.fasterxml.jackson.databind.node.ArrayNode)
            missing.at("/order/fulfillments/0/tags/0/list"))
        .remove(0);
    e =
        assertThrows(
            TradeCodecException.class,
            () -> UeiV1DeliveryReport.read(UeiV1Message.of(missing).order()));
    assertEquals("message.order.fulfillments[0].tags", e.error().getPaths());
  }
}
