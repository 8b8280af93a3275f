package org.uei.p2p.bap.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.energy.EnergyTradeDelivery;
import org.uei.p2p.model.energy.MeterReading;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.wave1.OrderItem;
import org.uei.p2p.model.wave1.Payment;
import org.uei.p2p.node.handler.InboundMessage;

/**
 * Keeps what a seller platform reports after delivery: for every order item with an {@code
 * EnergyTradeDelivery}, the trade, both sides' allocated energy (from the meter readings, matched
 * to the meters by their {@code meterId}) and the payment status, reference and time. A later
 * report of the same trade (settlement complete after delivery) replaces the earlier one.
 * Curtailments relayed from a DISCOM are kept by {@link Curtailments}.
 */
@ApplicationScoped
public class DeliveryRecorder {
  private static final String SETTLED = "SETTLED";
  private final Wave1Codec codec = new Wave1Codec();

  @Inject AgroalDataSource dataSource;
  @Inject Curtailments curtailments;

  /** Records the delivery in an on_status/on_update, if it carries one. */
  @Transactional
  public int record(InboundMessage m) throws TradeCodecException, SQLException {
    if (!(m.envelope().getMessage() instanceof OrderMessage om)
        || om.getOrder() == null
        || om.getOrder().getOrderItems() == null) {
      return 0;
    }
    List<OrderItem> items = om.getOrder().getOrderItems();
    TradeOrder order = null;
    int recorded = 0;
    for (int i = 0; i < items.size(); i++) {
      EnergyTradeDelivery d = delivery(items.get(i));
      if (d != null && d.getCurtailedQuantity() != null && om.getOrder().getId() != null) {
        curtailments.record(m, om.getOrder().getId(), i + 1, d);
      }
      if (d == null || d.getDeliveredQuantity() == null || d.getMeterReadings() == null) {
        continue;
      }
      if (order == null) {
        order = codec.order(om);
      }
      Trade t = order.trades(order.orderId(), m.receivedAt()).get(i);
      BigDecimal seller = allocated(d, t.seller().meterId(), 0);
      BigDecimal buyer = allocated(d, t.buyer().meterId(), 1);
      Payment p = om.getOrder().getPayment();
      upsert(
          m.senderId(),
          m.context().getTransactionId(),
          t,
          buyer,
          seller,
          d.getDeliveredQuantity(),
          p == null ? null : p.getPaymentStatus(),
          p == null ? null : p.getTxnRef(),
          p == null ? null : p.getPaidAt());
      recorded++;
    }
    return recorded;
  }

  private static EnergyTradeDelivery delivery(OrderItem item) {
    if (item.getOrderItemAttributes() == null) {
      return null;
    }
    EnergyOrderItem eoi = item.getOrderItemAttributes().as(EnergyOrderItem.class).orElse(null);
    if (eoi == null || eoi.getFulfillmentAttributes() == null) {
      return null;
    }
    return eoi.getFulfillmentAttributes().as(EnergyTradeDelivery.class).orElse(null);
  }

  /** The allocation of {@code meterId}'s reading; by position when readings do not name meters. */
  private static BigDecimal allocated(EnergyTradeDelivery d, String meterId, int position) {
    for (MeterReading r : d.getMeterReadings()) {
      JsonNode id = r.extra("meterId");
      if (id != null && meterId.equals(id.asText()) && r.getAllocatedEnergy() != null) {
        return r.getAllocatedEnergy();
      }
    }
    List<MeterReading> rs = d.getMeterReadings();
    if (rs.size() > position && rs.get(position).getAllocatedEnergy() != null) {
      return rs.get(position).getAllocatedEnergy();
    }
    return d.getDeliveredQuantity();
  }

  /**
   * Keeps one trade's delivery as {@code sellerPlatform} reported it in {@code transactionId},
   * replacing an earlier report of it; joins the caller's transaction.
   */
  void upsert(
      String sellerPlatform,
      String transactionId,
      Trade t,
      BigDecimal buyer,
      BigDecimal seller,
      BigDecimal delivered,
      String paymentStatus,
      String txnRef,
      String paidAt)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      // The seller's outbox may deliver an earlier report late (a retried on_status after the
      // on_update): a settled payment is never taken back by a report that is not settled.
      try (PreparedStatement held =
          c.prepareStatement(
              "SELECT payment_status, txn_ref, paid_at FROM received_delivery"
                  + " WHERE trade_id = ? AND seller_platform = ? FOR UPDATE")) {
        held.setString(1, t.tradeId());
        held.setString(2, sellerPlatform);
        try (ResultSet rs = held.executeQuery()) {
          if (rs.next() && SETTLED.equals(rs.getString(1)) && !SETTLED.equals(paymentStatus)) {
            paymentStatus = rs.getString(1);
            txnRef = rs.getString(2);
            paidAt = rs.getString(3);
          }
        }
      }
      try (PreparedStatement del =
          c.prepareStatement(
              "DELETE FROM received_delivery WHERE trade_id = ? AND seller_platform = ?")) {
        del.setString(1, t.tradeId());
        del.setString(2, sellerPlatform);
        del.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO received_delivery (trade_id, seller_platform, "
                  + "buyer_platform, transaction_id, buyer_meter_id, buyer_discom_id, seller_meter_id, seller_discom_id, "
                  + "slot_start, slot_end, quantity_kwh, price_per_kwh, currency, buyer_kwh, seller_kwh, delivered_kwh, "
                  + "payment_status, txn_ref, paid_at, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        ps.setString(1, t.tradeId());
        ps.setString(2, sellerPlatform);
        ps.setString(3, t.buyerPlatformId());
        ps.setString(4, transactionId);
        ps.setString(5, t.buyer().meterId());
        ps.setString(6, t.buyer().discomId());
        ps.setString(7, t.seller().meterId());
        ps.setString(8, t.seller().discomId());
        ps.setObject(9, t.slot().start().atOffset(ZoneOffset.UTC));
        ps.setObject(10, t.slot().end().atOffset(ZoneOffset.UTC));
        ps.setBigDecimal(11, t.quantityKwh());
        ps.setBigDecimal(12, t.price().perKwh());
        ps.setString(13, t.price().currency().getCurrencyCode());
        ps.setBigDecimal(14, buyer);
        ps.setBigDecimal(15, seller);
        ps.setBigDecimal(16, delivered);
        ps.setString(17, paymentStatus);
        ps.setString(18, txnRef);
        ps.setString(19, paidAt);
        ps.setObject(20, Instant.now().atOffset(ZoneOffset.UTC));
        ps.executeUpdate();
      }
    }
  }
}
