package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A {@code beckn:Fulfillment}: the mode-agnostic delivery envelope of an order. */
public final class Fulfillment extends JsonLdObject {

  /** The JSON-LD type of this object. */
  public static final String TYPE = "beckn:Fulfillment";

  @JsonProperty("beckn:id")
  private String id;

  @JsonProperty("beckn:fulfillmentStatus")
  private String fulfillmentStatus;

  @JsonProperty("beckn:mode")
  private String mode;

  @JsonProperty("beckn:deliveryAttributes")
  private Attributes deliveryAttributes;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getFulfillmentStatus() {
    return fulfillmentStatus;
  }

  public void setFulfillmentStatus(String fulfillmentStatus) {
    this.fulfillmentStatus = fulfillmentStatus;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public Attributes getDeliveryAttributes() {
    return deliveryAttributes;
  }

  public void setDeliveryAttributes(Attributes deliveryAttributes) {
    this.deliveryAttributes = deliveryAttributes;
  }
}
