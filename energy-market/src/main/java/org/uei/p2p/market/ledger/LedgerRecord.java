package org.uei.p2p.market.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.uei.p2p.model.trade.TradeSide;

/**
 * One ledger record: the trade facts the platforms put, and what the DISCOMs recorded about its
 * delivery. Keyed by {@code transactionId + orderItemId}; {@code recordId} is the ledger's own id.
 *
 * @param recordId ledger-assigned id
 * @param transactionId Beckn transaction id (first half of the key)
 * @param orderItemId order item id (second half of the key)
 * @param creationTime when the ledger created the record
 * @param platformIdBuyer buyer platform's subscriber id
 * @param platformIdSeller seller platform's subscriber id
 * @param discomIdBuyer buyer's DISCOM
 * @param discomIdSeller seller's DISCOM
 * @param buyerId buyer's meter / consumer account
 * @param sellerId seller's meter / consumer account
 * @param tradeTime when the trade was agreed, or null
 * @param deliveryStartTime delivery window start
 * @param deliveryEndTime delivery window end
 * @param tradeDetails trade lines
 * @param buyerMetrics buyer DISCOM's fulfilment metrics ({@code buyerFulfillmentValidationMetrics})
 * @param sellerMetrics seller DISCOM's fulfilment metrics ({@code
 *     sellerFulfillmentValidationMetrics})
 * @param statusBuyerDiscom buyer DISCOM's status, or null
 * @param statusSellerDiscom seller DISCOM's status, or null
 * @param networkId network the trade was made on, or null
 * @param buyerDiscomUpdatedAt when the buyer DISCOM last wrote, or null
 * @param sellerDiscomUpdatedAt when the seller DISCOM last wrote, or null
 * @param updatedAt last write of any kind
 * @param version write counter; the store refuses a write based on an older one
 */
public record LedgerRecord(
    String recordId,
    String transactionId,
    String orderItemId,
    Instant creationTime,
    String platformIdBuyer,
    String platformIdSeller,
    String discomIdBuyer,
    String discomIdSeller,
    String buyerId,
    String sellerId,
    Instant tradeTime,
    Instant deliveryStartTime,
    Instant deliveryEndTime,
    List<TradeDetail> tradeDetails,
    List<ValidationMetric> buyerMetrics,
    List<ValidationMetric> sellerMetrics,
    LedgerStatus statusBuyerDiscom,
    LedgerStatus statusSellerDiscom,
    String networkId,
    Instant buyerDiscomUpdatedAt,
    Instant sellerDiscomUpdatedAt,
    Instant updatedAt,
    long version) {

  /** Copies the lists so a record never changes after it was made. */
  public LedgerRecord {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(orderItemId, "orderItemId");
    tradeDetails = tradeDetails == null ? List.of() : List.copyOf(tradeDetails);
    buyerMetrics = buyerMetrics == null ? List.of() : List.copyOf(buyerMetrics);
    sellerMetrics = sellerMetrics == null ? List.of() : List.copyOf(sellerMetrics);
  }

  /** Contracted energy: the kWh of the ENERGY lines; zero when there are none. */
  public BigDecimal energyQty() {
    BigDecimal sum = BigDecimal.ZERO;
    for (TradeDetail d : tradeDetails) {
      if (d.energy()) {
        sum = sum.add(d.tradeQty());
      }
    }
    return sum;
  }

  /** The price of the first ENERGY line that has one. */
  public Optional<TradeDetail> pricedEnergyLine() {
    return tradeDetails.stream().filter(d -> d.energy() && d.pricePerUnit() != null).findFirst();
  }

  /** The metrics {@code side}'s DISCOM recorded. */
  public List<ValidationMetric> metrics(TradeSide side) {
    return side == TradeSide.BUYER ? buyerMetrics : sellerMetrics;
  }

  /** The value of one metric of one side, if recorded. */
  public Optional<BigDecimal> metric(TradeSide side, MetricType type) {
    return metrics(side).stream()
        .filter(m -> m.validationMetricType() == type)
        .map(ValidationMetric::validationMetricValue)
        .findFirst();
  }

  /**
   * What settles once both DISCOMs have reported: {@code min(ACTUAL_PULLED, ACTUAL_PUSHED)}, the
   * energy both the buyer's and the seller's meters account for; empty until both are recorded.
   */
  public Optional<BigDecimal> settledQty() {
    Optional<BigDecimal> pulled = metric(TradeSide.BUYER, MetricType.ACTUAL_PULLED);
    Optional<BigDecimal> pushed = metric(TradeSide.SELLER, MetricType.ACTUAL_PUSHED);
    return pulled.isPresent() && pushed.isPresent()
        ? Optional.of(pulled.get().min(pushed.get()))
        : Optional.empty();
  }

  /** The platform of {@code side}. */
  public String platformId(TradeSide side) {
    return side == TradeSide.BUYER ? platformIdBuyer : platformIdSeller;
  }

  /** The DISCOM of {@code side}. */
  public String discomId(TradeSide side) {
    return side == TradeSide.BUYER ? discomIdBuyer : discomIdSeller;
  }

  /** The meter of {@code side}. */
  public String meterId(TradeSide side) {
    return side == TradeSide.BUYER ? buyerId : sellerId;
  }

  /**
   * {@code sha256:<hex>} over the record's canonical state (every field but the version, decimals
   * by value). The record id and creation time are part of it, and each ledger gives its own: two
   * ledgers holding the same trade agree on the facts, not on the digest.
   */
  public String rowDigest() {
    StringBuilder b = new StringBuilder();
    for (Object o :
        new Object[] {
          recordId,
          transactionId,
          orderItemId,
          creationTime,
          platformIdBuyer,
          platformIdSeller,
          discomIdBuyer,
          discomIdSeller,
          buyerId,
          sellerId,
          tradeTime,
          deliveryStartTime,
          deliveryEndTime,
          statusBuyerDiscom,
          statusSellerDiscom,
          networkId
        }) {
      field(b, o == null ? null : o.toString());
    }
    for (TradeDetail d : tradeDetails) {
      field(
          b,
          d.tradeType()
              + "/"
              + Decimals.plain(d.tradeQty()).toPlainString()
              + "/"
              + d.tradeUnit()
              + "/"
              + (d.pricePerUnit() == null ? "" : Decimals.plain(d.pricePerUnit()).toPlainString())
              + "/"
              + (d.priceCurrency() == null ? "" : d.priceCurrency()));
    }
    for (List<ValidationMetric> side : List.of(buyerMetrics, sellerMetrics)) {
      b.append('|');
      for (ValidationMetric m : side) {
        field(
            b,
            m.validationMetricType()
                + "="
                + Decimals.plain(m.validationMetricValue()).toPlainString());
      }
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // Length-prefixed, so that no two different states share a canonical text.
  private static void field(StringBuilder b, String v) {
    if (v == null) {
      b.append("-;");
    } else {
      b.append(v.length()).append(':').append(v).append(';');
    }
  }

  /** A builder preset with this record, for the next version of it. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable copy of a record; {@link #build()} makes the next immutable one. */
  public static final class Builder {
    String recordId;
    String transactionId;
    String orderItemId;
    Instant creationTime;
    String platformIdBuyer;
    String platformIdSeller;
    String discomIdBuyer;
    String discomIdSeller;
    String buyerId;
    String sellerId;
    Instant tradeTime;
    Instant deliveryStartTime;
    Instant deliveryEndTime;
    List<TradeDetail> tradeDetails;
    List<ValidationMetric> buyerMetrics;
    List<ValidationMetric> sellerMetrics;
    LedgerStatus statusBuyerDiscom;
    LedgerStatus statusSellerDiscom;
    String networkId;
    Instant buyerDiscomUpdatedAt;
    Instant sellerDiscomUpdatedAt;
    Instant updatedAt;
    long version;

    /** An empty builder. */
    public Builder() {}

    Builder(LedgerRecord r) {
      recordId = r.recordId;
      transactionId = r.transactionId;
      orderItemId = r.orderItemId;
      creationTime = r.creationTime;
      platformIdBuyer = r.platformIdBuyer;
      platformIdSeller = r.platformIdSeller;
      discomIdBuyer = r.discomIdBuyer;
      discomIdSeller = r.discomIdSeller;
      buyerId = r.buyerId;
      sellerId = r.sellerId;
      tradeTime = r.tradeTime;
      deliveryStartTime = r.deliveryStartTime;
      deliveryEndTime = r.deliveryEndTime;
      tradeDetails = r.tradeDetails;
      buyerMetrics = r.buyerMetrics;
      sellerMetrics = r.sellerMetrics;
      statusBuyerDiscom = r.statusBuyerDiscom;
      statusSellerDiscom = r.statusSellerDiscom;
      networkId = r.networkId;
      buyerDiscomUpdatedAt = r.buyerDiscomUpdatedAt;
      sellerDiscomUpdatedAt = r.sellerDiscomUpdatedAt;
      updatedAt = r.updatedAt;
      version = r.version;
    }

    public Builder recordId(String v) {
      recordId = v;
      return this;
    }

    public Builder transactionId(String v) {
      transactionId = v;
      return this;
    }

    public Builder orderItemId(String v) {
      orderItemId = v;
      return this;
    }

    public Builder creationTime(Instant v) {
      creationTime = v;
      return this;
    }

    public Builder platformIdBuyer(String v) {
      platformIdBuyer = v;
      return this;
    }

    public Builder platformIdSeller(String v) {
      platformIdSeller = v;
      return this;
    }

    public Builder discomIdBuyer(String v) {
      discomIdBuyer = v;
      return this;
    }

    public Builder discomIdSeller(String v) {
      discomIdSeller = v;
      return this;
    }

    public Builder buyerId(String v) {
      buyerId = v;
      return this;
    }

    public Builder sellerId(String v) {
      sellerId = v;
      return this;
    }

    public Builder tradeTime(Instant v) {
      tradeTime = v;
      return this;
    }

    public Builder deliveryStartTime(Instant v) {
      deliveryStartTime = v;
      return this;
    }

    public Builder deliveryEndTime(Instant v) {
      deliveryEndTime = v;
      return this;
    }

    public Builder tradeDetails(List<TradeDetail> v) {
      tradeDetails = v;
      return this;
    }

    public Builder buyerMetrics(List<ValidationMetric> v) {
      buyerMetrics = v;
      return this;
    }

    public Builder sellerMetrics(List<ValidationMetric> v) {
      sellerMetrics = v;
      return this;
    }

    public Builder statusBuyerDiscom(LedgerStatus v) {
      statusBuyerDiscom = v;
      return this;
    }

    public Builder statusSellerDiscom(LedgerStatus v) {
      statusSellerDiscom = v;
      return this;
    }

    public Builder networkId(String v) {
      networkId = v;
      return this;
    }

    public Builder buyerDiscomUpdatedAt(Instant v) {
      buyerDiscomUpdatedAt = v;
      return this;
    }

    public Builder sellerDiscomUpdatedAt(Instant v) {
      sellerDiscomUpdatedAt = v;
      return this;
    }

    public Builder updatedAt(Instant v) {
      updatedAt = v;
      return this;
    }

    public Builder version(long v) {
      version = v;
      return this;
    }

    /** The record. */
    public LedgerRecord build() {
      return new LedgerRecord(
          recordId,
          transactionId,
          orderItemId,
          creationTime,
          platformIdBuyer,
          platformIdSeller,
          discomIdBuyer,
          discomIdSeller,
          buyerId,
          sellerId,
          tradeTime,
          deliveryStartTime,
          deliveryEndTime,
          tradeDetails,
          buyerMetrics,
          sellerMetrics,
          statusBuyerDiscom,
          statusSellerDiscom,
          networkId,
          buyerDiscomUpdatedAt,
          sellerDiscomUpdatedAt,
          updatedAt,
          version);
    }
  }
}
