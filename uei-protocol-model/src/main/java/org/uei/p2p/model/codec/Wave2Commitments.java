package org.uei.p2p.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.TimeSeries;

/**
 * Writes a contract's order lines as commitments: consecutive lines of one offer, meter and
 * currency whose slots lie on one grid (later slots, same length) share a commitment and its table.
 */
final class Wave2Commitments {

  private Wave2Commitments() {}

  static void write(ArrayNode out, TradeContract tc, String commitmentStatus) {
    List<OrderLine> lines = tc.order().lines();
    String prefix =
        tc.order().orderId() == null ? Wave2ContractReader.DRAFT_PREFIX : tc.order().orderId();
    List<String> columns =
        new ArrayList<>(List.of(TimeSeries.PRICE_PER_KWH, TimeSeries.REQUESTED_QTY));
    if (tc.allocations().stream().anyMatch(a -> a.side() == TradeSide.BUYER)) {
      columns.add(TimeSeries.BUYER_DISCOM_ALLOC);
    }
    if (tc.allocations().stream().anyMatch(a -> a.side() == TradeSide.SELLER)) {
      columns.add(TimeSeries.SELLER_DISCOM_ALLOC);
    }
    if (!tc.finalKwh().isEmpty()) {
      columns.add(TimeSeries.FINAL_ALLOC);
    }
    int start = 0;
    while (start < lines.size()) {
      int end = start + 1;
      OrderLine first = lines.get(start);
      int lastId = 0;
      while (end < lines.size() && sameCommitment(first, lines.get(end))) {
        int id = Wave2Writer.intervalId(first.slot(), lines.get(end).slot());
        if (id <= lastId) {
          break;
        }
        lastId = id;
        end++;
      }
      List<OrderLine> group = lines.subList(start, end);
      ObjectNode cm = out.addObject().put("id", "commitment-" + out.size());
      cm.putObject("status").putObject("descriptor").put("code", commitmentStatus);
      cm.putArray("resources").add(Wave2Writer.resource(first.seller(), Wave2Codec.total(group)));
      ObjectNode offer = cm.putObject("offer").put("id", first.offerId());
      offer.putArray("resourceIds").add(first.seller().meterId());
      offer
          .putObject("provider")
          .put("id", first.providerId())
          .putObject("descriptor")
          .put("name", first.providerId());
      ObjectNode table =
          Wave2Writer.table(first.slot(), first.price().currency().getCurrencyCode(), columns);
      for (int i = 0; i < group.size(); i++) {
        OrderLine l = group.get(i);
        String tradeId = prefix + "/" + (start + i + 1);
        List<BigDecimal> values = new ArrayList<>();
        for (String column : columns) {
          values.add(
              switch (column) {
                case TimeSeries.PRICE_PER_KWH -> l.price().perKwh();
                case TimeSeries.REQUESTED_QTY -> l.quantityKwh();
                case TimeSeries.BUYER_DISCOM_ALLOC -> allocated(tc, tradeId, TradeSide.BUYER);
                case TimeSeries.SELLER_DISCOM_ALLOC -> allocated(tc, tradeId, TradeSide.SELLER);
                default -> tc.finalKwh().get(tradeId);
              });
        }
        Wave2Writer.interval(
            table, Wave2Writer.intervalId(first.slot(), l.slot()), columns, values);
      }
      cm.set("commitmentAttributes", table);
      start = end;
    }
  }

  private static boolean sameCommitment(OrderLine a, OrderLine b) {
    return a.offerId().equals(b.offerId())
        && a.providerId().equals(b.providerId())
        && a.seller().equals(b.seller())
        && a.price().currency().equals(b.price().currency());
  }

  private static BigDecimal allocated(TradeContract tc, String tradeId, TradeSide side) {
    for (Allocation a : tc.allocations()) {
      if (a.tradeId().equals(tradeId) && a.side() == side) {
        return a.allocatedKwh();
      }
    }
    return null;
  }
}
