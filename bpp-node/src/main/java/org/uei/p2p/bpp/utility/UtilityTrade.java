package org.uei.p2p.bpp.utility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * One line of a recorded order: the trade whose buyer or seller meter (or both) is this DISCOM's.
 */
@Entity
@Table(name = "utility_trade")
public class UtilityTrade extends PanacheEntityBase {

  /** Statuses: recorded, curtailed by the DISCOM, cancelled by the platform. */
  public static final String CONFIRMED = "CONFIRMED";

  public static final String CURTAILED = "CURTAILED";
  public static final String CANCELLED = "CANCELLED";

  /** {@code <utility order id>/<line number>}. */
  @Id public String id;

  @Column(name = "order_id", nullable = false)
  public String orderId;

  @Column(name = "line_no", nullable = false)
  public int lineNo;

  @Column(name = "buyer_meter_id", nullable = false)
  public String buyerMeterId;

  @Column(name = "buyer_discom_id", nullable = false)
  public String buyerDiscomId;

  @Column(name = "seller_meter_id", nullable = false)
  public String sellerMeterId;

  @Column(name = "seller_discom_id", nullable = false)
  public String sellerDiscomId;

  @Column(name = "slot_start", nullable = false)
  public Instant slotStart;

  @Column(name = "slot_end", nullable = false)
  public Instant slotEnd;

  @Column(name = "quantity_kwh", nullable = false)
  public BigDecimal quantityKwh;

  @Column(name = "price_per_kwh", nullable = false)
  public BigDecimal pricePerKwh;

  @Column(nullable = false)
  public String currency;

  @Column(nullable = false)
  public String status;

  @Column(name = "curtailed_kwh")
  public BigDecimal curtailedKwh;

  @Column(name = "curtailment_reason")
  public String curtailmentReason;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /**
   * Not cancelled trades of {@code meterId} (either side) in the slot starting at {@code
   * slotStart}.
   */
  public static List<UtilityTrade> open(String meterId, Instant slotStart) {
    return list(
        "status <> ?1 and slotStart = ?2 and (buyerMeterId = ?3 or sellerMeterId = ?3)",
        CANCELLED,
        slotStart,
        meterId);
  }

  /** The market's view of this line. */
  public Trade trade(String platformId) {
    return new Trade(
        id,
        platformId,
        platformId,
        new MeterPoint(buyerMeterId, buyerDiscomId),
        new MeterPoint(sellerMeterId, sellerDiscomId),
        new DeliverySlot(slotStart, slotEnd),
        quantityKwh,
        new UnitPrice(pricePerKwh, Currency.getInstance(currency)),
        CANCELLED.equals(status)
            ? TradeStatus.CANCELLED
            : CURTAILED.equals(status) ? TradeStatus.CURTAILED : TradeStatus.CONFIRMED,
        createdAt);
  }
}
