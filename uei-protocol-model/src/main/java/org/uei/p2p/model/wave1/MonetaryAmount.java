package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** An amount of money: {@code {currency, value}}, as in {@code beckn:amount}. */
public final class MonetaryAmount extends WireObject {

  @JsonProperty("currency")
  private String currency;

  @JsonProperty("value")
  private BigDecimal value;

  public MonetaryAmount() {}

  /** {@code value} in {@code currency} (ISO 4217, normally {@code INR}). */
  public static MonetaryAmount of(BigDecimal value, String currency) {
    MonetaryAmount a = new MonetaryAmount();
    a.value = value;
    a.currency = currency;
    return a;
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
}
