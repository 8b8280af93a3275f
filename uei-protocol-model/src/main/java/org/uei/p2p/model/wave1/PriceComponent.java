package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** One line of a price breakup: {@code {type, value, currency, description}}. */
public final class PriceComponent extends WireObject {

  @JsonProperty("type")
  private String type;

  @JsonProperty("value")
  private BigDecimal value;

  @JsonProperty("currency")
  private String currency;

  @JsonProperty("description")
  private String description;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public BigDecimal getValue() {
    return value;
  }

  public void setValue(BigDecimal value) {
    this.value = value;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
