package org.uei.p2p.bpp.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.uei.p2p.bpp.cascade.CascadeLeg;
import org.uei.p2p.bpp.utility.Wave2LimitChecks;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The utilities' DiscomLimitChecks as the buyer sees them: from each utility's answer only the
 * sides of its own DISCOM are taken, only well-formed ones, under the utility's registered id, and
 * put on the same trades of the seller's answer; and where in the buyer's contract the first
 * refused trade sits.
 */
final class LimitCheckAnswers {

  private LimitCheckAnswers() {}

  /**
   * {@code answer} (a contract message of {@code order}) with the limit checks of every leg that
   * answered.
   */
  static Wave2Message merge(Wave2Message answer, TradeOrder order, List<CascadeLeg> legs) {
    ObjectNode m = answer.toJson();
    ObjectNode contract = (ObjectNode) m.get("contract");
    List<Wave2LimitChecks.Line> lines = Wave2LimitChecks.lines(Wave2Message.of(m).contract());
    for (CascadeLeg leg : legs) {
      JsonNode from = answered(leg);
      if (from == null) {
        continue;
      }
      for (int i = 0; i < order.lines().size(); i++) {
        OrderLine l = order.lines().get(i);
        for (Map.Entry<TradeSide, Wave2LimitChecks.SideResult> s :
            Wave2LimitChecks.read(from, i).entrySet()) {
          if (!ofDiscom(leg, order, l, s.getKey())) {
            continue;
          }
          Wave2LimitChecks.put(
              contract,
              i,
              i < lines.size() ? lines.get(i).commitmentId() : null,
              l.slot(),
              l.quantityKwh(),
              s.getKey(),
              leg.utilityId,
              s.getValue().result(),
              s.getValue().remainingKwh());
        }
      }
    }
    return Wave2Message.of(m);
  }

  /**
   * The requested quantity of the first trade some utility refused, in the buyer's contract; the
   * contract itself when no trade is named.
   */
  static String refusedPath(Contract buyerContract, TradeOrder order, List<CascadeLeg> legs) {
    List<Wave2LimitChecks.Line> lines = Wave2LimitChecks.lines(buyerContract);
    for (int i = 0; i < order.lines().size() && i < lines.size(); i++) {
      for (CascadeLeg leg : legs) {
        JsonNode from = answered(leg);
        if (from == null) {
          continue;
        }
        for (Map.Entry<TradeSide, Wave2LimitChecks.SideResult> s :
            Wave2LimitChecks.read(from, i).entrySet()) {
          if ("REJECTED".equals(s.getValue().result())
              && ofDiscom(leg, order, order.lines().get(i), s.getKey())) {
            return lines.get(i).quantityPath();
          }
        }
      }
    }
    return buyerContract.path();
  }

  /** Whether {@code side} of line {@code l} is metered by the leg's DISCOM. */
  private static boolean ofDiscom(CascadeLeg leg, TradeOrder order, OrderLine l, TradeSide side) {
    String discom = side == TradeSide.BUYER ? order.buyer().discomId() : l.seller().discomId();
    return leg.discomId.equalsIgnoreCase(discom);
  }

  /** The contract of the leg's answer, or null when it has none. */
  private static JsonNode answered(CascadeLeg leg) {
    if (leg.answerBody == null) {
      return null;
    }
    try {
      Wave2Message message = Wave2Envelope.parse(leg.answerBody).message();
      Contract c = message == null ? null : message.contract();
      return c == null ? null : c.toJson();
    } catch (MessageParseException e) {
      return null;
    }
  }
}
