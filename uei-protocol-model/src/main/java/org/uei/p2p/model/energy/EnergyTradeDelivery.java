package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.uei.p2p.model.wave1.Attributes;

/**
 * EnergyTrade v0.3 {@code EnergyTradeDelivery} ({@code fulfillmentAttributes}): delivery status,
 * delivered and curtailed energy and the meter readings of an order line.
 */
public final class EnergyTradeDelivery extends Attributes {

  /** The {@code @type} of this pack. */
  public static final String TYPE = "EnergyTradeDelivery";

  @JsonProperty("deliveryStatus")
  private String deliveryStatus;

  @JsonProperty("deliveryMode")
  private String deliveryMode;

  @JsonProperty("deliveredQuantity")
  private BigDecimal deliveredQuantity;

  @JsonProperty("meterReadings")
  private List<MeterReading> meterReadings;

  @JsonProperty("curtailedQuantity")
  private BigDecimal curtailedQuantity;

  @JsonProperty("curtailmentReason")
  private String curtailmentReason;

  @JsonProperty("lastUpdated")
  private String lastUpdated;

  public String getDeliveryStatus() {
    return deliveryStatus;
  }

  public void setDeliveryStatus(String deliveryStatus) {
    this.deliveryStatus = deliveryStatus;
  }

  public String getDeliveryMode() {
    return deliveryMode;
  }

  public void setDeliveryMode(String deliveryMode) {
    this.deliveryMode = deliveryMode;
  }

  public BigDecimal getDeliveredQuantity() {
    return deliveredQuantity;
  }

  public void setDeliveredQuantity(BigDecimal deliveredQuantity) {
    this.deliveredQuantity = deliveredQuantity;
  }

  public List<MeterReading> getMeterReadings() {
    return meterReadings;
  }

  public void setMeterReadings(List<MeterReading> meterReadings) {
    this.meterReadings = meterReadings;
  }

  public BigDecimal getCurtailedQuantity() {
    return curtailedQuantity;
  }

  public void setCurtailedQuantity(BigDecimal curtailedQuantity) {
    this.curtailedQuantity = curtailedQuantity;
  }

  public String getCurtailmentReason() {
    return curtailmentReason;
  }

  public void setCurtailmentReason(String curtailmentReason) {
    this.curtailmentReason = curtailmentReason;
  }

  public String getLastUpdated() {
    return lastUpdated;
  }

  public void setLastUpdated(String lastUpdated) {
    this.lastUpdated = lastUpdated;
  }
}
