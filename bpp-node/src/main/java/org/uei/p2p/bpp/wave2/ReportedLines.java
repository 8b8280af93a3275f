package org.uei.p2p.bpp.wave2;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.bpp.order.SellerOrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2LedgerReport;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * Checks a seller DISCOM ledger's {@link Wave2LedgerReport} against the contract it names: the
 * ledger holds records keyed by line number, not the contract, so every line must be a trade of the
 * contract over that trade's own window and allocate no more than was traded.
 */
final class ReportedLines {

  private ReportedLines() {}

  /**
   * The SELLER figures of a seller ledger's report by line number: each line of this contract, over
   * its own window, none above the quantity traded.
   */
  static Map<Integer, BigDecimal> sellerFigures(
      Contract c, SellerOrder o, TradeSide side, TradeContract held) throws InboundRejection {
    if (side != TradeSide.SELLER) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "a ledger allocation report comes from the seller DISCOM's ledger provider",
          c.pathOf("commitments"));
    }
    Map<String, Wave2LedgerReport.Line> lines;
    try {
      lines = Wave2LedgerReport.read(c, TradeSide.SELLER);
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), Map.of());
    }
    var orderLines = held.order().lines();
    Map<Integer, BigDecimal> kwh = new TreeMap<>();
    int i = 0;
    for (Wave2LedgerReport.Line l : lines.values()) {
      String at = c.pathOf("commitments") + "[" + i++ + "]";
      int n = lineNumber(l.orderItemId());
      SellerOrderLine line = o.lines.stream().filter(x -> x.lineNo() == n).findFirst().orElse(null);
      if (line == null
          || !orderLines.get(n - 1).slot().start().equals(l.start())
          || !orderLines.get(n - 1).slot().end().equals(l.end())) {
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            "line "
                + l.orderItemId()
                + " over "
                + l.start()
                + " to "
                + l.end()
                + " is no trade of contract "
                + o.id,
            at + ".id");
      }
      if (l.kwh().compareTo(line.quantityKwh) > 0) {
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            "SELLER_DISCOM_ALLOC "
                + l.kwh().toPlainString()
                + " of line "
                + n
                + " exceeds the "
                + line.quantityKwh.toPlainString()
                + " kWh traded",
            at + ".commitmentAttributes.intervals[0].payloads");
      }
      kwh.put(n, l.kwh());
    }
    if (kwh.isEmpty()) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "the report carries SELLER_DISCOM_ALLOC",
          c.pathOf("commitments"));
    }
    return kwh;
  }

  private static int lineNumber(String orderItemId) {
    try {
      return Integer.parseInt(orderItemId);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
