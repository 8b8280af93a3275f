package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;

/** Reads and compares the orders of the journey's callbacks. */
final class Orders {

  private static final Wave1Codec CODEC = new Wave1Codec();

  private Orders() {}

  /** A new PENDING order of one line. */
  static TradeOrder pending(String bapId, String bppId, MeterPoint buyer, OrderLine line) {
    return new TradeOrder(
        null, TradeStatus.PENDING, bapId, bppId, "conformance-buyer", buyer, List.of(line));
  }

  /** The same order as PENDING without id, as init and confirm send it. */
  static TradeOrder pending(TradeOrder quoted) {
    return quoted.withOrderId(null).withStatus(TradeStatus.PENDING);
  }

  /** The order a callback carries, or a reason it carries none. */
  static TradeOrder read(Inbound callback) throws Problem {
    if (callback.tree() != null && callback.tree().hasNonNull("error")) {
      throw new Problem("the callback carries an error: " + callback.tree().get("error"));
    }
    try {
      return CODEC.order(Envelopes.parse(callback.body()).getMessage());
    } catch (MessageParseException e) {
      throw new Problem("the callback is not a readable wave-1 message: " + e.getMessage());
    } catch (TradeCodecException e) {
      throw new Problem("the callback's order cannot be read: " + e.getMessage());
    }
  }

  /**
   * Differences between the line the kit asked for and the line the callback holds; empty when
   * equal.
   */
  static Optional<String> differs(OrderLine asked, TradeOrder got) {
    if (got.lines().size() != 1) {
      return Optional.of("expected 1 order line, got " + got.lines().size());
    }
    OrderLine l = got.lines().get(0);
    if (!l.offerId().equals(asked.offerId())) {
      return Optional.of("offer id '" + l.offerId() + "' instead of '" + asked.offerId() + "'");
    }
    if (l.quantityKwh().compareTo(asked.quantityKwh()) != 0) {
      return Optional.of(
          "quantity "
              + l.quantityKwh().toPlainString()
              + " kWh instead of "
              + asked.quantityKwh().toPlainString());
    }
    if (l.price().perKwh().compareTo(asked.price().perKwh()) != 0
        || !l.price().currency().equals(asked.price().currency())) {
      return Optional.of("price " + l.price() + " instead of the offer's " + asked.price());
    }
    return Optional.empty();
  }

  /**
   * When the callback states an order value, it must be quantity × price; empty when it agrees or
   * is absent.
   */
  static Optional<String> valueDiffers(OrderLine asked, Inbound callback) {
    JsonNode v = callback.tree().at("/message/order/beckn:orderValue/value");
    if (v.isMissingNode() || v.isNull()) {
      return Optional.empty();
    }
    BigDecimal expected =
        asked.price().valueOf(asked.quantityKwh()).setScale(2, RoundingMode.HALF_UP);
    BigDecimal got = v.decimalValue();
    return got.compareTo(expected) == 0
        ? Optional.empty()
        : Optional.of(
            "order value " + got.toPlainString() + " instead of " + expected.toPlainString());
  }

  /** Why a callback does not carry the expected order. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }
}
