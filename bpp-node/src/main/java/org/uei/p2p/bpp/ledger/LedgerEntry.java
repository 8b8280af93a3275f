package org.uei.p2p.bpp.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.uei.p2p.market.ledger.LedgerRecord;
import org.uei.p2p.market.ledger.LedgerStatus;

/**
 * A ledger record as stored ({@code ledger_record}). {@link Version} makes Hibernate update only
 * the row version it read, which is what turns two concurrent writes into one winner and one retry.
 */
@Entity
@Table(name = "ledger_record")
public class LedgerEntry extends PanacheEntityBase {

  @Id
  @Column(name = "record_id")
  public String recordId;

  @Column(name = "transaction_id", nullable = false)
  public String transactionId;

  @Column(name = "order_item_id", nullable = false)
  public String orderItemId;

  @Column(name = "creation_time", nullable = false)
  public Instant creationTime;

  @Column(name = "platform_id_buyer", nullable = false)
  public String platformIdBuyer;

  @Column(name = "platform_id_seller", nullable = false)
  public String platformIdSeller;

  @Column(name = "discom_id_buyer", nullable = false)
  public String discomIdBuyer;

  @Column(name = "discom_id_seller", nullable = false)
  public String discomIdSeller;

  @Column(name = "buyer_id", nullable = false)
  public String buyerId;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "trade_time")
  public Instant tradeTime;

  @Column(name = "delivery_start_time", nullable = false)
  public Instant deliveryStartTime;

  @Column(name = "delivery_end_time", nullable = false)
  public Instant deliveryEndTime;

  @Column(name = "trade_details", nullable = false)
  public String tradeDetails;

  @Column(name = "buyer_metrics", nullable = false)
  public String buyerMetrics;

  @Column(name = "seller_metrics", nullable = false)
  public String sellerMetrics;

  @Column(name = "status_buyer_discom")
  public String statusBuyerDiscom;

  @Column(name = "status_seller_discom")
  public String statusSellerDiscom;

  @Column(name = "network_id")
  public String networkId;

  @Column(name = "buyer_discom_updated_at")
  public Instant buyerDiscomUpdatedAt;

  @Column(name = "seller_discom_updated_at")
  public Instant sellerDiscomUpdatedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  public long version;

  /** Copies every field of {@code r} but the version, which Hibernate keeps. */
  void copy(LedgerRecord r) {
    recordId = r.recordId();
    transactionId = r.transactionId();
    orderItemId = r.orderItemId();
    creationTime = r.creationTime();
    platformIdBuyer = r.platformIdBuyer();
    platformIdSeller = r.platformIdSeller();
    discomIdBuyer = r.discomIdBuyer();
    discomIdSeller = r.discomIdSeller();
    buyerId = r.buyerId();
    sellerId = r.sellerId();
    tradeTime = r.tradeTime();
    deliveryStartTime = r.deliveryStartTime();
    deliveryEndTime = r.deliveryEndTime();
    tradeDetails = LedgerJson.linesText(r.tradeDetails());
    buyerMetrics = LedgerJson.metricsText(r.buyerMetrics());
    sellerMetrics = LedgerJson.metricsText(r.sellerMetrics());
    statusBuyerDiscom = r.statusBuyerDiscom() == null ? null : r.statusBuyerDiscom().name();
    statusSellerDiscom = r.statusSellerDiscom() == null ? null : r.statusSellerDiscom().name();
    networkId = r.networkId();
    buyerDiscomUpdatedAt = r.buyerDiscomUpdatedAt();
    sellerDiscomUpdatedAt = r.sellerDiscomUpdatedAt();
    updatedAt = r.updatedAt();
  }

  /** The domain record. */
  LedgerRecord record() {
    return new LedgerRecord.Builder()
        .recordId(recordId)
        .transactionId(transactionId)
        .orderItemId(orderItemId)
        .creationTime(creationTime)
        .platformIdBuyer(platformIdBuyer)
        .platformIdSeller(platformIdSeller)
        .discomIdBuyer(discomIdBuyer)
        .discomIdSeller(discomIdSeller)
        .buyerId(buyerId)
        .sellerId(sellerId)
        .tradeTime(tradeTime)
        .deliveryStartTime(deliveryStartTime)
        .deliveryEndTime(deliveryEndTime)
        .tradeDetails(LedgerJson.linesOf(tradeDetails))
        .buyerMetrics(LedgerJson.metricsOf(buyerMetrics))
        .sellerMetrics(LedgerJson.metricsOf(sellerMetrics))
        .statusBuyerDiscom(
            statusBuyerDiscom == null ? null : LedgerStatus.valueOf(statusBuyerDiscom))
        .statusSellerDiscom(
            statusSellerDiscom == null ? null : LedgerStatus.valueOf(statusSellerDiscom))
        .networkId(networkId)
        .buyerDiscomUpdatedAt(buyerDiscomUpdatedAt)
        .sellerDiscomUpdatedAt(sellerDiscomUpdatedAt)
        .updatedAt(updatedAt)
        .version(version)
        .build();
  }
}
