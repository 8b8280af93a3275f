package org.uei.p2p.bpp.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a {@link SellerOrder}: a quantity taken from one slot offer at the contract price.
 */
@Entity
@Table(name = "seller_order_line")
public class SellerOrderLine extends PanacheEntityBase {

  @EmbeddedId public Key key;

  @com.fasterxml.jackson.annotation.JsonIgnore
  @MapsId("orderId")
  @ManyToOne
  @JoinColumn(name = "order_id")
  public SellerOrder order;

  @Column(name = "offer_id", nullable = false)
  public String offerId;

  @Column(name = "quantity_kwh", nullable = false, precision = 12, scale = 2)
  public BigDecimal quantityKwh;

  @Column(name = "price_per_kwh", nullable = false, precision = 12, scale = 4)
  public BigDecimal pricePerKwh;

  @Column(nullable = false, length = 3)
  public String currency;

  /** Line number within the order, from 1. */
  public int lineNo() {
    return key.lineNo;
  }

  /** Order id and line number. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "order_id")
    public String orderId;

    @Column(name = "line_no")
    public int lineNo;

    public Key() {}

    public Key(String orderId, int lineNo) {
      this.orderId = orderId;
      this.lineNo = lineNo;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(orderId, k.orderId) && lineNo == k.lineNo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(orderId, lineNo);
    }
  }
}
