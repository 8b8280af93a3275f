package org.uei.p2p.market.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A DISCOM's fulfilment measurement of one side of a trade.
 *
 * @param validationMetricType what was measured
 * @param validationMetricValue the value (kWh for the actuals)
 */
public record ValidationMetric(MetricType validationMetricType, BigDecimal validationMetricValue) {

  /** Requires both fields. */
  public ValidationMetric {
    Objects.requireNonNull(validationMetricType, "validationMetricType");
    Objects.requireNonNull(validationMetricValue, "validationMetricValue");
  }
}
