package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A provider (seller) as embedded in an item: id, descriptor and its attribute pack (an {@code
 * EnergyCustomer} in P2P trading).
 */
public final class Provider extends WireObject {

  @JsonProperty("beckn:id")
  private String id;

  @JsonProperty("beckn:descriptor")
  private Descriptor descriptor;

  @JsonProperty("beckn:validity")
  private TimePeriod validity;

  @JsonProperty("beckn:providerAttributes")
  private Attributes providerAttributes;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Descriptor getDescriptor() {
    return descriptor;
  }

  public void setDescriptor(Descriptor descriptor) {
    this.descriptor = descriptor;
  }

  public TimePeriod getValidity() {
    return validity;
  }

  public void setValidity(TimePeriod validity) {
    this.validity = validity;
  }

  public Attributes getProviderAttributes() {
    return providerAttributes;
  }

  public void setProviderAttributes(Attributes providerAttributes) {
    this.providerAttributes = providerAttributes;
  }
}
