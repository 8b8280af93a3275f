package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A {@code schema:PriceSpecification}. Wave-1 uses two spellings: offers carry {@code
 * schema:price}/{@code schema:priceCurrency} per {@code unitText}; order values carry {@code
 * value}/{@code currency} with optional {@code components}. Both are modelled.
 */
public final class PriceSpecification extends JsonLdObject {

  /** The JSON-LD type of a price specification. */
  public static final String TYPE = "schema:PriceSpecification";

  @JsonProperty("schema:price")
  private BigDecimal price;

  @JsonProperty("schema:priceCurrency")
  private String priceCurrency;

  @JsonProperty("currency")
  private String currency;

  @JsonProperty("value")
  private BigDecimal value;

  @JsonProperty("unitText")
  private String unitText;

  @JsonProperty("applicableQuantity")
  private Quantity applicableQuantity;

  @JsonProperty("components")
  private List<PriceComponent> components;

  /** A unit price, e.g. 6.50 INR per kWh, for at most {@code applicableQuantity}. */
  public static PriceSpecification unitPrice(
      BigDecimal price, String currency, String unitText, Quantity applicableQuantity) {
    PriceSpecification p = new PriceSpecification();
    p.setType(TYPE);
    p.price = price;
    p.priceCurrency = currency;
    p.unitText = unitText;
    p.applicableQuantity = applicableQuantity;
    return p;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public String getPriceCurrency() {
    return priceCurrency;
  }

  public void setPriceCurrency(String priceCurrency) {
    this.priceCurrency = priceCurrency;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public BigDecimal getValue() {
    return value;
  }

  public void setValue(BigDecimal value) {
    this.value = value;
  }

  public String getUnitText() {
    return unitText;
  }

  public void setUnitText(String unitText) {
    this.unitText = unitText;
  }

  public Quantity getApplicableQuantity() {
    return applicableQuantity;
  }

  public void setApplicableQuantity(Quantity applicableQuantity) {
    this.applicableQuantity = applicableQuantity;
  }

  public List<PriceComponent> getComponents() {
    return components;
  }

  public void setComponents(List<PriceComponent> components) {
    this.components = components;
  }
}
