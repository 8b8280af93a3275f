package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.uei.p2p.model.wave1.TimePeriod;
import org.uei.p2p.model.wave1.WireObject;

/**
 * One entry of {@code EnergyTradeDelivery.meterReadings}: energy imported, exported and allocated
 * to the trade in a time window.
 */
public final class MeterReading extends WireObject {

  @JsonProperty("beckn:timeWindow")
  private TimePeriod timeWindow;

  @JsonProperty("consumedEnergy")
  private BigDecimal consumedEnergy;

  @JsonProperty("producedEnergy")
  private BigDecimal producedEnergy;

  @JsonProperty("allocatedEnergy")
  private BigDecimal allocatedEnergy;

  @JsonProperty("unit")
  private String unit;

  public TimePeriod getTimeWindow() {
    return timeWindow;
  }

  public void setTimeWindow(TimePeriod timeWindow) {
    this.timeWindow = timeWindow;
  }

  public BigDecimal getConsumedEnergy() {
    return consumedEnergy;
  }

  public void setConsumedEnergy(BigDecimal consumedEnergy) {
    this.consumedEnergy = consumedEnergy;
  }

  public BigDecimal getProducedEnergy() {
    return producedEnergy;
  }

  public void setProducedEnergy(BigDecimal producedEnergy) {
    this.producedEnergy = producedEnergy;
  }

  public BigDecimal getAllocatedEnergy() {
    return allocatedEnergy;
  }

  public void setAllocatedEnergy(BigDecimal allocatedEnergy) {
    this.allocatedEnergy = allocatedEnergy;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }
}
