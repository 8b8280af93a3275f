package org.uei.p2p.model.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;

/**
 * A buyer's order over one or more offers of one seller platform, as select, init and confirm carry
 * it, independent of the wire generation. Each line becomes one {@link Trade}.
 *
 * @param orderId order id given by the seller platform; {@code null} before on_confirm
 * @param status where the order stands
 * @param buyerPlatformId subscriber id of the BAP
 * @param sellerPlatformId subscriber id of the BPP
 * @param buyerId the buyer's id on the buyer platform
 * @param buyer the buyer's meter and DISCOM
 * @param lines at least one line
 */
public record TradeOrder(
    String orderId,
    TradeStatus status,
    String buyerPlatformId,
    String sellerPlatformId,
    String buyerId,
    MeterPoint buyer,
    List<OrderLine> lines) {

  /** Requires everything but the order id, and at least one line. */
  public TradeOrder {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(buyerPlatformId, "buyerPlatformId");
    Objects.requireNonNull(sellerPlatformId, "sellerPlatformId");
    Objects.requireNonNull(buyerId, "buyerId");
    Objects.requireNonNull(buyer, "buyer");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
  }

  /** Sum of the line quantities. */
  public BigDecimal totalKwh() {
    return lines.stream().map(OrderLine::quantityKwh).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The trades of this order, one per line, with ids {@code <idPrefix>/<line number from 1>}.
   *
   * @param idPrefix the order id once known, else the transaction id
   * @param agreedAt when the order was requested (FIFO allocation serves earlier trades first)
   */
  public List<Trade> trades(String idPrefix, Instant agreedAt) {
    List<Trade> trades = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      OrderLine l = lines.get(i);
      trades.add(
          new Trade(
              idPrefix + "/" + (i + 1),
              buyerPlatformId,
              sellerPlatformId,
              buyer,
              l.seller(),
              l.slot(),
              l.quantityKwh(),
              l.price(),
              status,
              agreedAt));
    }
    return trades;
  }

  /** This order under another id (a confirmed order's, or a refusal's). */
  public TradeOrder withOrderId(String id) {
    return new TradeOrder(id, status, buyerPlatformId, sellerPlatformId, buyerId, buyer, lines);
  }

  /** This order in another status. */
  public TradeOrder withStatus(TradeStatus newStatus) {
    return new TradeOrder(
        orderId, newStatus, buyerPlatformId, sellerPlatformId, buyerId, buyer, lines);
  }

  /** This order with other lines (for example, priced from the seller's catalog). */
  public TradeOrder withLines(List<OrderLine> newLines) {
    return new TradeOrder(
        orderId, status, buyerPlatformId, sellerPlatformId, buyerId, buyer, newLines);
  }
}
