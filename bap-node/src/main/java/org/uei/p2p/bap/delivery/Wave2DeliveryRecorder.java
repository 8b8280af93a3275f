package org.uei.p2p.bap.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.MoneyFlow;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.RevenueFlow;
import org.uei.p2p.model.wave2.Settlement;
import org.uei.p2p.model.wave2.Wave2Envelope;

/**
 * Keeps what a wave-2 seller platform reports after delivery, next to the wave-1 reports: for each
 * interval of the contract with both DISCOMs' allocations (BUYER_DISCOM_ALLOC,
 * SELLER_DISCOM_ALLOC), the trade, both allocations and the settled quantity (FINAL_ALLOC, else the
 * smaller allocation), with the payment the settlements report; and the settlement's revenue flows,
 * which must sum to zero. A later report of the same contract replaces the earlier one.
 */
@ApplicationScoped
public class Wave2DeliveryRecorder {

  @Inject AgroalDataSource dataSource;
  @Inject DeliveryRecorder deliveries;

  /**
   * Records the allocations and revenue flows of an on_status/on_update from {@code
   * sellerPlatform}; returns how many trades it recorded.
   *
   * @throws IllegalArgumentException when the revenue flows do not sum to zero
   */
  @Transactional
  public int record(String sellerPlatform, Wave2Envelope e, Instant receivedAt)
      throws TradeCodecException, SQLException {
    Contract c = e.message() == null ? null : e.message().contract();
    if (c == null || c.id() == null || c.commitments().isEmpty()) {
      return 0;
    }
    TradeContract tc = Wave2Network.reader().contract(e.message());
    TradeOrder o = tc.order();
    List<Trade> trades = o.trades(o.orderId(), receivedAt);
    Settlement paid = payment(c);
    // What the seller says of its payment is kept as text, cut to the columns' sizes.
    String status = paid == null ? null : attr(paid, "paymentStatus", 16);
    String ref = paid == null ? null : attr(paid, "txnRef", 128);
    String at = paid == null ? null : attr(paid, "paidAt", 64);
    String txn = e.context().transactionId();
    int recorded = 0;
    for (Trade t : trades) {
      BigDecimal buyer = allocated(tc, t.tradeId(), TradeSide.BUYER);
      BigDecimal seller = allocated(tc, t.tradeId(), TradeSide.SELLER);
      if (buyer == null || seller == null) {
        continue;
      }
      BigDecimal settled = tc.finalKwh().getOrDefault(t.tradeId(), buyer.min(seller));
      deliveries.upsert(sellerPlatform, txn, t, buyer, seller, settled, status, ref, at);
      recorded++;
    }
    if (!tc.revenueFlows().isEmpty()) {
      flows(sellerPlatform, txn, o.orderId(), trades.get(0).slot().start(), tc.revenueFlows());
    }
    return recorded;
  }

  /** Why {@code flows} cannot be a settlement, or null: they must sum to zero. */
  public static String unbalanced(List<MoneyFlow> flows) {
    BigDecimal sum = flows.stream().map(MoneyFlow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.abs().compareTo(RevenueFlow.TOLERANCE) > 0
        ? "the revenue flows sum to " + sum.toPlainString() + ", not zero"
        : null;
  }

  private void flows(
      String seller, String txn, String contractId, Instant firstSlot, List<MoneyFlow> flows)
      throws SQLException {
    String problem = unbalanced(flows);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement del =
          c.prepareStatement(
              "DELETE FROM received_revenue_flow WHERE contract_id = ? AND seller_platform = ?")) {
        del.setString(1, contractId);
        del.setString(2, seller);
        del.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO received_revenue_flow (contract_id, seller_platform, flow_no,"
                  + " transaction_id, first_slot_start, party, amount, currency, received_at)"
                  + " VALUES (?,?,?,?,?,?,?,?,?)")) {
        for (int i = 0; i < flows.size(); i++) {
          MoneyFlow f = flows.get(i);
          ps.setString(1, contractId);
          ps.setString(2, seller);
          ps.setInt(3, i + 1);
          ps.setString(4, txn);
          ps.setObject(5, firstSlot.atOffset(ZoneOffset.UTC));
          ps.setString(6, f.party().name());
          ps.setBigDecimal(7, f.amount());
          ps.setString(8, f.currency().getCurrencyCode());
          ps.setObject(9, Instant.now().atOffset(ZoneOffset.UTC));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private static BigDecimal allocated(TradeContract tc, String tradeId, TradeSide side) {
    for (Allocation a : tc.allocations()) {
      if (a.tradeId().equals(tradeId) && a.side() == side) {
        return a.allocatedKwh();
      }
    }
    return null;
  }

  /** The PaymentAction the settlements report, if any. */
  private static Settlement payment(Contract c) {
    return c.settlements().stream()
        .filter(s -> s != null && "PaymentAction".equals(s.attributesType()))
        .reduce((a, b) -> b)
        .orElse(null);
  }

  private static String attr(Settlement s, String name, int max) {
    var v = s.member("settlementAttributes").path(name);
    if (!v.isValueNode() || v.isNull()) {
      return null;
    }
    String text = v.asText();
    return text.length() <= max ? text : text.substring(0, max);
  }
}
