package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.Attributes;
import org.uei.p2p.model.wave1.TimePeriod;

/**
 * EnergyTrade v0.3 {@code EnergyTradeOffer} ({@code beckn:offerAttributes}): pricing model,
 * delivery slot and the window in which the offer can be taken.
 */
public final class EnergyTradeOffer extends Attributes {

  /** The {@code @type} of this pack. */
  public static final String TYPE = "EnergyTradeOffer";

  @JsonProperty("pricingModel")
  private String pricingModel;

  @JsonProperty("deliveryWindow")
  private TimePeriod deliveryWindow;

  @JsonProperty("validityWindow")
  private TimePeriod validityWindow;

  public String getPricingModel() {
    return pricingModel;
  }

  public void setPricingModel(String pricingModel) {
    this.pricingModel = pricingModel;
  }

  public TimePeriod getDeliveryWindow() {
    return deliveryWindow;
  }

  public void setDeliveryWindow(TimePeriod deliveryWindow) {
    this.deliveryWindow = deliveryWindow;
  }

  public TimePeriod getValidityWindow() {
    return validityWindow;
  }

  public void setValidityWindow(TimePeriod validityWindow) {
    this.validityWindow = validityWindow;
  }
}
