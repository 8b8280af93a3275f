package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A {@code Quantity} (schema:QuantitativeValue): an amount with its unit, e.g. 15.0 kWh. */
public final class Quantity extends WireObject {

  @JsonProperty("unitQuantity")
  private BigDecimal unitQuantity;

  @JsonProperty("unitText")
  private String unitText;

  @JsonProperty("unitCode")
  private String unitCode;

  @JsonProperty("minQuantity")
  private BigDecimal minQuantity;

  @JsonProperty("maxQuantity")
  private BigDecimal maxQuantity;

  public Quantity() {}

  /** A quantity of {@code value} in {@code unitText} (normally {@code kWh}). */
  public static Quantity of(BigDecimal value, String unitText) {
    Quantity q = new Quantity();
    q.unitQuantity = value;
    q.unitText = unitText;
    return q;
  }

  public BigDecimal getUnitQuantity() {
    return unitQuantity;
  }

  public void setUnitQuantity(BigDecimal unitQuantity) {
    this.unitQuantity = unitQuantity;
  }

  public String getUnitText() {
    return unitText;
  }

  public void setUnitText(String unitText) {
    this.unitText = unitText;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public void setUnitCode(String unitCode) {
    this.unitCode = unitCode;
  }

  public BigDecimal getMinQuantity() {
    return minQuantity;
  }

  public void setMinQuantity(BigDecimal minQuantity) {
    this.minQuantity = minQuantity;
  }

  public BigDecimal getMaxQuantity() {
    return maxQuantity;
  }

  public void setMaxQuantity(BigDecimal maxQuantity) {
    this.maxQuantity = maxQuantity;
  }
}
