package org.uei.p2p.bpp.wave2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.bpp.cascade.CascadeLeg;
import org.uei.p2p.bpp.cascade.LegState;
import org.uei.p2p.bpp.utility.Wave2LimitChecks;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * What the buyer is shown of the utilities' answers: each utility speaks only for the side its
 * DISCOM meters, only well-formed results pass, and a refusal names the buyer's own interval.
 */
class LimitCheckAnswersTest {

  private static final Instant SLOT = Instant.parse("2026-06-01T04:30:00Z");
  private static final String QUANTITY =
      "message.contract.commitments[0].commitmentAttributes.intervals[0]"
          + ".payloads[type=REQUESTED_QTY]";

  private static TradeOrder order() {
    return new TradeOrder(
        null,
        TradeStatus.PENDING,
        "buyer-platform",
        "seller-platform",
        "C-1",
        new MeterPoint("TEST_B", "BUYER_D"),
        List.of(
            new OrderLine(
                "offer-1",
                "prosumer-1",
                new MeterPoint("TEST_S", "SELLER_D"),
                new DeliverySlot(SLOT, SLOT.plus(Duration.ofHours(1))),
                UnitPrice.inr("6.00"),
                new BigDecimal("2"))));
  }

  private static Wave2Message contract() {
    return new Wave2Codec(
            new PolicyReference("https://policy.test/p", "data.p"),
            List.of(
                new LedgerProvider("BUYER_D", "b.test", "http://b", "bl", "http://bl"),
                new LedgerProvider("SELLER_D", "s.test", "http://s", "sl", "http://sl")))
        .orderMessage(order());
  }

  /** A leg of {@code discom} whose utility answered with {@code contract}. */
  private static CascadeLeg leg(String discom, String utility, ObjectNode contract) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.putObject("context").put("action", "on_init");
    root.putObject("message").set("contract", contract);
    CascadeLeg l = new CascadeLeg();
    l.messageId = utility + "-msg";
    l.discomId = discom;
    l.utilityId = utility;
    l.status = LegState.OK;
    l.answerBody = BecknJson.write(root);
    return l;
  }

  private static ObjectNode answered(TradeSide side, String result, String headroom) {
    ObjectNode c = contract().contract().toJson();
    Wave2LimitChecks.put(
        c,
        0,
        "commitment-1",
        order().lines().get(0).slot(),
        new BigDecimal("2"),
        side,
        "whoever",
        result,
        new BigDecimal(headroom));
    return c;
  }

  @Test
  void eachUtilitySpeaksOnlyForTheSideItsDiscomMeters() {
    ObjectNode buyerAnswer = answered(TradeSide.BUYER, "OK", "3");
    // The buyer DISCOM's utility also claims the seller's side: not its to report.
    Wave2LimitChecks.put(
        buyerAnswer,
        0,
        "commitment-1",
        order().lines().get(0).slot(),
        new BigDecimal("2"),
        TradeSide.SELLER,
        "whoever",
        "REJECTED",
        BigDecimal.ZERO);
    Wave2Message merged =
        LimitCheckAnswers.merge(
            contract(), order(), List.of(leg("buyer_d", "utility.buyer", buyerAnswer)));
    JsonNode check = merged.toJson().at("/contract/performance/0/performanceAttributes");
    assertEquals("utility.buyer", check.at("/buyerSide/discomParticipantId").asText());
    assertEquals(
        0,
        new BigDecimal("3").compareTo(check.at("/buyerSide/remainingHeadroomKwh").decimalValue()));
    assertTrue(check.path("sellerSide").isMissingNode(), check.toString());
    assertEquals("OK", merged.toJson().at("/contract/performance/0/status/code").asText());
  }

  @Test
  void malformedResultsAreLeftOut() {
    ObjectNode odd = answered(TradeSide.SELLER, "OK", "3");
    ((ObjectNode) odd.at("/performance/0/performanceAttributes/sellerSide"))
        .put("remainingHeadroomKwh", -1);
    assertTrue(Wave2LimitChecks.read(odd, 0).isEmpty());
    ((ObjectNode) odd.at("/performance/0/performanceAttributes/sellerSide"))
        .put("remainingHeadroomKwh", 1)
        .put("limitCheckResult", "MAYBE");
    assertTrue(Wave2LimitChecks.read(odd, 0).isEmpty());
    Wave2Message merged =
        LimitCheckAnswers.merge(contract(), order(), List.of(leg("SELLER_D", "utility.s", odd)));
    assertTrue(merged.toJson().at("/contract/performance").isMissingNode());
  }

  @Test
  void aRefusalNamesTheRefusedIntervalOfTheBuyersContract() {
    CascadeLeg seller = leg("SELLER_D", "utility.s", answered(TradeSide.SELLER, "OK", "5"));
    CascadeLeg buyer = leg("BUYER_D", "utility.b", answered(TradeSide.BUYER, "REJECTED", "1"));
    assertEquals(
        QUANTITY,
        LimitCheckAnswers.refusedPath(contract().contract(), order(), List.of(seller, buyer)));
    assertEquals(
        "message.contract",
        LimitCheckAnswers.refusedPath(contract().contract(), order(), List.of(seller)));
  }
}
