package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.uei.p2p.model.wave1.Attributes;

/**
 * EnergyTrade v0.3 {@code EnergyOrderItem} ({@code beckn:orderItemAttributes}): the seller-side
 * customer of an order line and, once delivery runs, its {@code EnergyTradeDelivery}.
 */
public final class EnergyOrderItem extends Attributes {

  /** The {@code @type} of this pack. */
  public static final String TYPE = "EnergyOrderItem";

  @JsonProperty("providerAttributes")
  private Attributes providerAttributes;

  @JsonProperty("fulfillmentAttributes")
  private Attributes fulfillmentAttributes;

  public Attributes getProviderAttributes() {
    return providerAttributes;
  }

  public void setProviderAttributes(Attributes providerAttributes) {
    this.providerAttributes = providerAttributes;
  }

  public Attributes getFulfillmentAttributes() {
    return fulfillmentAttributes;
  }

  public void setFulfillmentAttributes(Attributes fulfillmentAttributes) {
    this.fulfillmentAttributes = fulfillmentAttributes;
  }
}
