package org.uei.p2p.bpp.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.model.wire.WireGeneration;

/**
 * A confirmed order on the seller platform: one Beckn transaction, one buyer, one or more lines
 * each taking energy from one slot offer. Keeps what an unsolicited callback needs to reach the
 * buyer platform.
 */
@Entity
@Table(name = "seller_order")
public class SellerOrder extends PanacheEntityBase {

  @Id public String id;

  @Column(name = "transaction_id", nullable = false, unique = true)
  public String transactionId;

  @Column(name = "bap_id", nullable = false)
  public String bapId;

  @Column(name = "bap_uri", nullable = false, length = 2048)
  public String bapUri;

  @Column(nullable = false)
  public String domain;

  /**
   * The wire the order was confirmed on ({@code WireGeneration} short name: {@code wave1}, {@code
   * wave2} or {@code uei-v1}); its delivery and settlement are reported on the same wire.
   */
  @Column(nullable = false, length = 8)
  public String wire = WireGeneration.DEG_WAVE1.shortName();

  @Column(name = "buyer_id", nullable = false)
  public String buyerId;

  @Column(name = "buyer_meter_id", nullable = false)
  public String buyerMeterId;

  @Column(name = "buyer_discom_id", nullable = false)
  public String buyerDiscomId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public OrderStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @OrderBy("key.lineNo")
  public List<SellerOrderLine> lines = new ArrayList<>();

  /** The wire the order was confirmed on. */
  public WireGeneration wireGeneration() {
    return WireGeneration.fromShortName(wire).orElse(WireGeneration.DEG_WAVE1);
  }

  /** The order confirmed in a Beckn transaction, if any. */
  public static Optional<SellerOrder> byTransaction(String transactionId) {
    return find("transactionId", transactionId).firstResultOptional();
  }
}
